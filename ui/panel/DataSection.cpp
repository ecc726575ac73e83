#include "panel/DataSection.h"

#include "training/Recommended.h"

#include "session/BundledData.h"
#include "import/CsvImportDialog.h"
#include "panel/FormWidgets.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <utility>

DataSection::DataSection(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_sourceBox = new QComboBox;
    m_sourceBox->setObjectName(QStringLiteral("source"));
    m_sourceBox->addItem(tr("Built-in data set"), int(DataSource::Generator));
    m_sourceBox->addItem(tr("Text file"), int(DataSource::Text));
    m_sourceBox->addItem(tr("CSV file"), int(DataSource::Csv));
    m_sourceBox->setToolTip(tr("Where the data comes from: a generator, a text to learn character by character, "
                               "or your own series from a CSV file. Changing it starts a new model."));
    m_pages = new QStackedWidget;
    m_pages->addWidget(buildGeneratorPage());
    m_pages->addWidget(buildTextPage());
    m_pages->addWidget(buildCsvPage());
    layout->addWidget(m_sourceBox);
    layout->addWidget(m_pages);
    connect(m_sourceBox, &QComboBox::currentIndexChanged, this, &DataSection::sourceChosen);
}

QWidget* DataSection::buildGeneratorPage()
{
    auto* widget = new QWidget;
    auto* layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    m_dataset = new QComboBox;
    m_dataset->setObjectName(QStringLiteral("dataset"));
    m_dataset->setToolTip(tr("What the network learns from. Changing it starts a new model."));
    for (const lstm::GeneratorInfo& info : lstm::builtinGenerators())
        m_dataset->addItem(QString::fromStdString(info.title), QString::fromStdString(info.name));
    m_datasetDescription = new QLabel;
    m_datasetDescription->setWordWrap(true);
    auto* parameters = new QWidget;
    m_parameterForm = new QFormLayout(parameters);
    m_parameterForm->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_dataset);
    layout->addWidget(m_datasetDescription);
    layout->addWidget(parameters);
    layout->addStretch();
    connect(m_dataset, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filling)
            return;
        showGeneratorParameters(m_dataset->currentData().toString(), {});
        emit datasetChosen(m_dataset->currentData().toString());
        changedByUser();
    });
    return widget;
}

QWidget* DataSection::buildTextPage()
{
    auto* widget = new QWidget;
    auto* layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    m_textFile = new QLabel;
    m_textFile->setWordWrap(true);
    auto* explanation = new QLabel(tr("The network reads one character at a time and learns to predict the next. "
                                      "What it writes appears under the charts. Larger models (128 hidden units) "
                                      "write better text, more slowly."));
    explanation->setWordWrap(true);
    auto* choose = new QPushButton(tr("Choose file…"));
    choose->setToolTip(tr("Any UTF-8 text file; you can also drop one onto the window"));
    connect(choose, &QPushButton::clicked, this, &DataSection::chooseTextFile);
    auto* form = new QFormLayout;
    m_textLength = integerBox(1, 100'000, tr("Characters per training sequence: how far back the network is trained "
                                             "to look"));
    form->addRow(tr("Sequence length"), m_textLength);
    connect(m_textLength, &QSpinBox::valueChanged, this, &DataSection::changedByUser);
    layout->addWidget(m_textFile);
    layout->addWidget(choose, 0, Qt::AlignLeft);
    layout->addWidget(explanation);
    layout->addLayout(form);
    layout->addStretch();
    return widget;
}

QWidget* DataSection::buildCsvPage()
{
    auto* widget = new QWidget;
    auto* layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    m_csvFile = new QLabel;
    m_csvFile->setWordWrap(true);
    m_csvSummary = new QLabel;
    m_csvSummary->setWordWrap(true);
    auto* import = new QPushButton(tr("Import CSV…"));
    import->setObjectName(QStringLiteral("importCsv"));
    import->setToolTip(tr("Choose a CSV file, see how it reads, and pick its inputs and targets; you can also drop "
                          "a CSV file onto the window"));
    connect(import, &QPushButton::clicked, this, [this] { importCsv(m_csv.path); });
    layout->addWidget(m_csvFile);
    layout->addWidget(m_csvSummary);
    layout->addWidget(import, 0, Qt::AlignLeft);
    layout->addStretch();
    return widget;
}

void DataSection::sourceChosen()
{
    if (m_filling)
        return;
    const auto wanted = DataSource(m_sourceBox->currentData().toInt());
    if (wanted == DataSource::Text && m_text.path.isEmpty())
        m_text.path = bundledTextCorpus();
    if ((wanted == DataSource::Text && m_text.path.isEmpty()) || (wanted == DataSource::Csv && m_csv.path.isEmpty())) {
        showSource(m_source); // until a file is chosen, the data stays what it was
        wanted == DataSource::Text ? chooseTextFile() : importCsv();
        return;
    }
    showSource(wanted);
    changedByUser();
}

void DataSection::showSource(DataSource source)
{
    const bool filling = std::exchange(m_filling, true);
    m_source = source;
    m_sourceBox->setCurrentIndex(m_sourceBox->findData(int(source)));
    m_pages->setCurrentIndex(int(source));
    showFiles();
    m_filling = filling;
}

void DataSection::showFiles()
{
    const auto fileText = [](const QString& path) {
        return path.isEmpty() ? tr("No file chosen yet.")
                              : tr("File: <b>%1</b>").arg(QFileInfo(path).fileName().toHtmlEscaped());
    };
    m_textFile->setText(fileText(m_text.path) +
                        (!m_text.path.isEmpty() &&
                                 QFileInfo(m_text.path).canonicalFilePath() == QFileInfo(bundledTextCorpus()).canonicalFilePath()
                             ? tr("<br>Jane Austen, <i>Pride and Prejudice</i>, chapters 1–16, shipped with LSTM Lab.")
                             : QString()));
    m_textFile->setToolTip(m_text.path);
    m_csvFile->setText(fileText(m_csv.path));
    m_csvFile->setToolTip(m_csv.path);
    if (m_csv.path.isEmpty()) {
        m_csvSummary->clear();
        return;
    }
    const QString every = tr("every number column"), last = tr("the last number column");
    const QString ahead = m_csv.horizon == 1 ? tr("the next row") : tr("%1 rows ahead").arg(m_csv.horizon);
    m_csvSummary->setText(tr("Reads %1; predicts %2, %3, in sequences of %4 steps.")
                              .arg(m_csv.inputs.isEmpty() ? every : m_csv.inputs.join(QStringLiteral(", ")),
                                   m_csv.targets.isEmpty() ? last : m_csv.targets.join(QStringLiteral(", ")), ahead)
                              .arg(m_csv.sequenceLength));
}

void DataSection::chooseTextFile()
{
    const QString start = m_text.path.isEmpty() ? bundledDataFolder() + QStringLiteral("/text")
                                                : QFileInfo(m_text.path).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a text file"), start,
                                                      tr("Text files (*.txt *.md);;All files (*)"));
    if (path.isEmpty())
        return;
    m_text.path = path;
    showSource(DataSource::Text);
    changedByUser();
}

void DataSection::importCsv(const QString& path)
{
    auto* dialog = new CsvImportDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!path.isEmpty() && path == m_csv.path)
        dialog->setSource(m_csv); // the choices made last time
    else if (!path.isEmpty())
        dialog->setFile(path);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_csv = dialog->source();
        showSource(DataSource::Csv);
        emit seriesChosen();
        changedByUser();
    });
    dialog->open();
}

void DataSection::openDataFile(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "csv" || suffix == "tsv" || suffix == "psv") {
        importCsv(path);
        return;
    }
    m_text.path = path;
    showSource(DataSource::Text);
    changedByUser();
}

void DataSection::showGeneratorParameters(const QString& name, const lstm::GeneratorSettings& values)
{
    while (m_parameterForm->rowCount() > 0)
        m_parameterForm->removeRow(0);
    m_parameters.clear();
    const lstm::GeneratorInfo* info = lstm::findGenerator(name.toStdString());
    if (!info)
        return;
    m_datasetDescription->setText(QString::fromStdString(info->description));
    m_datasetDescription->setToolTip(tr("Choosing this data set sets its recommended settings: %1")
                                         .arg(QString::fromStdString(lstm::recommendedSettings(info->name).why)));
    for (const lstm::GeneratorParameter& p : info->parameters) {
        auto* box = new QDoubleSpinBox;
        box->setObjectName(QString::fromStdString(p.key));
        box->setDecimals(p.integer ? 0 : 3);
        box->setRange(p.minimum, p.maximum);
        box->setSingleStep(p.integer ? 1 : std::max(0.001, (p.maximum - p.minimum) / 100));
        const auto given = values.find(p.key);
        box->setValue(given != values.end() ? given->second : p.value);
        box->setToolTip(QString::fromStdString(p.help));
        box->setKeyboardTracking(false);
        connect(box, &QDoubleSpinBox::valueChanged, this, &DataSection::changedByUser);
        m_parameterForm->addRow(QString::fromStdString(p.label), box);
        m_parameters.append(box);
    }
}

void DataSection::changedByUser()
{
    if (!m_filling)
        emit changed();
}

void DataSection::setSettings(const SessionSettings& s)
{
    const bool filling = std::exchange(m_filling, true);
    m_text = s.text;
    m_csv = s.csv;
    m_textLength->setValue(s.text.sequenceLength);
    showSource(s.source);
    m_dataset->setCurrentIndex(std::max(0, m_dataset->findData(s.dataset)));
    showGeneratorParameters(m_dataset->currentData().toString(), s.data);
    m_filling = filling;
}

void DataSection::writeTo(SessionSettings& s) const
{
    s.source = m_source;
    s.text = m_text;
    s.text.sequenceLength = m_textLength->value();
    s.csv = m_csv;
    s.dataset = m_dataset->currentData().toString();
    s.data.clear();
    const lstm::GeneratorInfo* info = lstm::findGenerator(s.dataset.toStdString());
    for (const QDoubleSpinBox* box : m_parameters) {
        const std::string key = box->objectName().toStdString();
        const auto parameter = std::find_if(info->parameters.begin(), info->parameters.end(),
                                            [&](const lstm::GeneratorParameter& p) { return p.key == key; });
        if (parameter != info->parameters.end() && box->value() != parameter->value)
            s.data[key] = box->value(); // only what differs from the default
    }
}
