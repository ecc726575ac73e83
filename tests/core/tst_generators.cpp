// The built-in generators: every one builds from its registry entry and hands out batches
// that match its shape and are reproducible by seed; out-of-range settings are refused; the
// classic tasks produce what their papers describe (checked by small independent
// recognisers, not by the generators' own code) and score hand-made predictions exactly as
// their criteria say; and an LSTM learns to remember a first symbol.
#include "TestSupport.h"

#include "data/tasks/EmbeddedReber.h"
#include "data/Generators.h"
#include "series/SeriesForecast.h"
#include "training/Trainer.h"

#include <QTest>

#include <cmath>
#include <regex>

using namespace lstm;

Q_DECLARE_METATYPE(lstm::GeneratorSettings)

namespace {

using Batch = SequenceBatch<double>;

std::unique_ptr<Dataset> build(const std::string& name, const GeneratorSettings& settings = {}, std::uint64_t seed = 1)
{
    return makeGenerator(name, settings, seed);
}

Batch trainBatch(const Dataset& data, std::uint64_t seed, int batch = 8)
{
    Random random(seed);
    Batch out;
    data.sampleTrainBatch(random, batch, out);
    return out;
}

bool sameBatch(const Batch& a, const Batch& b)
{
    const auto same = [](const Eigen::MatrixXd& x, const Eigen::MatrixXd& y) {
        return x.rows() == y.rows() && x.cols() == y.cols() && x == y;
    };
    return a.steps == b.steps && a.batch == b.batch && same(a.inputs, b.inputs) && a.symbols == b.symbols &&
           same(a.targets, b.targets) && a.classes == b.classes;
}

// Empty when the batch has exactly the fields and sizes its data set's shape calls for.
QString shapeProblem(const DataShape& shape, const Batch& data)
{
    const int columns = data.columns();
    const int targetColumns = shape.outputAt == OutputAt::EveryStep ? columns : data.batch;
    if (data.steps < 1 || data.batch < 1)
        return QString("empty batch %1 x %2").arg(data.steps).arg(data.batch);
    if (shape.symbols) {
        if (int(data.symbols.size()) != columns || data.inputs.size() != 0)
            return QString("%1 symbols for %2 columns").arg(data.symbols.size()).arg(columns);
        if (int(shape.vocabulary.size()) != shape.inputSize)
            return QString("%1 names for %2 symbols").arg(shape.vocabulary.size()).arg(shape.inputSize);
        for (int s : data.symbols)
            if (s < 0 || s >= shape.inputSize)
                return QString("symbol %1 outside [0, %2)").arg(s).arg(shape.inputSize);
    } else if (data.inputs.rows() != shape.inputSize || data.inputs.cols() != columns || !data.symbols.empty()) {
        return QString("inputs %1 x %2").arg(data.inputs.rows()).arg(data.inputs.cols());
    }
    if (shape.output == OutputKind::Classification) {
        if (int(data.classes.size()) != targetColumns || data.targets.size() != 0)
            return QString("%1 classes for %2 targets").arg(data.classes.size()).arg(targetColumns);
        for (int c : data.classes)
            if (c < 0 || c >= shape.outputSize)
                return QString("class %1 outside [0, %2)").arg(c).arg(shape.outputSize);
    } else if (data.targets.rows() != shape.outputSize || data.targets.cols() != targetColumns ||
               !data.classes.empty()) {
        return QString("targets %1 x %2").arg(data.targets.rows()).arg(data.targets.cols());
    }
    return {};
}

// Logits that put `high` on the listed classes and 0 elsewhere.
Eigen::VectorXd logitsFor(int size, const std::string& high, const std::string& alphabet)
{
    Eigen::VectorXd logits = Eigen::VectorXd::Zero(size);
    for (char c : high)
        logits(Eigen::Index(alphabet.find(c))) = 1;
    return logits;
}

// One-hot logits of the data's own classes: a perfect classifier.
Eigen::MatrixXd perfectLogits(const DataShape& shape, const Batch& data)
{
    Eigen::MatrixXd logits = Eigen::MatrixXd::Zero(shape.outputSize, Eigen::Index(data.classes.size()));
    for (size_t k = 0; k < data.classes.size(); ++k)
        logits(data.classes[k], Eigen::Index(k)) = 1;
    return logits;
}

// --- an embedded Reber recogniser written from the grammar, independent of ReberGrammar.cpp

const std::string reberAlphabet = "BTPSXVE"; // the data sets' symbol ids
constexpr int reberE = 6;

// From node 2 of the Reber graph to its end: T* V, then V, or P and S, or P X and back to 2.
const std::string fromNodeTwo = "(?:T*VPX)*T*V(?:V|PS)";
const std::string reberString = "B(?:TS*X(?:S|X" + fromNodeTwo + ")|P" + fromNodeTwo + ")E";
const std::regex embeddedReber("B(?:T" + reberString + "T|P" + reberString + "P)E");

std::string letters(const std::vector<int>& ids)
{
    std::string out;
    for (int id : ids)
        out += reberAlphabet[size_t(id)];
    return out;
}

// Sequence b of next-symbol data as a string: what it reads, then the last thing it predicts.
std::string readString(const Batch& data, int steps, int b)
{
    std::vector<int> ids;
    for (int t = 0; t < steps; ++t)
        ids.push_back(data.symbols[size_t(t * data.batch + b)]);
    ids.push_back(data.classes[size_t((steps - 1) * data.batch + b)]);
    return letters(ids);
}

// A batch of one hand-written string: reads every letter but the last, predicts the next.
Batch stringBatch(const std::string& string)
{
    Batch data;
    data.steps = int(string.size()) - 1;
    data.batch = 1;
    for (size_t t = 0; t + 1 < string.size(); ++t) {
        data.symbols.push_back(int(reberAlphabet.find(string[t])));
        data.classes.push_back(int(reberAlphabet.find(string[t + 1])));
    }
    return data;
}

// Logits giving each step's listed letters 1 and the rest 0.
Eigen::MatrixXd stepLogits(const std::vector<std::string>& legal)
{
    Eigen::MatrixXd logits(7, Eigen::Index(legal.size()));
    for (size_t t = 0; t < legal.size(); ++t)
        logits.col(Eigen::Index(t)) = logitsFor(7, legal[t], reberAlphabet);
    return logits;
}

// One row per registered generator, so a new one is covered the moment it is registered.
void everyGenerator()
{
    QTest::addColumn<QString>("name");
    for (const GeneratorInfo& info : builtinGenerators())
        QTest::newRow(info.name.c_str()) << QString::fromStdString(info.name);
}

} // namespace

class GeneratorsTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();

    void registryEntryIsComplete_data() { everyGenerator(); }
    void registryEntryIsComplete();
    void batchesMatchTheShape_data() { everyGenerator(); }
    void batchesMatchTheShape();
    void sameSeedSameData_data() { everyGenerator(); }
    void sameSeedSameData();
    void otherSamplerSeedOtherBatch_data() { everyGenerator(); }
    void otherSamplerSeedOtherBatch();

    void validationDependsOnTheSeed_data();
    void validationDependsOnTheSeed();
    void outOfRangeSettingsAreRefused_data();
    void outOfRangeSettingsAreRefused();
    void waveTargetsAreTheSeriesAhead_data();
    void waveTargetsAreTheSeriesAhead();
    void wavesHaveTheirForm();

    void reberStringsFollowTheGrammar();
    void reberScoreAsksForEveryLegalSuccessor_data();
    void reberScoreAsksForEveryLegalSuccessor();
    void reberScoreSkipsPadding();
    void continualReberStreamsStringsWithoutResets();
    void continualReberScoresEverySymbol();
    void addingProblemMarksAsThePaperSays();
    void addingScoreCountsWithin004();
    void temporalOrderClassMatchesTheOrder();
    void longLagAsksForTheFirstSymbol();
    void rememberFirstAsksForTheFirstSymbol();
    void lstmLearnsToRememberTheFirstSymbol();
    void epochsCountOnlyFiniteTrainingData();
};

void GeneratorsTest::initTestCase()
{
    Eigen::setNbThreads(1);
}

// --- every registered generator -------------------------------------------------------

void GeneratorsTest::registryEntryIsComplete()
{
    QFETCH(QString, name);
    const GeneratorInfo* info = findGenerator(name.toStdString());
    QVERIFY(info);
    QVERIFY(!info->title.empty());
    QVERIFY(!info->description.empty());
    QVERIFY2(info->description.find('\n') == std::string::npos, "the description is one line");
    for (const GeneratorParameter& p : info->parameters) {
        QVERIFY2(!p.key.empty() && !p.label.empty() && !p.help.empty(), p.key.c_str());
        QVERIFY2(p.minimum <= p.value && p.value <= p.maximum, p.key.c_str());
        QVERIFY2(!p.integer || p.value == std::floor(p.value), p.key.c_str());
    }
    QVERIFY(build(info->name)); // the defaults build
}

void GeneratorsTest::batchesMatchTheShape()
{
    QFETCH(QString, name);
    const auto data = build(name.toStdString());
    const DataShape shape = data->shape();
    const QString train = shapeProblem(shape, trainBatch(*data, 3));
    QVERIFY2(train.isEmpty(), qPrintable("training batch: " + train));
    const QString validation = shapeProblem(shape, data->validationSet());
    QVERIFY2(validation.isEmpty(), qPrintable("validation set: " + validation));
    QVERIFY(data->sequenceLength() >= 1);
}

void GeneratorsTest::sameSeedSameData()
{
    QFETCH(QString, name);
    const auto first = build(name.toStdString(), {}, 7);
    const auto second = build(name.toStdString(), {}, 7);
    QVERIFY(sameBatch(first->validationSet(), second->validationSet()));
    QVERIFY(sameBatch(trainBatch(*first, 11), trainBatch(*second, 11)));
}

void GeneratorsTest::otherSamplerSeedOtherBatch()
{
    QFETCH(QString, name);
    const auto data = build(name.toStdString());
    QVERIFY(!sameBatch(trainBatch(*data, 11), trainBatch(*data, 12)));
}

// --- seeds, ranges and the waves ---------------------------------------------------------

void GeneratorsTest::validationDependsOnTheSeed_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<GeneratorSettings>("settings");
    // The waves' validation set is random only with noise; long-lag's holds both its sequences.
    QTest::newRow("sine with noise") << QString("sine") << GeneratorSettings{{"noise", 0.1}};
    QTest::newRow("damped with noise") << QString("damped") << GeneratorSettings{{"noise", 0.1}};
    for (const char* name : {"embedded-reber", "adding", "temporal-order", "continual-reber", "remember-first"})
        QTest::newRow(name) << QString(name) << GeneratorSettings{};
}

void GeneratorsTest::validationDependsOnTheSeed()
{
    QFETCH(QString, name);
    QFETCH(GeneratorSettings, settings);
    const auto first = build(name.toStdString(), settings, 1);
    const auto second = build(name.toStdString(), settings, 2);
    QVERIFY(!sameBatch(first->validationSet(), second->validationSet()));
}

void GeneratorsTest::outOfRangeSettingsAreRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<GeneratorSettings>("settings");
    for (const GeneratorInfo& info : builtinGenerators())
        for (const GeneratorParameter& p : info.parameters) {
            const std::string row = info.name + " " + p.key;
            QTest::newRow((row + " above").c_str()) << QString::fromStdString(info.name)
                                                    << GeneratorSettings{{p.key, p.maximum + 1}};
            QTest::newRow((row + " below").c_str()) << QString::fromStdString(info.name)
                                                    << GeneratorSettings{{p.key, p.minimum - 1}};
            if (p.integer)
                QTest::newRow((row + " fraction").c_str()) << QString::fromStdString(info.name)
                                                           << GeneratorSettings{{p.key, p.value + 0.5}};
        }
    QTest::newRow("unknown parameter") << QString("adding") << GeneratorSettings{{"lag", 5}};
    QTest::newRow("unknown data set") << QString("no-such-task") << GeneratorSettings{};
    QTest::newRow("sum-of-sines all off")
        << QString("sum-of-sines") << GeneratorSettings{{"amplitude1", 0}, {"amplitude2", 0}, {"amplitude3", 0}};
    QTest::newRow("sine series shorter than 4 windows")
        << QString("sine") << GeneratorSettings{{"length", 200}, {"sequence_length", 100}};
}

void GeneratorsTest::outOfRangeSettingsAreRefused()
{
    QFETCH(QString, name);
    QFETCH(GeneratorSettings, settings);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, build(name.toStdString(), settings));
}

void GeneratorsTest::waveTargetsAreTheSeriesAhead_data()
{
    QTest::addColumn<QString>("name");
    for (const char* name : {"sine", "sum-of-sines", "square", "sawtooth", "damped"})
        QTest::newRow(name) << QString(name);
}

void GeneratorsTest::waveTargetsAreTheSeriesAhead()
{
    QFETCH(QString, name);
    constexpr int horizon = 3;
    const auto data = build(name.toStdString(), {{"horizon", horizon}, {"noise", 0.2}});
    for (const Batch& batch : {trainBatch(*data, 5), data->validationSet()})
        for (int b = 0; b < batch.batch; ++b)
            for (int t = 0; t + horizon < batch.steps; ++t)
                QCOMPARE(batch.targets(0, t * batch.batch + b), batch.inputs(0, (t + horizon) * batch.batch + b));
    // Chronological split: validation reads only the series after the training part.
    const auto& forecast = dynamic_cast<const SeriesForecast&>(*data);
    const std::vector<double>& series = forecast.series();
    QCOMPARE(data->validationSet().inputs(0, 0), series[size_t(forecast.trainLength())]);
}

void GeneratorsTest::wavesHaveTheirForm()
{
    const GeneratorSettings wave{{"amplitude", 2}, {"frequency", 0.125}}; // eight steps a cycle, exactly
    const auto square = build("square", wave);
    for (double x : dynamic_cast<const SeriesForecast&>(*square).series())
        QVERIFY(x == 2 || x == -2);
    const auto sawtooth = build("sawtooth", wave);
    const std::vector<double>& saw = dynamic_cast<const SeriesForecast&>(*sawtooth).series();
    for (size_t t = 0; t < 32; ++t) // rising by 0.5 from -2
        QCOMPARE(saw[t], -2 + 0.5 * double(t % 8));
    const auto damped = build("damped", {{"amplitude", 2}, {"decay", 0.1}, {"period", 50}});
    const std::vector<double>& ringing = dynamic_cast<const SeriesForecast&>(*damped).series();
    for (size_t t = 0; t < ringing.size(); ++t) {
        QVERIFY(std::abs(ringing[t]) <= 2 * std::exp(-0.1 * double(t % 50)) + 1e-12);
        if (t % 50 == 0)
            QCOMPARE(ringing[t], 0.0); // restarted
    }
    const auto sum = build("sum-of-sines", {{"amplitude1", 1}, {"frequency1", 0.25}, {"amplitude2", 0.5},
                                            {"frequency2", 0.5}, {"amplitude3", 0}});
    const std::vector<double>& sines = dynamic_cast<const SeriesForecast&>(*sum).series();
    QVERIFY(std::abs(sines[1] - 1.0) < 1e-12);  // sin(π/2) + 0.5 sin(π)
    QVERIFY(std::abs(sines[3] + 1.0) < 1e-12);  // sin(3π/2) + 0.5 sin(3π)
}

// --- embedded and continual Reber --------------------------------------------------------

void GeneratorsTest::reberStringsFollowTheGrammar()
{
    const auto data = build("embedded-reber");
    const auto& reber = dynamic_cast<const EmbeddedReber&>(*data);
    QCOMPARE(int(reber.trainingStrings().size()), 256);
    for (const std::vector<int>& string : reber.trainingStrings())
        QVERIFY2(std::regex_match(letters(string), embeddedReber), letters(string).c_str());
    const Batch& validation = data->validationSet();
    QCOMPARE(validation.batch, 256);
    for (int b = 0; b < validation.batch; ++b) {
        // A padded string reads B, predicts the rest, then reads and predicts E: strip that tail.
        std::string string = readString(validation, validation.steps, b);
        string.erase(string.find_last_not_of('E') + 1);
        string += 'E';
        QVERIFY2(std::regex_match(string, embeddedReber), string.c_str());
        for (int t = int(string.size()) - 1; t < validation.steps; ++t) {
            QCOMPARE(validation.symbols[size_t(t * validation.batch + b)], reberE);
            QCOMPARE(validation.classes[size_t(t * validation.batch + b)], reberE);
        }
    }
    QVERIFY(!std::regex_match("BTBTXSEPE", embeddedReber)); // the recogniser refuses a wrong repeat
}

void GeneratorsTest::reberScoreAsksForEveryLegalSuccessor_data()
{
    QTest::addColumn<QStringList>("legal");
    QTest::addColumn<bool>("solved");
    // BTBTXSETE reads B T B T X S E T; after each, these letters may come next.
    const QStringList legal{"TP", "B", "TP", "SX", "SX", "E", "T", "E"};
    QTest::newRow("all legal successors on top") << legal << true;
    QStringList illegal = legal;
    illegal[6] = "P"; // after the inner E, the wrong outer symbol
    QTest::newRow("wrong repeat of T") << illegal << false;
    QStringList half = legal;
    half[3] = "X"; // the symbol that follows is on top, but S, also legal, is not above the rest
    QTest::newRow("one of two legal successors") << half << false;
}

void GeneratorsTest::reberScoreAsksForEveryLegalSuccessor()
{
    QFETCH(QStringList, legal);
    QFETCH(bool, solved);
    std::vector<std::string> perStep;
    for (const QString& letters : legal)
        perStep.push_back(letters.toStdString());
    const auto data = build("embedded-reber");
    const std::optional<TaskScore> score = data->score(stringBatch("BTBTXSETE"), stepLogits(perStep));
    QVERIFY(score);
    QCOMPARE(score->solved, solved);
    QCOMPARE(score->value, solved ? 1.0 : 0.0);
}

void GeneratorsTest::reberScoreSkipsPadding()
{
    // Two strings of 9 and 8 steps; the shorter is padded with one step that reads and predicts E.
    const std::string longer = "BPBPTVVEPE";
    const std::string shorter = "BTBTXSETE";
    Batch data;
    data.steps = int(longer.size()) - 1;
    data.batch = 2;
    const std::vector<std::string> longerLegal{"TP", "B", "TP", "TV", "TV", "PV", "E", "P", "E"};
    const std::vector<std::string> shorterLegal{"TP", "B", "TP", "SX", "SX", "E", "T", "E", "BTPSXV"}; // wrong padding
    Eigen::MatrixXd logits(7, 2 * data.steps);
    for (int t = 0; t < data.steps; ++t) {
        const bool padding = t + 1 >= int(shorter.size());
        const char read[2] = {longer[size_t(t)], padding ? 'E' : shorter[size_t(t)]};
        const char next[2] = {longer[size_t(t + 1)], padding ? 'E' : shorter[size_t(t + 1)]};
        for (int b = 0; b < 2; ++b) {
            data.symbols.push_back(int(reberAlphabet.find(read[b])));
            data.classes.push_back(int(reberAlphabet.find(next[b])));
            logits.col(2 * t + b) = logitsFor(7, (b == 0 ? longerLegal : shorterLegal)[size_t(t)], reberAlphabet);
        }
    }
    const auto reber = build("embedded-reber");
    QCOMPARE(readString(data, 8, 1), shorter);
    const std::optional<TaskScore> score = reber->score(data, logits);
    QVERIFY(score && score->solved);
    logits.col(2 * 3) = logitsFor(7, "S", reberAlphabet); // a real step of the longer string goes wrong
    QCOMPARE(reber->score(data, logits)->value, 0.5);
}

void GeneratorsTest::continualReberStreamsStringsWithoutResets()
{
    const auto data = build("continual-reber", {{"length", 60}, {"validation_length", 300}});
    for (const Batch& batch : {trainBatch(*data, 4), data->validationSet()})
        for (int b = 0; b < batch.batch; ++b) {
            const std::string stream = readString(batch, batch.steps, b);
            for (int t = 0; t + 1 < batch.steps; ++t) // the next input is this step's target
                QCOMPARE(batch.classes[size_t(t * batch.batch + b)], batch.symbols[size_t((t + 1) * batch.batch + b)]);
            // Whole strings back to back: cut after every E that a B follows; all but the last piece are complete.
            size_t start = 0;
            int complete = 0;
            for (size_t end = stream.find("EB"); end != std::string::npos; end = stream.find("EB", start)) {
                const std::string string = stream.substr(start, end + 1 - start);
                QVERIFY2(std::regex_match(string, embeddedReber), string.c_str());
                start = end + 1;
                ++complete;
            }
            QCOMPARE(stream.front(), 'B');
            QVERIFY2(complete >= batch.steps / 40, qPrintable(QString("%1 strings in %2 steps").arg(complete).arg(batch.steps)));
        }
}

void GeneratorsTest::continualReberScoresEverySymbol()
{
    // Two strings streamed: after the first final E, only B may come.
    const std::string stream = "BTBTXSETEBPBPVVEPE";
    const std::vector<std::string> legal{"TP", "B", "TP", "SX", "SX", "E", "T", "E", "B",
                                         "TP", "B", "TP", "TV", "PV", "E", "P", "E"};
    const auto data = build("continual-reber");
    Eigen::MatrixXd logits = stepLogits(legal);
    std::optional<TaskScore> score = data->score(stringBatch(stream), logits);
    QVERIFY(score && score->solved);
    QCOMPARE(score->value, 1.0);
    logits.col(8) = logitsFor(7, "T", reberAlphabet); // expects a T where the next string's B comes
    score = data->score(stringBatch(stream), logits);
    QVERIFY(!score->solved);
    QCOMPARE(score->value, 16.0 / 17.0);
}

// --- adding, temporal order, long lag, remember first --------------------------------------

void GeneratorsTest::addingProblemMarksAsThePaperSays()
{
    constexpr int length = 40;
    const auto data = build("adding", {{"length", length}});
    const Batch batch = trainBatch(*data, 9, 300);
    for (int b = 0; b < batch.batch; ++b) {
        std::vector<int> marked;
        for (int t = 0; t < length; ++t) {
            const double marker = batch.inputs(1, t * batch.batch + b);
            if (marker == 1)
                marked.push_back(t);
            else
                QCOMPARE(marker, (t == 0 || t == length - 1) ? -1.0 : 0.0);
            QVERIFY(std::abs(batch.inputs(0, t * batch.batch + b)) <= 1);
        }
        QCOMPARE(int(marked.size()), 2);
        // One mark among the first ten, the other among the first T/2 - 1 pairs left unmarked.
        QVERIFY(marked[0] < 10);
        QVERIFY(marked[1] < length / 2);
        double sum = 0;
        for (int t : marked) {
            sum += batch.inputs(0, t * batch.batch + b);
            if (t == 0)
                QCOMPARE(batch.inputs(0, b), 0.0);
        }
        QCOMPARE(batch.targets(0, b), 0.5 + sum / 4);
    }
}

void GeneratorsTest::addingScoreCountsWithin004()
{
    const auto data = build("adding");
    const Batch& validation = data->validationSet();
    Eigen::MatrixXd outputs = validation.targets;
    std::optional<TaskScore> score = data->score(validation, outputs);
    QVERIFY(score && score->solved);
    QCOMPARE(score->value, 1.0);
    outputs(0, 3) += 0.039;
    QVERIFY(data->score(validation, outputs)->solved);
    outputs(0, 3) += 0.05 - 0.039;
    score = data->score(validation, outputs);
    QVERIFY(!score->solved);
    QCOMPARE(score->value, double(validation.batch - 1) / validation.batch);
}

void GeneratorsTest::temporalOrderClassMatchesTheOrder()
{
    constexpr int length = 100; // the paper's length: X/Y at [10, 20] and [50, 60]
    const auto data = build("temporal-order", {{"length", length}});
    const Batch& validation = data->validationSet();
    const std::string vocabulary = "abcdXYEB";
    int classCounts[4] = {};
    for (int b = 0; b < validation.batch; ++b) {
        std::string sequence;
        for (int t = 0; t < length; ++t)
            sequence += vocabulary[size_t(validation.symbols[size_t(t * validation.batch + b)])];
        QCOMPARE(sequence.front(), 'E');
        QCOMPARE(sequence.back(), 'B');
        const size_t t1 = sequence.find_first_of("XY");
        const size_t t2 = sequence.find_first_of("XY", t1 + 1);
        QVERIFY(t1 >= 10 && t1 <= 20);
        QVERIFY(t2 >= 50 && t2 <= 60);
        QCOMPARE(sequence.find_first_of("XY", t2 + 1), std::string::npos);
        QCOMPARE(sequence.find_first_of("EB", 1), size_t(length - 1));
        const std::string order{sequence[t1], sequence[t2]};
        const int expected = order == "XX" ? 0 : order == "XY" ? 1 : order == "YX" ? 2 : 3; // Q R S U
        QCOMPARE(validation.classes[size_t(b)], expected);
        ++classCounts[expected];
    }
    for (int count : classCounts)
        QVERIFY(count > validation.batch / 8); // all four classes, near a quarter each
    QVERIFY(data->score(validation, perfectLogits(data->shape(), validation))->solved);
}

void GeneratorsTest::longLagAsksForTheFirstSymbol()
{
    constexpr int lag = 12;
    const auto data = build("long-lag", {{"lag", lag}});
    const DataShape shape = data->shape();
    QCOMPARE(shape.inputSize, lag + 1); // x, y, a1 ... a11
    QCOMPARE(data->validationSet().batch, 2); // both sequences there are
    for (const Batch& batch : {data->validationSet(), trainBatch(*data, 2, 20)}) {
        QCOMPARE(batch.steps, lag);
        for (int b = 0; b < batch.batch; ++b) {
            const int first = batch.symbols[size_t(b)];
            QVERIFY(shape.vocabulary[size_t(first)] == "x" || shape.vocabulary[size_t(first)] == "y");
            QCOMPARE(batch.classes[size_t(b)], first); // the last element repeats the first
            for (int t = 1; t < lag; ++t)
                QCOMPARE(shape.vocabulary[size_t(batch.symbols[size_t(t * batch.batch + b)])], "a" + std::to_string(t));
        }
    }
    QCOMPARE(data->validationSet().classes, (std::vector<int>{0, 1}));
}

void GeneratorsTest::rememberFirstAsksForTheFirstSymbol()
{
    const auto data = build("remember-first", {{"lag", 7}, {"classes", 3}, {"distractors", 5}});
    const DataShape shape = data->shape();
    QCOMPARE(shape.inputSize, 8);
    QCOMPARE(shape.outputSize, 3);
    const Batch batch = trainBatch(*data, 6, 50);
    QCOMPARE(batch.steps, 8);
    for (int b = 0; b < batch.batch; ++b) {
        QCOMPARE(batch.classes[size_t(b)], batch.symbols[size_t(b)]);
        for (int t = 1; t < batch.steps; ++t)
            QVERIFY(batch.symbols[size_t(t * batch.batch + b)] >= 3); // distractors only
    }
    const Batch& validation = data->validationSet();
    Eigen::MatrixXd logits = perfectLogits(shape, validation);
    QVERIFY(data->score(validation, logits)->solved);
    logits.col(0).setZero(); // a tie goes to class 0: wrong unless the answer is 0
    logits(validation.classes[0] == 0 ? 1 : 0, 0) = 1;
    QVERIFY(!data->score(validation, logits)->solved);
}

void GeneratorsTest::lstmLearnsToRememberTheFirstSymbol()
{
    const auto data = build("remember-first", {{"lag", 5}});
    ModelConfig model = modelFor(data->shape(), ModelChoices{});
    TrainConfig config;
    Trainer<float> trainer(model, config);
    Random sampler(2);
    const auto source = [&](Batch& out) { data->sampleTrainBatch(sampler, config.batchSize, out); };
    for (int step = 0; step < 300; ++step)
        QVERIFY(!trainer.step(source).diverged);
    const Batch& validation = data->validationSet();
    const std::optional<TaskScore> score = data->score(validation, trainer.predict(validation));
    QVERIFY2(score->solved, qPrintable(QString("accuracy %1 after 300 steps").arg(score->value)));
}

// A series has a training part of fixed length, so passes over it can be counted; the
// long-lag tasks draw fresh sequences for every batch, so they have none.
void GeneratorsTest::epochsCountOnlyFiniteTrainingData()
{
    const auto sine = makeGenerator("sine", {{"length", 1000}}, 1);
    const auto* series = dynamic_cast<const SeriesForecast*>(sine.get());
    QVERIFY(series);
    QCOMPARE(sine->trainingTimesteps(), long(series->trainLength()));
    QVERIFY(sine->trainingTimesteps() > 500 && sine->trainingTimesteps() < 1000);
    for (const char* endless : {"adding", "embedded-reber", "remember-first"})
        QCOMPARE(makeGenerator(endless, {}, 1)->trainingTimesteps(), 0L);
}

QTEST_GUILESS_MAIN(GeneratorsTest)
#include "tst_generators.moc"
