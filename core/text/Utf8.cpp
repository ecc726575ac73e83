#include "text/Utf8.h"

#include <cstdint>
#include <cstring>

namespace lstm {

size_t validUtf8SequenceLength(std::string_view text)
{
    if (text.empty())
        return 0;
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(0);
    if (lead < 0x80)
        return 1;
    // Table 3-7 of the Unicode standard: the allowed range of the second byte depends on the lead.
    size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;  // no overlong forms
        high = lead == 0xED ? 0x9F : 0xBF; // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;  // no overlong forms
        high = lead == 0xF4 ? 0x8F : 0xBF; // nothing above U+10FFFF
    } else {
        return 0;
    }
    if (text.size() < length || byte(1) < low || byte(1) > high)
        return 0;
    for (size_t k = 2; k < length; ++k)
        if (byte(k) < 0x80 || byte(k) > 0xBF)
            return 0;
    return length;
}

size_t firstInvalidUtf8(std::string_view text)
{
    size_t k = 0;
    while (k < text.size()) {
        const size_t length = validUtf8SequenceLength(text.substr(k));
        if (length == 0)
            return k;
        k += length;
    }
    return std::string_view::npos;
}

bool plainAscii(std::string_view text)
{
    constexpr std::uint64_t highBits = 0x8080808080808080ull;
    constexpr std::uint64_t ones = 0x0101010101010101ull;
    size_t k = 0;
    for (; k + 8 <= text.size(); k += 8) {
        std::uint64_t word;
        std::memcpy(&word, text.data() + k, 8);
        // A byte is zero or has its high bit set exactly when this leaves its high bit set.
        if (((word - ones) | word) & highBits)
            return false;
    }
    for (; k < text.size(); ++k)
        if (text[k] == 0 || static_cast<unsigned char>(text[k]) >= 0x80)
            return false;
    return true;
}

} // namespace lstm
