// The strip above the charts that says what needs the user's attention without a modal
// dialog: training stopped itself because the loss became NaN or infinite (with an offer to
// bring back the last good weights), or a model file could not be used.
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

class NoticeBanner : public QFrame {
    Q_OBJECT
public:
    explicit NoticeBanner(QWidget* parent = nullptr);
    void showMessage(const QString& message, long lastGoodStep);
    QString message() const;

signals:
    void restoreRequested();

private:
    QLabel* m_text = nullptr;
    QPushButton* m_restore = nullptr;
};
