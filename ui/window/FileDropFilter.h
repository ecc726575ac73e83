// Lets a window take a file dropped onto it: accepts a drag that carries exactly one local
// file and says which file was dropped. An event filter, so the window needs no drag code of
// its own. Not what happens to the file (SettingsPanel::openDataFile).
#pragma once

#include <QObject>

class QWidget;

class FileDropFilter : public QObject {
    Q_OBJECT
public:
    explicit FileDropFilter(QWidget* window); // a child of the window, filtering its events

signals:
    void fileDropped(const QString& path);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
};
