// SessionSettings on the command line: toArguments() writes a session, applyArguments()
// reads one, an option group at a time (the data source, CSV reading, text sampling, the
// generator's parameters, the model and training), then checks that every option given
// belongs to the data source chosen.
#include "session/SessionSettings.h"

#include "session/SessionSpellings.h"

#include <QFileInfo>

namespace {

// What reading one option found: nullopt when the option is not the group's, else an error
// sentence, empty when the value was taken.
using Outcome = std::optional<QString>;

const Outcome taken = QString();

QString refused(const QString& option, const QString& value)
{
    return QStringLiteral("%1 does not accept \"%2\"").arg(option, value);
}

Outcome takenIf(bool ok, const QString& option, const QString& value)
{
    return ok ? QString() : refused(option, value);
}

// The options met so far that make sense with one data source only.
struct Ownership {
    QStringList sources;                // --dataset, --text, --csv as given
    QStringList csvOnly, textOnly, generatorOnly;
    std::optional<int> sequenceLength;  // --csv's or --text's, known once the source is
};

Outcome readSource(SessionSettings& s, const QString& option, const QString& value, Ownership& owned)
{
    if (option == "--dataset") {
        if (!lstm::findGenerator(value.toStdString()))
            return QStringLiteral("unknown data set \"%1\"").arg(value);
        s.dataset = value;
        s.source = DataSource::Generator;
    } else if (option == "--text") {
        s.text.path = QFileInfo(value).absoluteFilePath(); // so the saved session works from anywhere
        s.source = DataSource::Text;
    } else if (option == "--csv") {
        s.csv.path = QFileInfo(value).absoluteFilePath();
        s.csv.table.reset(); // a table read from another file, or with other options
        s.source = DataSource::Csv;
    } else if (option == "--seq-len") {
        bool ok = false;
        owned.sequenceLength = value.toInt(&ok);
        return takenIf(ok && *owned.sequenceLength >= 1 && *owned.sequenceLength <= 100'000, option, value);
    } else {
        return std::nullopt;
    }
    owned.sources << option;
    return taken;
}

Outcome readMissing(CsvSource& csv, const QString& option, const QString& value)
{
    const auto policy = parseMissing(value);
    if (!policy)
        return refused(option, value);
    if (!trainsWith(*policy))
        return QStringLiteral("%1 %2 leaves the missing values in, and a model cannot train on them: use "
                              "interpolate, forward-fill or drop")
            .arg(option, value);
    csv.missing = *policy;
    return taken;
}

Outcome readCsv(CsvSource& csv, const QString& option, const QString& value)
{
    bool ok = true;
    if (option == "--horizon") {
        csv.horizon = value.toInt(&ok);
        ok = ok && csv.horizon >= 1 && csv.horizon <= 100'000;
    } else if (option == "--inputs" || option == "--targets") {
        (option == "--inputs" ? csv.inputs : csv.targets) = value.split(',', Qt::SkipEmptyParts);
    } else if (option == "--delimiter") {
        csv.delimiter = parseDelimiter(value);
        ok = csv.delimiter.has_value();
    } else if (option == "--decimal") {
        csv.decimal = parseDecimal(value);
        ok = csv.decimal.has_value();
    } else if (option == "--date-order") {
        csv.dateOrder = parseDateOrder(value);
        ok = csv.dateOrder.has_value();
    } else if (option == "--time-column") {
        csv.timeColumn = value == "none" ? QString() : value;
    } else if (option == "--missing") {
        return readMissing(csv, option, value);
    } else {
        return std::nullopt;
    }
    return takenIf(ok, option, value);
}

Outcome readSampling(TextSampling& sampling, const QString& option, const QString& value)
{
    bool ok = true;
    if (option == "--temperature") {
        sampling.temperature = value.toDouble(&ok);
        ok = ok && sampling.temperature > 0 && sampling.temperature <= 10; // the panel's range
    } else if (option == "--sample-every") {
        sampling.every = value.toInt(&ok);
        ok = ok && sampling.every >= 1 && sampling.every <= 1'000'000;
    } else if (option == "--prompt") {
        sampling.prompt = value;
    } else {
        return std::nullopt;
    }
    return takenIf(ok, option, value);
}

Outcome readGenerator(lstm::GeneratorSettings& data, const QString& option, const QString& value)
{
    if (option != "--params")
        return std::nullopt;
    for (const QString& pair : value.split(',', Qt::SkipEmptyParts)) {
        const QStringList parts = pair.split('=');
        bool ok = parts.size() == 2;
        const double number = ok ? parts[1].toDouble(&ok) : 0;
        if (!ok)
            return refused(option, value);
        data[parts[0].toStdString()] = number;
    }
    return taken;
}

Outcome readModelAndTraining(SessionSettings& s, const QString& option, const QString& value)
{
    bool ok = true;
    if (option == "--cell") {
        const auto cell = lstm::parseCellKind(value.toStdString());
        if (!cell)
            return QStringLiteral("unknown cell \"%1\"").arg(value);
        s.model.cell = *cell;
    } else if (option == "--hidden") {
        s.model.hiddenSize = value.toInt(&ok);
        ok = ok && s.model.hiddenSize >= 1 && s.model.hiddenSize <= 512;
    } else if (option == "--layers") {
        s.model.layers = value.toInt(&ok);
        ok = ok && s.model.layers >= 1 && s.model.layers <= 4;
    } else if (option == "--lr") {
        s.train.learningRate = value.toDouble(&ok);
        ok = ok && s.train.learningRate >= 0 && s.train.learningRate <= 10; // the panel's range
    } else if (option == "--optimizer") {
        const auto optimizer = lstm::parseOptimizerKind(value.toStdString());
        if (!optimizer)
            return QStringLiteral("unknown optimizer \"%1\" (sgd, momentum, rmsprop or adam)").arg(value);
        s.train.optimizer = *optimizer;
    } else if (option == "--clip") {
        s.train.clipNorm = value.toDouble(&ok);
        ok = ok && s.train.clipNorm >= 0 && s.train.clipNorm <= 1000;
    } else if (option == "--batch") {
        s.train.batchSize = value.toInt(&ok);
        ok = ok && s.train.batchSize >= 1 && s.train.batchSize <= 1024;
    } else if (option == "--truncation") {
        s.train.truncation = value.toInt(&ok);
        ok = ok && s.train.truncation >= 0 && s.train.truncation <= 10000;
    } else if (option == "--input-bias" || option == "--forget-bias" || option == "--output-bias") {
        std::optional<double>& bias = option == "--input-bias"    ? s.train.gateBiases.input
                                      : option == "--forget-bias" ? s.train.gateBiases.forget
                                                                  : s.train.gateBiases.output;
        bias.reset();
        if (value != QLatin1String("random")) {
            bias = value.toDouble(&ok);
            ok = ok && *bias >= -10 && *bias <= 10;
        }
    } else if (option == "--stop-after") {
        s.stop.maxSteps = value.toLong(&ok);
        ok = ok && s.stop.maxSteps >= 0 && s.stop.maxSteps <= SessionSettings::maxStopSteps;
    } else if (option == "--patience") {
        s.stop.patience = value.toInt(&ok);
        ok = ok && s.stop.patience >= 0 && s.stop.patience <= SessionSettings::maxPatience;
    } else if (option == "--seed") {
        s.train.seed = value.toULongLong(&ok);
        ok = ok && s.train.seed <= 1'000'000; // the panel's range
    } else {
        return std::nullopt;
    }
    return takenIf(ok, option, value);
}

// Every option given belongs to the one data source chosen; the sequence length goes to it.
QString placeOwnedOptions(SessionSettings& s, const Ownership& owned)
{
    if (owned.sources.size() > 1)
        return QStringLiteral("%1 and %2 cannot be combined: train on one data set").arg(owned.sources[0], owned.sources[1]);
    const auto misplaced = [](const QStringList& options, const char* owner) {
        return QStringLiteral("%1 applies only with %2").arg(options.first(), QLatin1String(owner));
    };
    if (!owned.csvOnly.isEmpty() && s.source != DataSource::Csv)
        return misplaced(owned.csvOnly, "--csv");
    if (!owned.textOnly.isEmpty() && s.source != DataSource::Text)
        return misplaced(owned.textOnly, "--text");
    if (!owned.generatorOnly.isEmpty() && s.source != DataSource::Generator)
        return misplaced(owned.generatorOnly, "--dataset");
    if (owned.sequenceLength) {
        if (s.source == DataSource::Generator)
            return QStringLiteral("--seq-len applies only with --csv or --text");
        (s.source == DataSource::Text ? s.text.sequenceLength : s.csv.sequenceLength) = *owned.sequenceLength;
    }
    return {};
}

void writeCsv(const CsvSource& csv, QStringList& arguments)
{
    arguments << "--csv" << csv.path << "--seq-len" << QString::number(csv.sequenceLength) << "--horizon"
              << QString::number(csv.horizon) << "--missing" << missingText(csv.missing);
    if (!csv.inputs.isEmpty())
        arguments << "--inputs" << csv.inputs.join(',');
    if (!csv.targets.isEmpty())
        arguments << "--targets" << csv.targets.join(',');
    if (csv.delimiter)
        arguments << "--delimiter" << delimiterText(*csv.delimiter);
    if (csv.decimal)
        arguments << "--decimal" << decimalText(*csv.decimal);
    if (csv.header)
        arguments << (*csv.header ? "--header" : "--no-header");
    if (csv.dateOrder)
        arguments << "--date-order" << dateOrderText(*csv.dateOrder);
    if (csv.timeColumn)
        arguments << "--time-column" << (csv.timeColumn->isEmpty() ? QStringLiteral("none") : *csv.timeColumn);
}

} // namespace

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
        writeCsv(csv, arguments);
    }
    const auto bias = [](const std::optional<double>& value) {
        return value ? QString::number(*value, 'g', 17) : QStringLiteral("random");
    };
    arguments << "--cell" << QString::fromUtf8(lstm::cellName(model.cell).data()) << "--hidden"
              << QString::number(model.hiddenSize) << "--layers" << QString::number(model.layers) << "--optimizer"
              << QString::fromUtf8(lstm::optimizerName(train.optimizer).data()) << "--lr"
              << QString::number(train.learningRate, 'g', 17) << "--clip" << QString::number(train.clipNorm, 'g', 17)
              << "--batch" << QString::number(train.batchSize) << "--truncation" << QString::number(train.truncation)
              << "--input-bias" << bias(train.gateBiases.input) << "--forget-bias" << bias(train.gateBiases.forget)
              << "--output-bias" << bias(train.gateBiases.output) << "--seed" << QString::number(train.seed)
              << "--stop-after" << QString::number(stop.maxSteps) << (stop.untilSolved ? "--until-solved" : "--no-until-solved")
              << "--patience" << QString::number(stop.patience);
    return arguments;
}

QString SessionSettings::applyArguments(const QStringList& arguments)
{
    // A built-in data set brings its recommended settings first; every option given wins.
    if (const qsizetype named = arguments.indexOf(QStringLiteral("--dataset")); named >= 0 && named + 1 < arguments.size())
        if (lstm::findGenerator(arguments[named + 1].toStdString()))
            applyRecommendation(lstm::recommendedSettings(arguments[named + 1].toStdString()));
    Ownership owned;
    for (int k = 0; k < arguments.size(); ++k) {
        const QString& option = arguments[k];
        if (option == "--until-solved" || option == "--no-until-solved") {
            stop.untilSolved = option == "--until-solved";
            continue;
        }
        if (option == "--header" || option == "--no-header") {
            csv.header = option == "--header";
            owned.csvOnly << option;
            continue;
        }
        if (k + 1 >= arguments.size())
            return QStringLiteral("%1 needs a value").arg(option);
        const QString& value = arguments[++k];
        Outcome outcome = readSource(*this, option, value, owned);
        if (!outcome && (outcome = readCsv(csv, option, value)))
            owned.csvOnly << option;
        if (!outcome && (outcome = readSampling(sampling, option, value)))
            owned.textOnly << option;
        if (!outcome && (outcome = readGenerator(data, option, value)))
            owned.generatorOnly << option;
        if (!outcome)
            outcome = readModelAndTraining(*this, option, value);
        if (!outcome)
            return QStringLiteral("unknown option %1").arg(option);
        if (!outcome->isEmpty())
            return *outcome;
    }
    return placeOwnedOptions(*this, owned);
}
