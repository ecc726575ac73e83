// A session's settings survive both ways they travel: through QSettings (the last session
// returns at the next start) and through the command line (a run can be reproduced from a
// shell), for every kind of data (a generator, a text file, a CSV file with its import
// options and column roles); a bad command line is refused with the option named, and a
// session whose file is gone becomes the demo.
#include "session/SessionSettings.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(SessionSettings)

namespace {

SessionSettings unusualSession()
{
    SessionSettings s = SessionSettings::demo();
    s.dataset = QStringLiteral("adding");
    s.data["length"] = 40;
    s.model.cell = lstm::CellKind::Gru;
    s.model.hiddenSize = 48;
    s.model.layers = 2;
    s.train.learningRate = 0.0031;
    s.train.seed = 77;
    s.train.optimizer = lstm::OptimizerKind::Momentum;
    s.train.clipNorm = 0.75;
    s.train.batchSize = 8;
    s.train.gateBiases = {-1.5, std::nullopt, 0.5}; // the adding problem recommends a forget bias of 3
    s.stop = {.maxSteps = 1234, .untilSolved = false, .patience = 6};
    return s;
}

SessionSettings textSession()
{
    SessionSettings s = SessionSettings::demo();
    s.source = DataSource::Text;
    s.text.path = QStringLiteral("/data/some novel.txt");
    s.text.sequenceLength = 80;
    s.sampling.every = 250;
    s.sampling.temperature = 0.55;
    s.sampling.prompt = QStringLiteral("It is a truth");
    s.model.hiddenSize = 64;
    return s;
}

// Every import option overridden, so each must travel to come back equal.
SessionSettings csvSession()
{
    SessionSettings s = SessionSettings::demo();
    s.source = DataSource::Csv;
    s.csv.path = QStringLiteral("/data/weather.csv");
    s.csv.delimiter = ';';
    s.csv.header = false;
    s.csv.decimal = ',';
    s.csv.dateOrder = lstm::DateOrder::MonthFirst;
    s.csv.timeColumn = QString(); // no time axis
    s.csv.missing = lstm::MissingPolicy::DropRow;
    s.csv.inputs = QStringList{"column 2", "column 3"};
    s.csv.targets = QStringList{"column 3"};
    s.csv.sequenceLength = 12;
    s.csv.horizon = 3;
    s.train.seed = 5;
    return s;
}

SessionSettings throughTheCommandLine(const SessionSettings& original)
{
    SessionSettings read = SessionSettings::demo();
    const QString error = read.applyArguments(original.toArguments());
    if (!error.isEmpty())
        qWarning("%s", qPrintable(error));
    return read;
}

SessionSettings throughQSettings(const SessionSettings& original)
{
    QSettings stored;
    stored.clear();
    original.save(stored);
    return SessionSettings::load(stored);
}

} // namespace

class SessionSettingsTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void roundTripsThroughTheCommandLine();
    void roundTripsThroughQSettings();
    void refusesBadArguments_data();
    void refusesBadArguments();
    void dataSourcesRoundTrip_data();
    void dataSourcesRoundTrip();
    void detectedCsvOptionsStayDetected();
    void theImportedTableIsNeitherSavedNorCompared();
    void aGoneFileFallsBackToTheDemo();
    void aSavedKeepReadsAsTheDefault();
};

void SessionSettingsTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LSTM Lab tests"));
}

void SessionSettingsTest::roundTripsThroughTheCommandLine()
{
    const SessionSettings original = unusualSession();
    SessionSettings read = SessionSettings::demo();
    QCOMPARE(read.applyArguments(original.toArguments()), QString());
    QCOMPARE(read.dataset, original.dataset);
    QVERIFY(read.data == original.data);
    QVERIFY(read.model.cell == original.model.cell);
    QCOMPARE(read.model.hiddenSize, original.model.hiddenSize);
    QCOMPARE(read.model.layers, original.model.layers);
    QVERIFY(read.train == original.train); // optimizer, clipping, batch, truncation, gate biases too
    QVERIFY(read.stop == original.stop);
    // A built-in data set given by name brings its recommendation; an option given wins.
    SessionSettings named = SessionSettings::demo();
    QCOMPARE(named.applyArguments({"--lr", "0.02", "--dataset", "remember-first"}), QString());
    QCOMPARE(named.train.learningRate, 0.02);
    QVERIFY(named.train.gateBiases.forget == 3.0);
    QVERIFY(named.stop == lstm::recommendedSettings("remember-first").stop);
}

void SessionSettingsTest::roundTripsThroughQSettings()
{
    SessionSettings original = unusualSession();
    original.train.optimizer = lstm::OptimizerKind::RmsProp;
    original.train.clipNorm = 2.5;
    original.train.truncation = 7;
    original.train.gateBiases = {-1.5, 1.0, std::nullopt};
    QSettings stored;
    stored.clear();
    original.save(stored);
    QVERIFY(SessionSettings::load(stored) == original);
}

void SessionSettingsTest::refusesBadArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown data set") << QStringList{"--dataset", "weather"} << "unknown data set \"weather\"";
    QTest::newRow("unknown cell") << QStringList{"--cell", "lstn"} << "unknown cell \"lstn\"";
    QTest::newRow("hidden out of range") << QStringList{"--hidden", "0"} << "--hidden does not accept \"0\"";
    QTest::newRow("learning rate beyond the panel") << QStringList{"--lr", "50"} << "--lr does not accept \"50\"";
    QTest::newRow("params without a value") << QStringList{"--params", "length"} << "--params does not accept";
    QTest::newRow("missing value") << QStringList{"--seed"} << "--seed needs a value";
    QTest::newRow("negative step limit") << QStringList{"--stop-after", "-5"} << "--stop-after does not accept \"-5\"";
    QTest::newRow("patience not a number") << QStringList{"--patience", "long"} << "--patience does not accept \"long\"";
    QTest::newRow("two data sources") << QStringList{"--csv", "a.csv", "--text", "b.txt"}
                                      << "--csv and --text cannot be combined";
    QTest::newRow("CSV option without a CSV") << QStringList{"--horizon", "3"} << "--horizon applies only with --csv";
    QTest::newRow("header flag without a CSV") << QStringList{"--text", "b.txt", "--no-header"}
                                               << "--no-header applies only with --csv";
    QTest::newRow("sequence length of a generator") << QStringList{"--seq-len", "20"}
                                                    << "--seq-len applies only with --csv or --text";
    QTest::newRow("params of a text") << QStringList{"--text", "b.txt", "--params", "length=3"}
                                      << "--params applies only with --dataset";
    QTest::newRow("temperature of a CSV") << QStringList{"--csv", "a.csv", "--temperature", "1"}
                                          << "--temperature applies only with --text";
    QTest::newRow("unknown delimiter") << QStringList{"--csv", "a.csv", "--delimiter", ":"}
                                       << "--delimiter does not accept \":\"";
    QTest::newRow("unknown missing policy") << QStringList{"--csv", "a.csv", "--missing", "guess"}
                                            << "--missing does not accept \"guess\"";
    QTest::newRow("keep: no model trains on missing values")
        << QStringList{"--csv", "a.csv", "--missing", "keep"}
        << "--missing keep leaves the missing values in, and a model cannot train on them: use interpolate, "
           "forward-fill or drop";
    QTest::newRow("zero temperature") << QStringList{"--text", "b.txt", "--temperature", "0"}
                                      << "--temperature does not accept \"0\"";
}

void SessionSettingsTest::dataSourcesRoundTrip_data()
{
    QTest::addColumn<SessionSettings>("original");
    QTest::newRow("generator") << unusualSession();
    QTest::newRow("text file, sampling") << textSession();
    QTest::newRow("CSV file, every import option overridden") << csvSession();
    SessionSettings timeAxis = csvSession();
    timeAxis.csv.timeColumn = QStringLiteral("when");
    timeAxis.csv.header = true;
    QTest::newRow("CSV file, a chosen time axis") << timeAxis;
    for (const auto policy : {lstm::MissingPolicy::Interpolate, lstm::MissingPolicy::ForwardFill}) {
        SessionSettings missing = csvSession();
        missing.csv.missing = policy;
        QTest::newRow(qPrintable(QStringLiteral("CSV file, missing values: %1").arg(lstm::missingPolicyName(policy))))
            << missing;
    }
}

void SessionSettingsTest::dataSourcesRoundTrip()
{
    QFETCH(SessionSettings, original);
    QVERIFY(throughTheCommandLine(original) == original);
    QVERIFY(throughQSettings(original) == original);
    // and once more, so that what was read writes the same again
    QCOMPARE(throughTheCommandLine(throughQSettings(original)).toArguments(), original.toArguments());
}

// Options the user left to the detection are not pinned to what it found: the same session
// reads a changed file as the file is now.
void SessionSettingsTest::detectedCsvOptionsStayDetected()
{
    SessionSettings original = SessionSettings::demo();
    original.source = DataSource::Csv;
    original.csv.path = QStringLiteral("/data/air.csv");
    const QStringList arguments = original.toArguments();
    for (const char* option : {"--delimiter", "--decimal", "--header", "--no-header", "--date-order", "--time-column",
                               "--inputs", "--targets"})
        QVERIFY2(!arguments.contains(QLatin1String(option)), option);
    const SessionSettings read = throughQSettings(original);
    QVERIFY(!read.csv.delimiter && !read.csv.header && !read.csv.decimal && !read.csv.dateOrder && !read.csv.timeColumn);
    QVERIFY(read == original);
}

void SessionSettingsTest::theImportedTableIsNeitherSavedNorCompared()
{
    SessionSettings original = csvSession();
    SessionSettings withTable = original;
    withTable.csv.table = std::make_shared<const lstm::CsvTable>();
    QVERIFY(withTable == original);
    QVERIFY(throughQSettings(withTable).csv.table == nullptr);
    QVERIFY(throughTheCommandLine(withTable).csv.table == nullptr);
}

void SessionSettingsTest::aGoneFileFallsBackToTheDemo()
{
    QTemporaryDir dir;
    const QString present = dir.filePath("present.csv");
    QFile file(present);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("x\n1\n");
    file.close();

    SessionSettings kept = csvSession();
    kept.csv.path = present;
    const SessionSettings before = kept;
    QCOMPARE(kept.fallBackWhenFileIsGone(), QString());
    QVERIFY(kept == before);

    SessionSettings gone = textSession();
    gone.text.path = dir.filePath("gone.txt");
    const QString notice = gone.fallBackWhenFileIsGone();
    QVERIFY2(notice.contains("gone.txt") && notice.contains("demo"), qPrintable(notice));
    QVERIFY(gone == SessionSettings::demo());

    SessionSettings generator = unusualSession();
    QCOMPARE(generator.fallBackWhenFileIsGone(), QString());
    QCOMPARE(generator.dataset, QStringLiteral("adding"));
}

// A session file from before "keep" was refused reads with the default policy instead.
void SessionSettingsTest::aSavedKeepReadsAsTheDefault()
{
    QSettings stored;
    stored.clear();
    csvSession().save(stored);
    stored.setValue("session/csv/missing", QStringLiteral("keep"));
    QVERIFY(SessionSettings::load(stored).csv.missing == CsvSource{}.missing);
}

void SessionSettingsTest::refusesBadArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    SessionSettings settings = SessionSettings::demo();
    const QString error = settings.applyArguments(arguments);
    QVERIFY2(error.contains(message), qPrintable(error));
}

QTEST_GUILESS_MAIN(SessionSettingsTest)
#include "tst_session_settings.moc"
