#include "session/SessionSettings.h"

#include "session/SessionSpellings.h"

#include <QFileInfo>
#include <QSettings>

#include <algorithm>
#include <cmath>

namespace {

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
        settings.setValue("session/csv/decimal", decimalText(*csv.decimal));
    if (csv.dateOrder)
        settings.setValue("session/csv/dateOrder", dateOrderText(*csv.dateOrder));
    if (csv.timeColumn)
        settings.setValue("session/csv/timeColumn", *csv.timeColumn);
    settings.setValue("session/csv/missing", missingText(csv.missing));
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
    if (const auto missing = parseMissing(settings.value("session/csv/missing").toString()); missing && trainsWith(*missing))
        csv.missing = *missing;
    csv.inputs = settings.value("session/csv/inputs").toStringList();
    csv.targets = settings.value("session/csv/targets").toStringList();
    csv.sequenceLength = std::clamp(settings.value("session/csv/sequenceLength", csv.sequenceLength).toInt(), 1, 100'000);
    csv.horizon = std::clamp(settings.value("session/csv/horizon", csv.horizon).toInt(), 1, 100'000);
    return csv;
}

// An unset bias is saved as no key, so that "random" survives a restart.
void saveBias(QSettings& settings, const QString& key, const std::optional<double>& bias)
{
    if (bias)
        settings.setValue(key, *bias);
    else
        settings.remove(key);
}

std::optional<double> loadBias(const QSettings& settings, const QString& key)
{
    bool ok = false;
    const double bias = settings.value(key).toDouble(&ok);
    if (!ok || !std::isfinite(bias))
        return std::nullopt;
    return std::clamp(bias, -10.0, 10.0);
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
    demo.applyRecommendation(lstm::recommendedSettings(demo.dataset.toStdString()));
    return demo;
}

void SessionSettings::applyRecommendation(const lstm::Recommendation& recommended)
{
    const lstm::CellKind cell = model.cell;
    const std::uint64_t seed = train.seed;
    model = recommended.model;
    model.cell = cell;
    train = recommended.train;
    train.seed = seed;
    stop = recommended.stop;
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
    saveBias(settings, "session/gateBias/input", train.gateBiases.input);
    saveBias(settings, "session/gateBias/forget", train.gateBiases.forget);
    saveBias(settings, "session/gateBias/output", train.gateBiases.output);
    settings.setValue("session/seed", qulonglong(train.seed));
    settings.setValue("session/stop/maxSteps", qlonglong(stop.maxSteps));
    settings.setValue("session/stop/untilSolved", stop.untilSolved);
    settings.setValue("session/stop/patience", stop.patience);
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
    s.train.gateBiases = {loadBias(settings, "session/gateBias/input"), loadBias(settings, "session/gateBias/forget"),
                          loadBias(settings, "session/gateBias/output")};
    if (settings.value("session/forgetBiasOne").toBool() && !s.train.gateBiases.forget) // before version 0.1
        s.train.gateBiases.forget = 1.0;
    s.train.seed = settings.value("session/seed", qulonglong(s.train.seed)).toULongLong();
    s.stop.maxSteps = std::clamp(settings.value("session/stop/maxSteps", 0).toLongLong(), 0LL, maxStopSteps);
    s.stop.untilSolved = settings.value("session/stop/untilSolved", false).toBool();
    s.stop.patience = std::clamp(settings.value("session/stop/patience", 0).toInt(), 0, maxPatience);
    return s;
}
