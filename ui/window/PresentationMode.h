// F5 (and --present): the window as a class sees it. The side panel, the inspector's
// toolbar and the status line step aside, unless the teacher chose to keep some of them
// (View > In presentation, keep), as TensorFlow Playground lets a teacher hide its
// controls. Whether it is on and what stays are remembered.
#pragma once

#include <QObject>
#include <QString>

#include <memory>
#include <vector>

class QAction;
class QMenu;
class QWidget;

class PresentationMode : public QObject {
    Q_OBJECT
public:
    explicit PresentationMode(QObject* parent = nullptr);
    ~PresentationMode() override;

    // A part of the window that presentation hides unless kept; `key` names it in settings.
    void addPart(const QString& key, const QString& name, QWidget* widget);
    bool active() const { return m_active; }
    void setActive(bool on);
    QAction* toggleAction() const { return m_toggle; }
    QMenu* keepMenu() const { return m_keep.get(); }
    // Whether the part stays visible in presentation.
    bool keeps(const QString& key) const;

signals:
    void activeChanged(bool active);

private:
    struct Part {
        QString key;
        QWidget* widget = nullptr;
        QAction* keep = nullptr;
    };
    void apply();

    std::vector<Part> m_parts;
    bool m_active = false;
    QAction* m_toggle = nullptr;
    std::unique_ptr<QMenu> m_keep; // added to the View menu, which does not own it
};
