// Model files (core/ModelFile.h, docs/model-format.md): every cell kind with every input kind,
// one and two layers, survives saveModel -> loadModel with an equal configuration and
// bit-identical weights (including -0, subnormals and the largest double). Every kind of broken
// file is rejected with a ModelFileError that names the offending field or tensor; loading a
// path that cannot be read names the path; and a save that fails leaves the previous file
// loadable and unchanged, with no temporary file left behind.
#include "TestSupport.h"

#include "nn/Inference.h"
#include "io/ModelFile.h"
#include "nn/Network.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <typeinfo>

using namespace lstm;
using nlohmann::json;

namespace {

struct RoundTripCase {
    ModelConfig config;
    std::uint64_t seed = 0;
};

ModelConfig denseLstm()
{
    // weight_ih_l0 (8, 3), weight_hh_l0 (8, 2), bias_ih_l0 (8), bias_hh_l0 (8), head.weight (1, 2), head.bias (1)
    ModelConfig config;
    config.cell = CellKind::Lstm;
    config.inputSize = 3;
    config.hiddenSize = 2;
    config.layers = 1;
    config.outputSize = 1;
    return config;
}

ModelConfig oneHotGru()
{
    ModelConfig config;
    config.cell = CellKind::Gru;
    config.inputSize = 4;
    config.hiddenSize = 2;
    config.outputSize = 4;
    config.input = InputKind::OneHot;
    config.output = OutputKind::Classification;
    config.vocabulary = {"a", "b", "c", "d"};
    return config;
}

ModelConfig embeddingRnn()
{
    ModelConfig config;
    config.cell = CellKind::Rnn;
    config.inputSize = 5;
    config.embeddingSize = 3;
    config.hiddenSize = 2;
    config.outputSize = 5;
    config.input = InputKind::Embedding;
    config.output = OutputKind::Classification;
    config.outputAt = OutputAt::LastStep;
    return config;
}

Model initializedModel(const ModelConfig& config, std::uint64_t seed)
{
    Network<double> network(config);
    network.initialize(seed);
    return modelFromNetwork(network);
}

json modelJson(const ModelConfig& config)
{
    return json::parse(modelToJson(initializedModel(config, 3)));
}

QByteArray bytes(const json& value)
{
    return QByteArray::fromStdString(value.dump());
}

// Index of the first element whose bit pattern differs, -1 when identical.
Eigen::Index firstBitDifference(const Eigen::VectorXd& a, const Eigen::VectorXd& b)
{
    if (a.size() != b.size())
        return 0;
    for (Eigen::Index i = 0; i < a.size(); ++i)
        if (std::memcmp(&a(i), &b(i), sizeof(double)) != 0)
            return i;
    return -1;
}

QString describeBitDifference(const Model& actual, const Model& expected)
{
    const Eigen::Index i = firstBitDifference(actual.parameters.values(), expected.parameters.values());
    if (i < 0)
        return {};
    if (actual.parameters.values().size() != expected.parameters.values().size())
        return QStringLiteral("%1 values but expected %2").arg(actual.parameters.values().size())
            .arg(expected.parameters.values().size());
    const double got = actual.parameters.values()(i);
    const double want = expected.parameters.values()(i);
    return QStringLiteral("value %1 is %2 (bits %3) but expected %4 (bits %5)").arg(i)
        .arg(got, 0, 'g', 17).arg(std::bit_cast<quint64>(got), 16, 16, QLatin1Char('0'))
        .arg(want, 0, 'g', 17).arg(std::bit_cast<quint64>(want), 16, 16, QLatin1Char('0'));
}

struct Outcome {
    bool modelFileError = false;
    QString message;     // ModelFileError's message
    QString otherError;  // any other exception, with its type
};

template <typename F>
Outcome attempt(F&& action)
{
    Outcome outcome;
    try {
        action();
    } catch (const ModelFileError& error) {
        outcome.modelFileError = true;
        outcome.message = QString::fromUtf8(error.what());
    } catch (const std::exception& error) {
        outcome.otherError = QStringLiteral("%1: %2").arg(typeid(error).name(), QString::fromUtf8(error.what()));
    }
    return outcome;
}

} // namespace

// Runs a statement that must not throw; an exception fails the test with its message instead
// of aborting the whole suite.
#define LSTM_NO_THROW(statement)                                                                      \
    do {                                                                                              \
        const Outcome outcome_ = attempt([&] { statement; });                                         \
        QVERIFY2(!outcome_.modelFileError && outcome_.otherError.isEmpty(),                           \
                 qPrintable(QStringLiteral(#statement " threw ") + outcome_.message + outcome_.otherError)); \
    } while (false)

Q_DECLARE_METATYPE(RoundTripCase)

class ModelFileTest : public QObject {
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void baseModelsAreValid();
    void rejectsBadFile_data();
    void rejectsBadFile();
    void loadErrorNamesThePath_data();
    void loadErrorNamesThePath();
    void saveReplacesOldFile();
    void failedSaveKeepsOldFile();
    void failedReplaceLeavesNoTemporary();
    void unencodableVocabularyFailsCleanly();
};

void ModelFileTest::roundTrip_data()
{
    QTest::addColumn<RoundTripCase>("roundTripCase");
    std::uint64_t seed = 100;
    for (const CellKind cell : allCellKinds()) {
        for (const InputKind input : {InputKind::Dense, InputKind::OneHot, InputKind::Embedding}) {
            for (const int layers : {1, 2}) {
                ModelConfig config;
                config.cell = cell;
                config.hiddenSize = 3;
                config.layers = layers;
                config.input = input;
                config.outputAt = layers == 1 ? OutputAt::EveryStep : OutputAt::LastStep;
                if (input == InputKind::Dense) {
                    config.inputSize = 3;
                    config.outputSize = 2;
                    config.output = OutputKind::Regression;
                } else {
                    config.output = OutputKind::Classification;
                    if (input == InputKind::OneHot) {
                        // Symbols that need escaping in JSON, and UTF-8 beyond ASCII.
                        config.vocabulary = {"a", " ", "\"", "\\", "\n", "\t", "é", "日本"};
                        config.inputSize = int(config.vocabulary.size());
                    } else {
                        config.inputSize = 6;
                        config.embeddingSize = 4;
                    }
                    config.outputSize = config.inputSize;
                }
                const std::string name = std::string(cellName(cell)) + " / " + std::string(inputKindName(input)) +
                                         " / " + std::to_string(layers) + (layers == 1 ? " layer" : " layers");
                QTest::newRow(name.c_str()) << RoundTripCase{config, seed++};
            }
        }
    }
}

void ModelFileTest::roundTrip()
{
    QFETCH(RoundTripCase, roundTripCase);
    Network<double> network(roundTripCase.config);
    network.initialize(roundTripCase.seed);
    Model model = modelFromNetwork(network);
    QVERIFY(model.parameters.values().cwiseAbs().maxCoeff() > 0);

    // Values that a careless number format would not round-trip.
    Eigen::VectorXd& values = model.parameters.values();
    QVERIFY(values.size() >= 8);
    values(0) = -0.0;
    values(1) = std::numeric_limits<double>::denorm_min();
    values(2) = std::numeric_limits<double>::max();
    values(3) = std::numeric_limits<double>::lowest();
    values(4) = 0.1;
    values(5) = -1.0 / 3.0;
    values(6) = std::nextafter(1.0, 2.0);
    values(7) = std::numeric_limits<double>::min(); // smallest normal

    const QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath(QStringLiteral("model.json")).toStdString();
    LSTM_NO_THROW(saveModel(path, model));
    QVERIFY(QFileInfo::exists(QString::fromStdString(path)));
    QVERIFY2(!QFileInfo::exists(QString::fromStdString(path + ".saving")), "the temporary file was left behind");

    Model loaded;
    LSTM_NO_THROW(loaded = loadModel(path));
    QVERIFY(loaded.config == roundTripCase.config);
    QVERIFY(loaded.config.vocabulary == roundTripCase.config.vocabulary);
    QVERIFY(loaded.parameters.layout() == network.layout());
    QCOMPARE(loaded.parameters.values().size(), model.parameters.values().size());
    QVERIFY2(loaded.parameters.values() == model.parameters.values(), qPrintable(describeBitDifference(loaded, model)));
    QVERIFY2(firstBitDifference(loaded.parameters.values(), model.parameters.values()) < 0,
             qPrintable(describeBitDifference(loaded, model)));
    QVERIFY(std::signbit(loaded.parameters.values()(0)));
    // Writing the loaded model again gives the same text.
    QCOMPARE(QString::fromStdString(modelToJson(loaded)), QString::fromStdString(modelToJson(model)));
}

// The bad files below are edits of these; they must load as they are.
void ModelFileTest::baseModelsAreValid()
{
    for (const ModelConfig& config : {denseLstm(), oneHotGru(), embeddingRnn()}) {
        Model model;
        LSTM_NO_THROW(model = modelFromJson(modelJson(config).dump()));
        QVERIFY(model.config == config);
    }
}

void ModelFileTest::rejectsBadFile_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("expected"); // every fragment must appear in the message

    const json base = modelJson(denseLstm());
    const json oneHot = modelJson(oneHotGru());
    const json embedding = modelJson(embeddingRnn());
    auto edited = [](json value, auto&& edit) {
        edit(value);
        return bytes(value);
    };

    // Not a JSON object at all.
    QTest::newRow("not JSON at all") << QByteArray("this is not a model\n") << QStringList{"not valid JSON"};
    QTest::newRow("binary garbage") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe\x01", 20)
                                    << QStringList{"not valid JSON"};
    QTest::newRow("empty file") << QByteArray() << QStringList{"not valid JSON"};
    QTest::newRow("truncated half way") << bytes(base).left(bytes(base).size() / 2) << QStringList{"not valid JSON"};
    QTest::newRow("top level an array") << QByteArray("[" + bytes(base) + "]")
                                        << QStringList{"top level is not a JSON object"};
    QTest::newRow("top level a string") << QByteArray("\"lstm\"") << QStringList{"top level is not a JSON object"};

    // Header and configuration.
    QTest::newRow("format missing") << edited(base, [](json& j) { j.erase("format"); })
                                    << QStringList{"missing field \"format\""};
    QTest::newRow("wrong format") << edited(base, [](json& j) { j["format"] = "keras-h5"; })
                                  << QStringList{"\"format\"", "lstm-lab-model"};
    QTest::newRow("version 2") << edited(base, [](json& j) { j["version"] = 2; })
                               << QStringList{"unsupported version 2"};
    QTest::newRow("version as a string") << edited(base, [](json& j) { j["version"] = "1"; })
                                         << QStringList{"\"version\"", "integer"};
    QTest::newRow("unknown cell") << edited(base, [](json& j) { j["cell"] = "transformer"; })
                                  << QStringList{"\"cell\"", "transformer"};
    QTest::newRow("hidden_size 0") << edited(base, [](json& j) { j["hidden_size"] = 0; })
                                   << QStringList{"hidden_size", "got 0"};
    QTest::newRow("num_layers 5") << edited(base, [](json& j) { j["num_layers"] = 5; })
                                  << QStringList{"num_layers", "got 5"};
    QTest::newRow("string in place of a number (hidden_size \"2\")")
        << edited(base, [](json& j) { j["hidden_size"] = "2"; }) << QStringList{"\"hidden_size\"", "integer"};
    QTest::newRow("fractional input_size") << edited(base, [](json& j) { j["input_size"] = 2.5; })
                                           << QStringList{"\"input_size\"", "integer"};
    QTest::newRow("output_size missing") << edited(base, [](json& j) { j.erase("output_size"); })
                                         << QStringList{"missing field \"output_size\""};
    QTest::newRow("unknown input kind") << edited(base, [](json& j) { j["input"]["kind"] = "sparse"; })
                                        << QStringList{"\"input.kind\"", "sparse"};
    QTest::newRow("unknown output position") << edited(base, [](json& j) { j["output"]["at"] = "first-step"; })
                                             << QStringList{"\"output.at\"", "first-step"};
    QTest::newRow("classification with one class")
        << edited(base, [](json& j) { j["output"]["kind"] = "classification"; })
        << QStringList{"output_size", "at least 2"};

    // Tensors.
    QTest::newRow("missing tensors") << edited(base, [](json& j) { j.erase("tensors"); })
                                     << QStringList{"missing field \"tensors\""};
    QTest::newRow("tensors is an array") << edited(base, [](json& j) { j["tensors"] = json::array(); })
                                         << QStringList{"\"tensors\" must be an object"};
    QTest::newRow("tensor weight_hh_l0 missing") << edited(base, [](json& j) { j["tensors"].erase("weight_hh_l0"); })
                                                 << QStringList{"missing", "tensors.weight_hh_l0"};
    QTest::newRow("weight_ih_l0 with 7 rows instead of 8")
        << edited(base, [](json& j) { j["tensors"]["weight_ih_l0"].erase(7); })
        << QStringList{"tensors.weight_ih_l0", "(8, 3)"};
    QTest::newRow("weight_hh_l0 as a flat list")
        << edited(base, [](json& j) { j["tensors"]["weight_hh_l0"] = json(std::vector<double>(16, 0.25)); })
        << QStringList{"tensors.weight_hh_l0", "(8, 2)"};
    QTest::newRow("bias_ih_l0 with 9 numbers") << edited(base, [](json& j) { j["tensors"]["bias_ih_l0"].push_back(0.5); })
                                               << QStringList{"tensors.bias_ih_l0", "8 numbers"};
    QTest::newRow("row 3 of weight_hh_l0 with 3 columns")
        << edited(base, [](json& j) { j["tensors"]["weight_hh_l0"][3].push_back(0.5); })
        << QStringList{"tensors.weight_hh_l0", "row 3"};
    QTest::newRow("null inside weight_ih_l0") << edited(base, [](json& j) { j["tensors"]["weight_ih_l0"][1][2] = nullptr; })
                                              << QStringList{"tensors.weight_ih_l0[1][2]", "number"};
    QTest::newRow("boolean inside bias_hh_l0") << edited(base, [](json& j) { j["tensors"]["bias_hh_l0"][5] = true; })
                                               << QStringList{"tensors.bias_hh_l0[5]", "number"};
    QTest::newRow("string in place of a number (head.bias)")
        << edited(base, [](json& j) { j["tensors"]["head.bias"][0] = "0.5"; })
        << QStringList{"tensors.head.bias[0]", "number"};
    QTest::newRow("unexpected extra tensor weight_ih_l1")
        << edited(base, [](json& j) { j["tensors"]["weight_ih_l1"] = j["tensors"]["weight_hh_l0"]; })
        << QStringList{"unexpected tensor", "tensors.weight_ih_l1"};
    QTest::newRow("peephole tensor in a plain lstm")
        << edited(base, [](json& j) { j["tensors"]["peephole_i_l0"] = std::vector<double>(2, 0.0); })
        << QStringList{"unexpected tensor", "tensors.peephole_i_l0"};

    // Symbol inputs.
    QTest::newRow("vocabulary size not equal to input_size")
        << edited(oneHot, [](json& j) { j["vocabulary"] = {"a", "b", "c"}; })
        << QStringList{"vocabulary", "3 entries", "input_size is 4"};
    QTest::newRow("vocabulary holding a number") << edited(oneHot, [](json& j) { j["vocabulary"][2] = 7; })
                                                 << QStringList{"\"vocabulary\"", "array of strings"};
    QTest::newRow("embedding without embedding_size")
        << edited(embedding, [](json& j) { j["input"].erase("embedding_size"); })
        << QStringList{"missing field \"input.embedding_size\""};
    QTest::newRow("embedding_size 0") << edited(embedding, [](json& j) { j["input"]["embedding_size"] = 0; })
                                      << QStringList{"embedding_size", "got 0"};
    QTest::newRow("embedding.weight with the wrong width")
        << edited(embedding, [](json& j) { j["input"]["embedding_size"] = 4; })
        << QStringList{"tensors.embedding.weight", "(5, 4)"};

    // Integers beyond int range must not wrap, and numbers beyond double range are errors too.
    QTest::newRow("hidden_size beyond int range (2^32 + 2)")
        << edited(base, [](json& j) { j["hidden_size"] = 4294967298ULL; }) << QStringList{"hidden_size", "out of range"};
    QTest::newRow("num_layers below int range (-2^32 + 1)")
        << edited(base, [](json& j) { j["num_layers"] = -4294967295LL; }) << QStringList{"num_layers", "out of range"};
    {
        json big = base;
        big["tensors"]["head.bias"][0] = 12345.5;
        QByteArray text = bytes(big);
        text.replace("12345.5", "1e999");
        QTest::newRow("number too large for a double (1e999)")
            << text << QStringList{"1e999"};
    }
}

void ModelFileTest::rejectsBadFile()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, expected);

    const Outcome outcome = attempt([&] { modelFromJson(text.toStdString()); });
    QVERIFY2(outcome.modelFileError,
             qPrintable(outcome.otherError.isEmpty() ? QStringLiteral("the file was accepted")
                                                     : QStringLiteral("threw ") + outcome.otherError));
    for (const QString& fragment : expected)
        QVERIFY2(outcome.message.contains(fragment),
                 qPrintable(QStringLiteral("message \"%1\" does not contain \"%2\"").arg(outcome.message, fragment)));
}

void ModelFileTest::loadErrorNamesThePath_data()
{
    QTest::addColumn<QString>("relative");
    QTest::addColumn<QByteArray>("content"); // written to the path when not null
    QTest::addColumn<QString>("phrase");

    QTest::newRow("missing file") << QStringLiteral("no-such-model.json") << QByteArray() << QStringLiteral("cannot open");
    QTest::newRow("missing directory") << QStringLiteral("no-such-dir/model.json") << QByteArray()
                                       << QStringLiteral("cannot open");
    QTest::newRow("broken file") << QStringLiteral("broken.json") << QByteArray("{\"format\": ")
                                 << QStringLiteral("not valid JSON");
    QTest::newRow("file with a bad tensor") << QStringLiteral("bad-tensor.json")
                                            << bytes([] {
                                                   json j = modelJson(denseLstm());
                                                   j["tensors"].erase("head.bias");
                                                   return j;
                                               }())
                                            << QStringLiteral("tensors.head.bias");
}

void ModelFileTest::loadErrorNamesThePath()
{
    QFETCH(QString, relative);
    QFETCH(QByteArray, content);
    QFETCH(QString, phrase);

    const QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(relative);
    if (!content.isNull()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(content), content.size());
    }
    const Outcome outcome = attempt([&] { loadModel(path.toStdString()); });
    QVERIFY2(outcome.modelFileError, qPrintable(QStringLiteral("threw ") + outcome.otherError));
    QVERIFY2(outcome.message.contains(path), qPrintable(outcome.message));
    QVERIFY2(outcome.message.contains(phrase), qPrintable(outcome.message));
}

void ModelFileTest::saveReplacesOldFile()
{
    const QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath(QStringLiteral("model.json")).toStdString();
    const Model first = initializedModel(denseLstm(), 1);
    const Model second = initializedModel(oneHotGru(), 2);
    LSTM_NO_THROW(saveModel(path, first));
    LSTM_NO_THROW(saveModel(path, second));
    Model loaded;
    LSTM_NO_THROW(loaded = loadModel(path));
    QVERIFY(loaded.config == second.config);
    QVERIFY2(loaded.parameters.values() == second.parameters.values(), qPrintable(describeBitDifference(loaded, second)));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot), QStringList{"model.json"});
}

// saveModel writes P.saving and renames it over P. A directory named P.saving makes the
// temporary file impossible to create (permission bits would not stop root), so the save
// fails before P is touched.
void ModelFileTest::failedSaveKeepsOldFile()
{
    const QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("model.json"));
    const Model first = initializedModel(denseLstm(), 1);
    const Model second = initializedModel(denseLstm(), 2);
    QVERIFY(first.parameters.values() != second.parameters.values());
    LSTM_NO_THROW(saveModel(path.toStdString(), first));
    const QByteArray before = [&] {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    QVERIFY(!before.isEmpty());

    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("model.json.saving")));
    const Outcome outcome = attempt([&] { saveModel(path.toStdString(), second); });
    QVERIFY2(outcome.modelFileError, qPrintable(outcome.otherError.isEmpty() ? QStringLiteral("the save succeeded")
                                                                             : QStringLiteral("threw ") + outcome.otherError));
    QVERIFY2(outcome.message.contains(path), qPrintable(outcome.message));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
    Model loaded;
    LSTM_NO_THROW(loaded = loadModel(path.toStdString()));
    QVERIFY(loaded.config == first.config);
    QVERIFY2(loaded.parameters.values() == first.parameters.values(), qPrintable(describeBitDifference(loaded, first)));
    QVERIFY(QFileInfo(path + ".saving").isDir());
}

// The temporary file can be written but not renamed over the target (here a non-empty
// directory): the save fails, the target is untouched and the temporary file is removed.
void ModelFileTest::failedReplaceLeavesNoTemporary()
{
    const QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("model.json"));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("model.json/keep")));

    const Outcome outcome = attempt([&] { saveModel(path.toStdString(), initializedModel(denseLstm(), 1)); });
    QVERIFY2(outcome.modelFileError, qPrintable(outcome.otherError.isEmpty() ? QStringLiteral("the save succeeded")
                                                                             : QStringLiteral("threw ") + outcome.otherError));
    QVERIFY2(outcome.message.contains(path), qPrintable(outcome.message));
    QVERIFY(QFileInfo(path + "/keep").isDir());
    QVERIFY2(!QFileInfo::exists(path + ".saving"), "the temporary file was left behind");
}

// A vocabulary entry that is not UTF-8 (a byte-level text model could have one) cannot be
// written as JSON text. saveModel must then either write a file that loads back with the same
// vocabulary or throw ModelFileError; either way the old file stays and no temporary is left.
void ModelFileTest::unencodableVocabularyFailsCleanly()
{
    const QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("model.json"));
    const Model first = initializedModel(denseLstm(), 1);
    LSTM_NO_THROW(saveModel(path.toStdString(), first));

    ModelConfig config = oneHotGru();
    config.vocabulary[1] = "\xff";
    const Model bytesModel = initializedModel(config, 2);
    bool saved = false;
    const Outcome outcome = attempt([&] {
        saveModel(path.toStdString(), bytesModel);
        saved = true;
    });

    QVERIFY2(saved || outcome.modelFileError, qPrintable(QStringLiteral("threw ") + outcome.otherError));
    QVERIFY2(!QFileInfo::exists(path + ".saving"), "the temporary file was left behind");

    Model loaded;
    LSTM_NO_THROW(loaded = loadModel(path.toStdString()));
    if (saved) {
        QVERIFY(loaded.config == bytesModel.config);
    } else {
        QVERIFY(loaded.config == first.config);
        QVERIFY2(loaded.parameters.values() == first.parameters.values(), qPrintable(describeBitDifference(loaded, first)));
    }
}

QTEST_GUILESS_MAIN(ModelFileTest)
#include "tst_model_file.moc"
