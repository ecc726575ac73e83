#include "window/ViewMenu.h"

#include "style/Zoom.h"
#include "window/PresentationMode.h"

#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>

QMenu* buildViewMenu(QMainWindow* window, Zoom* zoom, PresentationMode* presentation)
{
    QMenu* view = window->menuBar()->addMenu(QMenu::tr("&View"));
    QAction* fullScreen = view->addAction(QMenu::tr("&Full screen"), window, [window] {
        window->isFullScreen() ? window->showNormal() : window->showFullScreen();
    });
    fullScreen->setShortcut(Qt::Key_F11);
    view->addSeparator();
    // Remembered when the teacher zooms, not when --zoom asks.
    const auto zoomTo = [zoom](int percent) {
        zoom->setPercent(percent);
        QSettings().setValue(QStringLiteral("view/zoom"), zoom->percent());
    };
    QAction* larger = view->addAction(QMenu::tr("Zoom &in"), zoom, [zoom, zoomTo] { zoomTo(zoom->percent() + Zoom::stride); });
    larger->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    QAction* smaller = view->addAction(QMenu::tr("Zoom &out"), zoom, [zoom, zoomTo] { zoomTo(zoom->percent() - Zoom::stride); });
    smaller->setShortcut(QKeySequence::ZoomOut);
    QAction* actual = view->addAction(QMenu::tr("&Actual size"), zoom, [zoomTo] { zoomTo(Zoom::smallest); });
    actual->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    QObject::connect(zoom, &Zoom::changed, window, [window](int percent) {
        window->statusBar()->showMessage(QMenu::tr("Zoom %1%").arg(percent), 3000);
    });
    view->addSeparator();
    view->addAction(presentation->toggleAction());
    view->addMenu(presentation->keepMenu());
    return view;
}
