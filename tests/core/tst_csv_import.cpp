// The CSV import (core/CsvImport.h and its parts): one small fixture per quirk in
// tests/fixtures/csv/, named for it. Records come out of the reader exactly (quotes, line
// ends, byte order marks, UTF-8); files import to exact values with the detected dialect;
// every broken file is refused with the exact line, column, text and message. Then the
// overrides, the missing-value policies and their counts, normalisation fitted on the
// training part and its inverse, windowing and the chronological split, progress and
// cancellation on a generated multi-chunk file.
#include "TestSupport.h"

#include "series/CsvDataset.h"
#include "csv/CsvError.h"
#include "csv/CsvImport.h"
#include "csv/CsvReader.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <fstream>
#include <iomanip>
#include <sstream>
#include <typeinfo>

using namespace lstm;

namespace {

constexpr double jan1st2020 = 1577836800; // 2020-01-01T00:00:00Z in seconds since 1970
constexpr double day = 86400;

std::string csvFixture(const std::string& name)
{
    return testing::fixturePath("csv/" + name);
}

struct RecordsRead {
    QList<QStringList> records;
    QList<int> lines;
};

RecordsRead readRecords(const std::string& path, char delimiter)
{
    std::ifstream in(path, std::ios::binary);
    CsvReader reader({path, {}, &in}, delimiter);
    RecordsRead read;
    CsvRecord record;
    while (reader.next(record)) {
        QStringList fields;
        for (const std::string_view field : record.fields)
            fields << QString::fromUtf8(field.data(), qsizetype(field.size()));
        read.records << fields;
        read.lines << record.line;
    }
    return read;
}

CsvTable importText(const std::string& text, const CsvImportOptions& options = {})
{
    std::istringstream in(text);
    return importCsv(in, "inline.csv", text.size(), options);
}

// Every column as "name type", and every column's values (empty for text).
QStringList columnSummary(const CsvTable& table)
{
    QStringList columns;
    for (const CsvColumn& column : table.columns)
        columns << QString::fromStdString(column.name + " " + columnTypeName(column.type));
    return columns;
}

struct Expected {
    QStringList columns;               // "name type"
    QList<QList<double>> values;       // one list per column, empty for text and empty columns
    char delimiter = ',';
    bool header = true;
    char decimal = '.';
};

struct Failure {
    bool csvError = false;
    int line = -1;
    int column = -1;
    QByteArray text;
    QString message; // what()
    QString other;   // any other exception, with its type
};

template <typename F>
Failure failureOf(F&& action)
{
    Failure failure;
    try {
        action();
        failure.other = QStringLiteral("no exception");
    } catch (const CsvImportError& error) {
        failure = {true, error.line, error.column, QByteArray::fromStdString(error.text), QString::fromUtf8(error.what())};
    } catch (const std::exception& error) {
        failure.other = QStringLiteral("%1: %2").arg(typeid(error).name(), QString::fromUtf8(error.what()));
    }
    return failure;
}

bool sameValues(const std::vector<double>& actual, const QList<double>& expected)
{
    if (actual.size() != size_t(expected.size()))
        return false;
    for (size_t k = 0; k < actual.size(); ++k)
        if (!(actual[k] == expected[qsizetype(k)]))
            return false;
    return true;
}

QString describe(const std::vector<double>& values)
{
    QStringList texts;
    for (const double v : values)
        texts << QString::number(v, 'g', 17);
    return texts.join(", ");
}

// A table of one number column "t" holding 0, 1, ..., rows - 1, and "u" = 10 t.
CsvTable rampTable(int rows)
{
    std::string text = "t,u\n";
    for (int k = 0; k < rows; ++k)
        text += std::to_string(k) + "," + std::to_string(10 * k) + "\n";
    return importText(text);
}

// A file big enough to be read in several chunks: quoted fields with doubled quotes and CRLF
// inside, CRLF line ends. Row k holds k and k / 4.
std::string writeLargeFile(const QTemporaryDir& dir, int rows)
{
    const std::string path = dir.filePath("large.csv").toStdString();
    std::ofstream out(path, std::ios::binary);
    out << std::setprecision(17) << "k,note,quarter\r\n";
    for (int k = 0; k < rows; ++k)
        out << k << ",\"say \"\"" << k << "\"\"\r\nthen, stop\"," << k / 4.0 << "\r\n";
    return path;
}

} // namespace

Q_DECLARE_METATYPE(Expected)
Q_DECLARE_METATYPE(lstm::MissingPolicy)
Q_DECLARE_METATYPE(lstm::Normalisation)

// An exception inside a test fails it with its message instead of aborting the suite.
#define CSV_NO_THROW(statement)                                                                       \
    do {                                                                                              \
        const Failure failure_ = failureOf([&] { statement; });                                       \
        QVERIFY2(failure_.other == QStringLiteral("no exception"),                                   \
                 qPrintable(QStringLiteral(#statement " threw ") + failure_.message + failure_.other)); \
    } while (false)

class CsvImportTest : public QObject {
    Q_OBJECT
private slots:
    void readsRecords_data();
    void readsRecords();
    void importsQuirk_data();
    void importsQuirk();
    void refusesBrokenFile_data();
    void refusesBrokenFile();
    void readsDates_data();
    void readsDates();
    void overridesDetection_data();
    void overridesDetection();
    void missingValuePolicies_data();
    void missingValuePolicies();
    void leadingAndTrailingGapsTakeTheNearestValue();
    void blankLinesAreSkippedAndCounted();
    void keptMissingValuesAreRefusedAsData();
    void normalisationFitsTheTrainingPartOnly_data();
    void normalisationFitsTheTrainingPartOnly();
    void windowsAndChronologicalSplit();
    void multivariateRolesAndErrors();
    void recordsSpanningChunksReadIntact();
    void progressReachesOne();
    void cancellationStopsTheImport();

private:
    QTemporaryDir m_dir;
};

void CsvImportTest::readsRecords_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QList<QStringList>>("records");
    QTest::addColumn<QList<int>>("lines");
    QTest::newRow("quoted delimiters") << "quoted_delimiter.csv"
        << QList<QStringList>{{"name", "value"}, {"Smith, John", "1"}, {"a,b,c", "2"}} << QList<int>{1, 2, 3};
    QTest::newRow("doubled quotes") << "doubled_quotes.csv"
        << QList<QStringList>{{"name", "value"}, {"say \"hi\"", "1"}, {"\"", "2"}, {"", " 3"}} << QList<int>{1, 2, 3, 4};
    QTest::newRow("line breaks inside quotes") << "newline_in_quotes.csv"
        << QList<QStringList>{{"note", "value"}, {"line one\nline two", "1"}, {"a\r\nb", "2"}, {"plain", "3"}}
        << QList<int>{1, 2, 4, 6};
    QTest::newRow("CRLF line ends") << "crlf.csv" << QList<QStringList>{{"a", "b"}, {"1", "2"}, {"3", "4"}} << QList<int>{1, 2, 3};
    QTest::newRow("CR line ends") << "cr_only.csv" << QList<QStringList>{{"a", "b"}, {"1", "2"}, {"3", "4"}} << QList<int>{1, 2, 3};
    QTest::newRow("UTF-8 byte order mark") << "utf8_bom.csv" << QList<QStringList>{{"a", "b"}, {"1", "2"}} << QList<int>{1, 2};
    QTest::newRow("UTF-8 text") << "utf8_text.csv"
        << QList<QStringList>{{"name", "value"}, {QStringLiteral("Zürich"), "1"}, {QStringLiteral("日本"), "2"}} << QList<int>{1, 2, 3};
    QTest::newRow("no final line end") << "no_final_newline.csv" << QList<QStringList>{{"a", "b"}, {"1", "2"}} << QList<int>{1, 2};
}

void CsvImportTest::readsRecords()
{
    QFETCH(QString, fixture);
    QFETCH(QList<QStringList>, records);
    QFETCH(QList<int>, lines);
    RecordsRead read;
    CSV_NO_THROW(read = readRecords(csvFixture(fixture.toStdString()), ','));
    QCOMPARE(read.records, records);
    QCOMPARE(read.lines, lines);
}

void CsvImportTest::importsQuirk_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<Expected>("expected");
    const auto numbers = [](QStringList columns, QList<QList<double>> values, char delimiter = ',', char decimal = '.',
                            bool header = true) { return Expected{columns, values, delimiter, header, decimal}; };
    QTest::newRow("comma") << "comma.csv" << numbers({"x number", "y number"}, {{1, 3.5}, {2, -4}});
    QTest::newRow("semicolon with decimal comma") << "semicolon_decimal_comma.csv"
        << numbers({"a number", "b number"}, {{1.5, -3.25}, {2, 4}}, ';', ',');
    QTest::newRow("tab") << "tab.csv" << numbers({"a number", "b number"}, {{1, 3}, {2, 4}}, '\t');
    QTest::newRow("pipe") << "pipe.csv" << numbers({"a number", "b number"}, {{1, 3}, {2, 4}}, '|');
    QTest::newRow("no header") << "no_header.csv"
        << numbers({"column 1 number", "column 2 number"}, {{1, 3}, {2, 4}}, ',', '.', false);
    QTest::newRow("quoted delimiters and quoted numbers") << "quoted_delimiter.csv"
        << numbers({"name text", "value number"}, {{}, {1, 2}});
    QTest::newRow("doubled quotes, quoted number with a space") << "doubled_quotes.csv"
        << numbers({"name text", "value number"}, {{}, {1, 2, 3}});
    QTest::newRow("line breaks inside quotes") << "newline_in_quotes.csv"
        << numbers({"note text", "value number"}, {{}, {1, 2, 3}});
    QTest::newRow("CRLF") << "crlf.csv" << numbers({"a number", "b number"}, {{1, 3}, {2, 4}});
    QTest::newRow("CR") << "cr_only.csv" << numbers({"a number", "b number"}, {{1, 3}, {2, 4}});
    QTest::newRow("byte order mark") << "utf8_bom.csv" << numbers({"a number", "b number"}, {{1}, {2}});
    QTest::newRow("UTF-8 text") << "utf8_text.csv" << numbers({"name text", "value number"}, {{}, {1, 2}});
    QTest::newRow("no final line end") << "no_final_newline.csv" << numbers({"a number", "b number"}, {{1}, {2}});
    QTest::newRow("one column with decimal commas") << "single_column_decimal_comma.csv"
        << numbers({"column 1 number", "column 2 number"}, {{1, 2}, {5, 5}}, ',', '.', false);
    QTest::newRow("signs, exponents, spaces") << "signs_and_exponents.csv" << numbers({"x number"}, {{1.5, -2000, 7}});
    QTest::newRow("a column with no value") << "empty_column.csv" << numbers({"a number", "b empty"}, {{1, 2}, {}});
    QTest::newRow("missing markers, interpolated") << "missing_markers.csv"
        << numbers({"x number", "y number"}, {{1, 2, 3, 4, 5}, {10, 20, 30, 40, 50}});
    QTest::newRow("empty lines skipped") << "blank_lines.csv" << numbers({"a number", "b number"}, {{1, 3}, {2, 4}});
    QTest::newRow("empty line in one column is a missing value") << "single_column_gap.csv"
        << numbers({"value number"}, {{1, 2, 3}});
    QTest::newRow("ISO dates") << "iso_dates.csv"
        << numbers({"date time", "value number"}, {{jan1st2020, jan1st2020 + day, jan1st2020 + 3 * day}, {1, 2, 4}});
    QTest::newRow("ISO date-times with zones") << "iso_datetimes.csv"
        << numbers({"time time", "value number"}, {{jan1st2020, jan1st2020 + 1800, jan1st2020 + 3600}, {1, 2, 3}});
    QTest::newRow("day/month/year with slashes") << "day_month_slash.csv"
        << numbers({"date time", "value number"}, {{jan1st2020 + 364 * day, jan1st2020 + 365 * day, jan1st2020 + 366 * day}, {1, 2, 3}});
    QTest::newRow("day.month.year with decimal commas") << "day_month_dots.csv"
        << numbers({"Datum time", "Wert number"}, {{jan1st2020 + 364 * day, jan1st2020 + 365 * day}, {1.5, 2.5}}, ';', ',');
    QTest::newRow("month/day/year") << "month_first_dates.csv"
        << numbers({"date time", "value number"}, {{jan1st2020 + 364 * day, jan1st2020 + 365 * day, jan1st2020 + 366 * day}, {1, 2, 3}});
    QTest::newRow("ambiguous dates read day first") << "ambiguous_dates.csv"
        << numbers({"date time", "value number"}, {{jan1st2020 + 31 * day, jan1st2020 + 60 * day}, {1, 2}});
    QTest::newRow("rows in descending time, sorted") << "descending_time.csv"
        << numbers({"date time", "value number"}, {{jan1st2020, jan1st2020 + day, jan1st2020 + 2 * day}, {1, 2, 3}});
}

void CsvImportTest::importsQuirk()
{
    QFETCH(QString, fixture);
    QFETCH(Expected, expected);
    CsvTable table;
    CSV_NO_THROW(table = importCsvFile(csvFixture(fixture.toStdString())));
    QCOMPARE(columnSummary(table), expected.columns);
    QCOMPARE(table.dialect.delimiter, expected.delimiter);
    QCOMPARE(table.dialect.header, expected.header);
    QCOMPARE(table.dialect.decimal, expected.decimal);
    for (qsizetype j = 0; j < expected.values.size(); ++j)
        QVERIFY2(sameValues(table.columns[size_t(j)].values, expected.values[j]),
                 qPrintable(QStringLiteral("column %1 is [%2]").arg(j + 1).arg(describe(table.columns[size_t(j)].values))));
}

void CsvImportTest::refusesBrokenFile_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message"); // what() after the path
    QTest::newRow("not a number (line 17, column 3)") << "not_a_number.csv" << 17 << 3 << QByteArray("12,5x")
        << R"(:17:3: "12,5x" is not a number)";
    QTest::newRow("point in a decimal-comma file") << "wrong_decimal_mark.csv" << 3 << 2 << QByteArray("4.5")
        << R"(:3:2: "4.5" is not a number with this file's decimal comma (a point is not allowed))";
    QTest::newRow("number out of range") << "out_of_range.csv" << 4 << 1 << QByteArray("1e999")
        << R"(:4:1: "1e999" is out of the range of a double)";
    QTest::newRow("ragged row, too long") << "ragged_long.csv" << 3 << 3 << QByteArray("5")
        << R"(:3:3: "5" is one field too many: the header has 2 columns)";
    QTest::newRow("ragged row, too short") << "ragged_short.csv" << 3 << 3 << QByteArray()
        << ":3:3: the row has only 2 fields: the header has 3 columns";
    QTest::newRow("empty file") << "empty.csv" << 0 << 0 << QByteArray() << ": the file is empty";
    QTest::newRow("only empty lines") << "blank_only.csv" << 0 << 0 << QByteArray() << ": the file has no data, only empty lines";
    QTest::newRow("header only") << "header_only.csv" << 0 << 0 << QByteArray()
        << ": the file has a header (line 1) but no data rows";
    QTest::newRow("binary garbage") << "binary_garbage.csv" << 1 << 1
        << QByteArray::fromStdString(testing::readText(csvFixture("binary_garbage.csv")))
        << R"(:1:1: "\x1F\x8B\x08\x00\x00\x00\x00\x00\x00\x03\xCBH\xCD\xC9\xC9\x07..." contains a NUL byte: this looks like a binary file, not CSV text)";
    QTest::newRow("invalid UTF-8") << "invalid_utf8.csv" << 2 << 1 << QByteArray("caf\xe9")
        << R"(:2:1: "caf\xE9" is not valid UTF-8: save the file as UTF-8)";
    QTest::newRow("UTF-16") << "utf16.csv" << 0 << 0 << QByteArray()
        << R"(: the file is UTF-16 text; save it as UTF-8 ("CSV UTF-8" in spreadsheets))";
    QTest::newRow("quote never closed") << "unterminated_quote.csv" << 2 << 2 << QByteArray("\"2\n3,4\n")
        << R"(:2:2: "\"2\x0A3,4\x0A" opens a quote that is never closed)";
    QTest::newRow("quote inside a field") << "quote_inside_field.csv" << 2 << 2 << QByteArray("2\"")
        << R"(:2:2: "2\"" has a quote inside a field that does not start with one (RFC 4180 quotes whole fields))";
    QTest::newRow("text after a closing quote") << "text_after_quote.csv" << 2 << 2 << QByteArray("\"2\"x")
        << R"(:2:2: "\"2\"x" has text after its closing quote)";
    QTest::newRow("impossible date") << "bad_date.csv" << 3 << 1 << QByteArray("2020-02-30")
        << R"(:3:1: "2020-02-30" is not a date (such as 2020-12-31, 2020-12-31T23:59:59, 31/12/2020 or 31.12.2020))";
    QTest::newRow("date in the other order") << "contradicting_dates.csv" << 3 << 1 << QByteArray("01/13/2020")
        << R"(:3:1: "01/13/2020" is not a valid day/month/year date, the order this file's dates are read in)";
    QTest::newRow("missing time") << "missing_time.csv" << 3 << 1 << QByteArray()
        << R"(:3:1: "" is not a time: every row needs one, as this column is the time axis)";
}

void CsvImportTest::refusesBrokenFile()
{
    QFETCH(QString, fixture);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    const std::string path = csvFixture(fixture.toStdString());
    const Failure failure = failureOf([&] { importCsvFile(path); });
    QVERIFY2(failure.csvError, qPrintable(failure.other));
    QCOMPARE(failure.message, QString::fromStdString(path) + message);
    QCOMPARE(failure.line, line);
    QCOMPARE(failure.column, column);
    QCOMPARE(failure.text, text);
}

void CsvImportTest::readsDates_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<double>("dayFirst"); // seconds since 1970, NaN when not a date that way
    QTest::addColumn<double>("monthFirst");
    const double none = std::nan("");
    const double jan2nd = jan1st2020 + day, feb1st = jan1st2020 + 31 * day;
    QTest::newRow("ISO date") << "2020-01-02" << jan2nd << jan2nd;
    QTest::newRow("ISO date-time") << "2020-01-02T03:04:05" << jan2nd + 11045 << jan2nd + 11045;
    QTest::newRow("ISO with fraction and Z") << "2020-01-02T03:04:05.5Z" << jan2nd + 11045.5 << jan2nd + 11045.5;
    QTest::newRow("ISO with offset") << "2020-01-02T03:04:05-02:30" << jan2nd + 11045 + 9000 << jan2nd + 11045 + 9000;
    QTest::newRow("ISO with space, no seconds") << "2020-01-02 03:04" << jan2nd + 11040 << jan2nd + 11040;
    QTest::newRow("year first with slashes") << "2020/01/02" << jan2nd << jan2nd;
    QTest::newRow("ambiguous slashes") << "01/02/2020" << feb1st << jan2nd;
    QTest::newRow("ambiguous dots") << "1.2.2020" << feb1st << jan2nd;
    QTest::newRow("day above 12") << "31/12/2020" << jan1st2020 + 365 * day << none;
    QTest::newRow("day/month with time") << "02.01.2020 03:04:05" << jan2nd + 11045 << feb1st + 11045;
    QTest::newRow("leap day") << "2020-02-29" << jan1st2020 + 59 * day << jan1st2020 + 59 * day;
    QTest::newRow("not a leap year") << "2021-02-29" << none << none;
    QTest::newRow("hour 24") << "2020-01-02T24:00" << none << none;
    QTest::newRow("two-digit year") << "02/01/20" << none << none;
    QTest::newRow("a number") << "12.5" << none << none;
    QTest::newRow("trailing text") << "2020-01-02x" << none << none;
}

void CsvImportTest::readsDates()
{
    QFETCH(QString, cell);
    QFETCH(double, dayFirst);
    QFETCH(double, monthFirst);
    const std::string text = cell.toStdString();
    for (const auto& [order, expected] : {std::pair{DateOrder::DayFirst, dayFirst}, {DateOrder::MonthFirst, monthFirst}}) {
        const std::optional<TimeReading> time = readTime(text, order);
        QVERIFY2(time.has_value() == !std::isnan(expected), dateOrderName(order));
        if (time)
            QCOMPARE(time->seconds, expected);
    }
}

void CsvImportTest::overridesDetection_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("override");
    QTest::addColumn<QStringList>("columns");
    QTest::addColumn<QList<double>>("lastColumn");
    QTest::addColumn<QString>("error"); // what() after the path, or empty
    QTest::newRow("delimiter keeps one column of decimal commas") << "single_column_decimal_comma.csv" << "delimiter ;"
        << QStringList{"column 1 number"} << QList<double>{1.5, 2.5} << "";
    QTest::newRow("header forced on") << "no_header.csv" << "header yes" << QStringList{"1 number", "2 number"}
        << QList<double>{4} << "";
    QTest::newRow("header forced off") << "comma.csv" << "header no" << QStringList{} << QList<double>{}
        << R"(:1:1: "x" is not a number)";
    QTest::newRow("decimal point in a decimal-comma file") << "semicolon_decimal_comma.csv" << "decimal ." << QStringList{}
        << QList<double>{} << R"(:2:1: "1,5" is not a number with this file's decimal point (a comma is not allowed))";
    QTest::newRow("dates month first") << "ambiguous_dates.csv" << "dates mdy"
        << QStringList{"date time", "value number"} << QList<double>{1, 2} << "";
    QTest::newRow("no time axis") << "iso_dates.csv" << "time none" << QStringList{"date time", "value number"}
        << QList<double>{1, 2, 4} << "";
    QTest::newRow("time column by name") << "iso_dates.csv" << "time value" << QStringList{} << QList<double>{}
        << R"(:2:2: "1" is not a date (such as 2020-12-31, 2020-12-31T23:59:59, 31/12/2020 or 31.12.2020))";
    QTest::newRow("time column that does not exist") << "iso_dates.csv" << "time when" << QStringList{} << QList<double>{}
        << R"(: "when" is not a column of this file (asked for as the time))";
}

void CsvImportTest::overridesDetection()
{
    QFETCH(QString, fixture);
    QFETCH(QString, override);
    QFETCH(QStringList, columns);
    QFETCH(QList<double>, lastColumn);
    QFETCH(QString, error);
    CsvImportOptions options;
    const QStringList words = override.split(' ');
    const std::string value = words[1].toStdString();
    if (words[0] == "delimiter")
        options.overrides.delimiter = value[0];
    else if (words[0] == "header")
        options.overrides.header = value == "yes";
    else if (words[0] == "decimal")
        options.overrides.decimal = value[0];
    else if (words[0] == "dates")
        options.overrides.dateOrder = value == "mdy" ? DateOrder::MonthFirst : DateOrder::DayFirst;
    else
        options.overrides.timeColumn = value == "none" ? "" : value;
    const std::string path = csvFixture(fixture.toStdString());
    if (!error.isEmpty()) {
        const Failure failure = failureOf([&] { importCsvFile(path, options); });
        QVERIFY2(failure.csvError, qPrintable(failure.other));
        QCOMPARE(failure.message, QString::fromStdString(path) + error);
        return;
    }
    CsvTable table;
    CSV_NO_THROW(table = importCsvFile(path, options));
    QCOMPARE(columnSummary(table), columns);
    QVERIFY2(sameValues(table.columns.back().values, lastColumn), qPrintable(describe(table.columns.back().values)));
    if (words[0] == "dates") {
        QVERIFY(table.dialect.dateOrderGiven);
        QCOMPARE(table.columns[0].values.front(), jan1st2020 + day); // 01/02/2020 is January 2nd
    }
    if (words[0] == "time")
        QCOMPARE(table.timeColumn, -1);
}

void CsvImportTest::missingValuePolicies_data()
{
    QTest::addColumn<MissingPolicy>("policy");
    QTest::addColumn<QList<double>>("a");
    QTest::addColumn<QList<double>>("b");
    QTest::addColumn<QList<int>>("filled");  // a, b
    QTest::addColumn<QList<int>>("dropped"); // a, b
    // 2020-01-01: 1, 10; 01-02: -, 20; 01-04: 4, -; 01-05: 5, 50. Interpolation follows time, not rows.
    QTest::newRow("interpolate") << MissingPolicy::Interpolate << QList<double>{1, 2, 4, 5} << QList<double>{10, 20, 40, 50}
                                 << QList<int>{1, 1} << QList<int>{0, 0};
    QTest::newRow("forward-fill") << MissingPolicy::ForwardFill << QList<double>{1, 1, 4, 5} << QList<double>{10, 20, 20, 50}
                                  << QList<int>{1, 1} << QList<int>{0, 0};
    QTest::newRow("drop the row") << MissingPolicy::DropRow << QList<double>{1, 5} << QList<double>{10, 50}
                                  << QList<int>{0, 0} << QList<int>{1, 1};
}

void CsvImportTest::missingValuePolicies()
{
    QFETCH(MissingPolicy, policy);
    QFETCH(QList<double>, a);
    QFETCH(QList<double>, b);
    QFETCH(QList<int>, filled);
    QFETCH(QList<int>, dropped);
    CsvImportOptions options;
    options.missing = policy;
    CsvTable table;
    CSV_NO_THROW(table = importCsvFile(csvFixture("missing_policies.csv"), options));
    QVERIFY2(sameValues(table.columns[1].values, a), qPrintable(describe(table.columns[1].values)));
    QVERIFY2(sameValues(table.columns[2].values, b), qPrintable(describe(table.columns[2].values)));
    QCOMPARE(table.rows, size_t(a.size()));
    QCOMPARE(table.fileRows, size_t(4));
    QCOMPARE(table.columns[0].values.size(), size_t(a.size())); // the time axis follows dropped rows
    for (size_t j : {1, 2}) {
        QCOMPARE(table.columns[j].missing, size_t(1));
        QCOMPARE(int(table.columns[j].filled), filled[qsizetype(j - 1)]);
        QCOMPARE(int(table.columns[j].dropped), dropped[qsizetype(j - 1)]);
    }
}

void CsvImportTest::leadingAndTrailingGapsTakeTheNearestValue()
{
    for (const MissingPolicy policy : {MissingPolicy::Interpolate, MissingPolicy::ForwardFill}) {
        CsvImportOptions options;
        options.missing = policy;
        CsvTable table;
        CSV_NO_THROW(table = importText("x,y\nNA,1\n2,2\n4,3\nNA,4\n", options));
        QVERIFY2(sameValues(table.columns[0].values, {2, 2, 4, 4}), qPrintable(describe(table.columns[0].values)));
        QCOMPARE(table.columns[0].filled, size_t(2));
    }
}

void CsvImportTest::blankLinesAreSkippedAndCounted()
{
    CsvTable table;
    CSV_NO_THROW(table = importCsvFile(csvFixture("blank_lines.csv"))); // an empty line, one of spaces and a tab
    QCOMPARE(table.rows, size_t(2));
    QCOMPARE(table.blankLines, size_t(2));
    CSV_NO_THROW(table = importCsvFile(csvFixture("single_column_gap.csv")));
    QCOMPARE(table.columns[0].missing, size_t(1)); // the empty line between two values
    QCOMPARE(table.columns[0].filled, size_t(1));
    QCOMPARE(table.blankLines, size_t(1));         // the one at the end
}

void CsvImportTest::keptMissingValuesAreRefusedAsData()
{
    CsvImportOptions options;
    options.missing = MissingPolicy::Keep;
    CsvTable table;
    CSV_NO_THROW(table = importCsvFile(csvFixture("missing_policies.csv"), options));
    QVERIFY(std::isnan(table.columns[1].values[1]));
    QCOMPARE(table.columns[1].filled, size_t(0));
    SeriesOptions series;
    series.inputs = {"a"};
    series.targets = {"b"};
    try {
        prepareSeries(table, series);
        QFAIL("missing values were accepted as data");
    } catch (const std::invalid_argument& error) {
        QCOMPARE(QString(error.what()),
                 QString::fromStdString("column \"a\" of " + table.file +
                                        " still has 1 missing value: import it with a missing-value policy"));
    }
}

void CsvImportTest::normalisationFitsTheTrainingPartOnly_data()
{
    QTest::addColumn<Normalisation>("kind");
    QTest::addColumn<double>("offset");
    QTest::addColumn<double>("scale");
    // t = 0..9 with a validation fraction of 0.2: the scaling sees 0..7 only.
    QTest::newRow("z-score") << Normalisation::ZScore << 3.5 << std::sqrt(5.25);
    QTest::newRow("min-max") << Normalisation::MinMax << 0.0 << 7.0;
    QTest::newRow("none") << Normalisation::None << 0.0 << 1.0;
}

void CsvImportTest::normalisationFitsTheTrainingPartOnly()
{
    QFETCH(Normalisation, kind);
    QFETCH(double, offset);
    QFETCH(double, scale);
    const CsvTable table = rampTable(10);
    SeriesOptions options;
    options.inputs = {"t"};
    options.targets = {"u"};
    options.normalisation = kind;
    const PreparedSeries series = prepareSeries(table, options);
    QCOMPARE(series.trainRows, 8);
    QCOMPARE(series.inputScaling[0].offset, offset);
    QCOMPARE(series.inputScaling[0].scale, scale);
    QCOMPARE(series.targetScaling[0].offset, 10 * offset);
    QCOMPARE(series.inputs(0, 9), (9 - offset) / scale);
    for (int t = 0; t < 10; ++t)
        QCOMPARE(series.targetScaling[0].invert(series.targets(0, t)), 10.0 * t);
}

void CsvImportTest::windowsAndChronologicalSplit()
{
    // 120 rows, a quarter validates: rows 0..89 train, 90..119 validate.
    CsvDatasetOptions options;
    options.series.inputs = {"t"};
    options.series.targets = {"t"};
    options.series.normalisation = Normalisation::None;
    options.series.validationFraction = 0.25;
    options.sequenceLength = 10;
    options.stride = 3;
    options.horizon = 2;
    const CsvDataset data(rampTable(120), options);
    QCOMPARE(data.series().trainRows, 90);
    QCOMPARE(data.trainWindows(), (90 - 12) / 3 + 1);
    QCOMPARE(data.shape().inputSize, 1);
    QCOMPARE(data.shape().outputSize, 1);
    QCOMPARE(data.shape().output, OutputKind::Regression);
    QCOMPARE(data.shape().outputAt, OutputAt::EveryStep);

    const SequenceBatch<double>& validation = data.validationSet();
    QCOMPARE(validation.steps, 10);
    QCOMPARE(validation.batch, 2); // (30 - 12) / 10 + 1 consecutive windows
    QCOMPARE(validation.inputs.rows(), Eigen::Index(1));
    QCOMPARE(validation.inputs.cols(), Eigen::Index(20));
    for (int b = 0; b < 2; ++b)
        for (int t = 0; t < 10; ++t) {
            QCOMPARE(validation.inputs(0, t * 2 + b), 90.0 + 10 * b + t);
            QCOMPARE(validation.targets(0, t * 2 + b), 92.0 + 10 * b + t);
        }

    Random random(5);
    SequenceBatch<double> batch;
    for (int draw = 0; draw < 20; ++draw) {
        data.sampleTrainBatch(random, 4, batch);
        QCOMPARE(batch.inputs.cols(), Eigen::Index(40));
        for (int b = 0; b < 4; ++b) {
            const double start = batch.inputs(0, b);
            QCOMPARE(std::fmod(start, 3.0), 0.0); // windows start every `stride` rows
            QVERIFY(start + 9 + 2 < 90);          // no target from the validation part
            for (int t = 0; t < 10; ++t) {
                QCOMPARE(batch.inputs(0, t * 4 + b), start + t);
                QCOMPARE(batch.targets(0, t * 4 + b), start + t + 2);
            }
        }
    }
}

void CsvImportTest::multivariateRolesAndErrors()
{
    const CsvTable table = importText("when,a,b,c,name\n" + [] {
        std::string rows;
        for (int k = 0; k < 40; ++k)
            rows += "2020-01-01T00:" + std::string(k < 10 ? "0" : "") + std::to_string(k) + "," + std::to_string(k) + "," +
                    std::to_string(2 * k) + "," + std::to_string(3 * k) + ",n" + std::to_string(k) + "\n";
        return rows;
    }());
    CsvDatasetOptions options;
    options.sequenceLength = 4;
    options.series.targets = {"b", "c"};
    const CsvDataset data(table, options);
    QCOMPARE(data.shape().inputSize, 3);  // a, b, c: every number column by default
    QCOMPARE(data.shape().outputSize, 2); // b and c
    QCOMPARE(data.series().inputNames, (std::vector<std::string>{"a", "b", "c"}));
    QCOMPARE(data.series().time.size(), size_t(40));
    QCOMPARE(data.toUserUnits(1, data.validationSet().targets(1, 0)), 3.0 * (32 + 1));

    CsvDatasetOptions defaults;
    defaults.sequenceLength = 4;
    defaults.series.ignored = {"a"};
    const CsvDataset withoutA(table, defaults);
    QCOMPARE(withoutA.series().inputNames, (std::vector<std::string>{"b", "c"}));
    QCOMPARE(withoutA.series().targetNames, (std::vector<std::string>{"c"}));

    const auto refusal = [&](std::vector<std::string> inputs) {
        CsvDatasetOptions bad = options;
        bad.series.inputs = std::move(inputs);
        try {
            CsvDataset refused(table, bad);
        } catch (const std::invalid_argument& error) {
            return QString(error.what());
        }
        return QString();
    };
    QCOMPARE(refusal({"d"}), QString("inline.csv has no column named \"d\" (its columns: when (time), a (number), "
                                     "b (number), c (number), name (text))"));
    QCOMPARE(refusal({"when"}),
             QString("column \"when\" of inline.csv is time, not numbers: it cannot be an input or a target"));
    QCOMPARE(refusal({"name"}),
             QString("column \"name\" of inline.csv is text, not numbers: it cannot be an input or a target"));
    options.sequenceLength = 8; // the validation part has 8 rows, one short of 8 + 1
    try {
        CsvDataset tooShort(table, options);
        QFAIL("a validation part shorter than one window was accepted");
    } catch (const std::invalid_argument& error) {
        QCOMPARE(QString(error.what()), QString("inline.csv: the validation part has 8 rows, too few for one sequence of 8 steps "
                                        "predicting 1 ahead (9 rows): use shorter sequences or change the split"));
    }
}

void CsvImportTest::recordsSpanningChunksReadIntact()
{
    QVERIFY(m_dir.isValid());
    const int rows = 60'000; // about 2.3 MB: records cross the reader's 1 MiB chunks
    const std::string path = writeLargeFile(m_dir, rows);
    CsvTable table;
    CSV_NO_THROW(table = importCsvFile(path));
    QCOMPARE(columnSummary(table), (QStringList{"k number", "note text", "quarter number"}));
    QCOMPARE(table.rows, size_t(rows));
    QCOMPARE(table.lineEnds, std::string("CRLF"));
    for (int k = 0; k < rows; ++k)
        if (table.columns[0].values[size_t(k)] != k || table.columns[2].values[size_t(k)] != k / 4.0)
            QFAIL(qPrintable(QStringLiteral("row %1 reads %2, %3").arg(k).arg(table.columns[0].values[size_t(k)])
                                 .arg(table.columns[2].values[size_t(k)])));
    // Two physical lines per record: a broken row near the end is reported on its own line.
    std::ofstream(path, std::ios::app | std::ios::binary) << rows << ",\"x\",oops\r\n";
    const Failure failure = failureOf([&] { importCsvFile(path); });
    QCOMPARE(failure.line, 2 * rows + 2);
    QCOMPARE(failure.column, 3);
    QCOMPARE(failure.text, QByteArray("oops"));
}

void CsvImportTest::progressReachesOne()
{
    QVERIFY(m_dir.isValid());
    const std::string path = writeLargeFile(m_dir, 60'000);
    std::vector<double> fractions;
    CsvImportOptions options;
    options.progress = [&](double fraction) {
        fractions.push_back(fraction);
        return true;
    };
    CSV_NO_THROW(importCsvFile(path, options));
    QVERIFY2(fractions.size() >= 3, qPrintable(QString::number(fractions.size())));
    QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
    QVERIFY(fractions.front() > 0);
    QCOMPARE(fractions.back(), 1.0);
}

void CsvImportTest::cancellationStopsTheImport()
{
    QVERIFY(m_dir.isValid());
    const std::string path = writeLargeFile(m_dir, 60'000);
    int calls = 0;
    CsvImportOptions options;
    options.progress = [&](double) { return ++calls < 2; }; // cancel at the second report
    try {
        importCsvFile(path, options);
        QFAIL("the import did not stop");
    } catch (const CsvCancelled& cancelled) {
        QCOMPARE(QString(cancelled.what()), QString::fromStdString(path + ": the import was cancelled"));
    }
    QCOMPARE(calls, 2);
}

QTEST_GUILESS_MAIN(CsvImportTest)
#include "tst_csv_import.moc"
