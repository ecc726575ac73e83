#include "csv/CsvNumber.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

namespace lstm {

std::string_view trimSpaces(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

bool isMissingMarker(std::string_view cell)
{
    cell = trimSpaces(cell);
    if (cell.size() > 4)
        return false; // the common case, a number, leaves here or below without a comparison
    const auto equalsIgnoringCase = [&](std::string_view marker) {
        return std::equal(cell.begin(), cell.end(), marker.begin(), marker.end(),
                          [](char a, char b) { return (a | 0x20) == (b | 0x20); });
    };
    return cell.empty() || cell == "-" || equalsIgnoringCase("na") || equalsIgnoringCase("n/a") ||
           equalsIgnoringCase("nan") || equalsIgnoringCase("null");
}

namespace {

bool looksNumeric(std::string_view text)
{
    // from_chars also reads "inf", "nan" and "infinity": only digits, a sign, an exponent and
    // the decimal point may appear in the cells we accept.
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
    });
}

NumberReading parseDot(std::string_view text)
{
    NumberReading reading;
    if (text.empty() || !looksNumeric(text))
        return reading;
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, reading.value);
    if (stop != end)
        return reading;
    if (error == std::errc::result_out_of_range) {
        reading.status = NumberStatus::OutOfRange;
        return reading;
    }
    reading.status = error == std::errc() ? (std::isfinite(reading.value) ? NumberStatus::Ok : NumberStatus::NotFinite)
                                          : NumberStatus::NotANumber;
    return reading;
}

} // namespace

NumberReading readNumber(std::string_view cell, char decimal)
{
    cell = trimSpaces(cell);
    // from_chars takes no '+', but a leading plus is common in exported data.
    if (cell.size() > 1 && cell.front() == '+' && cell[1] != '-' && cell[1] != '+')
        cell.remove_prefix(1);
    const char other = decimal == ',' ? '.' : ',';
    if (cell.find(other) != std::string_view::npos) {
        // "1,5" in a file with a decimal point (or "1.5" with a decimal comma) may be a
        // thousands separator or the other convention: refuse rather than guess, but say which.
        std::string asOther(cell);
        std::replace(asOther.begin(), asOther.end(), ',', '.');
        const bool readsOtherwise = cell.find(decimal) == std::string_view::npos && parseDot(asOther).status == NumberStatus::Ok;
        return {readsOtherwise ? NumberStatus::WrongDecimalMark : NumberStatus::NotANumber, 0};
    }
    if (decimal == '.')
        return parseDot(cell);
    std::string withPoint(cell);
    std::replace(withPoint.begin(), withPoint.end(), ',', '.');
    return parseDot(withPoint);
}

const char* numberProblem(NumberStatus status, char decimal)
{
    switch (status) {
    case NumberStatus::Ok:
        return "is a number";
    case NumberStatus::WrongDecimalMark:
        return decimal == ',' ? "is not a number with this file's decimal comma (a point is not allowed)"
                              : "is not a number with this file's decimal point (a comma is not allowed)";
    case NumberStatus::OutOfRange:
        return "is out of the range of a double";
    case NumberStatus::NotFinite:
        return "is not a finite number";
    case NumberStatus::NotANumber:
        break;
    }
    return "is not a number";
}

} // namespace lstm
