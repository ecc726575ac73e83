#include "compare/ComparePage.h"

#include "charts/ChartStyle.h"
#include "compare/ComparedCells.h"
#include "compare/ModelCurvesChart.h"
#include "inspector/UiNames.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QChart>
#include <QLabel>
#include <QLegend>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

ComparePage::ComparePage(std::function<SessionSettings()> session, QWidget* parent)
    : QWidget(parent), m_session(std::move(session))
{
    m_controller = new ComparisonController(this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildModelRow());
    layout->addWidget(buildCharts(), 1);
    auto* pickRow = new QHBoxLayout;
    m_picker = new QComboBox;
    m_picker->setToolTip(tr("Which model the other pages (Inside the cell, Heatmaps, Gradients) show"));
    m_picker->addItem(tr("the side panel's model"));
    pickRow->addWidget(new QLabel(tr("Inspect on the other pages:")));
    pickRow->addWidget(m_picker);
    pickRow->addStretch();
    layout->addLayout(pickRow);
    connect(m_picker, &QComboBox::currentIndexChanged, this, &ComparePage::sendPicked);
    connect(m_controller, &ComparisonController::snapshotChanged, this, &ComparePage::showSnapshot);
    m_redraw.setSingleShot(true);
    connect(&m_redraw, &QTimer::timeout, this, [this] {
        m_sinceDrawn.invalidate();
        if (m_controller->latest())
            showSnapshot(m_controller->latest());
    });
    connect(m_controller, &ComparisonController::failed, this, [this](const QString& message) {
        m_status->setText(tr("Cannot compare on this data: %1").arg(message));
    });
}

// Two models a line, so that four fit beside the side panel at 1280 pixels.
QWidget* ComparePage::buildModelRow()
{
    auto* row = new QWidget;
    auto* grid = new QGridLayout(row);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(new QLabel(tr("Models:")), 0, 0);
    for (size_t k = 0; k < m_slots.size(); ++k) {
        ModelSlot& slot = m_slots[k];
        slot.on = new QCheckBox;
        slot.on->setChecked(k < 2);
        slot.on->setToolTip(tr("Train this model in the comparison"));
        slot.cell = new QComboBox;
        for (lstm::CellKind cell : lstm::allCellKinds())
            slot.cell->addItem(cellShortTitle(cell), QString::fromUtf8(lstm::cellName(cell).data()));
        slot.cell->setCurrentIndex(slot.cell->findData(QString::fromUtf8(lstm::cellName(comparedCells[k]).data())));
        slot.hidden = new QSpinBox;
        slot.hidden->setRange(1, 512);
        slot.hidden->setValue(16);
        slot.hidden->setSuffix(tr(" units"));
        const int line = int(k / 2), column = 1 + int(k % 2) * 3;
        grid->addWidget(slot.on, line, column);
        grid->addWidget(slot.cell, line, column + 1);
        grid->addWidget(slot.hidden, line, column + 2);
    }
    m_start = new QPushButton(tr("Start"));
    m_start->setToolTip(tr("Fresh models on the data and training settings of the side panel, all with the same "
                           "seed and the same batches"));
    m_play = new QPushButton(tr("Play"));
    m_play->setEnabled(false);
    connect(m_start, &QPushButton::clicked, this, &ComparePage::start);
    connect(m_play, &QPushButton::clicked, this, &ComparePage::togglePlay);
    grid->addWidget(m_start, 0, 7);
    grid->addWidget(m_play, 1, 7);
    grid->setColumnStretch(8, 1);
    m_status = new QLabel(tr("Choose the models, then Start: each trains on the side panel's data and settings."));
    m_status->setWordWrap(true);
    grid->addWidget(m_status, 2, 0, 1, 9);
    return row;
}

QWidget* ComparePage::buildCharts()
{
    auto* charts = new QWidget;
    auto* grid = new QGridLayout(charts);
    grid->setContentsMargins(0, 0, 0, 0);
    m_loss = new ModelCurvesChart(tr("Validation loss"), tr("optimizer step"), tr("loss"), true);
    m_score = new ModelCurvesChart(tr("Task score"), tr("optimizer step"), tr("score"), false);
    m_predictions = new ModelCurvesChart(tr("Predictions on validation data"), tr("timestep"), tr("value"), false);
    // The title names the quantity: a rotated axis title this long would be cut short.
    m_gradients = new ModelCurvesChart(tr("‖∂L/∂h_t‖ through time, latest recorded step"), tr("timestep t"),
                                       QString(), true);
    m_charts = grid;
    // The models' colours are the same in every chart: one legend above them all leaves each
    // chart the room its own would take, which a zoomed window needs.
    for (ModelCurvesChart* chart : {m_loss, m_score, m_predictions, m_gradients})
        chart->chart()->legend()->hide();
    m_legend = new QLabel;
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setWordWrap(true);
    grid->addWidget(m_legend, 0, 0, 1, 2);
    grid->setRowStretch(1, 1);
    grid->setRowStretch(2, 1);
    grid->addWidget(m_loss, 1, 0);
    grid->addWidget(m_score, 1, 1);
    placeLowerCharts(true);
    return charts;
}

// Classes have no prediction curve (the score says how they went): then the gradients take
// the whole lower row.
void ComparePage::placeLowerCharts(bool withPredictions)
{
    m_charts->removeWidget(m_predictions);
    m_charts->removeWidget(m_gradients);
    m_predictions->setVisible(withPredictions);
    if (withPredictions) {
        m_charts->addWidget(m_predictions, 2, 0);
        m_charts->addWidget(m_gradients, 2, 1);
    } else {
        m_charts->addWidget(m_gradients, 2, 0, 1, 2);
    }
}

std::vector<lstm::ModelChoices> ComparePage::chosenModels() const
{
    std::vector<lstm::ModelChoices> models;
    const lstm::ModelChoices shared = m_session().model; // layers and symbol input as in the side panel
    for (const ModelSlot& slot : m_slots) {
        if (!slot.on->isChecked())
            continue;
        lstm::ModelChoices model = shared;
        model.cell = *lstm::parseCellKind(slot.cell->currentData().toString().toStdString());
        model.hiddenSize = slot.hidden->value();
        models.push_back(model);
    }
    return models;
}

void ComparePage::compare(const std::vector<lstm::ModelChoices>& models)
{
    for (size_t k = 0; k < m_slots.size(); ++k) {
        const bool used = k < models.size();
        m_slots[k].on->setChecked(used);
        if (!used)
            continue;
        m_slots[k].cell->setCurrentIndex(
            m_slots[k].cell->findData(QString::fromUtf8(lstm::cellName(models[k].cell).data())));
        m_slots[k].hidden->setValue(models[k].hiddenSize);
    }
    start();
}

void ComparePage::start()
{
    const std::vector<lstm::ModelChoices> models = chosenModels();
    if (models.size() < 2) {
        m_status->setText(tr("Tick at least two models to compare."));
        return;
    }
    emit started();
    m_picker->setCurrentIndex(0);
    m_controller->start(m_session(), models);
    m_play->setEnabled(true);
}

void ComparePage::togglePlay()
{
    if (m_controller->playRequested())
        m_controller->pause();
    else
        m_controller->play();
    m_play->setText(m_controller->playRequested() ? tr("Pause") : tr("Play"));
}

// While the models train, the charts take a new snapshot ten times a second: QtCharts lays
// out a whole chart for each, and faster than that only the window's answers slow down.
void ComparePage::showSnapshot(const ComparisonPointer& snapshot)
{
    if (snapshot->running && m_sinceDrawn.isValid() && m_sinceDrawn.elapsed() < 100) {
        if (!m_redraw.isActive())
            m_redraw.start(100 - int(m_sinceDrawn.elapsed()));
        return;
    }
    m_redraw.stop();
    m_sinceDrawn.start();
    QStringList names;
    QList<QList<QPointF>> loss, score, predictions, gradients;
    QStringList finals;
    for (const ComparedModel& model : snapshot->models) {
        names << model.label;
        loss << model.validationLoss;
        score << model.score;
        predictions << model.predictions;
        gradients << model.gradientNorms;
        QString final = model.label;
        if (model.lastScore)
            final += QStringLiteral(" %1 %2").arg(QString::fromStdString(model.lastScore->name))
                         .arg(model.lastScore->value, 0, 'g', 3);
        if (!model.stopped.isEmpty())
            final += QStringLiteral(" (%1)").arg(model.stopped);
        finals << final;
    }
    for (ModelCurvesChart* chart : {m_loss, m_score, m_predictions, m_gradients})
        chart->setRunning(snapshot->running);
    m_loss->setCurves(names, loss);
    m_score->setCurves(names, score);
    m_score->setNote(snapshot->scoreName.isEmpty() ? tr("this data has no task score; compare the losses") : QString());
    m_predictions->setCurves(names, predictions, snapshot->targets, tr("target"));
    if (m_predictions->isVisibleTo(this) == snapshot->targets.isEmpty())
        placeLowerCharts(!snapshot->targets.isEmpty());
    m_gradients->setCurves(names, gradients);
    m_status->setText(tr("Step %1: %2").arg(snapshot->step).arg(finals.join(QStringLiteral("; "))));
    QString legend;
    for (qsizetype k = 0; k < names.size(); ++k)
        legend += QStringLiteral("<span style=\"color:%1\">■</span> %2&nbsp;&nbsp;&nbsp; ")
                      .arg(ChartStyle::seriesColour(int(k)).name(), names[k].toHtmlEscaped());
    if (!snapshot->targets.isEmpty())
        legend += tr("<span style=\"color:grey\">■</span> target");
    if (m_legend->text() != legend)
        m_legend->setText(legend);
    m_play->setText(m_controller->playRequested() ? tr("Pause") : tr("Play"));
    if (m_picker->count() != int(names.size()) + 1 ||
        (m_picker->count() > 1 && m_picker->itemText(1) != names.value(0))) {
        const QSignalBlocker quiet(m_picker);
        while (m_picker->count() > 1)
            m_picker->removeItem(1);
        m_picker->addItems(names);
    }
    if (m_picker->currentIndex() > 0)
        sendPicked();
}

void ComparePage::sendPicked()
{
    const int picked = m_picker->currentIndex() - 1;
    const ComparisonPointer snapshot = m_controller->latest();
    if (picked < 0 || !snapshot || picked >= int(snapshot->models.size()))
        emit inspectRequested(nullptr);
    else
        emit inspectRequested(snapshot->models[size_t(picked)].trace);
}
