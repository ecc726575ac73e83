// lstm-lab: the window. Options for demos and docs: --dataset, --text, --csv, --cell, --hidden, --autoplay,
// --screenshot FILE --after-steps N (train N steps, save a PNG of the window, exit), --page
// NAME and --dark for pictures of every page, and --benchmark-ui SECONDS (UI lateness while
// training flat out).
#include "classroom/LessonDock.h"
#include "classroom/LessonPanel.h"
#include "compare/ComparePage.h"
#include "compare/SweepPage.h"
#include "style/DarkPalette.h"
#include "style/Zoom.h"
#include "window/PresentationMode.h"
#include "session/GuiOptions.h"
#include "window/MainWindow.h"
#include "window/NoticeBanner.h"
#include "window/ResponsivenessBenchmark.h"
#include "worker/TrainingController.h"

#include <QApplication>
#include <QCoreApplication>
#include <QScreen>
#include <QSettings>
#include <QStyleFactory>
#include <QTimer>

#include <cstring>

namespace {

// --help and --version answer without a window, so they work where there is no display.
bool asksForTextOnly(int argc, char** argv)
{
    for (int k = 1; k < argc; ++k)
        for (const char* word : {"--help", "-h", "-?", "--help-all", "--version", "-v"})
            if (std::strcmp(argv[k], word) == 0)
                return true;
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    if (asksForTextOnly(argc, argv)) {
        QCoreApplication text(argc, argv);
        QCoreApplication::setApplicationVersion(QStringLiteral(LSTM_LAB_VERSION));
        GuiOptions options;
        const QString error = options.parse(QCoreApplication::arguments()); // prints and exits
        std::fprintf(stderr, "lstm-lab: error: %s\n", qPrintable(error));
        return 2;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationVersion(QStringLiteral(LSTM_LAB_VERSION));
    QApplication::setOrganizationName(QStringLiteral("LSTM Lab"));
    QApplication::setApplicationName(QStringLiteral("lstm-lab"));
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));

    // Larger text on large screens, so a projected window reads from the back of the room.
    if (const QScreen* screen = QGuiApplication::primaryScreen(); screen && screen->size().height() >= 1000) {
        QFont font = QApplication::font();
        font.setPointSizeF(font.pointSizeF() * 1.25);
        QApplication::setFont(font);
    }

    GuiOptions options;
    if (const QString error = options.parse(QApplication::arguments()); !error.isEmpty()) {
        std::fprintf(stderr, "lstm-lab: error: %s\n", qPrintable(error));
        return 2;
    }
    if (options.dark)
        QApplication::setPalette(darkPalette());
    MainWindow window(options.settings);
    window.showPage(options.page);
    if (!options.notice.isEmpty())
        window.banner()->showMessage(options.notice, -1);
    if (!options.size.isEmpty())
        window.resize(options.size);
    else if (!window.restoreGeometry(QSettings().value("window/geometry").toByteArray()))
        window.resize(1280, 720);
    if (!options.lesson.isEmpty()) {
        if (const QString error = window.lessons()->open(options.lesson); !error.isEmpty()) {
            std::fprintf(stderr, "lstm-lab: error: %s\n", qPrintable(error));
            return 2;
        }
        window.lessons()->panel()->showStep(options.lessonStep - 1);
    }
    // The zoom and presentation mode a teacher set last time come back, the options win; a
    // screenshot or a benchmark takes only its options, so that it comes out the same anywhere.
    const bool remembered = options.screenshot.isEmpty() && options.benchmarkSeconds <= 0;
    window.zoom()->setPercent(options.zoom > 0 ? options.zoom
                              : remembered     ? QSettings().value("view/zoom", 100).toInt()
                                               : 100);
    window.presentation()->setActive(options.present ||
                                     (remembered && QSettings().value("view/presentation", false).toBool()));
    if (!options.sweepKey.isEmpty()) {
        window.showPage(QStringLiteral("sweep"));
        window.sweepPage()->setSwept(options.sweepKey, options.sweepValues);
        std::vector<lstm::CellKind> cells{lstm::CellKind::Rnn, lstm::CellKind::Lstm};
        if (!options.compare.empty()) {
            cells.clear();
            for (const lstm::ModelChoices& model : options.compare)
                cells.push_back(model.cell);
        }
        window.sweepPage()->setCells(cells);
        if (const QString problem = window.sweepPage()->start(); !problem.isEmpty()) {
            std::fprintf(stderr, "lstm-lab: error: %s\n", qPrintable(problem));
            return 2;
        }
    } else if (!options.compare.empty()) {
        window.showPage(QStringLiteral("compare"));
        window.comparePage()->compare(options.compare);
    }
    window.show();
    if (options.benchmarkSeconds > 0)
        runResponsivenessBenchmark(window, options.benchmarkSeconds, options.benchmarkEveryView,
                                   !options.compare.empty());
    else if (!options.screenshot.isEmpty())
        options.takeScreenshotWhenReady(window);
    else if (options.autoplay && !options.compare.empty())
        QTimer::singleShot(0, window.comparePage(), &ComparePage::togglePlay);
    else if (options.autoplay)
        QTimer::singleShot(0, window.controller(), &TrainingController::play);
    return QApplication::exec();
}
