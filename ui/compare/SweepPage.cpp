#include "compare/SweepPage.h"

#include "compare/ComparedCells.h"
#include "compare/ModelCurvesChart.h"
#include "inspector/UiNames.h"

#include "training/Recommended.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

#include <map>

SweepPage::SweepPage(std::function<SessionSettings()> session, QWidget* parent)
    : QWidget(parent), m_session(std::move(session))
{
    auto* layout = new QVBoxLayout(this);
    auto* controls = new QGridLayout;
    m_key = new QComboBox;
    m_key->setToolTip(tr("The parameter of the side panel's data set that changes from one model to the next"));
    m_values = new QLineEdit(QStringLiteral("5, 10, 20, 50, 100"));
    m_values->setToolTip(tr("Its values, separated by commas"));
    controls->addWidget(new QLabel(tr("Vary")), 0, 0);
    controls->addWidget(m_key, 0, 1);
    controls->addWidget(new QLabel(tr("over")), 0, 2);
    controls->addWidget(m_values, 0, 3, 1, 3);
    controls->addWidget(new QLabel(tr("Cells:")), 1, 0);
    auto* cells = new QHBoxLayout;
    for (size_t k = 0; k < m_cells.size(); ++k) {
        m_cells[k] = new QCheckBox(cellShortTitle(comparedCells[k]));
        m_cells[k]->setChecked(k < 2);
        cells->addWidget(m_cells[k]);
    }
    cells->addStretch();
    controls->addLayout(cells, 1, 1, 1, 3);
    m_start = new QPushButton(tr("Start"));
    m_start->setToolTip(tr("Fresh models of every cell at every value, each trained until solved or out of steps "
                           "with the side panel's training settings"));
    m_cancelButton = new QPushButton(tr("Cancel"));
    m_cancelButton->setEnabled(false);
    controls->addWidget(m_start, 1, 4);
    controls->addWidget(m_cancelButton, 1, 5);
    controls->setColumnStretch(3, 1);
    layout->addLayout(controls);
    m_progress = new QProgressBar;
    m_progress->setValue(0);
    layout->addWidget(m_progress);
    m_status = new QLabel(tr("How long can each cell remember? Choose a parameter, its values and the cells, then "
                             "Start."));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_chart = new ModelCurvesChart(tr("How long can each cell remember?"), tr("parameter"), tr("final score"), false);
    m_chart->setPointsVisible(true);
    layout->addWidget(m_chart, 1);
    connect(m_start, &QPushButton::clicked, this, [this] {
        if (const QString problem = start(); !problem.isEmpty())
            m_status->setText(problem);
    });
    connect(m_cancelButton, &QPushButton::clicked, this, &SweepPage::cancel);
}

SweepPage::~SweepPage()
{
    m_cancel.store(true);
    if (m_thread.joinable())
        m_thread.join(); // results it queued for this page are dropped with the page
}

void SweepPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    fillParameters();
}

// The numeric parameters of the side panel's data set, the lag first where there is one.
void SweepPage::fillParameters()
{
    const SessionSettings session = m_session();
    const QString dataset = session.source == DataSource::Generator ? session.dataset : QString();
    if (dataset == m_dataset)
        return;
    m_dataset = dataset;
    m_key->clear();
    if (const lstm::GeneratorInfo* info = lstm::findGenerator(dataset.toStdString()))
        for (const lstm::GeneratorParameter& parameter : info->parameters)
            m_key->addItem(QString::fromStdString(parameter.label), QString::fromStdString(parameter.key));
    m_key->setEnabled(m_key->count() > 0);
}

void SweepPage::setSwept(const QString& key, const QString& values)
{
    fillParameters();
    m_key->setCurrentIndex(m_key->findData(key));
    m_values->setText(values);
}

void SweepPage::setCells(const std::vector<lstm::CellKind>& cells)
{
    for (size_t k = 0; k < m_cells.size(); ++k)
        m_cells[k]->setChecked(std::find(cells.begin(), cells.end(), comparedCells[k]) != cells.end());
}

std::vector<double> SweepPage::values(QString* problem) const
{
    std::vector<double> values;
    for (const QString& item : m_values->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        values.push_back(item.trimmed().toDouble(&ok));
        if (!ok) {
            *problem = tr("\"%1\" is not a number: give the values as numbers separated by commas.").arg(item.trimmed());
            return {};
        }
    }
    if (values.empty())
        *problem = tr("Give at least one value.");
    return values;
}

QString SweepPage::start()
{
    if (running())
        return tr("A sweep is running: cancel it first.");
    fillParameters();
    const SessionSettings session = m_session();
    if (session.source != DataSource::Generator || m_key->currentIndex() < 0)
        return tr("A sweep varies a parameter of a built-in data set: choose one in the side panel.");
    QString problem;
    const std::vector<double> swept = values(&problem);
    if (!problem.isEmpty())
        return problem;
    lstm::SweepPlan plan{session.dataset.toStdString(), session.data, m_key->currentData().toString().toStdString(),
                         swept, {}, session.train, session.stop,
                         lstm::recommendedSettings(session.dataset.toStdString()).evalEvery};
    for (size_t k = 0; k < m_cells.size(); ++k)
        if (m_cells[k]->isChecked()) {
            lstm::ModelChoices model = session.model;
            model.cell = comparedCells[k];
            plan.models.push_back(model);
        }
    if (plan.models.empty())
        return tr("Tick at least one cell.");
    if (plan.stop.maxSteps <= 0)
        return tr("Set a step limit in the side panel's Stop section: a model that never solves would train forever.");
    if (m_thread.joinable())
        m_thread.join(); // the last sweep's thread has finished its work; the sweep it ran may go
    try {
        m_sweep = std::make_unique<lstm::Sweep>(plan);
    } catch (const std::invalid_argument& error) {
        return QString::fromUtf8(error.what());
    }
    m_results.clear();
    m_cancel.store(false);
    m_finished = false;
    m_progress->setRange(0, int(m_sweep->size()));
    m_progress->setValue(0);
    m_start->setEnabled(false);
    m_cancelButton->setEnabled(true);
    m_status->setText(tr("Training %1 models, at most %2 steps each…").arg(m_sweep->size()).arg(plan.stop.maxSteps));
    redraw();
    m_thread = std::thread([this, sweep = m_sweep.get()] {
        sweep->run(QThread::idealThreadCount(), [this](const lstm::SweepResult& result) {
            QMetaObject::invokeMethod(this, [this, result] { addResult(result); }, Qt::QueuedConnection);
        }, &m_cancel);
        QMetaObject::invokeMethod(this, [this] { finish(m_cancel.load()); }, Qt::QueuedConnection);
    });
    return {};
}

void SweepPage::cancel()
{
    m_cancel.store(true);
    m_status->setText(tr("Cancelling: each model stops at its next validation…"));
}

void SweepPage::addResult(const lstm::SweepResult& result)
{
    m_results.push_back(result);
    m_progress->setValue(int(m_results.size()));
    redraw();
}

void SweepPage::finish(bool cancelled)
{
    m_finished = true;
    m_start->setEnabled(true);
    m_cancelButton->setEnabled(false);
    m_status->setText(cancelled ? tr("Cancelled after %1 of %2 models.").arg(m_results.size()).arg(m_sweep->size())
                                : tr("Done: %1 models.").arg(m_results.size()));
    emit finished(cancelled);
}

// One line per cell through its results so far, in the order of the parameter.
void SweepPage::redraw()
{
    if (!m_sweep)
        return;
    const lstm::SweepPlan& plan = m_sweep->plan();
    QStringList names;
    QList<QList<QPointF>> curves;
    for (const lstm::ModelChoices& model : plan.models) {
        std::map<double, double> points;
        for (const lstm::SweepResult& result : m_results)
            if (result.cell == model.cell)
                points[result.value] = result.last.score ? result.last.score->value : result.last.validationLoss;
        QList<QPointF> curve;
        for (const auto& [x, y] : points)
            curve.append({x, y});
        names << cellShortTitle(model.cell);
        curves << curve;
    }
    m_chart->setAxisTitles(m_key->currentText(), m_results.empty() || m_results.front().last.score
                                                     ? tr("final score")
                                                     : tr("final validation loss"));
    m_chart->setCurves(names, curves);
}
