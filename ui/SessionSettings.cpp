#include "SessionSettings.h"

#include <QFileInfo>
#include <QSettings>

#include <algorithm>
#include <array>

namespace {

constexpr std::array missingPolicies{lstm::MissingPolicy::Interpolate, lstm::MissingPolicy::ForwardFill,
                                     lstm::MissingPolicy::DropRow, lstm::MissingPolicy::Keep};

// The CLI's spellings, so a session reads the same in both programs.
QString delimiterText(char delimiter)
{
    return delimiter == '\t' ? QStringLiteral("tab") : QString(QChar::fromLatin1(delimiter));
}

std::optional<char> parseDelimiter(const QString& text)
{
    if (text == "tab" || text == "\\t" || text == "\t")
        return '\t';
    if (text == "," || text == ";" || text == "|")
        return text[0].toLatin1();
    return std::nullopt;
}

std::optional<char> parseDecimal(const QString& text)
{
    if (text == "." || text == ",")
        return text[0].toLatin1();
    return std::nullopt;
}

QString dateOrderText(lstm::DateOrder order)
{
    return order == lstm::DateOrder::DayFirst ? QStringLiteral("dmy") : QStringLiteral("mdy");
}

std::optional<lstm::DateOrder> parseDateOrder(const QString& text)
{
    if (text == "dmy")
        return lstm::DateOrder::DayFirst;
    if (text == "mdy")
        return lstm::DateOrder::MonthFirst;
    return std::nullopt;
}

std::optional<lstm::MissingPolicy> parseMissing(const QString& text)
{
    for (const lstm::MissingPolicy policy : missingPolicies)
        if (text == QLatin1String(lstm::missingPolicyName(policy)))
            return policy;
    return std::nullopt;
}

std::vector<std::string> toStdStrings(const QStringList& names)
{
    std::vector<std::string> out;
    for (const QString& name : names)
        out.push_back(name.toStdString());
    return out;
}

const char* sourceName(DataSource source)
{
    switch (source) {
    case DataSource::Text:
        return "text";
    case DataSource::Csv:
        return "csv";
    case DataSource::Generator:
        break;
    }
    return "generator";
}

void saveCsv(QSettings& settings, const CsvSource& csv)
{
    settings.remove("session/csv");
    settings.setValue("session/csv/path", csv.path);
    if (csv.delimiter)
        settings.setValue("session/csv/delimiter", delimiterText(*csv.delimiter));
    if (csv.header)
        settings.setValue("session/csv/header", *csv.header);
    if (csv.decimal)
        settings.setValue("session/csv/decimal", QString(QChar::fromLatin1(*csv.decimal)));
    if (csv.dateOrder)
        settings.setValue("session/csv/dateOrder", dateOrderText(*csv.dateOrder));
    if (csv.timeColumn)
        settings.setValue("session/csv/timeColumn", *csv.timeColumn);
    settings.setValue("session/csv/missing", QString::fromLatin1(lstm::missingPolicyName(csv.missing)));
    settings.setValue("session/csv/inputs", csv.inputs);
    settings.setValue("session/csv/targets", csv.targets);
    settings.setValue("session/csv/sequenceLength", csv.sequenceLength);
    settings.setValue("session/csv/horizon", csv.horizon);
}

CsvSource loadCsv(const QSettings& settings)
{
    CsvSource csv;
    csv.path = settings.value("session/csv/path").toString();
    csv.delimiter = parseDelimiter(settings.value("session/csv/delimiter").toString());
    if (settings.contains("session/csv/header"))
        csv.header = settings.value("session/csv/header").toBool();
    csv.decimal = parseDecimal(settings.value("session/csv/decimal").toString());
    csv.dateOrder = parseDateOrder(settings.value("session/csv/dateOrder").toString());
    if (settings.contains("session/csv/timeColumn"))
        csv.timeColumn = settings.value("session/csv/timeColumn").toString();
    csv.missing = parseMissing(settings.value("session/csv/missing").toString()).value_or(csv.missing);
    csv.inputs = settings.value("session/csv/inputs").toStringList();
    csv.targets = settings.value("session/csv/targets").toStringList();
    csv.sequenceLength = std::clamp(settings.value("session/csv/sequenceLength", csv.sequenceLength).toInt(), 1, 100'000);
    csv.horizon = std::clamp(settings.value("session/csv/horizon", csv.horizon).toInt(), 1, 100'000);
    return csv;
}

} // namespace

bool CsvSource::operator==(const CsvSource& other) const
{
    return path == other.path && delimiter == other.delimiter && header == other.header &&
           decimal == other.decimal && dateOrder == other.dateOrder && timeColumn == other.timeColumn &&
           missing == other.missing && inputs == other.inputs && targets == other.targets &&
           sequenceLength == other.sequenceLength && horizon == other.horizon;
}

lstm::CsvImportOptions CsvSource::importOptions() const
{
    lstm::CsvImportOptions options;
    options.overrides.delimiter = delimiter;
    options.overrides.header = header;
    options.overrides.decimal = decimal;
    options.overrides.dateOrder = dateOrder;
    if (timeColumn)
        options.overrides.timeColumn = timeColumn->toStdString();
    options.missing = missing;
    return options;
}

lstm::CsvDatasetOptions CsvSource::datasetOptions() const
{
    lstm::CsvDatasetOptions options;
    options.series.inputs = toStdStrings(inputs);
    options.series.targets = toStdStrings(targets);
    options.sequenceLength = sequenceLength;
    options.horizon = horizon;
    return options;
}

SessionSettings SessionSettings::demo()
{
    SessionSettings demo;
    demo.model.hiddenSize = 16;
    demo.train.learningRate = 0.01;
    demo.train.batchSize = 16;
    return demo;
}

QString SessionSettings::dataFile() const
{
    switch (source) {
    case DataSource::Text:
        return text.path;
    case DataSource::Csv:
        return csv.path;
    case DataSource::Generator:
        break;
    }
    return {};
}

QString SessionSettings::fallBackWhenFileIsGone()
{
    const QString file = dataFile();
    if (source == DataSource::Generator || QFileInfo(file).isFile())
        return {};
    *this = demo();
    return QStringLiteral("The data file of the last session, %1, is gone; this is the sine-wave demo instead.")
        .arg(file.isEmpty() ? QStringLiteral("(none)") : file);
}

void SessionSettings::save(QSettings& settings) const
{
    settings.setValue("session/source", QString::fromLatin1(sourceName(source)));
    settings.setValue("session/dataset", dataset);
    settings.remove("session/data");
    for (const auto& [key, value] : data)
        settings.setValue("session/data/" + QString::fromStdString(key), value);
    settings.setValue("session/text/path", text.path);
    settings.setValue("session/text/sequenceLength", text.sequenceLength);
    saveCsv(settings, csv);
    settings.setValue("session/sampling/every", sampling.every);
    settings.setValue("session/sampling/temperature", sampling.temperature);
    settings.setValue("session/sampling/prompt", sampling.prompt);
    settings.setValue("session/cell", QString::fromUtf8(lstm::cellName(model.cell).data()));
    settings.setValue("session/hidden", model.hiddenSize);
    settings.setValue("session/layers", model.layers);
    settings.setValue("session/optimizer", QString::fromUtf8(lstm::optimizerName(train.optimizer).data()));
    settings.setValue("session/learningRate", train.learningRate);
    settings.setValue("session/clipNorm", train.clipNorm);
    settings.setValue("session/batchSize", train.batchSize);
    settings.setValue("session/truncation", train.truncation);
    settings.setValue("session/forgetBiasOne", train.forgetBiasOne);
    settings.setValue("session/seed", qulonglong(train.seed));
}

SessionSettings SessionSettings::load(const QSettings& settings)
{
    SessionSettings s = demo();
    const QString source = settings.value("session/source").toString();
    s.source = source == "text" ? DataSource::Text : source == "csv" ? DataSource::Csv : DataSource::Generator;
    s.dataset = settings.value("session/dataset", s.dataset).toString();
    if (!lstm::findGenerator(s.dataset.toStdString()))
        s.dataset = demo().dataset;
    for (const QString& key : settings.allKeys())
        if (key.startsWith("session/data/"))
            s.data[key.mid(13).toStdString()] = settings.value(key).toDouble();
    s.text.path = settings.value("session/text/path").toString();
    s.text.sequenceLength =
        std::clamp(settings.value("session/text/sequenceLength", s.text.sequenceLength).toInt(), 1, 100'000);
    s.csv = loadCsv(settings);
    s.sampling.every = std::clamp(settings.value("session/sampling/every", s.sampling.every).toInt(), 1, 1'000'000);
    const double temperature = settings.value("session/sampling/temperature", s.sampling.temperature).toDouble();
    if (temperature > 0 && temperature <= 10)
        s.sampling.temperature = temperature;
    s.sampling.prompt = settings.value("session/sampling/prompt").toString();
    if (const auto cell = lstm::parseCellKind(settings.value("session/cell").toString().toStdString()))
        s.model.cell = *cell;
    s.model.hiddenSize = std::clamp(settings.value("session/hidden", s.model.hiddenSize).toInt(), 1, 512);
    s.model.layers = std::clamp(settings.value("session/layers", s.model.layers).toInt(), 1, 4);
    if (const auto optimizer = lstm::parseOptimizerKind(settings.value("session/optimizer").toString().toStdString()))
        s.train.optimizer = *optimizer;
    s.train.learningRate = settings.value("session/learningRate", s.train.learningRate).toDouble();
    s.train.clipNorm = settings.value("session/clipNorm", s.train.clipNorm).toDouble();
    s.train.batchSize = std::clamp(settings.value("session/batchSize", s.train.batchSize).toInt(), 1, 1024);
    s.train.truncation = std::max(0, settings.value("session/truncation", s.train.truncation).toInt());
    s.train.forgetBiasOne = settings.value("session/forgetBiasOne", s.train.forgetBiasOne).toBool();
    s.train.seed = settings.value("session/seed", qulonglong(s.train.seed)).toULongLong();
    return s;
}

QStringList SessionSettings::toArguments() const
{
    QStringList arguments;
    if (source == DataSource::Generator) {
        arguments << "--dataset" << dataset;
        QStringList params;
        for (const auto& [key, value] : data)
            params << QString::fromStdString(key) + "=" + QString::number(value, 'g', 17);
        if (!params.isEmpty())
            arguments << "--params" << params.join(',');
    } else if (source == DataSource::Text) {
        arguments << "--text" << text.path << "--seq-len" << QString::number(text.sequenceLength)
                  << "--temperature" << QString::number(sampling.temperature, 'g', 17) << "--sample-every"
                  << QString::number(sampling.every);
        if (!sampling.prompt.isEmpty())
            arguments << "--prompt" << sampling.prompt;
    } else {
        arguments << "--csv" << csv.path << "--seq-len" << QString::number(csv.sequenceLength) << "--horizon"
                  << QString::number(csv.horizon) << "--missing"
                  << QString::fromLatin1(lstm::missingPolicyName(csv.missing));
        if (!csv.inputs.isEmpty())
            arguments << "--inputs" << csv.inputs.join(',');
        if (!csv.targets.isEmpty())
            arguments << "--targets" << csv.targets.join(',');
        if (csv.delimiter)
            arguments << "--delimiter" << delimiterText(*csv.delimiter);
        if (csv.decimal)
            arguments << "--decimal" << QString(QChar::fromLatin1(*csv.decimal));
        if (csv.header)
            arguments << (*csv.header ? "--header" : "--no-header");
        if (csv.dateOrder)
            arguments << "--date-order" << dateOrderText(*csv.dateOrder);
        if (csv.timeColumn)
            arguments << "--time-column" << (csv.timeColumn->isEmpty() ? QStringLiteral("none") : *csv.timeColumn);
    }
    arguments << "--cell" << QString::fromUtf8(lstm::cellName(model.cell).data()) << "--hidden"
              << QString::number(model.hiddenSize) << "--layers" << QString::number(model.layers) << "--lr"
              << QString::number(train.learningRate, 'g', 17) << "--seed" << QString::number(train.seed);
    return arguments;
}

QString SessionSettings::applyArguments(const QStringList& arguments)
{
    // Which options belong to one kind of data only, checked once the source is known.
    QStringList sources, csvOnly, textOnly, generatorOnly;
    std::optional<int> sequenceLength;
    for (int k = 0; k < arguments.size(); ++k) {
        const QString& option = arguments[k];
        if (option == "--header" || option == "--no-header") {
            csv.header = option == "--header";
            csvOnly << option;
            continue;
        }
        if (k + 1 >= arguments.size())
            return QStringLiteral("%1 needs a value").arg(option);
        const QString& value = arguments[++k];
        bool ok = true;
        if (option == "--dataset") {
            if (!lstm::findGenerator(value.toStdString()))
                return QStringLiteral("unknown data set \"%1\"").arg(value);
            dataset = value;
            source = DataSource::Generator;
            sources << option;
        } else if (option == "--text") {
            text.path = QFileInfo(value).absoluteFilePath(); // so the saved session works from anywhere
            source = DataSource::Text;
            sources << option;
        } else if (option == "--csv") {
            csv.path = QFileInfo(value).absoluteFilePath();
            csv.table.reset(); // a table read from another file, or with other options
            source = DataSource::Csv;
            sources << option;
        } else if (option == "--seq-len") {
            sequenceLength = value.toInt(&ok);
            ok = ok && *sequenceLength >= 1 && *sequenceLength <= 100'000;
        } else if (option == "--horizon") {
            csv.horizon = value.toInt(&ok);
            ok = ok && csv.horizon >= 1 && csv.horizon <= 100'000;
            csvOnly << option;
        } else if (option == "--inputs" || option == "--targets") {
            (option == "--inputs" ? csv.inputs : csv.targets) = value.split(',', Qt::SkipEmptyParts);
            csvOnly << option;
        } else if (option == "--delimiter") {
            csv.delimiter = parseDelimiter(value);
            ok = csv.delimiter.has_value();
            csvOnly << option;
        } else if (option == "--decimal") {
            csv.decimal = parseDecimal(value);
            ok = csv.decimal.has_value();
            csvOnly << option;
        } else if (option == "--date-order") {
            csv.dateOrder = parseDateOrder(value);
            ok = csv.dateOrder.has_value();
            csvOnly << option;
        } else if (option == "--time-column") {
            csv.timeColumn = value == "none" ? QString() : value;
            csvOnly << option;
        } else if (option == "--missing") {
            const auto policy = parseMissing(value);
            ok = policy.has_value();
            csv.missing = policy.value_or(csv.missing);
            csvOnly << option;
        } else if (option == "--temperature") {
            sampling.temperature = value.toDouble(&ok);
            ok = ok && sampling.temperature > 0 && sampling.temperature <= 10; // the panel's range
            textOnly << option;
        } else if (option == "--sample-every") {
            sampling.every = value.toInt(&ok);
            ok = ok && sampling.every >= 1 && sampling.every <= 1'000'000;
            textOnly << option;
        } else if (option == "--prompt") {
            sampling.prompt = value;
            textOnly << option;
        } else if (option == "--cell") {
            const auto cell = lstm::parseCellKind(value.toStdString());
            if (!cell)
                return QStringLiteral("unknown cell \"%1\"").arg(value);
            model.cell = *cell;
        } else if (option == "--hidden") {
            model.hiddenSize = value.toInt(&ok);
            ok = ok && model.hiddenSize >= 1 && model.hiddenSize <= 512;
        } else if (option == "--layers") {
            model.layers = value.toInt(&ok);
            ok = ok && model.layers >= 1 && model.layers <= 4;
        } else if (option == "--lr") {
            train.learningRate = value.toDouble(&ok);
            ok = ok && train.learningRate >= 0 && train.learningRate <= 10; // the panel's range
        } else if (option == "--seed") {
            train.seed = value.toULongLong(&ok);
            ok = ok && train.seed <= 1'000'000; // the panel's range
        } else if (option == "--params") {
            for (const QString& pair : value.split(',', Qt::SkipEmptyParts)) {
                const QStringList parts = pair.split('=');
                ok = parts.size() == 2;
                const double number = ok ? parts[1].toDouble(&ok) : 0;
                if (!ok)
                    break;
                data[parts[0].toStdString()] = number;
            }
            generatorOnly << option;
        } else {
            return QStringLiteral("unknown option %1").arg(option);
        }
        if (!ok)
            return QStringLiteral("%1 does not accept \"%2\"").arg(option, value);
    }
    if (sources.size() > 1)
        return QStringLiteral("%1 and %2 cannot be combined: train on one data set").arg(sources[0], sources[1]);
    const auto misplaced = [](const QStringList& options, const char* owner) {
        return QStringLiteral("%1 applies only with %2").arg(options.first(), QLatin1String(owner));
    };
    if (!csvOnly.isEmpty() && source != DataSource::Csv)
        return misplaced(csvOnly, "--csv");
    if (!textOnly.isEmpty() && source != DataSource::Text)
        return misplaced(textOnly, "--text");
    if (!generatorOnly.isEmpty() && source != DataSource::Generator)
        return misplaced(generatorOnly, "--dataset");
    if (sequenceLength) {
        if (source == DataSource::Generator)
            return QStringLiteral("--seq-len applies only with --csv or --text");
        (source == DataSource::Text ? text.sequenceLength : csv.sequenceLength) = *sequenceLength;
    }
    return {};
}
