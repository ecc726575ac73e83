// A session's settings survive both ways they travel: through QSettings (the last session
// returns at the next start) and through the command line (a run can be reproduced from a
// shell), and a bad command line is refused with the option named.
#include "SessionSettings.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTest>

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
    return s;
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
    QCOMPARE(read.train.learningRate, original.train.learningRate);
    QCOMPARE(read.train.seed, original.train.seed);
}

void SessionSettingsTest::roundTripsThroughQSettings()
{
    SessionSettings original = unusualSession();
    original.train.optimizer = lstm::OptimizerKind::RmsProp;
    original.train.clipNorm = 2.5;
    original.train.truncation = 7;
    original.train.forgetBiasOne = true;
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
