// Character-level text: strict UTF-8, a deterministic vocabulary, next-character batches
// with a chronological split, sampling that is deterministic by seed and follows the
// argmax at low temperature, an LSTM that learns a repetitive text and writes it back, and
// the real data shipped in datasets/ still parsing.
#include "TestSupport.h"

#include "text/TextCorpus.h"
#include "text/TextDataset.h"
#include "text/TextSampler.h"
#include "training/Trainer.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace lstm;

namespace {

std::string bytes(const QByteArray& array)
{
    return std::string(array.constData(), size_t(array.size()));
}

// The TextError message of `action`, or an empty string when nothing was thrown.
template <typename Action>
QString textErrorOf(Action action)
{
    try {
        action();
    } catch (const TextError& error) {
        return QString::fromUtf8(error.what());
    }
    return {};
}

// A text of `length` distinct characters in ascending code point order, so that a symbol's
// id is its position in the text: batches then show exactly where they were cut from.
std::string positionalText(int length)
{
    std::u32string text;
    for (int k = 0; k < length; ++k)
        text.push_back(char32_t(0x100 + k));
    return encodeUtf8(text);
}

ModelConfig characterModel(const std::string& alphabet, CellKind cell, InputKind input, int hidden)
{
    const TextCorpus corpus(alphabet);
    ModelConfig model;
    model.cell = cell;
    model.input = input;
    model.inputSize = corpus.vocabulary().size();
    model.embeddingSize = input == InputKind::Embedding ? 5 : 0;
    model.hiddenSize = hidden;
    model.outputSize = corpus.vocabulary().size();
    model.output = OutputKind::Classification;
    model.vocabulary = corpus.vocabulary().names();
    return model;
}

// Greedy decoding the slow, obvious way: re-run the whole text so far from a zero state and
// take the most likely next character. Shares nothing with sampleText but Network::forward.
template <typename S>
std::string greedyReference(Network<S>& network, const std::string& prompt, int length)
{
    const Vocabulary vocabulary = Vocabulary::fromNames(network.config().vocabulary);
    std::vector<int> ids = vocabulary.encode(decodeUtf8(prompt));
    const size_t promptLength = ids.size();
    for (int k = 0; k < length; ++k) {
        SequenceBatch<S> batch;
        batch.steps = static_cast<int>(ids.size());
        batch.batch = 1;
        batch.symbols = ids;
        RecurrentState<S> zero;
        zero.setZero(network.config(), 1);
        network.forward(batch, 0, batch.steps, zero);
        Eigen::Index best = 0;
        network.outputs().rightCols(1).col(0).maxCoeff(&best);
        ids.push_back(static_cast<int>(best));
    }
    return vocabulary.decode(std::span<const int>(ids).subspan(promptLength));
}

template <typename S>
std::string sampleFromFreshNetwork(const ModelConfig& model, std::uint64_t weights, const SampleOptions& options,
                                   std::uint64_t seed)
{
    Network<S> network(model);
    network.initialize(weights);
    Random random(seed);
    return sampleText(network, options, random);
}

QString datasetsDir()
{
    return QStringLiteral(LSTM_LAB_DATASETS);
}

} // namespace

class TextTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void vocabularyAndRoundTrip_data();
    void vocabularyAndRoundTrip();
    void invalidUtf8IsRefusedWithItsOffset_data();
    void invalidUtf8IsRefusedWithItsOffset();
    void vocabularyFromModelNames();
    void loadTextFileRefusesBadFiles_data();
    void loadTextFileRefusesBadFiles();
    void loadTextFileRefusesHugeFiles();
    void batchShapesAndDeterminism_data();
    void batchShapesAndDeterminism();
    void splitIsChronological_data();
    void splitIsChronological();
    void tooShortTextIsRefused();
    void temperatureShapesTheDistribution();
    void samplingIsDeterministicBySeed_data();
    void samplingIsDeterministicBySeed();
    void lowTemperatureFollowsTheArgmax_data();
    void lowTemperatureFollowsTheArgmax();
    void badPromptsAreErrors();
    void lstmLearnsARepetitiveTextAndWritesItBack();
    void shippedTextLoads();
    void shippedCsvFilesParse_data();
    void shippedCsvFilesParse();
};

void TextTest::initTestCase()
{
    Eigen::setNbThreads(1);
}

void TextTest::vocabularyAndRoundTrip_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("vocabulary"); // expected, in id order
    QTest::addColumn<int>("length");             // code points
    QTest::newRow("ascii") << QByteArray("abcabc") << QStringList{"a", "b", "c"} << 6;
    QTest::newRow("2- and 3-byte: café ☕") << QByteArray("café ☕")
                                            << QStringList{" ", "a", "c", "f", "é", "☕"} << 6;
    QTest::newRow("4-byte emoji") << QByteArray("a😀b😀") << QStringList{"a", "b", "😀"} << 4;
    QTest::newRow("line endings kept") << QByteArray("x\r\ny\n") << QStringList{"\n", "\r", "x", "y"} << 5;
    QTest::newRow("leading BOM dropped") << QByteArray("\xEF\xBB\xBFzz") << QStringList{"z"} << 2;
}

void TextTest::vocabularyAndRoundTrip()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, vocabulary);
    QFETCH(int, length);
    const TextCorpus corpus(bytes(text));
    QStringList names;
    for (const std::string& name : corpus.vocabulary().names())
        names << QString::fromStdString(name);
    QCOMPARE(names, vocabulary);
    QCOMPARE(corpus.length(), length);
    const QByteArray withoutBom = text.startsWith("\xEF\xBB\xBF") ? text.mid(3) : text;
    QCOMPARE(corpus.vocabulary().decode(corpus.symbols()), bytes(withoutBom));
    QVERIFY(corpus.vocabulary().names() == TextCorpus(bytes(text)).vocabulary().names()); // deterministic
    for (int id = 0; id < corpus.vocabulary().size(); ++id)
        QCOMPARE(corpus.vocabulary().find(corpus.vocabulary().symbol(id)), std::optional<int>(id));
    QCOMPARE(corpus.vocabulary().find(U'Q'), std::optional<int>());
}

void TextTest::invalidUtf8IsRefusedWithItsOffset_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("reason");
    QTest::newRow("stray continuation") << QByteArray("ab\x80" "c") << 2 << "continuation byte without a lead";
    QTest::newRow("cut short by the end") << QByteArray("caf\xC3") << 3 << "end of the text";
    QTest::newRow("cut short after multi-byte") << QByteArray("é\xE2\x98" "x") << 2 << "not a continuation";
    QTest::newRow("overlong 2-byte") << QByteArray("\xC0\xAF") << 0 << "overlong";
    QTest::newRow("overlong 3-byte") << QByteArray("x\xE0\x80\xAF") << 1 << "overlong";
    QTest::newRow("surrogate") << QByteArray("ok\xED\xA0\x80") << 2 << "surrogate";
    QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << 0 << "above U+10FFFF";
    QTest::newRow("byte 0xFF") << QByteArray("☕\xFF") << 3 << "never occurs";
}

void TextTest::invalidUtf8IsRefusedWithItsOffset()
{
    QFETCH(QByteArray, text);
    QFETCH(int, offset);
    QFETCH(QString, reason);
    const QString message = textErrorOf([&] { TextCorpus corpus(bytes(text)); });
    QVERIFY2(message.contains(QString("byte offset %1:").arg(offset)), qPrintable(message));
    QVERIFY2(message.contains(reason), qPrintable(message));
}

void TextTest::vocabularyFromModelNames()
{
    const Vocabulary vocabulary = Vocabulary::fromNames({"z", "☕", "a"}); // a model's own id order
    QCOMPARE(vocabulary.find(U'z'), std::optional<int>(0));
    QCOMPARE(vocabulary.find(U'☕'), std::optional<int>(1));
    QCOMPARE(vocabulary.find(U'a'), std::optional<int>(2));
    QCOMPARE(vocabulary.decode(std::vector<int>{2, 1, 0}), std::string("a☕z"));
    QVERIFY(textErrorOf([] { Vocabulary::fromNames({"a", "bc"}); }).contains("not exactly one character"));
    QVERIFY(textErrorOf([] { Vocabulary::fromNames({"a", "a"}); }).contains("twice"));
    QVERIFY(textErrorOf([&] { vocabulary.decode(std::vector<int>{3}); }).contains("outside the vocabulary"));
}

void TextTest::loadTextFileRefusesBadFiles_data()
{
    QTest::addColumn<QByteArray>("content"); // written to the file unless null
    QTest::addColumn<QString>("problem");
    QTest::newRow("missing") << QByteArray() << "cannot open";
    QTest::newRow("empty") << QByteArray("") << "empty";
    QTest::newRow("only a BOM") << QByteArray("\xEF\xBB\xBF") << "empty";
    QTest::newRow("Latin-1, not UTF-8") << QByteArray("na\xEFve") << "invalid UTF-8 at byte offset 2";
    QTest::newRow("valid") << QByteArray("naïve\n") << "";
}

void TextTest::loadTextFileRefusesBadFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, problem);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("user.txt");
    if (!content.isNull()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    const QString message = textErrorOf([&] { loadTextFile(path.toStdString()); });
    if (problem.isEmpty()) {
        QVERIFY2(message.isEmpty(), qPrintable(message));
        QCOMPARE(loadTextFile(path.toStdString()).length(), 6);
    } else {
        QVERIFY2(message.startsWith(path + ": "), qPrintable(message)); // names the file
        QVERIFY2(message.contains(problem), qPrintable(message));
    }
    QVERIFY(textErrorOf([&] { loadTextFile(dir.path().toStdString()); }).contains("folder"));
}

void TextTest::loadTextFileRefusesHugeFiles()
{
    QTemporaryDir dir;
    QFile file(dir.filePath("huge.txt"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(qint64(maxTextFileBytes) + 1)); // sparse: nothing is written or read
    file.close();
    const QString message = textErrorOf([&] { loadTextFile(file.fileName().toStdString()); });
    QVERIFY2(message.contains("more than the 67108864"), qPrintable(message));
}

void TextTest::batchShapesAndDeterminism_data()
{
    QTest::addColumn<int>("steps");
    QTest::addColumn<int>("batch");
    QTest::newRow("T=1 B=1") << 1 << 1;
    QTest::newRow("T=8 B=4") << 8 << 4;
    QTest::newRow("T=50 B=3") << 50 << 3;
}

void TextTest::batchShapesAndDeterminism()
{
    QFETCH(int, steps);
    QFETCH(int, batch);
    const TextDataset data(TextCorpus(positionalText(400)), TextDatasetOptions{steps, 0.25});
    const DataShape shape = data.shape();
    QCOMPARE(shape.inputSize, 400);
    QCOMPARE(shape.outputSize, 400);
    QVERIFY(shape.symbols);
    QCOMPARE(shape.output, OutputKind::Classification);
    QCOMPARE(shape.outputAt, OutputAt::EveryStep);
    QCOMPARE(shape.vocabulary.size(), size_t(400));
    QCOMPARE(data.sequenceLength(), steps);

    SequenceBatch<double> first;
    SequenceBatch<double> again;
    SequenceBatch<double> other;
    Random a(5), b(5), c(6);
    data.sampleTrainBatch(a, batch, first);
    data.sampleTrainBatch(b, batch, again);
    data.sampleTrainBatch(c, batch, other);
    QCOMPARE(first.steps, steps);
    QCOMPARE(first.batch, batch);
    QCOMPARE(first.symbols.size(), size_t(steps * batch));
    QCOMPARE(first.classes.size(), size_t(steps * batch));
    QCOMPARE(first.inputs.size(), Eigen::Index(0));
    QCOMPARE(first.targets.size(), Eigen::Index(0));
    QVERIFY(first.symbols == again.symbols && first.classes == again.classes);
    QVERIFY(first.symbols != other.symbols);
    for (int b = 0; b < batch; ++b) // column t*B + b: consecutive characters, target = next one
        for (int t = 0; t < steps; ++t) {
            const size_t k = size_t(t * batch + b);
            QCOMPARE(first.symbols[k], first.symbols[size_t(b)] + t);
            QCOMPARE(first.classes[k], first.symbols[k] + 1);
        }
}

void TextTest::splitIsChronological_data()
{
    QTest::addColumn<int>("length");
    QTest::addColumn<int>("steps");
    QTest::addColumn<double>("fraction");
    QTest::newRow("N=300 T=10 10%") << 300 << 10 << 0.1;
    QTest::newRow("N=300 T=7 50%") << 300 << 7 << 0.5;
    QTest::newRow("N=101 T=20 25%") << 101 << 20 << 0.25;
}

void TextTest::splitIsChronological()
{
    QFETCH(int, length);
    QFETCH(int, steps);
    QFETCH(double, fraction);
    const TextDataset data(TextCorpus(positionalText(length)), TextDatasetOptions{steps, fraction});
    const int trainLength = data.trainLength();
    QCOMPARE(trainLength, int(std::lround(length * (1 - fraction))));

    // Ids are positions: every training input and target lies before trainLength, and the
    // draws reach both ends of the training part.
    Random random(1);
    SequenceBatch<double> batch;
    int lowest = length;
    int highest = 0;
    for (int draw = 0; draw < 200; ++draw) {
        data.sampleTrainBatch(random, 8, batch);
        lowest = std::min(lowest, *std::min_element(batch.symbols.begin(), batch.symbols.end()));
        highest = std::max(highest, *std::max_element(batch.classes.begin(), batch.classes.end()));
    }
    QCOMPARE(lowest, 0);
    QCOMPARE(highest, trainLength - 1);

    // Validation: consecutive windows starting at trainLength, in order.
    const SequenceBatch<double>& validation = data.validationSet();
    QCOMPARE(validation.steps, steps);
    QCOMPARE(validation.batch, (length - trainLength - 1) / steps);
    QVERIFY(validation.batch >= 1);
    for (int b = 0; b < validation.batch; ++b)
        for (int t = 0; t < steps; ++t) {
            const size_t k = size_t(t * validation.batch + b);
            QCOMPARE(validation.symbols[k], trainLength + b * steps + t);
            QCOMPARE(validation.classes[k], trainLength + b * steps + t + 1);
        }
    QVERIFY(validation.classes.back() < length);
}

void TextTest::tooShortTextIsRefused()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, TextDataset(TextCorpus("abcdefghij"), TextDatasetOptions{8, 0.5}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, TextDataset(TextCorpus("abcdefghij"), TextDatasetOptions{2, 0.0}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, TextDataset(TextCorpus("abcdefghij"), TextDatasetOptions{0, 0.5}));
    TextDataset fits(TextCorpus("abcdefghij"), TextDatasetOptions{4, 0.5}); // 5 + 5: each part holds T + 1
    QCOMPARE(fits.validationSet().batch, 1);
}

void TextTest::temperatureShapesTheDistribution()
{
    const Eigen::Vector3d logits(1.0, 3.0, 2.0);
    Random random(3);
    for (double temperature : {1e-3, 1e-8, 1e-300})
        for (int draw = 0; draw < 200; ++draw)
            QCOMPARE(sampleSymbol(logits, temperature, random), 1);

    const Eigen::Vector3d expected = (logits.array() - 3).exp() / (logits.array() - 3).exp().sum();
    Eigen::Vector3d counts = Eigen::Vector3d::Zero();
    const int draws = 40000;
    for (int draw = 0; draw < draws; ++draw)
        counts[sampleSymbol(logits, 1.0, random)] += 1;
    LSTM_COMPARE_MATRICES(Eigen::MatrixXd(counts / draws), Eigen::MatrixXd(expected), 0.01);

    counts.setZero(); // a very high temperature is close to uniform
    for (int draw = 0; draw < draws; ++draw)
        counts[sampleSymbol(logits, 1e6, random)] += 1;
    LSTM_COMPARE_MATRICES(Eigen::MatrixXd(counts / draws), Eigen::MatrixXd(Eigen::Vector3d::Constant(1.0 / 3)), 0.01);

    for (double bad : {0.0, -1.0, std::nan(""), std::numeric_limits<double>::infinity()})
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, sampleSymbol(logits, bad, random));
}

void TextTest::samplingIsDeterministicBySeed_data()
{
    QTest::addColumn<bool>("doublePrecision");
    QTest::addColumn<int>("cell");
    QTest::newRow("float lstm") << false << int(CellKind::Lstm);
    QTest::newRow("double lstm") << true << int(CellKind::Lstm);
    QTest::newRow("float gru") << false << int(CellKind::Gru);
}

void TextTest::samplingIsDeterministicBySeed()
{
    QFETCH(bool, doublePrecision);
    QFETCH(int, cell);
    const ModelConfig model = characterModel("abcdé ☕\n", CellKind(cell), InputKind::OneHot, 12);
    const SampleOptions options{"ca", 80, 1.0};
    const auto sample = doublePrecision ? sampleFromFreshNetwork<double> : sampleFromFreshNetwork<float>;
    const std::string first = sample(model, 1, options, 7);
    QCOMPARE(decodeUtf8(first).size(), size_t(80)); // 80 characters, whatever their byte count
    QCOMPARE(sample(model, 1, options, 7), first);
    QVERIFY(sample(model, 1, options, 8) != first);
    QVERIFY(sample(model, 2, options, 7) != first);
    QCOMPARE(sample(model, 1, SampleOptions{"ca", 0, 1.0}, 7), std::string());
}

void TextTest::lowTemperatureFollowsTheArgmax_data()
{
    QTest::addColumn<bool>("doublePrecision");
    QTest::addColumn<int>("cell");
    QTest::addColumn<int>("input");
    QTest::newRow("float lstm one-hot") << false << int(CellKind::Lstm) << int(InputKind::OneHot);
    QTest::newRow("double lstm embedding") << true << int(CellKind::Lstm) << int(InputKind::Embedding);
    QTest::newRow("double gru one-hot") << true << int(CellKind::Gru) << int(InputKind::OneHot);
    QTest::newRow("float rnn embedding") << false << int(CellKind::Rnn) << int(InputKind::Embedding);
}

void TextTest::lowTemperatureFollowsTheArgmax()
{
    QFETCH(bool, doublePrecision);
    QFETCH(int, cell);
    QFETCH(int, input);
    ModelConfig model = characterModel("abcdefgh ☕", CellKind(cell), InputKind(input), 10);
    model.layers = 2;
    const auto check = [&](auto& network) {
        network.initialize(11);
        const std::string expected = greedyReference(network, "abc", 40);
        for (std::uint64_t seed : {1, 2, 3}) {
            Random random(seed);
            QCOMPARE(sampleText(network, SampleOptions{"abc", 40, 1e-6}, random), expected);
        }
    };
    if (doublePrecision) {
        Network<double> network(model);
        check(network);
    } else {
        Network<float> network(model);
        check(network);
    }
}

void TextTest::badPromptsAreErrors()
{
    const ModelConfig model = characterModel("abc", CellKind::Lstm, InputKind::OneHot, 4);
    Network<float> network(model);
    network.initialize(1);
    Random random(1);
    const QString unknown = textErrorOf([&] { sampleText(network, SampleOptions{"abz", 5, 1.0}, random); });
    QVERIFY2(unknown.contains("the prompt has 'z' (U+007A) at character 2"), qPrintable(unknown));
    QVERIFY(textErrorOf([&] { sampleText(network, SampleOptions{"a☕", 5, 1.0}, random); }).contains("U+2615"));
    QVERIFY(textErrorOf([&] { sampleText(network, SampleOptions{"", 5, 1.0}, random); }).contains("empty"));
    QVERIFY(textErrorOf([&] { sampleText(network, SampleOptions{"a\xFF", 5, 1.0}, random); }).contains("byte offset 1"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, sampleText(network, SampleOptions{"a", 5, 0.0}, random));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, sampleText(network, SampleOptions{"a", -1, 1.0}, random));

    ModelConfig dense; // a regression model is not a character model
    Network<float> regression(dense);
    QVERIFY(!canSampleText(regression));
    QVERIFY(canSampleText(network));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, sampleText(regression, SampleOptions{"a", 5, 1.0}, random));
}

void TextTest::lstmLearnsARepetitiveTextAndWritesItBack()
{
    std::string text;
    for (int k = 0; k < 40; ++k)
        text += "hello world! ";
    const TextDataset data(TextCorpus(text), TextDatasetOptions{24, 0.2});
    const ModelConfig model = modelFor(data.shape(), ModelChoices{CellKind::Lstm, 24});
    TrainConfig config;
    config.learningRate = 0.02;
    config.batchSize = 8;
    config.seed = 3;
    Trainer<float> trainer(model, config);
    Random sampler(4);
    const auto source = [&](SequenceBatch<double>& out) { data.sampleTrainBatch(sampler, config.batchSize, out); };
    const double initial = trainer.evaluate(data.validationSet());
    for (int step = 0; step < 500; ++step)
        QVERIFY(!trainer.step(source).diverged);
    // A validation window that starts on 'l', 'o' or ' ' cannot know from one character
    // which comes next ("ll", "lo", "ld"; "o ", "or"; " w", " h"), so its first step costs
    // about (3 ln 3 + 4 ln 2) / 13 = 0.47 on average: a floor of 0.47 / T = 0.02 for T = 24.
    const double validation = trainer.evaluate(data.validationSet());
    QVERIFY2(validation < 0.03, qPrintable(QString("validation loss went from %1 to %2").arg(initial).arg(validation)));
    // From the start of the text nothing is ambiguous: the loss must be near zero there.
    SequenceBatch<double> fromStart;
    fromStart.steps = 100;
    fromStart.batch = 1;
    fromStart.symbols.assign(data.corpus().symbols().begin(), data.corpus().symbols().begin() + 100);
    fromStart.classes.assign(data.corpus().symbols().begin() + 1, data.corpus().symbols().begin() + 101);
    const double clean = trainer.evaluate(fromStart);
    QVERIFY2(clean < 0.01, qPrintable(QString("loss from the start of the text %1").arg(clean)));
    QCOMPARE(classificationAccuracy(fromStart, trainer.predict(fromStart)), 1.0);

    Random random(9);
    const std::string written = sampleText(trainer.network(), SampleOptions{"hello", 60, 0.05}, random);
    QCOMPARE(written, text.substr(5, 60));
}

void TextTest::shippedTextLoads()
{
    const QStringList texts = QDir(datasetsDir() + "/text").entryList({"*.txt"}, QDir::Files);
    QVERIFY2(!texts.isEmpty(), qPrintable("no text in " + datasetsDir() + "/text"));
    const QString readme = QString::fromStdString(testing::readText((datasetsDir() + "/README.md").toStdString()));
    for (const QString& name : texts) {
        const std::string path = (datasetsDir() + "/text/" + name).toStdString();
        const TextCorpus corpus = loadTextFile(path);
        QVERIFY2(readme.contains("`text/" + name + "`"), qPrintable(name + " is not described in datasets/README.md"));
        QVERIFY2(corpus.length() > 50'000 && corpus.length() < 200'000, qPrintable(name));
        QVERIFY2(corpus.vocabulary().size() > 26 && corpus.vocabulary().size() < 200, qPrintable(name));
        const TextDataset data(corpus, TextDatasetOptions{});
        QVERIFY(data.validationSet().batch > 100);
    }
    // The lesson "Reading a character model" counts on this number.
    QCOMPARE(loadTextFile((datasetsDir() + "/text/pride_and_prejudice.txt").toStdString()).vocabulary().size(), 74);
}

void TextTest::shippedCsvFilesParse_data()
{
    QTest::addColumn<QString>("name");
    const QStringList files = QDir(datasetsDir()).entryList({"*.csv"}, QDir::Files, QDir::Name);
    for (const QString& name : files)
        QTest::newRow(qPrintable(name)) << name;
    QTest::newRow("(at least six files)") << QString::number(files.size());
}

void TextTest::shippedCsvFilesParse()
{
    QFETCH(QString, name);
    if (!name.endsWith(".csv")) {
        QVERIFY2(name.toInt() >= 6, qPrintable(QString("only %1 CSV files in %2").arg(name, datasetsDir())));
        return;
    }
    const QString readme = QString::fromStdString(testing::readText((datasetsDir() + "/README.md").toStdString()));
    QVERIFY2(readme.contains("`" + name + "`"), qPrintable(name + " is not described in datasets/README.md"));
    QFile file(datasetsDir() + "/" + name);
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
    QVERIFY(lines.size() > 50);
    const QStringList header = lines.front().split(',');
    QVERIFY2(header.size() >= 2 && header.front() == "date", qPrintable(lines.front()));
    for (const QString& column : header)
        QVERIFY2(QRegularExpression("^[a-z][a-z0-9_]*$").match(column).hasMatch(), qPrintable(column));

    // Dates are ISO 8601 calendar dates of the first day of each period, one period apart
    // (a month or a year, the same for the whole file): no gaps, no repeats, oldest first.
    const QRegularExpression iso("^\\d{4}-(0[1-9]|1[0-2])-01$");
    const auto monthIndex = [](const QString& date) { return date.left(4).toInt() * 12 + date.mid(5, 2).toInt() - 1; };
    const int period = monthIndex(lines[2].section(',', 0, 0)) - monthIndex(lines[1].section(',', 0, 0));
    QVERIFY2(period == 1 || period == 12, qPrintable(QString("%1: %2 months between rows").arg(name).arg(period)));
    for (qsizetype r = 1; r < lines.size(); ++r) {
        const QStringList fields = lines[r].split(',');
        const QString where = QString("%1 line %2: %3").arg(name).arg(r + 1).arg(lines[r]);
        QVERIFY2(fields.size() == header.size(), qPrintable(where));
        QVERIFY2(iso.match(fields.front()).hasMatch(), qPrintable(where));
        if (r > 1)
            QVERIFY2(monthIndex(fields.front()) - monthIndex(lines[r - 1].section(',', 0, 0)) == period, qPrintable(where));
        for (qsizetype c = 1; c < fields.size(); ++c) {
            bool ok = false;
            const double value = fields[c].toDouble(&ok);
            QVERIFY2(ok && std::isfinite(value), qPrintable(where));
        }
    }
}

QTEST_GUILESS_MAIN(TextTest)
#include "tst_text.moc"
