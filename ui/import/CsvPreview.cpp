#include "import/CsvPreview.h"

#include "csv/CsvReader.h"

#include <QFile>
#include <QFileInfo>

#include <sstream>

namespace {

constexpr std::size_t detectionBytes = std::size_t(256) << 10; // what the import reads to detect the format

// The end of the last whole record in `head`: after the last line end outside quotes, so a
// quoted field with a line break inside is never cut in two.
std::size_t lastRecordEnd(const std::string& head)
{
    bool quoted = false;
    std::size_t end = 0;
    for (std::size_t k = 0; k < head.size(); ++k) {
        if (head[k] == '"')
            quoted = !quoted;
        else if (!quoted && (head[k] == '\n' || head[k] == '\r'))
            end = k + 1;
    }
    return end > 0 ? end : head.size();
}

void readRows(CsvPreview& preview, const std::string& name, const std::string& head, int maxRows)
{
    lstm::CsvReader reader({name, head, nullptr}, preview.layout.dialect.delimiter);
    lstm::CsvRecord record;
    bool headerToSkip = preview.layout.dialect.header;
    while (preview.rows.size() < maxRows && reader.next(record)) {
        if (record.blank)
            continue;
        if (headerToSkip) {
            headerToSkip = false;
            continue;
        }
        QStringList cells;
        for (const std::string_view field : record.fields)
            cells << QString::fromUtf8(field.data(), qsizetype(field.size()));
        preview.rows << cells;
        preview.rowLines << record.line;
    }
}

} // namespace

QString sentence(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    if (!text.endsWith('.'))
        text += '.';
    return text;
}

QString describeCsvError(const lstm::CsvImportError& error, const std::vector<std::string>& names)
{
    QString where;
    if (error.line > 0)
        where = QStringLiteral("Line %1").arg(error.line);
    if (error.line > 0 && error.column > 0) {
        where += QStringLiteral(", column %1").arg(error.column);
        if (std::size_t(error.column) <= names.size())
            where += QStringLiteral(" (\u201c%1\u201d)").arg(QString::fromStdString(names[std::size_t(error.column) - 1]));
    }
    const QString reason = QString::fromStdString(error.reason);
    QString what;
    if (!error.text.empty())
        what = QStringLiteral("\u201c%1\u201d %2").arg(QString::fromStdString(lstm::printable(error.text)), reason);
    else if (reason.startsWith(QLatin1String("is ")))
        what = QStringLiteral("an empty cell ") + reason;
    else
        what = reason;
    return where.isEmpty() ? sentence(what) : sentence(where + QStringLiteral(": ") + what);
}

CsvPreview previewCsv(const QString& path, const lstm::CsvImportOptions& options, int maxRows)
{
    CsvPreview preview;
    preview.path = path;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        preview.error = QStringLiteral("Cannot open %1: %2.").arg(path, file.errorString());
        return preview;
    }
    const QByteArray bytes = file.read(CsvPreview::previewBytes);
    preview.wholeFile = file.atEnd();
    std::string head = bytes.toStdString();
    if (!preview.wholeFile)
        head.resize(lastRecordEnd(head));
    const std::string name = QFileInfo(path).fileName().toStdString();
    lstm::CsvImportOptions sampleOptions = options;
    sampleOptions.progress = nullptr;
    const bool detectionComplete = preview.wholeFile && head.size() <= detectionBytes;
    const std::string_view sample = std::string_view(head).substr(0, detectionBytes);
    try {
        lstm::CsvOverrides onlyDelimiter;
        onlyDelimiter.delimiter = options.overrides.delimiter;
        const lstm::CsvLayout detected = lstm::detectLayout(name, sample, detectionComplete, onlyDelimiter);
        if (!detected.names.empty()) {
            preview.detected = detected.dialect;
            if (options.overrides.delimiter)
                preview.detected->delimiter = lstm::detectLayout(name, sample, detectionComplete, {}).dialect.delimiter;
        }
    } catch (const std::exception&) {
        // the import below says what is wrong
    }
    try {
        preview.layout = lstm::detectLayout(name, sample, detectionComplete, options.overrides);
        readRows(preview, name, head, maxRows);
        std::istringstream stream(head);
        lstm::CsvTable table = lstm::importCsv(stream, name, head.size(), sampleOptions);
        for (const lstm::CsvColumn& column : table.columns)
            preview.missing.push_back(column.missing);
        preview.rowsRead = table.fileRows;
        if (preview.wholeFile)
            preview.table = std::make_shared<const lstm::CsvTable>(std::move(table));
    } catch (const lstm::CsvImportError& error) {
        preview.error = describeCsvError(error, preview.layout.names);
        preview.errorLine = error.line;
        preview.errorColumn = error.column;
    } catch (const std::exception& error) { // an override that cannot apply
        preview.error = sentence(QString::fromUtf8(error.what()));
    }
    return preview;
}
