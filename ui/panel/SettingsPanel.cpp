#include "panel/SettingsPanel.h"

#include "panel/DataSection.h"
#include "panel/FormWidgets.h"
#include "panel/GateBiasEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {

QGroupBox* section(const QString& title, QWidget* content)
{
    auto* group = new QGroupBox(title);
    auto* layout = new QVBoxLayout(group);
    layout->addWidget(content);
    return group;
}

struct NamedChoice {
    const char* name;
    const char* label;
    const char* tip;
};

const NamedChoice cellChoices[] = {
    {"lstm", "LSTM", "LSTM with a forget gate (Gers et al. 1999), exactly PyTorch's nn.LSTM."},
    {"lstm-peephole", "LSTM with peepholes", "The gates also look at the cell state (Gers & Schmidhuber 2000)."},
    {"lstm-1997", "LSTM 1997 (no forget gate)",
     "The original LSTM: the cell only adds, c = c + i·g — the constant error carousel."},
    {"gru", "GRU", "Gated recurrent unit (Cho et al. 2014), exactly PyTorch's nn.GRU: no separate cell state."},
    {"rnn", "Plain RNN (tanh)", "No gates: watch its gradient vanish over long gaps, where an LSTM's does not."},
};

const NamedChoice optimizerChoices[] = {
    {"adam", "Adam", "Adapts each weight's step size from running gradient averages; a robust default."},
    {"rmsprop", "RMSprop", "Divides each step by a running average of the squared gradient."},
    {"momentum", "SGD with momentum", "Plain gradient steps that keep some of the previous step's direction."},
    {"sgd", "SGD", "Plain gradient descent: step = learning rate × gradient."},
};

// A combo box of named choices, each with its own tooltip; the item data is the choice's name.
template <size_t N>
QComboBox* choiceBox(const NamedChoice (&choices)[N], const QString& tip)
{
    auto* box = new QComboBox;
    for (const NamedChoice& choice : choices) {
        box->addItem(SettingsPanel::tr(choice.label), QString::fromLatin1(choice.name));
        box->setItemData(box->count() - 1, SettingsPanel::tr(choice.tip), Qt::ToolTipRole);
    }
    box->setToolTip(tip);
    return box;
}

} // namespace

SettingsPanel::SettingsPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    m_data = new DataSection;
    // A new data set brings its recommended settings; the user may change each afterwards.
    connect(m_data, &DataSection::datasetChosen, this, [this](const QString& name) {
        SessionSettings recommended = settings();
        recommended.applyRecommendation(lstm::recommendedSettings(name.toStdString()));
        setSettings(recommended);
    });
    connect(m_data, &DataSection::seriesChosen, this, [this] {
        SessionSettings series = settings();
        series.stop = lstm::recommendedForSeries().stop; // the model and training settings stay the user's
        setSettings(series);
    });
    connect(m_data, &DataSection::changed, this, &SettingsPanel::requestRebuild);
    layout->addWidget(section(tr("Data"), m_data));
    layout->addWidget(section(tr("Model"), buildModelSection()));
    layout->addWidget(section(tr("Training"), buildTrainingSection()));
    layout->addWidget(section(tr("Stop"), buildStopSection()));
    layout->addStretch();
    setSettings(SessionSettings::demo());
}

QWidget* SettingsPanel::buildModelSection()
{
    auto* widget = new QWidget;
    auto* form = new QFormLayout(widget);
    form->setContentsMargins(0, 0, 0, 0);
    m_cell = choiceBox(cellChoices, tr("The kind of recurrent cell. Hover an entry for what it is."));
    m_hidden = integerBox(1, 512, tr("Units per layer: how much the network can remember at once."));
    m_layers = integerBox(1, 4, tr("Recurrent layers stacked on each other; each reads the h of the one below."));
    m_truncation = integerBox(0, 1000, tr("Truncated backpropagation through time: gradients flow back at most "
                                          "this many steps (0 = the whole sequence)."));
    m_batch = integerBox(1, 1024, tr("Sequences per optimizer step: larger batches give smoother gradients."));
    form->addRow(tr("Cell"), m_cell);
    form->addRow(tr("Hidden units"), m_hidden);
    form->addRow(tr("Layers"), m_layers);
    form->addRow(tr("Truncation"), m_truncation);
    form->addRow(tr("Batch size"), m_batch);
    connect(m_cell, &QComboBox::currentIndexChanged, this, &SettingsPanel::requestRebuild);
    for (QSpinBox* box : {m_hidden, m_layers, m_truncation, m_batch})
        connect(box, &QSpinBox::valueChanged, this, &SettingsPanel::requestRebuild);
    return widget;
}

QWidget* SettingsPanel::buildTrainingSection()
{
    auto* widget = new QWidget;
    auto* form = new QFormLayout(widget);
    form->setContentsMargins(0, 0, 0, 0);
    m_optimizer = choiceBox(optimizerChoices, tr("How a gradient becomes a weight change."));
    m_learningRate = new QDoubleSpinBox;
    m_learningRate->setDecimals(5);
    m_learningRate->setRange(0, 10);
    m_learningRate->setSingleStep(0.001);
    m_learningRate->setKeyboardTracking(false);
    m_learningRate->setToolTip(tr("Size of each step. Too high and the loss jumps or explodes; too low and "
                                  "learning crawls. Applies immediately."));
    m_clip = new QDoubleSpinBox;
    m_clip->setRange(0, 1000);
    m_clip->setSingleStep(0.5);
    m_clip->setKeyboardTracking(false);
    m_clip->setSpecialValueText(tr("off"));
    m_clip->setToolTip(tr("Rescale the gradient when its norm exceeds this: tames exploding gradients. "
                          "Applies immediately."));
    m_gateBiases = new GateBiasEditor;
    m_seed = integerBox(0, 1'000'000, tr("The same seed and settings give exactly the same run."));
    form->addRow(tr("Optimizer"), m_optimizer);
    form->addRow(tr("Learning rate"), m_learningRate);
    form->addRow(tr("Clip gradient norm"), m_clip);
    form->addRow(tr("Start biases"), m_gateBiases);
    form->addRow(tr("Seed"), m_seed);
    connect(m_learningRate, &QDoubleSpinBox::valueChanged, this, [this](double rate) {
        if (!m_filling)
            emit learningRateChanged(rate);
    });
    connect(m_clip, &QDoubleSpinBox::valueChanged, this, [this](double norm) {
        if (!m_filling)
            emit clipNormChanged(norm);
    });
    connect(m_optimizer, &QComboBox::currentIndexChanged, this, &SettingsPanel::requestRebuild);
    connect(m_gateBiases, &GateBiasEditor::changed, this, &SettingsPanel::requestRebuild);
    connect(m_seed, &QSpinBox::valueChanged, this, &SettingsPanel::requestRebuild);
    return widget;
}

QWidget* SettingsPanel::buildStopSection()
{
    auto* widget = new QWidget;
    auto* form = new QFormLayout(widget);
    form->setContentsMargins(0, 0, 0, 0);
    m_stopAfter = integerBox(0, int(SessionSettings::maxStopSteps),
                             tr("Pause training when it reaches this step (0 = never). Applies immediately."));
    m_stopAfter->setSpecialValueText(tr("never"));
    m_stopAfter->setSingleStep(100);
    m_untilSolved = new QCheckBox(tr("Stop when solved"));
    m_untilSolved->setToolTip(tr("Pause when the task's success criterion is met (tasks that have one)."));
    m_patience = integerBox(0, SessionSettings::maxPatience,
                            tr("Early stopping: pause when this many validations in a row bring no better loss, "
                               "and bring back the weights of the best one (0 = off)."));
    m_patience->setSpecialValueText(tr("off"));
    form->addRow(tr("Stop after step"), m_stopAfter);
    form->addRow(QString(), m_untilSolved);
    form->addRow(tr("Early stopping patience"), m_patience);
    const auto changed = [this] {
        if (!m_filling)
            emit stopConditionsChanged(stopConditions());
    };
    connect(m_stopAfter, &QSpinBox::valueChanged, this, changed);
    connect(m_untilSolved, &QCheckBox::toggled, this, changed);
    connect(m_patience, &QSpinBox::valueChanged, this, changed);
    return widget;
}

void SettingsPanel::setStopConditions(const lstm::StopConditions& stop)
{
    m_filling = true;
    m_stopAfter->setValue(int(stop.maxSteps));
    m_untilSolved->setChecked(stop.untilSolved);
    m_patience->setValue(stop.patience);
    m_filling = false;
    emit stopConditionsChanged(stopConditions());
}

lstm::StopConditions SettingsPanel::stopConditions() const
{
    return {.maxSteps = m_stopAfter->value(), .untilSolved = m_untilSolved->isChecked(), .patience = m_patience->value()};
}

void SettingsPanel::openDataFile(const QString& path)
{
    m_data->openDataFile(path);
}

void SettingsPanel::requestRebuild()
{
    if (!m_filling)
        emit rebuildRequested(settings());
}

void SettingsPanel::setSettings(const SessionSettings& s)
{
    m_filling = true;
    m_sampling = s.sampling;
    m_data->setSettings(s);
    m_cell->setCurrentIndex(std::max(0, m_cell->findData(QString::fromUtf8(lstm::cellName(s.model.cell).data()))));
    m_hidden->setValue(s.model.hiddenSize);
    m_layers->setValue(s.model.layers);
    m_truncation->setValue(s.train.truncation);
    m_batch->setValue(s.train.batchSize);
    m_optimizer->setCurrentIndex(
        std::max(0, m_optimizer->findData(QString::fromUtf8(lstm::optimizerName(s.train.optimizer).data()))));
    m_learningRate->setValue(s.train.learningRate);
    m_clip->setValue(s.train.clipNorm);
    m_gateBiases->setBiases(s.train.gateBiases);
    m_seed->setValue(int(s.train.seed));
    m_stopAfter->setValue(int(s.stop.maxSteps));
    m_untilSolved->setChecked(s.stop.untilSolved);
    m_patience->setValue(s.stop.patience);
    m_filling = false;
}

SessionSettings SettingsPanel::settings() const
{
    SessionSettings s;
    m_data->writeTo(s);
    s.sampling = m_sampling;
    s.model.cell = *lstm::parseCellKind(m_cell->currentData().toString().toStdString());
    s.model.hiddenSize = m_hidden->value();
    s.model.layers = m_layers->value();
    s.train.truncation = m_truncation->value();
    s.train.batchSize = m_batch->value();
    s.train.optimizer = *lstm::parseOptimizerKind(m_optimizer->currentData().toString().toStdString());
    s.train.learningRate = m_learningRate->value();
    s.train.clipNorm = m_clip->value();
    s.train.gateBiases = m_gateBiases->biases();
    s.train.seed = std::uint64_t(m_seed->value());
    s.stop = stopConditions();
    return s;
}
