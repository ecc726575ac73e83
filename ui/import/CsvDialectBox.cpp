#include "import/CsvDialectBox.h"

#include <QComboBox>
#include <QFormLayout>
#include <QStandardItemModel>

#include <utility>

namespace {

QComboBox* overrideBox(const char* name, const QList<QPair<QString, QVariant>>& choices, const QString& tip)
{
    auto* box = new QComboBox;
    box->setObjectName(QLatin1String(name));
    box->addItem(QString()); // "detected: …", filled in by showDetected()
    for (const auto& [label, value] : choices)
        box->addItem(label, value);
    box->setToolTip(tip);
    return box;
}

// Selects the entry holding `value`, or the first ("detected") when there is none.
template <typename T, typename F>
void select(QComboBox* box, const std::optional<T>& value, F toData)
{
    box->setCurrentIndex(value ? std::max(0, box->findData(toData(*value))) : 0);
}

QString character(char c)
{
    return QString(QChar::fromLatin1(c));
}

QString keepNotOffered()
{
    return CsvDialectBox::tr("Leaving them missing is not offered: a model cannot train on missing values, "
                             "so each must be filled in or its row dropped.");
}

char characterOf(const QComboBox* box)
{
    return box->currentData().toString().at(0).toLatin1();
}

} // namespace

CsvDialectBox::CsvDialectBox(QWidget* parent) : QGroupBox(tr("How the file is written"), parent)
{
    m_delimiter = overrideBox("delimiter",
                              {{tr("comma  ,"), QStringLiteral(",")},
                               {tr("semicolon  ;"), QStringLiteral(";")},
                               {tr("tab"), QStringLiteral("\t")},
                               {tr("pipe  |"), QStringLiteral("|")}},
                              tr("What separates the fields of a row"));
    m_header = overrideBox("header", {{tr("names the columns"), true}, {tr("is data"), false}},
                           tr("Whether the first row holds the column names"));
    m_decimal = overrideBox("decimal", {{tr("point  1.5"), QStringLiteral(".")}, {tr("comma  1,5"), QStringLiteral(",")}},
                            tr("How numbers mark their decimals"));
    m_dateOrder = overrideBox("dateOrder",
                              {{tr("day first  31/12/2020"), int(lstm::DateOrder::DayFirst)},
                               {tr("month first  12/31/2020"), int(lstm::DateOrder::MonthFirst)}},
                              tr("How a date such as 01/02/2020 is read, the same for the whole file"));
    m_missing = new QComboBox;
    m_missing->setObjectName(QStringLiteral("missing"));
    m_missing->addItem(tr("interpolate"), int(lstm::MissingPolicy::Interpolate));
    m_missing->addItem(tr("repeat the last value"), int(lstm::MissingPolicy::ForwardFill));
    m_missing->addItem(tr("drop the row"), int(lstm::MissingPolicy::DropRow));
    // Shown, greyed, with the reason: lstm-lab-cli's "keep" cannot make training data.
    static_assert(!trainsWith(lstm::MissingPolicy::Keep));
    m_missing->addItem(tr("leave them missing"), int(lstm::MissingPolicy::Keep));
    const int keep = m_missing->count() - 1;
    m_missing->setItemData(keep, keepNotOffered(), Qt::ToolTipRole);
    if (auto* items = qobject_cast<QStandardItemModel*>(m_missing->model()))
        items->item(keep)->setEnabled(false);
    m_missing->setToolTip(tr("Empty cells, NA, N/A, NaN, null and a lone - are missing values: fill them in "
                             "between their neighbours, repeat the value before, or leave the row out. ") +
                          keepNotOffered());
    auto* form = new QFormLayout(this);
    form->addRow(tr("Delimiter"), m_delimiter);
    form->addRow(tr("First row"), m_header);
    form->addRow(tr("Decimal mark"), m_decimal);
    form->addRow(tr("Dates"), m_dateOrder);
    form->addRow(tr("Missing values"), m_missing);
    for (QComboBox* box : {m_delimiter, m_header})
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_filling)
                emit columnsChanged();
        });
    for (QComboBox* box : {m_decimal, m_dateOrder, m_missing})
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_filling)
                emit readingChanged();
        });
}

void CsvDialectBox::reset()
{
    const bool filling = std::exchange(m_filling, true);
    for (QComboBox* box : {m_delimiter, m_header, m_decimal, m_dateOrder, m_missing})
        box->setCurrentIndex(0);
    m_filling = filling;
}

void CsvDialectBox::setChoices(const CsvSource& source)
{
    const bool filling = std::exchange(m_filling, true);
    select(m_delimiter, source.delimiter, character);
    select(m_header, source.header, [](bool header) { return header; });
    select(m_decimal, source.decimal, character);
    select(m_dateOrder, source.dateOrder, [](lstm::DateOrder order) { return int(order); });
    // A policy no model trains with (Keep) cannot be chosen here: the default stands in.
    m_missing->setCurrentIndex(trainsWith(source.missing) ? std::max(0, m_missing->findData(int(source.missing))) : 0);
    m_filling = filling;
}

lstm::CsvImportOptions CsvDialectBox::options() const
{
    lstm::CsvImportOptions options;
    if (m_delimiter->currentIndex() > 0)
        options.overrides.delimiter = characterOf(m_delimiter);
    if (m_header->currentIndex() > 0)
        options.overrides.header = m_header->currentData().toBool();
    if (m_decimal->currentIndex() > 0)
        options.overrides.decimal = characterOf(m_decimal);
    if (m_dateOrder->currentIndex() > 0)
        options.overrides.dateOrder = lstm::DateOrder(m_dateOrder->currentData().toInt());
    options.missing = lstm::MissingPolicy(m_missing->currentData().toInt());
    return options;
}

void CsvDialectBox::showDetected(const CsvPreview& preview)
{
    const bool known = preview.detected.has_value();
    const lstm::CsvDialect dialect = preview.detected.value_or(lstm::CsvDialect{});
    const auto detected = [known](const QString& what) { return known ? tr("detected: %1").arg(what) : tr("detect"); };
    m_delimiter->setItemText(0, detected(dialect.delimiter == '\t' ? tr("tab") : character(dialect.delimiter)));
    m_header->setItemText(0, detected(dialect.header ? tr("names the columns") : tr("is data")));
    m_decimal->setItemText(0, detected(dialect.decimal == ',' ? tr("comma") : tr("point")));
    m_dateOrder->setItemText(0, !dialect.dayMonthDates ? tr("no day/month dates")
                                : dialect.dateOrderAmbiguous
                                    ? tr("assumed: day first")
                                    : detected(dialect.dateOrder == lstm::DateOrder::DayFirst ? tr("day first")
                                                                                             : tr("month first")));
    m_dateOrder->setEnabled(preview.layout.dialect.dayMonthDates || m_dateOrder->currentIndex() > 0);
}
