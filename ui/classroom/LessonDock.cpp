#include "classroom/LessonDock.h"

#include "classroom/LessonDriver.h"
#include "lessons/LessonLibrary.h"
#include "classroom/LessonPanel.h"
#include "lessons/LessonParser.h"
#include "window/MainWindow.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>

LessonDock::LessonDock(MainWindow* window) : QDockWidget(tr("Lesson"), window), m_window(window)
{
    setObjectName(QStringLiteral("lessonDock"));
    setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    m_panel = new LessonPanel;
    setWidget(m_panel);
    m_driver = new LessonDriver(window);
    connect(m_panel, &LessonPanel::actionRequested, this, [this](const lstm::LessonAction& action) {
        if (const QString problem = m_driver->run(action); !problem.isEmpty())
            m_panel->showProblem(problem);
    });
    connect(m_driver, &LessonDriver::runFinished, this, [this] {
        if (isHidden())
            return;
        m_panel->checkAnswer([this](const std::string& quantity, const std::string& model) {
            return m_driver->liveValue(quantity, model);
        });
    });
    connect(m_panel, &LessonPanel::closeRequested, this, &QDockWidget::hide);
    m_menu = new QMenu(tr("&Lessons"), window);
    connect(m_menu, &QMenu::aboutToShow, this, &LessonDock::fillMenu); // read when opened, not at start-up
    hide();
}

QString LessonDock::lessonsFolder()
{
    return QString::fromStdString(lstm::lessonsFolder(QCoreApplication::applicationDirPath().toStdString()));
}

QString LessonDock::open(const QString& nameOrPath)
{
    const std::string file = lstm::findLesson(nameOrPath.toStdString(), lessonsFolder().toStdString());
    if (file.empty())
        return tr("There is no lesson \"%1\": neither a file nor one of the lessons that ship with LSTM Lab.")
            .arg(nameOrPath);
    try {
        m_panel->setLesson(lstm::readLessonFile(file));
    } catch (const std::runtime_error& error) {
        return tr("The lesson cannot be opened: %1").arg(QString::fromUtf8(error.what()));
    }
    show();
    raise();
    m_window->resizeDocks({this}, {m_panel->fontMetrics().averageCharWidth() * 48}, Qt::Horizontal);
    return {};
}

void LessonDock::fillMenu()
{
    m_menu->clear();
    QAction* openFile = m_menu->addAction(tr("Open &lesson…"), this, &LessonDock::chooseFile);
    openFile->setToolTip(tr("Open a lesson file (.lesson): a teacher's own, written as docs/lessons.md explains"));
    m_menu->addSeparator();
    for (const std::string& file : lstm::lessonFiles(lessonsFolder().toStdString())) {
        try {
            const lstm::Lesson lesson = lstm::readLessonFile(file);
            QAction* item = m_menu->addAction(QString::fromStdString(lesson.title), this,
                                              [this, name = QString::fromStdString(lesson.name)] { open(name); });
            item->setToolTip(QString::fromStdString(lesson.summary));
        } catch (const std::runtime_error&) {
            // a broken shipped lesson is reported by lstm-lab-cli lessons check, not here
        }
    }
}

void LessonDock::chooseFile()
{
    const QString path =
        QFileDialog::getOpenFileName(m_window, tr("Open lesson"), lessonsFolder(), tr("Lessons (*.lesson)"));
    if (path.isEmpty())
        return;
    if (const QString problem = open(path); !problem.isEmpty())
        QMessageBox::warning(m_window, tr("Open lesson"), problem);
}
