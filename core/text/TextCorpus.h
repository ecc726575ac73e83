// Text as symbols for character-level models: strict UTF-8 decoding, a vocabulary of the
// Unicode code points a text uses (sorted, so the same text always gives the same ids), and
// the text as symbol ids. One symbol is one code point: no normalisation, no tokenizer, no
// line-ending conversion. Not the data set (TextDataset) nor sampling (TextSampler).
//
// Size legend: V = vocabulary size, N = code points in the text.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lstm {

// Invalid UTF-8 (with its byte offset), an unknown character, an unreadable or empty file.
class TextError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Strict UTF-8 to code points: overlong forms, surrogates, values above U+10FFFF, stray
// continuation bytes and truncated sequences are refused with a TextError that names the
// byte offset of the offending sequence's first byte and the bytes found there.
std::u32string decodeUtf8(std::string_view text);
std::string encodeUtf8(char32_t codePoint);
std::string encodeUtf8(std::u32string_view text);
// How a character reads in a message: 'a' (U+0061), '\n' (U+000A).
std::string describeCodePoint(char32_t codePoint);

class Vocabulary {
public:
    Vocabulary() = default;
    // The distinct code points of a text, in ascending code point order.
    static Vocabulary fromText(std::u32string_view text);
    // From the names a model stores (ModelConfig::vocabulary), in the model's own id order;
    // throws TextError unless each name is exactly one code point and no name repeats.
    static Vocabulary fromNames(const std::vector<std::string>& names);

    int size() const { return static_cast<int>(m_symbols.size()); }
    char32_t symbol(int id) const { return m_symbols[size_t(id)]; }
    std::optional<int> find(char32_t codePoint) const;
    // One UTF-8 string per id: what DataShape::vocabulary and ModelConfig::vocabulary hold.
    std::vector<std::string> names() const;

    // Throws TextError naming the first character that is not in the vocabulary and its
    // position (in characters); `what` says whose text it is, e.g. "the prompt".
    std::vector<int> encode(std::u32string_view text, std::string_view what = "the text") const;
    std::string decode(std::span<const int> ids) const;

private:
    std::vector<char32_t> m_symbols;                // (V) code point of each id
    std::vector<std::pair<char32_t, int>> m_lookup; // (V) (code point, id), sorted by code point
};

class TextCorpus {
public:
    // Decodes the text and builds its vocabulary. Throws TextError for invalid UTF-8 or an
    // empty text. A leading UTF-8 byte order mark is not part of the text and is dropped.
    explicit TextCorpus(std::string_view utf8);

    const Vocabulary& vocabulary() const { return m_vocabulary; }
    const std::vector<int>& symbols() const { return m_symbols; } // (N) the text as ids
    int length() const { return static_cast<int>(m_symbols.size()); }

private:
    Vocabulary m_vocabulary;
    std::vector<int> m_symbols;
};

// Larger files are refused before reading: a corpus takes about 8 bytes per character.
inline constexpr std::uintmax_t maxTextFileBytes = 64 * 1024 * 1024;

// Reads a UTF-8 text file the user picked. Throws TextError naming the file when it is
// missing, unreadable or a folder, empty, larger than maxTextFileBytes, or not valid UTF-8
// (with the byte offset).
TextCorpus loadTextFile(const std::string& path);

} // namespace lstm
