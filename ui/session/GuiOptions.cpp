#include "session/GuiOptions.h"

#include "compare/ComparePage.h"
#include "compare/SweepPage.h"
#include "inspector/Inspector.h"
#include "window/MainWindow.h"
#include "window/NoticeBanner.h"
#include "worker/TrainingController.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QSettings>
#include <QTimer>

#include <memory>

QString GuiOptions::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("LSTM Lab: watch an LSTM learn."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QList<QCommandLineOption> sessionOptions{
        {"dataset", "Built-in data set.", "name"},  {"cell", "lstm, lstm-peephole, lstm-1997, gru or rnn.", "name"},
        {"hidden", "Hidden units per layer.", "n"}, {"layers", "Stacked layers, 1 to 4.", "n"},
        {"lr", "Learning rate.", "rate"},           {"seed", "Random seed.", "n"},
        {"params", "Data set parameters, e.g. frequency=0.05.", "k=v,..."},
        {"text", "Train on a UTF-8 text: predict the next character.", "file"},
        {"csv", "Train on a CSV series: predict the targets from the inputs.", "file"},
        {"seq-len", "With --text or --csv: timesteps per sequence.", "n"},
        {"inputs", "CSV input columns (default: every number column).", "a,b,..."},
        {"targets", "CSV target columns (default: the last number column).", "a,b,..."},
        {"horizon", "CSV: predict the targets this many rows ahead.", "n"},
        {"delimiter", "CSV delimiter: \",\", \";\", tab or \"|\" (default: detected).", "x"},
        {"decimal", "CSV decimal mark: \".\" or \",\" (default: detected).", "mark"},
        {"header", "CSV: the first row names the columns (default: detected)."},
        {"no-header", "CSV: the first row is data (default: detected)."},
        {"date-order", "CSV: how to read 01/02/2020, dmy or mdy (default: detected).", "order"},
        {"time-column", "CSV: the time axis column, or none (default: detected).", "name"},
        {"missing", "CSV missing values: interpolate, forward-fill, drop or keep.", "policy"},
        {"temperature", "Text samples: the sampling temperature (default 0.8).", "t"},
        {"sample-every", "Text samples: a new one every this many steps (default 100).", "n"},
        {"prompt", "Text samples: the text the model reads before it writes.", "text"},
        {"optimizer", "sgd, momentum, rmsprop or adam.", "name"},
        {"clip", "Clip the gradient to this global norm (0: off).", "norm"},
        {"batch", "Sequences per mini-batch.", "n"},
        {"truncation", "Truncated BPTT window in timesteps (0: full BPTT).", "k"},
        {"input-bias", "Start every LSTM input gate's bias at this value, or random.", "b"},
        {"forget-bias", "Start every LSTM forget gate's bias at this value, or random.", "b"},
        {"output-bias", "Start every LSTM output gate's bias at this value, or random.", "b"},
        {"stop-after", "Stop training at this step (0: no limit).", "n"},
        {"until-solved", "Stop training when the task's success criterion is met."},
        {"no-until-solved", "Train on past the task's success criterion."},
        {"patience", "Early stopping: stop after this many validations without a better loss, keeping the best "
                     "weights (0: off).", "n"}};
    parser.addOptions(sessionOptions);
    const QCommandLineOption autoplayOption("autoplay", "Start training at once.");
    const QCommandLineOption screenshotOption("screenshot", "Save a PNG of the window and exit.", "file");
    const QCommandLineOption afterStepsOption("after-steps", "With --screenshot: train this many steps first.", "n");
    const QCommandLineOption sizeOption("size", "Window size, e.g. 1920x1080.", "WxH");
    const QCommandLineOption benchmarkOption("benchmark-ui", "Measure UI lateness while training flat out.", "seconds");
    const QCommandLineOption windowOnlyOption("window-only", "With --benchmark-ui: only the main window, no extra views.");
    const QCommandLineOption pageOption("page", "Open on a page: training, cell, heatmaps, gradients or text.", "name");
    const QCommandLineOption darkOption("dark", "Dark colours, e.g. for a dim room.");
    const QCommandLineOption timestepOption("timestep", "With --screenshot: the timestep the inspector shows.", "t");
    const QCommandLineOption lessonOption("lesson", "Open a lesson: a shipped one by name (lstm-lab-cli lessons list) "
                                                    "or a .lesson file.", "name|file");
    const QCommandLineOption compareOption("compare", "Open the Compare page with these cells, e.g. rnn,lstm (2 to 4), "
                                                      "each with --hidden units.", "cells");
    const QCommandLineOption sweepOption("sweep", "Open the Sweep page and sweep this parameter of the data set, "
                                                  "e.g. lag=5,10,20,50 (cells from --compare, else rnn,lstm).",
                                         "key=v1,v2,...");
    const QCommandLineOption presentOption("present", "Presentation mode: the side panel and secondary toolbars "
                                                      "step aside (F5 in the window).");
    const QCommandLineOption zoomOption("zoom", "Zoom every view's text, 100 to 250 percent (Ctrl+plus in the "
                                                "window).", "percent");
    const QCommandLineOption lessonStepOption("lesson-step", "With --lesson: open it at this step (1 is the first).",
                                              "n");
    parser.addOptions({autoplayOption, screenshotOption, afterStepsOption, sizeOption, benchmarkOption, pageOption,
                       darkOption, timestepOption, windowOnlyOption, lessonOption, lessonStepOption, compareOption,
                       presentOption, zoomOption, sweepOption});
    if (!parser.parse(arguments))
        return parser.errorText();
    if (parser.isSet("help")) {
        std::printf("%s", qPrintable(parser.helpText()));
        std::exit(0);
    }
    if (parser.isSet("version")) {
        std::printf("lstm-lab %s\n", qPrintable(QCoreApplication::applicationVersion()));
        std::exit(0);
    }

    bool anySession = false;
    QStringList sessionArguments;
    for (const QCommandLineOption& option : sessionOptions)
        if (parser.isSet(option)) {
            sessionArguments << "--" + option.names().first();
            if (!option.valueName().isEmpty())
                sessionArguments << parser.value(option);
            anySession = true;
        }
    settings = anySession ? SessionSettings::demo() : SessionSettings::load(QSettings());
    if (!anySession)
        notice = settings.fallBackWhenFileIsGone();
    if (const QString error = settings.applyArguments(sessionArguments); !error.isEmpty())
        return error;
    if (const QString file = settings.dataFile(); anySession && !file.isEmpty() && !QFileInfo(file).isFile())
        return QStringLiteral("%1: no such file").arg(file);
    autoplay = parser.isSet(autoplayOption);
    dark = parser.isSet(darkOption);
    benchmarkEveryView = !parser.isSet(windowOnlyOption);
    page = parser.value(pageOption);
    if (!page.isEmpty() && !MainWindow::pageNames().contains(page))
        return QStringLiteral("--page takes one of: %1").arg(MainWindow::pageNames().join(QStringLiteral(", ")));
    screenshot = parser.value(screenshotOption);
    lesson = parser.value(lessonOption);
    present = parser.isSet(presentOption);
    if (parser.isSet(sweepOption)) {
        const QString sweptText = parser.value(sweepOption);
        sweepKey = sweptText.section(QLatin1Char('='), 0, 0);
        sweepValues = sweptText.section(QLatin1Char('='), 1);
        if (sweepKey.isEmpty() || sweepValues.isEmpty())
            return QStringLiteral("--sweep takes KEY=V1,V2,..., e.g. lag=5,10,20,50");
    }
    if (parser.isSet(zoomOption)) {
        bool read = false;
        zoom = parser.value(zoomOption).toInt(&read);
        if (!read || zoom < 100 || zoom > 250)
            return QStringLiteral("--zoom takes a percentage from 100 to 250");
    }
    for (const QString& name : parser.value(compareOption).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto cell = lstm::parseCellKind(name.toStdString());
        if (!cell)
            return QStringLiteral("--compare takes cells separated by commas (lstm, lstm-peephole, lstm-1997, gru, "
                                  "rnn), not \"%1\"").arg(name);
        lstm::ModelChoices model = settings.model;
        model.cell = *cell;
        compare.push_back(model);
    }
    if (parser.isSet(compareOption) && (compare.size() < 2 || compare.size() > 4))
        return QStringLiteral("--compare takes 2 to 4 cells");
    bool ok = true;
    if (parser.isSet(lessonStepOption))
        lessonStep = parser.value(lessonStepOption).toInt(&ok);
    if (!ok || lessonStep < 1)
        return QStringLiteral("--lesson-step takes a step number, 1 for the first");
    if (parser.isSet(afterStepsOption))
        afterSteps = parser.value(afterStepsOption).toLong(&ok);
    if (!ok || afterSteps < 0)
        return QStringLiteral("--after-steps takes a number of steps");
    if (!compare.empty() && afterSteps > 0)
        settings.stop.maxSteps = afterSteps; // the comparison takes its step limit from the session
    if (parser.isSet(timestepOption))
        timestep = parser.value(timestepOption).toInt(&ok);
    if (!ok || timestep < -1)
        return QStringLiteral("--timestep takes a timestep number");
    if (parser.isSet(benchmarkOption)) {
        benchmarkSeconds = parser.value(benchmarkOption).toDouble(&ok);
        if (!ok || benchmarkSeconds <= 0)
            return QStringLiteral("--benchmark-ui takes a number of seconds");
    }
    if (parser.isSet(sizeOption)) {
        const QStringList parts = parser.value(sizeOption).split('x');
        size = parts.size() == 2 ? QSize(parts[0].toInt(), parts[1].toInt()) : QSize();
        if (size.width() < 200 || size.height() < 200)
            return QStringLiteral("--size takes WIDTHxHEIGHT, e.g. 1280x720");
    }
    return {};
}

namespace {

// Lets the last snapshot reach every view and the layout settle (without the banner, unless
// it says why training diverged), then saves the window and quits.
void saveWindowSoon(MainWindow& window, const QString& file, bool keepBanner)
{
    QTimer::singleShot(500, &window, [&window, file, keepBanner] {
        if (!keepBanner)
            window.banner()->hide();
        QTimer::singleShot(250, &window, [&window, file] {
            const bool saved = window.grab().save(file);
            std::fprintf(saved ? stdout : stderr, saved ? "saved %s\n" : "cannot write %s\n", qPrintable(file));
            QApplication::exit(saved ? 0 : 1);
        });
    });
}

// The Compare page after its models made `steps` steps (or all stopped sooner).
void takeComparisonScreenshot(MainWindow& window, const QString& file, long steps)
{
    ComparisonController* comparison = window.comparePage()->controller();
    auto taken = std::make_shared<bool>(false);
    QObject::connect(comparison, &ComparisonController::snapshotChanged, &window,
                     [&window, file, steps, taken](const ComparisonPointer& snapshot) {
                         if (*taken || (steps > 0 && !snapshot->finished))
                             return;
                         *taken = true;
                         saveWindowSoon(window, file, false);
                     });
    if (steps > 0) {
        comparison->setStepsPerSecond(0);
        comparison->play();
    }
}

} // namespace

void GuiOptions::takeScreenshotWhenReady(MainWindow& window) const
{
    if (!sweepKey.isEmpty()) { // the sweep started with the window: the picture is of its end
        QObject::connect(window.sweepPage(), &SweepPage::finished, &window,
                         [&window, file = screenshot] { saveWindowSoon(window, file, false); });
        return;
    }
    if (!compare.empty())
        return takeComparisonScreenshot(window, screenshot, afterSteps);
    TrainingController* controller = window.controller();
    window.setAskBeforeRebuild(false);
    const QString file = screenshot;
    const long steps = afterSteps;
    const int shownTimestep = timestep;
    auto taken = std::make_shared<bool>(false);
    QObject::connect(controller, &TrainingController::snapshotChanged, &window,
                     [&window, file, steps, shownTimestep, taken](const SnapshotPointer& snapshot) {
                         // The step limit pauses training at exactly `steps`, and nothing
                         // publishes after that.
                         if (*taken || ((snapshot->running || snapshot->step < steps) && !snapshot->diverged))
                             return;
                         *taken = true;
                         if (shownTimestep >= 0)
                             QTimer::singleShot(250, &window, [&window, shownTimestep] {
                                 window.inspector()->model()->setTimestep(shownTimestep);
                             });
                         // "Stopped at the step limit" is not the picture's news.
                         saveWindowSoon(window, file, snapshot->diverged);
                     });
    QObject::connect(controller, &TrainingController::rebuildFailed, &window, [](const QString& message) {
        std::fprintf(stderr, "lstm-lab: error: %s\n", qPrintable(message));
        QApplication::exit(2);
    });
    if (steps > 0) {
        controller->setStepsPerSecond(0); // as fast as possible: the picture is of step N, not of a pace
        controller->setReproducible(true);
        controller->setStopConditions({.maxSteps = steps});
        controller->play();
    }
}
