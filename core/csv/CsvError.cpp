#include "csv/CsvError.h"

#include "text/Utf8.h"

namespace lstm {

namespace {

std::string location(const std::string& file, int line, int column)
{
    std::string where = file;
    if (line > 0)
        where += ":" + std::to_string(line);
    if (line > 0 && column > 0)
        where += ":" + std::to_string(column);
    return where;
}

void appendHex(std::string& out, unsigned char byte)
{
    constexpr const char* digits = "0123456789ABCDEF";
    out += "\\x";
    out += digits[byte >> 4];
    out += digits[byte & 15];
}

} // namespace

CsvImportError::CsvImportError(std::string file_, int line_, int column_, std::string text_, const std::string& reason_,
                               bool quote)
    : std::runtime_error(location(file_, line_, column_) + ": " + (quote ? "\"" + printable(text_) + "\" " : "") +
                         reason_),
      file(std::move(file_)), line(line_), column(column_), text(std::move(text_)), reason(reason_)
{
}

std::string printable(std::string_view text, size_t limit)
{
    std::string out;
    size_t k = 0;
    while (k < text.size() && out.size() < limit) {
        const auto byte = static_cast<unsigned char>(text[k]);
        const size_t length = byte < 0x80 ? 1 : validUtf8SequenceLength(text.substr(k));
        if (byte == '"' || byte == '\\') {
            out += '\\';
            out += char(byte);
        } else if (byte < 0x20 || byte == 0x7f || length == 0) {
            appendHex(out, byte);
        } else {
            out.append(text.substr(k, length));
        }
        k += length ? length : 1;
    }
    if (k < text.size())
        out += "...";
    return out;
}

} // namespace lstm
