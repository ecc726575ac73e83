// The lesson panel docked beside the views, the driver that carries out its links on the
// window, and the Lessons menu (the lessons that ship, and Open lesson…). Opening a file
// that does not read shows the error with its line and keeps the lesson already open.
#pragma once

#include <QDockWidget>

class LessonDriver;
class LessonPanel;
class MainWindow;
class QMenu;

class LessonDock : public QDockWidget {
    Q_OBJECT
public:
    explicit LessonDock(MainWindow* window);

    // A shipped lesson by name, or a lesson file; returns the error, or "" when it opened.
    QString open(const QString& nameOrPath);
    void chooseFile(); // a file dialog, then open(); a file that does not read says why
    QMenu* menu() const { return m_menu; }
    LessonPanel* panel() const { return m_panel; }
    LessonDriver* driver() const { return m_driver; }
    static QString lessonsFolder();

private:
    void fillMenu();

    MainWindow* m_window;
    LessonPanel* m_panel = nullptr;
    LessonDriver* m_driver = nullptr;
    QMenu* m_menu = nullptr;
};
