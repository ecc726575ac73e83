#include "import/CsvImportDialog.h"

#include "session/BundledData.h"
#include "import/CsvDialectBox.h"
#include "import/CsvImportCheck.h"
#include "import/CsvLoader.h"
#include "import/CsvPreviewModel.h"
#include "window/FileDropFilter.h"

#include "series/SeriesPreparation.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

CsvImportDialog::CsvImportDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Import a CSV file"));
    connect(new FileDropFilter(this), &FileDropFilter::fileDropped, this, &CsvImportDialog::setFile);
    m_loader = new CsvLoader(this);

    m_settingsArea = new QWidget;
    auto* settings = new QVBoxLayout(m_settingsArea);
    settings->setContentsMargins(0, 0, 0, 0);
    settings->addWidget(buildFileRow());
    m_dialect = new CsvDialectBox;
    m_columns = new CsvColumnRoles;
    auto* columns = new QGroupBox(tr("Columns"));
    (new QVBoxLayout(columns))->addWidget(m_columns);
    auto* boxes = new QHBoxLayout;
    boxes->addWidget(m_dialect);
    boxes->addWidget(columns, 1);
    boxes->addWidget(buildSequenceBox());
    settings->addLayout(boxes);
    // Other columns after a new delimiter or first row: the roles chosen so far no longer apply.
    connect(m_dialect, &CsvDialectBox::columnsChanged, this, [this] {
        m_columns->forgetChoices();
        m_timeOverride.reset();
        refreshPreview();
    });
    connect(m_dialect, &CsvDialectBox::readingChanged, this, &CsvImportDialog::refreshPreview);
    connect(m_columns, &CsvColumnRoles::roleChosen, this, &CsvImportDialog::columnRoleChosen);

    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #8b0000; background: #ffe0e0; border: 1px solid #e0a0a0;"
                                          " padding: 6px; }"));
    m_error->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_buttons = buttons;
    m_import = buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    m_import->setToolTip(tr("Read the whole file with these choices and train on it"));
    connect(buttons, &QDialogButtonBox::accepted, this, &CsvImportDialog::startImport);
    connect(buttons, &QDialogButtonBox::rejected, this, &CsvImportDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_settingsArea);
    layout->addWidget(buildPreview(), 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_error);
    layout->addWidget(buildLoadRow());
    layout->addWidget(buttons);
    resize(960, 680);

    connect(m_loader, &CsvLoader::progressed, this, [this](double fraction) {
        m_progress->setValue(int(std::lround(fraction * m_progress->maximum())));
    });
    connect(m_loader, &CsvLoader::loaded, this, [this](std::shared_ptr<const lstm::CsvTable> table) {
        setLoading(false);
        m_imported = std::move(table);
        accept();
    });
    connect(m_loader, &CsvLoader::failed, this, [this](const QString& message) {
        setLoading(false);
        showError(message);
        m_import->setEnabled(false); // until a choice changes
    });
    connect(m_loader, &CsvLoader::cancelled, this, [this] {
        setLoading(false);
        m_summary->setText(tr("The import was cancelled: nothing was changed."));
    });
    refreshPreview();
}

CsvImportDialog::~CsvImportDialog() = default;

QWidget* CsvImportDialog::buildFileRow()
{
    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_fileName = new QLabel;
    m_fileName->setTextFormat(Qt::RichText);
    auto* choose = new QPushButton(tr("Choose file…"));
    choose->setToolTip(tr("Pick a CSV file; you can also drop one onto this dialog"));
    connect(choose, &QPushButton::clicked, this, &CsvImportDialog::chooseFile);
    layout->addWidget(m_fileName, 1);
    layout->addWidget(choose);
    return row;
}

QWidget* CsvImportDialog::buildSequenceBox()
{
    auto* group = new QGroupBox(tr("Sequences"));
    auto* form = new QFormLayout(group);
    m_sequenceLength = new QSpinBox;
    m_sequenceLength->setObjectName(QStringLiteral("sequenceLength"));
    m_sequenceLength->setRange(1, 100'000);
    m_sequenceLength->setValue(32);
    m_sequenceLength->setToolTip(tr("Rows per training sequence: how far back the network is trained to look"));
    m_horizon = new QSpinBox;
    m_horizon->setObjectName(QStringLiteral("horizon"));
    m_horizon->setRange(1, 100'000);
    m_horizon->setToolTip(tr("Predict the targets this many rows ahead"));
    form->addRow(tr("Steps per sequence"), m_sequenceLength);
    form->addRow(tr("Predict rows ahead"), m_horizon);
    for (QSpinBox* box : {m_sequenceLength, m_horizon})
        connect(box, &QSpinBox::valueChanged, this, [this] {
            if (!m_filling)
                validate();
        });
    return group;
}

QWidget* CsvImportDialog::buildPreview()
{
    auto* widget = new QWidget;
    auto* layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    m_previewTitle = new QLabel;
    m_model = new CsvPreviewModel(this);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("preview"));
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setToolTip(tr("The line of the file where each row starts"));
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    layout->addWidget(m_previewTitle);
    layout->addWidget(m_table, 1);
    return widget;
}

QWidget* CsvImportDialog::buildLoadRow()
{
    m_loadRow = new QWidget;
    auto* layout = new QHBoxLayout(m_loadRow);
    layout->setContentsMargins(0, 0, 0, 0);
    m_progress = new QProgressBar;
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_cancelLoad = new QPushButton(tr("Cancel"));
    m_cancelLoad->setToolTip(tr("Stop reading the file; nothing changes"));
    m_loadLabel = new QLabel(tr("Reading the whole file…"));
    layout->addWidget(m_loadLabel);
    layout->addWidget(m_progress, 1);
    layout->addWidget(m_cancelLoad);
    connect(m_cancelLoad, &QPushButton::clicked, m_loader, &CsvLoader::cancel);
    m_loadRow->hide();
    return m_loadRow;
}

void CsvImportDialog::chooseFile()
{
    const QString start = m_path.isEmpty() ? bundledDataFolder() : QFileInfo(m_path).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a CSV file"), start,
                                                      tr("CSV files (*.csv *.tsv *.txt);;All files (*)"));
    if (!path.isEmpty())
        setFile(path);
}

void CsvImportDialog::setFile(const QString& path)
{
    m_path = path;
    m_columns->forgetChoices();
    m_timeOverride.reset();
    m_imported.reset();
    m_filling = true;
    m_dialect->reset();
    m_horizon->setValue(1);
    m_filling = false;
    refreshPreview();
    defaultSequenceLength();
}

void CsvImportDialog::setSource(const CsvSource& source)
{
    m_path = source.path;
    m_columns->forgetChoices();
    m_timeOverride = source.timeColumn;
    m_imported.reset();
    m_filling = true;
    m_dialect->setChoices(source);
    m_sequenceLength->setValue(source.sequenceLength);
    m_horizon->setValue(source.horizon);
    m_filling = false;
    refreshPreview();
    if (source.inputs.isEmpty() && source.targets.isEmpty())
        return; // the defaults: every number column in, the last one predicted
    const lstm::CsvLayout& layout = m_preview.layout;
    for (size_t j = 0; j < layout.names.size(); ++j) {
        const QString name = QString::fromStdString(layout.names[j]);
        if (layout.types[j] != lstm::ColumnType::Number)
            continue;
        const bool input = source.inputs.contains(name), target = source.targets.contains(name);
        m_columns->remember(name, input && target ? Role::InputAndTarget
                                  : input         ? Role::Input
                                  : target        ? Role::Target
                                                  : Role::Ignore);
    }
    m_columns->showColumns(m_preview);
    validate();
}

// Rows per sequence so that the validation part (the later rows the core sets aside) holds
// two sequences, so the prediction chart has a free run to show; at most 32.
void CsvImportDialog::defaultSequenceLength()
{
    if (!m_preview.table)
        return;
    try {
        const lstm::PreparedSeries series = lstm::prepareSeries(*m_preview.table, source().datasetOptions().series);
        m_sequenceLength->setValue(lstm::defaultSequenceLength(series, m_horizon->value()));
    } catch (const std::invalid_argument&) {
        // columns that make no series: validate() has said why, and the length stays
    }
}

lstm::CsvImportOptions CsvImportDialog::importOptions() const
{
    lstm::CsvImportOptions options = m_dialect->options();
    if (m_timeOverride)
        options.overrides.timeColumn = m_timeOverride->toStdString();
    return options;
}

CsvSource CsvImportDialog::source() const
{
    const lstm::CsvImportOptions options = importOptions();
    CsvSource source;
    source.path = m_path;
    source.delimiter = options.overrides.delimiter;
    source.header = options.overrides.header;
    source.decimal = options.overrides.decimal;
    source.dateOrder = options.overrides.dateOrder;
    source.timeColumn = m_timeOverride;
    source.missing = options.missing;
    source.inputs = m_columns->inputs();
    source.targets = m_columns->targets();
    source.sequenceLength = m_sequenceLength->value();
    source.horizon = m_horizon->value();
    source.table = m_imported;
    return source;
}

void CsvImportDialog::refreshPreview()
{
    if (m_path.isEmpty()) {
        m_preview = CsvPreview{};
        m_fileName->setText(tr("<b>No file yet.</b> Choose a CSV file, or drop one onto this dialog."));
    } else {
        m_preview = previewCsv(m_path, importOptions());
        m_fileName->setText(tr("File: <b>%1</b>").arg(QFileInfo(m_path).fileName().toHtmlEscaped()));
        m_fileName->setToolTip(m_path);
    }
    m_model->setPreview(m_preview);
    m_previewTitle->setText(m_preview.rows.isEmpty() ? QString()
                            : tr("The first %n rows as written (at the left, the line each starts on):", nullptr,
                                 int(m_preview.rows.size())));
    const int errorRow = int(m_preview.rowLines.indexOf(m_preview.errorLine));
    if (m_preview.errorLine > 0 && errorRow >= 0) { // show the cell the error names, once laid out
        const QModelIndex cell = m_model->index(errorRow, std::max(0, m_preview.errorColumn - 1));
        QMetaObject::invokeMethod(
            m_table, [table = m_table, cell] { table->scrollTo(cell, QAbstractItemView::PositionAtCenter); },
            Qt::QueuedConnection);
    }
    m_dialect->showDetected(m_preview);
    m_columns->showColumns(m_preview);
    validate();
}

CsvImportDialog::Role CsvImportDialog::role(const QString& column) const
{
    return m_columns->role(column);
}

// A new time axis changes how the file reads; the other roles only what is made of it.
void CsvImportDialog::columnRoleChosen(const QString& column, Role chosen)
{
    const int index = int(std::find(m_preview.layout.names.begin(), m_preview.layout.names.end(), column.toStdString()) -
                          m_preview.layout.names.begin());
    const bool wasAxis = index == m_preview.layout.timeColumn;
    if (chosen == Role::TimeAxis && !wasAxis) {
        m_timeOverride = column;
        refreshPreview();
    } else if (chosen != Role::TimeAxis && wasAxis) {
        m_timeOverride = QString(); // no time axis
        refreshPreview();
    } else {
        m_columns->remember(column, chosen);
        validate();
    }
}

void CsvImportDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

QString CsvImportDialog::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

void CsvImportDialog::validate()
{
    m_import->setEnabled(false);
    m_imported.reset();
    if (m_path.isEmpty()) {
        showError({});
        m_summary->clear();
        return;
    }
    const CsvImportCheck check = CsvImportCheck::of(m_preview, source());
    showError(check.error);
    m_summary->setText(check.summary);
    m_import->setEnabled(check.ok());
}

void CsvImportDialog::startImport()
{
    if (!m_import->isEnabled())
        return;
    if (m_preview.table) { // the preview read the whole file already: nothing more to read
        m_imported = m_preview.table;
        accept();
        return;
    }
    setLoading(true);
    m_progress->setValue(0);
    m_loader->start(source(), m_preview.layout.names);
}

void CsvImportDialog::setLoading(bool loading)
{
    m_loadRow->setVisible(loading);
    m_buttons->setVisible(!loading); // one Cancel at a time: while loading, it stops the load
    m_settingsArea->setEnabled(!loading);
    m_import->setEnabled(!loading);
    setAcceptDrops(!loading);
    if (loading) {
        m_loadLabel->setText(tr("Reading all of %1…").arg(QFileInfo(m_path).fileName()));
        m_loadLabel->setMinimumWidth(m_loadLabel->sizeHint().width());
        m_summary->clear();
        m_cancelLoad->setFocus();
    } else {
        validate();
    }
}

bool CsvImportDialog::loading() const
{
    return m_loader->running();
}

void CsvImportDialog::reject()
{
    m_loader->cancel();
    QDialog::reject();
}
