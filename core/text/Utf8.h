// UTF-8 validation for imported text: where the first invalid byte is, with an ASCII fast
// path so that validating a whole file costs little. Not a decoder or a transcoder.
#pragma once

#include <cstddef>
#include <string_view>

namespace lstm {

// Bytes of the well-formed UTF-8 sequence at the start of text (1 to 4), 0 when it is not
// one (overlong forms, surrogates and code points above U+10FFFF are not).
size_t validUtf8SequenceLength(std::string_view text);

// Offset of the first byte that is not part of well-formed UTF-8, or npos.
size_t firstInvalidUtf8(std::string_view text);

// True when every byte is ASCII and none is NUL: the common case, checked a word at a time.
bool plainAscii(std::string_view text);

} // namespace lstm
