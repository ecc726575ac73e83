// The CSV import dialog, offscreen, driven as a user would: it shows what it detected in a
// fixture (delimiter, header, decimal mark, columns, time axis) and imports it into data of
// the right shape; it refuses a broken file with the line and column in a visible message;
// its overrides and column roles re-run the preview; a file larger than the preview loads on
// a background thread with progress, and a cancelled, superseded or abandoned load changes
// nothing and is never waited for. Waits only on signals and conditions, never on sleeps.
#include "session/BundledData.h"
#include "import/CsvImportDialog.h"
#include "import/CsvLoader.h"
#include "RecordedTrace.h"
#include "session/SessionDataset.h"

#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cstdint>

Q_DECLARE_METATYPE(lstm::MissingPolicy)

namespace {

constexpr int timeoutMs = 60'000;
using Role = CsvImportDialog::Role;

QString fixture(const QString& name)
{
    return QFileInfo(QStringLiteral(__FILE__)).absolutePath() + QStringLiteral("/../fixtures/csv/") + name;
}

// A file several times the preview's size: a step column and two random walks.
QString writeLargeFile(const QTemporaryDir& dir, int rows, const QString& name = QStringLiteral("large.csv"))
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    QByteArray text = "step,a,b\n";
    double a = 0, b = 0;
    std::uint32_t state = 12345;
    const auto draw = [&state] { // a small linear congruential generator: the same file every run
        state = state * 1664525u + 1013904223u;
        return double(state >> 8) / double(1u << 24) - 0.5;
    };
    for (int k = 0; k < rows; ++k) {
        a += 0.1 * draw();
        b += 0.2 * draw();
        text += QByteArray::number(k) + ',' + QByteArray::number(a, 'f', 4) + ',' + QByteArray::number(b, 'f', 4) + '\n';
    }
    file.write(text);
    return path;
}

void choose(QComboBox* box, const QString& text)
{
    const int index = box->findText(text);
    QVERIFY2(index >= 0, qPrintable(text));
    box->setCurrentIndex(index); // as picking it from the list
}

SessionSettings sessionOf(const CsvSource& source)
{
    SessionSettings settings = SessionSettings::demo();
    settings.source = DataSource::Csv;
    settings.csv = source;
    return settings;
}

} // namespace

class CsvImportDialogTest : public QObject {
    Q_OBJECT
private slots:
    void cleanup();
    void importsAFixture_data();
    void importsAFixture();
    void refusesABadFixture_data();
    void refusesABadFixture();
    void overridesRerunThePreview();
    void rolesChooseInputsAndTargets();
    void sequencesTooLongForTheFileAreRefused();
    void aLargeFileLoadsInTheBackground();
    void aCancelledLoadChangesNothing();
    void aSupersededLoadIsDroppedNotWaitedFor();
    void aDialogClosedMidLoadIsNotWaitedFor();
    void reopensWithTheChoicesMadeBefore();
    void missingPoliciesRoundTrip_data();
    void missingPoliciesRoundTrip();
    void keepIsShownButNotOffered();
};

// Every load a test started has ended and deleted its thread, cancelled ones included.
void CsvImportDialogTest::cleanup()
{
    QTRY_COMPARE_WITH_TIMEOUT(CsvLoader::threadsAlive(), 0, timeoutMs);
}

void CsvImportDialogTest::importsAFixture_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<char>("delimiter");
    QTest::addColumn<char>("decimal");
    QTest::addColumn<QStringList>("columns");
    QTest::addColumn<int>("timeColumn");
    QTest::addColumn<QStringList>("missing");   // per column, as the columns list shows it
    QTest::addColumn<QStringList>("inputs");
    QTest::addColumn<QStringList>("targets");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QString>("detectedDelimiter"); // the first entry of the delimiter box
    QTest::newRow("bundled air passengers: comma, ISO dates")
        << bundledDataFolder() + "/air_passengers_monthly.csv" << ',' << '.'
        << QStringList{"date", "passengers_thousands"} << 0 << QStringList{"0", "0"}
        << QStringList{"passengers_thousands"} << QStringList{"passengers_thousands"} << 144 << "detected: ,";
    QTest::newRow("semicolon, decimal comma, day.month dates, gaps")
        << fixture("weather_semicolon_series.csv") << ';' << ','
        << QStringList{"Datum", "Temperatur", "Feuchte"} << 0 << QStringList{"0", "3", "0"}
        << QStringList{"Temperatur", "Feuchte"} << QStringList{"Feuchte"} << 60 << "detected: ;";
}

void CsvImportDialogTest::importsAFixture()
{
    QFETCH(QString, path);
    QFETCH(char, delimiter);
    QFETCH(char, decimal);
    QFETCH(QStringList, columns);
    QFETCH(int, timeColumn);
    QFETCH(QStringList, missing);
    QFETCH(QStringList, inputs);
    QFETCH(QStringList, targets);
    QFETCH(int, rows);
    QFETCH(QString, detectedDelimiter);

    CsvImportDialog dialog;
    dialog.setFile(path);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    testing::saveShot(dialog, QFileInfo(path).baseName() == "air_passengers_monthly" ? "csv-dialog-air-passengers"
                                                                                      : "csv-dialog-semicolon");

    // What was detected, as the user sees it.
    const lstm::CsvLayout& layout = dialog.preview().layout;
    QCOMPARE(layout.dialect.delimiter, delimiter);
    QCOMPARE(layout.dialect.decimal, decimal);
    QVERIFY(layout.dialect.header);
    QCOMPARE(layout.timeColumn, timeColumn);
    QCOMPARE(dialog.findChild<QComboBox*>("delimiter")->itemText(0), detectedDelimiter);
    QCOMPARE(dialog.findChild<QComboBox*>("header")->itemText(0), QStringLiteral("detected: names the columns"));
    auto* table = dialog.findChild<QTableWidget*>("columns");
    QCOMPARE(table->rowCount(), columns.size());
    for (int j = 0; j < columns.size(); ++j) {
        QCOMPARE(table->item(j, 0)->text(), columns[j]);
        QCOMPARE(table->item(j, 2)->text(), missing[j]);
    }
    QVERIFY(dialog.role(columns[timeColumn]) == Role::TimeAxis);
    QCOMPARE(dialog.errorText(), QString());
    QVERIFY(dialog.preview().rows.size() == 50); // the first rows as written
    QVERIFY(dialog.importButton()->isEnabled());

    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.importButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, timeoutMs);
    const CsvSource source = dialog.source();
    QCOMPARE(source.path, path);
    QCOMPARE(source.inputs, inputs);
    QCOMPARE(source.targets, targets);
    QVERIFY(source.table != nullptr);
    QCOMPARE(int(source.table->rows), rows);
    QVERIFY(!source.delimiter && !source.header && !source.decimal); // left to the detection

    const std::unique_ptr<lstm::Dataset> data = makeSessionDataset(sessionOf(source));
    QCOMPARE(data->shape().inputSize, int(inputs.size()));
    QCOMPARE(data->shape().outputSize, int(targets.size()));
    QCOMPARE(data->sequenceLength(), source.sequenceLength);
    QVERIFY(data->validationSet().batch >= 2); // the default length leaves room for a free run
}

void CsvImportDialogTest::refusesABadFixture_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("markedRow"); // the preview row shown in red, -1 for none
    QTest::newRow("not a number") << "not_a_number.csv"
                                  << "Line 17, column 3 (\u201cb\u201d): \u201c12,5x\u201d is not a number." << 15;
    QTest::newRow("row too short") << "ragged_short.csv"
                                   << "Line 3, column 3 (\u201cc\u201d): the row has only 2 fields: the header has 3 columns."
                                   << 1;
    QTest::newRow("impossible date") << "bad_date.csv"
                                     << "Line 3, column 1 (\u201cdate\u201d): \u201c2020-02-30\u201d is not a date" << 1;
    QTest::newRow("missing time") << "missing_time.csv" << "Line 3, column 1" << -1;
    QTest::newRow("empty file") << "empty.csv" << "The file is empty." << -1;
}

void CsvImportDialogTest::refusesABadFixture()
{
    QFETCH(QString, file);
    QFETCH(QString, message);
    QFETCH(int, markedRow);
    CsvImportDialog dialog;
    dialog.setFile(fixture(file));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    if (file == "not_a_number.csv")
        testing::saveShot(dialog, "csv-dialog-error");
    QVERIFY2(dialog.errorText().startsWith(message), qPrintable(dialog.errorText()));
    QVERIFY(dialog.findChild<QLabel*>("error")->isVisible());
    QVERIFY(!dialog.importButton()->isEnabled());
    if (markedRow >= 0) { // the cell the message names is marked in the preview
        const QAbstractItemModel* model = dialog.findChild<QTableView*>("preview")->model();
        QVERIFY(model->index(markedRow, dialog.preview().errorColumn - 1).data(Qt::BackgroundRole).isValid());
        QVERIFY(!model->index(0, 0).data(Qt::BackgroundRole).isValid() || markedRow == 0);
    }
}

void CsvImportDialogTest::overridesRerunThePreview()
{
    CsvImportDialog dialog;
    dialog.setFile(fixture("weather_semicolon_series.csv"));
    QCOMPARE(dialog.preview().layout.names.size(), size_t(3));

    // Read with a decimal point, "4,0" is no number: the dialog says where, and waits.
    choose(dialog.findChild<QComboBox*>("decimal"), "point  1.5");
    QCOMPARE(dialog.preview().layout.dialect.decimal, '.');
    QVERIFY2(dialog.errorText().startsWith("Line 2, column 2"), qPrintable(dialog.errorText()));
    QVERIFY(!dialog.importButton()->isEnabled());
    QVERIFY(dialog.source().decimal == '.');

    // Back to the detection, then split on commas: other columns entirely.
    choose(dialog.findChild<QComboBox*>("decimal"), "detected: comma");
    QCOMPARE(dialog.errorText(), QString());
    choose(dialog.findChild<QComboBox*>("delimiter"), "comma  ,");
    QCOMPARE(dialog.preview().layout.dialect.delimiter, ',');
    QVERIFY(dialog.preview().layout.names.size() != 3);

    // The first row as data: the columns lose their names and the header row is a row.
    choose(dialog.findChild<QComboBox*>("delimiter"), "detected: ;");
    choose(dialog.findChild<QComboBox*>("header"), "is data");
    QCOMPARE(dialog.preview().layout.names.front(), std::string("column 1"));
    QCOMPARE(dialog.preview().rows.front().front(), QStringLiteral("Datum"));
}

void CsvImportDialogTest::rolesChooseInputsAndTargets()
{
    CsvImportDialog dialog;
    dialog.setFile(fixture("weather_semicolon_series.csv"));
    QCOMPARE(dialog.source().inputs, (QStringList{"Temperatur", "Feuchte"}));

    choose(dialog.findChild<QComboBox*>("role:Temperatur"), "ignore");
    QTRY_COMPARE_WITH_TIMEOUT(dialog.source().inputs, QStringList{"Feuchte"}, timeoutMs);
    QVERIFY(dialog.importButton()->isEnabled());

    choose(dialog.findChild<QComboBox*>("role:Temperatur"), "target");
    choose(dialog.findChild<QComboBox*>("role:Feuchte"), "input");
    QTRY_COMPARE_WITH_TIMEOUT(dialog.source().targets, QStringList{"Temperatur"}, timeoutMs);
    QCOMPARE(dialog.source().inputs, QStringList{"Feuchte"});

    choose(dialog.findChild<QComboBox*>("role:Temperatur"), "ignore");
    QTRY_VERIFY_WITH_TIMEOUT(dialog.errorText().contains("one target column"), timeoutMs);
    QVERIFY(!dialog.importButton()->isEnabled());

    // The date column as no time axis: a choice the session keeps.
    choose(dialog.findChild<QComboBox*>("role:Temperatur"), "input and target");
    choose(dialog.findChild<QComboBox*>("role:Datum"), "ignore");
    QTRY_COMPARE_WITH_TIMEOUT(dialog.preview().layout.timeColumn, -1, timeoutMs);
    QVERIFY(dialog.source().timeColumn == QString());
    QVERIFY(dialog.importButton()->isEnabled());
}

void CsvImportDialogTest::sequencesTooLongForTheFileAreRefused()
{
    CsvImportDialog dialog;
    dialog.setFile(bundledDataFolder() + "/air_passengers_monthly.csv");
    dialog.findChild<QSpinBox*>("sequenceLength")->setValue(40);
    QVERIFY2(dialog.errorText().contains("too few for one sequence of 40 steps"), qPrintable(dialog.errorText()));
    QVERIFY(!dialog.importButton()->isEnabled());
    dialog.findChild<QSpinBox*>("sequenceLength")->setValue(12);
    QCOMPARE(dialog.errorText(), QString());
    QVERIFY(dialog.importButton()->isEnabled());
}

void CsvImportDialogTest::aLargeFileLoadsInTheBackground()
{
    QTemporaryDir dir;
    const int rows = 150'000;
    const QString path = writeLargeFile(dir, rows);
    QVERIFY(QFileInfo(path).size() > 3 * CsvPreview::previewBytes);
    CsvImportDialog dialog;
    dialog.setFile(path);
    dialog.show();
    QVERIFY(!dialog.preview().wholeFile);
    QCOMPARE(dialog.errorText(), QString());
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.importButton()->click();
    QVERIFY(dialog.loading());
    QVERIFY(dialog.progressBar()->isVisible() && dialog.cancelLoadButton()->isVisible());
    QVERIFY(!dialog.importButton()->isEnabled());
    testing::saveShot(dialog, "csv-dialog-loading");
    QVERIFY(accepted.wait(timeoutMs));
    QCOMPARE(int(dialog.source().table->rows), rows);
    QVERIFY(dialog.progressBar()->value() > 0);
}

// The user presses Cancel while the file loads: the dialog stays as it was, nothing arrives
// late, and the file can still be imported.
void CsvImportDialogTest::aCancelledLoadChangesNothing()
{
    QTemporaryDir dir;
    const QString path = writeLargeFile(dir, 150'000);
    CsvImportDialog dialog;
    dialog.setFile(path);
    dialog.show();
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.importButton()->click();
    QVERIFY(dialog.loading());
    dialog.cancelLoadButton()->click(); // before the load's result can arrive
    QVERIFY(!dialog.loading());
    QVERIFY(!dialog.progressBar()->isVisible());
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.importButton()->isEnabled());
    QVERIFY(dialog.source().table == nullptr);

    dialog.importButton()->click(); // again, to the end this time
    QCOMPARE(CsvLoader::threadsAlive(), 2); // the cancelled load was left to end, not waited for
    QVERIFY(accepted.wait(timeoutMs));
    QCOMPARE(accepted.count(), 1); // the cancelled load never reported
    QCOMPARE(int(dialog.source().table->rows), 150'000);
}

// A second load while the first runs: start() returns at once, leaving the first to stop on
// its own thread, and only the second one's table arrives.
void CsvImportDialogTest::aSupersededLoadIsDroppedNotWaitedFor()
{
    QTemporaryDir dir;
    CsvSource first, second;
    first.path = writeLargeFile(dir, 150'000, QStringLiteral("first.csv"));
    second.path = writeLargeFile(dir, 120'000, QStringLiteral("second.csv"));
    CsvLoader loader;
    QSignalSpy loaded(&loader, &CsvLoader::loaded);
    QSignalSpy failed(&loader, &CsvLoader::failed);
    QSignalSpy cancelled(&loader, &CsvLoader::cancelled);
    loader.start(first);
    loader.start(second);
    QCOMPARE(CsvLoader::threadsAlive(), 2); // the first is still ending: start() did not wait
    QVERIFY(loader.running());
    QVERIFY(loaded.wait(timeoutMs));
    QVERIFY(!loader.running());
    QTRY_COMPARE_WITH_TIMEOUT(CsvLoader::threadsAlive(), 0, timeoutMs);
    QCOMPARE(loaded.count(), 1); // the first load's result, if it got that far, was dropped
    QCOMPARE(int(loaded.first().first().value<std::shared_ptr<const lstm::CsvTable>>()->rows), 120'000);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(cancelled.count(), 0);

    // Cancelled, then superseded: nothing of the cancelled one arrives either.
    loader.start(first);
    loader.cancel();
    QCOMPARE(cancelled.count(), 1);
    QVERIFY(!loader.running());
    loader.start(second);
    QVERIFY(loaded.wait(timeoutMs));
    QTRY_COMPARE_WITH_TIMEOUT(CsvLoader::threadsAlive(), 0, timeoutMs);
    QCOMPARE(loaded.count(), 2);
    QCOMPARE(int(loaded.last().first().value<std::shared_ptr<const lstm::CsvTable>>()->rows), 120'000);
}

// The dialog goes away while its file loads (the window closed, say): its destructor
// returns at once, and the load ends by itself without anyone to report to.
void CsvImportDialogTest::aDialogClosedMidLoadIsNotWaitedFor()
{
    QTemporaryDir dir;
    const QString path = writeLargeFile(dir, 150'000);
    auto* dialog = new CsvImportDialog;
    dialog->setFile(path);
    dialog->show();
    dialog->importButton()->click();
    QVERIFY(dialog->loading());
    delete dialog;
    QCOMPARE(CsvLoader::threadsAlive(), 1); // left to end on its own thread
    QTRY_COMPARE_WITH_TIMEOUT(CsvLoader::threadsAlive(), 0, timeoutMs);

    // The same through Cancel on a dialog that deletes itself on close, as the window opens it.
    dialog = new CsvImportDialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QSignalSpy destroyed(dialog, &QObject::destroyed);
    dialog->setFile(path);
    dialog->show();
    dialog->importButton()->click();
    dialog->reject();
    QTRY_COMPARE_WITH_TIMEOUT(destroyed.count(), 1, timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(CsvLoader::threadsAlive(), 0, timeoutMs);
}

void CsvImportDialogTest::reopensWithTheChoicesMadeBefore()
{
    CsvSource before;
    before.path = fixture("weather_semicolon_series.csv");
    before.decimal = ',';
    before.missing = lstm::MissingPolicy::ForwardFill;
    before.inputs = QStringList{"Feuchte"};
    before.targets = QStringList{"Temperatur"};
    before.sequenceLength = 6;
    before.horizon = 2;
    CsvImportDialog dialog;
    dialog.setSource(before);
    QVERIFY(dialog.role("Temperatur") == Role::Target);
    QVERIFY(dialog.role("Feuchte") == Role::Input);
    QCOMPARE(dialog.findChild<QComboBox*>("missing")->currentText(), QStringLiteral("repeat the last value"));
    QVERIFY(dialog.source() == before);
}

void CsvImportDialogTest::missingPoliciesRoundTrip_data()
{
    QTest::addColumn<lstm::MissingPolicy>("policy");
    QTest::addColumn<QString>("label");
    QTest::newRow("interpolate") << lstm::MissingPolicy::Interpolate << "interpolate";
    QTest::newRow("forward-fill") << lstm::MissingPolicy::ForwardFill << "repeat the last value";
    QTest::newRow("drop") << lstm::MissingPolicy::DropRow << "drop the row";
}

// Every policy a model trains with comes back as it went in, and is the one the file is read with.
void CsvImportDialogTest::missingPoliciesRoundTrip()
{
    QFETCH(lstm::MissingPolicy, policy);
    QFETCH(QString, label);
    QVERIFY(trainsWith(policy));
    CsvSource before;
    before.path = fixture("weather_semicolon_series.csv");
    before.missing = policy;
    before.sequenceLength = 4;
    CsvImportDialog dialog;
    dialog.setSource(before);
    QCOMPARE(dialog.findChild<QComboBox*>("missing")->currentText(), label);
    QVERIFY(dialog.source().missing == policy);
    QCOMPARE(dialog.errorText(), QString());

    dialog.setFile(before.path); // back to the default, then chosen as a user would
    choose(dialog.findChild<QComboBox*>("missing"), label);
    QVERIFY(dialog.source().missing == policy);
    QVERIFY(dialog.importButton()->isEnabled());
}

// "keep" leaves NaN in, which the core refuses to train on: the entry is there, greyed, with
// the reason, and a source that names it reads as the default rather than as an error.
void CsvImportDialogTest::keepIsShownButNotOffered()
{
    QVERIFY(!trainsWith(lstm::MissingPolicy::Keep));
    CsvImportDialog dialog;
    auto* box = dialog.findChild<QComboBox*>("missing");
    const int keep = box->findData(int(lstm::MissingPolicy::Keep));
    QVERIFY(keep >= 0);
    QVERIFY(!(box->model()->flags(box->model()->index(keep, 0)) & Qt::ItemIsEnabled));
    const QString reason = box->itemData(keep, Qt::ToolTipRole).toString();
    QVERIFY2(reason.contains("cannot train on missing values"), qPrintable(reason));
    QVERIFY(box->toolTip().contains(reason));

    CsvSource before;
    before.path = fixture("weather_semicolon_series.csv");
    before.missing = lstm::MissingPolicy::Keep;
    dialog.setSource(before);
    QVERIFY(dialog.source().missing == lstm::MissingPolicy::Interpolate);
}

QTEST_MAIN(CsvImportDialogTest)
#include "tst_csv_import_dialog.moc"
