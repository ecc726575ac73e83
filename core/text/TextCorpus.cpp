#include "text/TextCorpus.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace lstm {

namespace {

std::string hexBytes(std::string_view text, size_t offset, size_t count)
{
    std::string out;
    for (size_t k = offset; k < std::min(text.size(), offset + count); ++k) {
        char byte[8];
        std::snprintf(byte, sizeof byte, "%s0x%02X", out.empty() ? "" : " ", unsigned(static_cast<unsigned char>(text[k])));
        out += byte;
    }
    return out;
}

[[noreturn]] void invalidUtf8(std::string_view text, size_t offset, size_t length, const char* reason)
{
    throw TextError("invalid UTF-8 at byte offset " + std::to_string(offset) + ": " + reason + " (bytes " +
                    hexBytes(text, offset, std::max<size_t>(length, 1)) + ")");
}

bool isContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

} // namespace

std::u32string decodeUtf8(std::string_view text)
{
    std::u32string out;
    out.reserve(text.size());
    size_t k = 0;
    while (k < text.size()) {
        const auto lead = static_cast<unsigned char>(text[k]);
        if (lead < 0x80) {
            out.push_back(lead);
            ++k;
            continue;
        }
        size_t length = 0;     // bytes in the sequence
        char32_t minimum = 0;  // the smallest code point that needs this many bytes
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            minimum = 0x80;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            minimum = 0x800;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            minimum = 0x10000;
        } else if (isContinuation(lead)) {
            invalidUtf8(text, k, 1, "a continuation byte without a lead byte");
        } else {
            invalidUtf8(text, k, 1, lead == 0xC0 || lead == 0xC1 ? "an overlong encoding" : "a byte that never occurs in UTF-8");
        }
        char32_t value = lead & (0x7Fu >> length); // the lead byte's payload bits
        for (size_t n = 1; n < length; ++n) {
            if (k + n >= text.size())
                invalidUtf8(text, k, n, "a sequence cut short by the end of the text");
            const auto byte = static_cast<unsigned char>(text[k + n]);
            if (!isContinuation(byte))
                invalidUtf8(text, k, n + 1, "a sequence cut short by a byte that is not a continuation");
            value = (value << 6) | (byte & 0x3Fu);
        }
        if (value < minimum)
            invalidUtf8(text, k, length, "an overlong encoding");
        if (value >= 0xD800 && value <= 0xDFFF)
            invalidUtf8(text, k, length, "a UTF-16 surrogate");
        if (value > 0x10FFFF)
            invalidUtf8(text, k, length, "a code point above U+10FFFF");
        out.push_back(value);
        k += length;
    }
    return out;
}

std::string encodeUtf8(char32_t c)
{
    std::string out;
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
    return out;
}

std::string encodeUtf8(std::u32string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char32_t c : text)
        out += encodeUtf8(c);
    return out;
}

std::string describeCodePoint(char32_t c)
{
    std::string shown;
    switch (c) {
    case U'\n': shown = "\\n"; break;
    case U'\r': shown = "\\r"; break;
    case U'\t': shown = "\\t"; break;
    default: shown = c < 0x20 || c == 0x7F ? "?" : encodeUtf8(c);
    }
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", unsigned(c));
    return "'" + shown + "' (" + code + ")";
}

Vocabulary Vocabulary::fromText(std::u32string_view text)
{
    std::vector<char32_t> symbols(text.begin(), text.end());
    std::sort(symbols.begin(), symbols.end());
    symbols.erase(std::unique(symbols.begin(), symbols.end()), symbols.end());
    Vocabulary out;
    out.m_symbols = std::move(symbols);
    for (int id = 0; id < out.size(); ++id)
        out.m_lookup.emplace_back(out.m_symbols[size_t(id)], id);
    return out;
}

Vocabulary Vocabulary::fromNames(const std::vector<std::string>& names)
{
    Vocabulary out;
    for (size_t id = 0; id < names.size(); ++id) {
        const std::u32string decoded = decodeUtf8(names[id]);
        if (decoded.size() != 1)
            throw TextError("vocabulary entry " + std::to_string(id) + " is \"" + names[id] +
                            "\", not exactly one character");
        out.m_symbols.push_back(decoded[0]);
        out.m_lookup.emplace_back(decoded[0], static_cast<int>(id));
    }
    std::sort(out.m_lookup.begin(), out.m_lookup.end());
    const auto repeat = std::adjacent_find(out.m_lookup.begin(), out.m_lookup.end(),
                                           [](const auto& a, const auto& b) { return a.first == b.first; });
    if (repeat != out.m_lookup.end())
        throw TextError("the vocabulary holds " + describeCodePoint(repeat->first) + " twice");
    return out;
}

std::optional<int> Vocabulary::find(char32_t codePoint) const
{
    const auto at = std::lower_bound(m_lookup.begin(), m_lookup.end(), codePoint,
                                     [](const auto& entry, char32_t c) { return entry.first < c; });
    if (at == m_lookup.end() || at->first != codePoint)
        return std::nullopt;
    return at->second;
}

std::vector<std::string> Vocabulary::names() const
{
    std::vector<std::string> out;
    out.reserve(m_symbols.size());
    for (char32_t c : m_symbols)
        out.push_back(encodeUtf8(c));
    return out;
}

std::vector<int> Vocabulary::encode(std::u32string_view text, std::string_view what) const
{
    std::vector<int> out;
    out.reserve(text.size());
    for (size_t k = 0; k < text.size(); ++k) {
        const std::optional<int> id = find(text[k]);
        if (!id)
            throw TextError(std::string(what) + " has " + describeCodePoint(text[k]) + " at character " +
                            std::to_string(k) + ", which is not in the vocabulary of " + std::to_string(size()) +
                            " characters");
        out.push_back(*id);
    }
    return out;
}

std::string Vocabulary::decode(std::span<const int> ids) const
{
    std::string out;
    out.reserve(ids.size());
    for (int id : ids) {
        if (id < 0 || id >= size())
            throw TextError("symbol id " + std::to_string(id) + " is outside the vocabulary of " +
                            std::to_string(size()) + " characters");
        out += encodeUtf8(m_symbols[size_t(id)]);
    }
    return out;
}

TextCorpus::TextCorpus(std::string_view utf8)
{
    if (utf8.starts_with("\xEF\xBB\xBF"))
        utf8.remove_prefix(3);
    const std::u32string text = decodeUtf8(utf8);
    if (text.empty())
        throw TextError("the text is empty");
    m_vocabulary = Vocabulary::fromText(text);
    m_symbols = m_vocabulary.encode(text);
}

TextCorpus loadTextFile(const std::string& path)
{
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored))
        throw TextError(path + ": is a folder, not a text file");
    if (const std::uintmax_t size = std::filesystem::file_size(path, ignored); !ignored && size > maxTextFileBytes)
        throw TextError(path + ": the file has " + std::to_string(size) + " bytes, more than the " +
                        std::to_string(maxTextFileBytes) + " a text corpus may have");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw TextError(path + ": cannot open the file (missing or unreadable)");
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad())
        throw TextError(path + ": reading the file failed");
    const std::string bytes = std::move(content).str();
    if (bytes.empty())
        throw TextError(path + ": the file is empty");
    try {
        return TextCorpus(bytes);
    } catch (const TextError& error) {
        throw TextError(path + ": " + error.what());
    }
}

} // namespace lstm
