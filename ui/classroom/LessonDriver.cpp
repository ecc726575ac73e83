#include "classroom/LessonDriver.h"

#include "compare/ComparePage.h"
#include "inspector/Inspector.h"
#include "lessons/LessonSetup.h"
#include "panel/SettingsPanel.h"
#include "series/CsvDataset.h"
#include "series/SeriesPreparation.h"
#include "session/BundledData.h"
#include "training/TrainingOptions.h"
#include "window/MainWindow.h"
#include "window/TrainingToolBar.h"
#include "worker/TrainingController.h"

#include <QAction>
#include <QTabWidget>
#include <QFileInfo>

#include <cmath>
#include <limits>

namespace {

int number(const lstm::LessonAction& action, const std::string& key, int otherwise)
{
    const auto found = action.arguments.find(key);
    return found == action.arguments.end() ? otherwise : std::stoi(found->second);
}

// A file of the shipped datasets/ folder as a session's data: a text, or a CSV series read
// with the import's own guesses and the sequence length the import dialog would choose.
QString useShippedFile(const std::string& file, SessionSettings& settings)
{
    const QString path = bundledDataFolder() + QLatin1Char('/') + QString::fromStdString(file);
    if (bundledDataFolder().isEmpty() || !QFileInfo(path).isFile())
        return QObject::tr("the file %1 that the lesson uses is not where LSTM Lab keeps its data")
            .arg(QString::fromStdString(file));
    if (QFileInfo(path).suffix() == QLatin1String("txt")) {
        settings.source = DataSource::Text;
        settings.text.path = path;
        return {};
    }
    CsvSource csv;
    csv.path = path;
    try {
        csv.table = std::make_shared<lstm::CsvTable>(lstm::importCsvFile(path.toStdString(), csv.importOptions()));
        csv.sequenceLength =
            lstm::defaultSequenceLength(lstm::prepareSeries(*csv.table, csv.datasetOptions().series), csv.horizon);
    } catch (const std::exception& error) {
        return QString::fromUtf8(error.what());
    }
    settings.source = DataSource::Csv;
    settings.csv = csv;
    settings.stop = lstm::recommendedForSeries().stop;
    return {};
}

// The validation loss now over the lowest it has been.
std::optional<double> overfitting(const QList<QPointF>& validationLoss)
{
    double lowest = std::numeric_limits<double>::infinity();
    for (const QPointF& point : validationLoss)
        lowest = std::min(lowest, point.y());
    if (validationLoss.isEmpty() || !(lowest > 0) || !std::isfinite(validationLoss.last().y()))
        return std::nullopt;
    return validationLoss.last().y() / lowest;
}

std::optional<double> comparedValue(const ComparisonSnapshot& comparison, const ComparedModel& model,
                                    const std::string& quantity)
{
    if (quantity == "step")
        return double(comparison.step);
    if (quantity == "loss" && !model.validationLoss.isEmpty())
        return model.validationLoss.last().y();
    if (quantity == "overfit")
        return overfitting(model.validationLoss);
    if (quantity == "score" && model.lastScore)
        return model.lastScore->value;
    return std::nullopt; // the comparison keeps no training loss
}

} // namespace

LessonDriver::LessonDriver(MainWindow* window) : QObject(window), m_window(window)
{
    connect(window->controller(), &TrainingController::snapshotChanged, this, [this] {
        const bool running = m_window->controller()->running();
        if (m_wasRunning && !running)
            emit runFinished();
        m_wasRunning = running;
    });
    ComparisonController* comparison = window->comparePage()->controller();
    connect(comparison, &ComparisonController::snapshotChanged, this, [this, comparison] {
        if (m_comparisonWasRunning && !comparison->running())
            emit runFinished();
        m_comparisonWasRunning = comparison->running();
    });
}

QString LessonDriver::run(const lstm::LessonAction& action)
{
    const std::string& verb = action.verb;
    TrainingToolBar* toolBar = m_window->trainingToolBar();
    if (verb == "setup")
        return setup(lstm::readLessonSetup(action.arguments));
    if (verb == "compare")
        return compare(lstm::readLessonSetup(action.arguments));
    if (verb == "play") {
        if (action.arguments.count("until")) {
            lstm::StopConditions stop = m_window->settingsPanel()->settings().stop;
            stop.maxSteps = number(action, "until", 0);
            m_window->settingsPanel()->setStopConditions(stop);
        }
        play(true);
    } else if (verb == "pause") {
        play(false);
    } else if (verb == "step") {
        toolBar->stepAction()->trigger();
    } else if (verb == "reset") {
        toolBar->resetAction()->trigger();
    } else if (verb == "speed") {
        const std::string& value = action.arguments.at("value");
        toolBar->setStepsPerSecond(value == "max" ? 0 : std::stod(value));
    } else if (verb == "trace") {
        const auto phase = action.arguments.find("phase");
        return stepThrough(number(action, "t", 0), phase != action.arguments.end() && phase->second == "backward");
    } else if (verb == "unit") {
        InspectorModel* model = m_window->inspector()->model();
        const int unit = number(action, "u", 0);
        if (!model->trace())
            return tr("nothing is recorded yet: train a step first");
        if (unit >= model->hiddenSize())
            return tr("this model has %1 units; there is no unit %2").arg(model->hiddenSize()).arg(unit);
        model->select(number(action, "layer", -1), unit, -1);
    } else if (verb == "page") {
        const QString page = QString::fromStdString(action.arguments.at("name"));
        if (!MainWindow::pageNames().contains(page))
            return tr("the window has no %1 page yet").arg(page);
        m_window->showPage(page);
    }
    return {};
}

QString LessonDriver::setup(const lstm::LessonSetup& setup)
{
    SessionSettings settings = m_window->settingsPanel()->settings();
    lstm::Recommendation wanted;
    if (!setup.dataset.empty()) {
        settings.source = DataSource::Generator;
        settings.dataset = QString::fromStdString(setup.dataset);
        settings.data = setup.parameters;
        wanted = lstm::settingsFor(setup); // the recommendation, changed where the link says so
    } else {
        if (!setup.file.empty())
            if (const QString problem = useShippedFile(setup.file, settings); !problem.isEmpty())
                return problem;
        wanted = {settings.model, settings.train, settings.stop}; // what is set, changed where the link says so
        for (const auto& [key, value] : setup.options)
            lstm::setTrainingOption(wanted, key, value);
    }
    settings.model = wanted.model;
    settings.train = wanted.train;
    settings.stop = wanted.stop;
    m_window->applySettings(settings);
    return {};
}

// The data and settings go to the side panel, as for setup; then the models, each with the
// side panel's size unless the link gives hidden=, start fresh on the Compare page.
QString LessonDriver::compare(lstm::LessonSetup setup)
{
    const std::vector<lstm::CellKind> cells = std::move(setup.cells);
    setup.cells.clear();
    if (!setup.dataset.empty() || !setup.file.empty() || !setup.options.empty())
        if (const QString problem = this->setup(setup); !problem.isEmpty())
            return problem;
    std::vector<lstm::ModelChoices> models;
    for (lstm::CellKind cell : cells) {
        lstm::ModelChoices model = m_window->settingsPanel()->settings().model;
        model.cell = cell;
        models.push_back(model);
    }
    m_window->showPage(QStringLiteral("compare"));
    m_window->comparePage()->compare(models);
    return {};
}

QString LessonDriver::stepThrough(int timestep, bool backward)
{
    InspectorModel* model = m_window->inspector()->model();
    if (!model->trace())
        return tr("nothing is recorded yet: train a step first");
    if (timestep >= model->steps())
        return tr("the recorded step has %1 timesteps; there is no t = %2").arg(model->steps()).arg(timestep);
    play(false);
    m_window->showPage(QStringLiteral("cell"));
    model->finishStepThrough();
    if (backward) {
        model->startBackward();
        for (int t = model->steps() - 1; t > timestep; --t)
            model->nextInStep();
    } else {
        for (int t = 0; t <= timestep; ++t)
            model->nextInStep();
    }
    return {};
}

// On the Compare page, play and pause drive the comparison; elsewhere the side panel's model.
void LessonDriver::play(bool on)
{
    ComparePage* compare = m_window->comparePage();
    if (m_window->pages()->currentWidget() == compare) {
        if (compare->controller()->playRequested() != on)
            compare->togglePlay();
    } else if (m_window->controller()->playRequested() != on) {
        m_window->trainingToolBar()->playAction()->trigger();
    }
}

std::optional<double> LessonDriver::liveValue(const std::string& quantity, const std::string& model) const
{
    if (!model.empty())
        if (const ComparisonPointer comparison = m_window->comparePage()->controller()->latest())
            for (const ComparedModel& compared : comparison->models)
                if (lstm::cellName(compared.model.cell) == model)
                    return comparedValue(*comparison, compared, quantity);
    const SnapshotPointer snapshot = m_window->controller()->latest();
    if (!snapshot || (!model.empty() && model != lstm::cellName(snapshot->model.cell)))
        return std::nullopt;
    if (quantity == "step")
        return double(snapshot->step);
    if (quantity == "loss" && std::isfinite(snapshot->validationLoss))
        return snapshot->validationLoss;
    if (quantity == "train-loss" && std::isfinite(snapshot->trainLoss))
        return snapshot->trainLoss;
    if (quantity == "score" && snapshot->score)
        return snapshot->score->value;
    if (quantity == "overfit")
        return overfitting(snapshot->validationLossHistory);
    return std::nullopt;
}
