#include "window/ResponsivenessBenchmark.h"

#include "inspector/cell/CellPage.h"
#include "inspector/gradients/GradientFlowView.h"
#include "inspector/heatmaps/HeatmapView.h"
#include "inspector/Inspector.h"
#include "window/MainWindow.h"
#include "session/SessionDataset.h"
#include "inspector/text/TextInspectorPage.h"
#include "panel/SettingsPanel.h"
#include "worker/TrainingController.h"
#include "compare/ComparePage.h"
#include "window/TrainingToolBar.h"

#include "training/Comparison.h"
#include "training/Trainer.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

namespace {

double percentile(std::vector<double> values, double fraction)
{
    if (values.empty())
        return 0;
    const auto k = static_cast<std::ptrdiff_t>(fraction * double(values.size() - 1));
    std::nth_element(values.begin(), values.begin() + k, values.end());
    return values[size_t(k)];
}

double headlessStepsPerSecond(const SessionSettings& settings, double seconds)
{
    auto data = makeSessionDataset(settings); // the same data the window trains on: built-in, text or CSV
    lstm::Trainer<float> trainer(lstm::modelFor(data->shape(), settings.model), settings.train);
    lstm::Random sampler(settings.train.seed + 1);
    const auto source = [&](lstm::SequenceBatch<double>& out) {
        data->sampleTrainBatch(sampler, settings.train.batchSize, out);
    };
    QElapsedTimer clock;
    clock.start();
    long steps = 0;
    while (clock.elapsed() < seconds * 1000) {
        trainer.step(source);
        ++steps;
    }
    return double(steps) / (double(clock.elapsed()) / 1000.0);
}

// The compared models trained in lock-step without a window, as fast as they go: lock-step
// steps (each a step of every model) per second.
double headlessComparisonStepsPerSecond(const SessionSettings& settings, const ComparisonSnapshot& compared,
                                        double seconds)
{
    auto data = makeSessionDataset(settings);
    std::vector<lstm::ModelConfig> models;
    for (const ComparedModel& model : compared.models)
        models.push_back(model.model);
    lstm::Comparison<float> comparison(*data, models, settings.train, {}, QThread::idealThreadCount());
    QElapsedTimer clock;
    clock.start();
    long steps = 0;
    while (clock.elapsed() < seconds * 1000) {
        comparison.advance(50, false);
        steps += 50;
    }
    return double(steps) / (double(clock.elapsed()) / 1000.0);
}

// Every inspector page in a window of its own, beside the main window's charts, so every
// view draws every snapshot while the benchmark runs.
std::vector<std::unique_ptr<QWidget>> openEveryView(MainWindow& window)
{
    InspectorModel* model = window.inspector()->model();
    std::vector<std::unique_ptr<QWidget>> views;
    views.push_back(std::make_unique<CellPage>(model));
    views.push_back(std::make_unique<HeatmapView>(model));
    views.push_back(std::make_unique<GradientFlowView>(model));
    views.push_back(std::make_unique<TextInspectorPage>(model));
    for (const auto& view : views) {
        view->resize(960, 540);
        view->show();
    }
    return views;
}

struct Probe {
    std::vector<std::unique_ptr<QWidget>> views;
    QTimer timer;
    QElapsedTimer sinceLast;
    QElapsedTimer total;
    std::vector<double> lateness;
    long firstStep = 0;
};

} // namespace

void runResponsivenessBenchmark(MainWindow& window, double seconds, bool everyView, bool comparison)
{
    constexpr int intervalMs = 10;
    auto probe = std::make_shared<Probe>();
    if (everyView)
        probe->views = openEveryView(window);
    TrainingController* controller = window.controller();
    ComparisonController* compared = window.comparePage()->controller();
    window.trainingToolBar()->setStepsPerSecond(0); // flat out, whatever the data set's classroom speed
    const auto steps = [controller, compared, comparison] {
        return comparison ? (compared->latest() ? compared->latest()->step : 0) : controller->currentStep();
    };
    probe->timer.setTimerType(Qt::PreciseTimer);
    probe->timer.setInterval(intervalMs);
    QObject::connect(&probe->timer, &QTimer::timeout, &window,
                     [probe, controller, compared, &window, seconds, everyView, comparison, steps] {
        probe->lateness.push_back(std::max(0.0, double(probe->sinceLast.nsecsElapsed()) / 1e6 - intervalMs));
        probe->sinceLast.start();
        if (probe->total.elapsed() < seconds * 1000)
            return;
        probe->timer.stop();
        probe->views.clear();
        const double elapsed = double(probe->total.elapsed()) / 1000.0;
        ResponsivenessResult result;
        result.uiStepsPerSecond = double(steps() - probe->firstStep) / elapsed;
        controller->pause();
        compared->pause();
        result.p50LatenessMs = percentile(probe->lateness, 0.5);
        result.p95LatenessMs = percentile(probe->lateness, 0.95);
        result.p99LatenessMs = percentile(probe->lateness, 0.99);
        result.maxLatenessMs = *std::max_element(probe->lateness.begin(), probe->lateness.end());
        result.headlessStepsPerSecond =
            comparison ? headlessComparisonStepsPerSecond(window.settingsPanel()->settings(), *compared->latest(), seconds)
                       : headlessStepsPerSecond(window.settingsPanel()->settings(), seconds);
        std::printf("UI timer lateness over %.0f s, %s: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, "
                    "max %.2f ms (%zu ticks)\n",
                    elapsed, everyView ? "every view open" : "main window only", result.p50LatenessMs, result.p95LatenessMs, result.p99LatenessMs, result.maxLatenessMs,
                    probe->lateness.size());
        std::printf("training%s: %.0f steps/s with the window live, %.0f steps/s headless (%.0f%%)\n",
                    comparison ? QStringLiteral(" (%1 models in lock-step)").arg(compared->latest()->models.size())
                                     .toUtf8().constData()
                               : "",
                    result.uiStepsPerSecond, result.headlessStepsPerSecond,
                    100.0 * result.uiStepsPerSecond / result.headlessStepsPerSecond);
        QApplication::exit(0);
    });
    // Start measuring once training runs and its first snapshot is on screen.
    const auto start = [probe, steps](bool running) {
        if (!running || probe->timer.isActive() || probe->total.isValid())
            return;
        probe->firstStep = steps();
        probe->total.start();
        probe->sinceLast.start();
        probe->timer.start();
    };
    if (comparison) {
        QObject::connect(compared, &ComparisonController::snapshotChanged, &window,
                         [start](const ComparisonPointer& snapshot) { start(snapshot->running); });
        compared->setStepsPerSecond(0);
        compared->play();
    } else {
        QObject::connect(controller, &TrainingController::snapshotChanged, &window,
                         [start](const SnapshotPointer& snapshot) { start(snapshot->running); });
        controller->play();
    }
}
