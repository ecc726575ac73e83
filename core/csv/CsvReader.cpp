#include "csv/CsvReader.h"

#include "csv/CsvError.h"
#include "text/Utf8.h"

#include <cstring>
#include <stdexcept>

namespace lstm {

namespace {

constexpr size_t chunkBytes = size_t(1) << 20;
// A record this long is almost surely a quote that is never closed; refusing it bounds memory.
constexpr size_t maxRecordBytes = size_t(16) << 20;

int lineBreaks(std::string_view text)
{
    int lines = 0;
    for (size_t k = 0; k < text.size(); ++k)
        lines += text[k] == '\n' || (text[k] == '\r' && (k + 1 == text.size() || text[k + 1] != '\n'));
    return lines;
}

} // namespace

CsvReader::CsvReader(CsvReaderSource source, char delimiter)
    : m_file(std::move(source.file)), m_stream(source.rest), m_delimiter(delimiter), m_buffer(std::move(source.prefix))
{
    if (delimiter == '"' || delimiter == '\n' || delimiter == '\r')
        throw std::invalid_argument("a CSV delimiter cannot be a quote or a line break");
    for (const char c : {delimiter, '\n', '\r', '"'})
        m_special[static_cast<unsigned char>(c)] = true;
    m_end = m_buffer.size();
    if (m_end < 3)
        refill();
    const std::string_view start(m_buffer.data(), m_end);
    if (start.starts_with("\xEF\xBB\xBF")) {
        m_byteOrderMark = true;
        m_begin = 3;
    } else if (start.starts_with("\xFF\xFE") || start.starts_with("\xFE\xFF")) {
        throw CsvImportError(m_file, 0, 0, {}, "the file is UTF-16 text; save it as UTF-8 (\"CSV UTF-8\" in spreadsheets)", false);
    }
}

bool CsvReader::refill()
{
    if (m_eof)
        return false;
    m_buffer.erase(0, m_begin);
    m_consumedBefore += m_begin;
    m_end -= m_begin;
    m_begin = 0;
    if (m_end >= maxRecordBytes)
        fail(m_line, 0, {}, "starts a record longer than 16 MiB: probably a quote that is never closed");
    if (!m_stream) {
        m_eof = true;
        return false;
    }
    m_buffer.resize(m_end + chunkBytes);
    m_stream->read(m_buffer.data() + m_end, std::streamsize(chunkBytes));
    const auto got = size_t(m_stream->gcount());
    m_end += got;
    m_buffer.resize(m_end);
    m_eof = got < chunkBytes;
    return got > 0;
}

bool CsvReader::next(CsvRecord& record)
{
    for (;;) {
        if (m_begin == m_end && !refill())
            return false;
        size_t position = m_begin;
        int lines = 0;
        if (parseRecord(position, lines) == Status::NeedMore) {
            refill(); // at the end of the input the record is parsed once more, as complete
            continue;
        }
        const std::string_view raw(m_buffer.data() + m_begin, position - m_begin);
        record.line = m_line;
        record.fields.resize(m_spans.size());
        for (size_t k = 0; k < m_spans.size(); ++k) {
            const FieldSpan& s = m_spans[k];
            record.fields[k] = std::string_view((s.unescaped ? m_unescaped.data() : m_buffer.data()) + s.offset, s.length);
        }
        // Spaces alone make a line blank too: editors leave them behind, and they hold no value.
        record.blank = m_spans.size() == 1 && (raw.empty() || raw.front() != '"') &&
                       record.fields[0].find_first_not_of(" \t") == std::string_view::npos;
        checkText(record, raw);
        m_line += lines;
        m_begin = position;
        return true;
    }
}

CsvReader::Status CsvReader::parseRecord(size_t& position, int& lines)
{
    m_spans.clear();
    m_unescaped.clear();
    const int line = m_line;
    for (;;) {
        const bool quoted = position < m_end && m_buffer[position] == '"';
        if ((quoted ? parseQuoted(position, lines, line) : parseUnquoted(position, line)) == Status::NeedMore)
            return Status::NeedMore;
        if (position < m_end && m_buffer[position] == m_delimiter) {
            ++position;
            continue;
        }
        return endOfLine(position, lines);
    }
}

CsvReader::Status CsvReader::parseUnquoted(size_t& position, int line)
{
    size_t p = position;
    while (p < m_end && !m_special[static_cast<unsigned char>(m_buffer[p])])
        ++p;
    if (p == m_end && !m_eof)
        return Status::NeedMore;
    if (p < m_end && m_buffer[p] == '"')
        fail(line, int(m_spans.size()) + 1, fieldFrom(position),
             "has a quote inside a field that does not start with one (RFC 4180 quotes whole fields)");
    m_spans.push_back({position, p - position, false});
    position = p;
    return Status::Complete;
}

CsvReader::Status CsvReader::parseQuoted(size_t& position, int& lines, int line)
{
    const size_t open = position;
    const size_t unescapedStart = m_unescaped.size();
    bool escaped = false;
    size_t segment = open + 1;
    for (size_t p = segment;;) {
        const void* found = p < m_end ? std::memchr(m_buffer.data() + p, '"', m_end - p) : nullptr;
        if (!found && !m_eof)
            return Status::NeedMore;
        if (!found)
            fail(line, int(m_spans.size()) + 1, std::string_view(m_buffer).substr(open, m_end - open),
                 "opens a quote that is never closed");
        const size_t quote = size_t(static_cast<const char*>(found) - m_buffer.data());
        if (quote + 1 == m_end && !m_eof)
            return Status::NeedMore; // a doubled quote may continue in the next chunk
        if (quote + 1 < m_end && m_buffer[quote + 1] == '"') {
            m_unescaped.append(m_buffer, segment, quote + 1 - segment);
            escaped = true;
            p = segment = quote + 2;
            continue;
        }
        if (escaped) {
            m_unescaped.append(m_buffer, segment, quote - segment);
            m_spans.push_back({unescapedStart, m_unescaped.size() - unescapedStart, true});
        } else {
            m_spans.push_back({open + 1, quote - open - 1, false});
        }
        lines += lineBreaks(std::string_view(m_buffer).substr(open, quote - open));
        position = quote + 1;
        const char after = position < m_end ? m_buffer[position] : m_delimiter;
        if (after != m_delimiter && after != '\n' && after != '\r')
            fail(line, int(m_spans.size()), fieldFrom(open), "has text after its closing quote");
        return Status::Complete;
    }
}

CsvReader::Status CsvReader::endOfLine(size_t& position, int& lines)
{
    if (position == m_end)
        return Status::Complete; // the last record, without a line end
    if (m_buffer[position] == '\n') {
        m_seenLf = true;
        ++position;
    } else { // '\r', alone or as CRLF
        if (position + 1 == m_end && !m_eof)
            return Status::NeedMore;
        const bool crlf = position + 1 < m_end && m_buffer[position + 1] == '\n';
        (crlf ? m_seenCrLf : m_seenCr) = true;
        position += crlf ? 2 : 1;
    }
    ++lines;
    return Status::Complete;
}

void CsvReader::checkText(const CsvRecord& record, std::string_view raw) const
{
    if (plainAscii(raw))
        return;
    for (size_t k = 0; k < record.fields.size(); ++k) {
        const std::string_view field = record.fields[k];
        if (field.find('\0') != std::string_view::npos)
            fail(record.line, int(k) + 1, field, "contains a NUL byte: this looks like a binary file, not CSV text");
        if (firstInvalidUtf8(field) != std::string_view::npos)
            fail(record.line, int(k) + 1, field, "is not valid UTF-8: save the file as UTF-8");
    }
}

std::string_view CsvReader::fieldFrom(size_t position) const
{
    size_t end = position + 1;
    while (end < m_end && m_buffer[end] != m_delimiter && m_buffer[end] != '\n' && m_buffer[end] != '\r')
        ++end;
    return std::string_view(m_buffer).substr(position, end - position);
}

std::string CsvReader::lineEnds() const
{
    std::string names;
    for (const auto& [seen, name] : {std::pair{m_seenLf, "LF"}, {m_seenCrLf, "CRLF"}, {m_seenCr, "CR"}})
        if (seen)
            names += (names.empty() ? "" : "+") + std::string(name);
    return names.empty() ? "none" : names;
}

[[noreturn]] void CsvReader::fail(int line, int column, std::string_view text, const std::string& reason) const
{
    constexpr size_t keep = 200; // enough to recognise the cell, never a whole file
    throw CsvImportError(m_file, line, column, std::string(text.substr(0, keep)), reason, !text.empty() || column > 0);
}

} // namespace lstm
