// Reads RFC 4180 records from a byte stream, a chunk at a time: quoted fields with
// delimiters, doubled quotes and line breaks inside, LF, CRLF or CR line ends, an optional
// UTF-8 byte order mark. Every field is checked to be UTF-8 without NUL bytes. Knows
// nothing of numbers, headers or types (CsvImport) nor which delimiter to use (CsvDetection).
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace lstm {

struct CsvRecord {
    std::vector<std::string_view> fields; // valid until the reader's next call
    int line = 0;                          // physical line where the record starts (1-based)
    bool blank = false;                    // an empty line, or one of spaces: one such unquoted field
};

struct CsvReaderSource {
    std::string file;       // as named in errors
    std::string prefix;     // bytes already read from the stream, read first
    std::istream* rest = nullptr; // the remaining bytes, or none
};

class CsvReader {
public:
    CsvReader(CsvReaderSource source, char delimiter); // throws CsvImportError on a UTF-16 file

    // The next record, false at the end of the input. Throws CsvImportError.
    bool next(CsvRecord& record);

    std::uint64_t bytesConsumed() const { return m_consumedBefore + m_begin; }
    bool hadByteOrderMark() const { return m_byteOrderMark; }
    std::string lineEnds() const; // "LF", "CRLF", "CR", mixtures as "LF+CR", or "none"

private:
    enum class Status { Complete, NeedMore };
    struct FieldSpan {
        size_t offset = 0; // into the buffer, or into m_unescaped when unescaped
        size_t length = 0;
        bool unescaped = false;
    };

    bool refill();
    Status parseRecord(size_t& position, int& lines);
    Status parseQuoted(size_t& position, int& lines, int line);
    Status parseUnquoted(size_t& position, int line);
    Status endOfLine(size_t& position, int& lines);
    void checkText(const CsvRecord& record, std::string_view raw) const;
    std::string_view fieldFrom(size_t position) const; // raw text up to the next delimiter or line end
    [[noreturn]] void fail(int line, int column, std::string_view text, const std::string& reason) const;

    std::string m_file;
    std::istream* m_stream = nullptr;
    char m_delimiter = ',';
    std::string m_buffer;
    size_t m_begin = 0; // first unread byte in m_buffer
    size_t m_end = 0;   // one past the last valid byte
    bool m_eof = false;
    std::uint64_t m_consumedBefore = 0; // bytes dropped from the front of the buffer
    int m_line = 1;
    bool m_byteOrderMark = false;
    bool m_seenLf = false, m_seenCrLf = false, m_seenCr = false;
    bool m_special[256] = {}; // the bytes that end an unquoted field
    std::vector<FieldSpan> m_spans;
    std::string m_unescaped; // quoted fields that contained doubled quotes
};

} // namespace lstm
