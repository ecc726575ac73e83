// How one CSV cell reads as a number: the missing-value markers (empty, NA, N/A, NaN, null,
// "-"), and numbers with a chosen decimal mark through std::from_chars (fast and the same in
// every locale). A reason for every refusal. Not dates (TimeColumn) nor whole columns.
#pragma once

#include <string_view>

namespace lstm {

// Empty (after trimming spaces), NA, N/A, NaN, null (any case) or a lone "-".
bool isMissingMarker(std::string_view cell);

enum class NumberStatus { Ok, NotANumber, WrongDecimalMark, OutOfRange, NotFinite };

struct NumberReading {
    NumberStatus status = NumberStatus::NotANumber;
    double value = 0;
};

// A decimal number such as "12.5", "-3", "+1e-3" or, with decimal ',', "12,5". Spaces around
// are allowed; thousands separators, hexadecimal, "inf" and text after the number are not.
NumberReading readNumber(std::string_view cell, char decimal);

// The sentence that ends an error message about the cell, e.g. "is not a number".
const char* numberProblem(NumberStatus status, char decimal);

std::string_view trimSpaces(std::string_view text);

} // namespace lstm
