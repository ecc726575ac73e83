// Date and time cells: ISO 8601 dates and date-times (2020-12-31, 2020-12-31T23:59:30Z,
// 2020-12-31 23:59+01:00) and the day/month forms 31/12/2020, 31.12.2020, 31-12-2020, each
// optionally followed by a time, as seconds since 1970-01-01 UTC. Not time zones by name,
// two-digit years or month names.
//
// An ambiguous cell such as 01/02/2020 is read in one order for the whole column: month
// first only when some cell of the detection sample can only be month/day/year (13/..
// is impossible, ../13/.. occurs) and none can only be day/month/year; otherwise day first,
// the common form outside the United States. A later cell that does not fit the chosen order
// is an error, never silently swapped. CsvOptions::dateOrder overrides the choice.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lstm {

enum class DateOrder { DayFirst, MonthFirst };

struct TimeReading {
    double seconds = 0;        // since 1970-01-01T00:00:00Z; a time without a zone is taken as UTC
    bool hasTimeOfDay = false; // a time was written, not only a date
};

std::optional<TimeReading> readTime(std::string_view cell, DateOrder order);

// In which orders a cell reads as a date: both for ISO dates and ambiguous day/month forms.
struct DateOrderEvidence {
    bool dayFirst = false;
    bool monthFirst = false;
    bool isTime() const { return dayFirst || monthFirst; }
};
DateOrderEvidence dateOrderEvidence(std::string_view cell);

const char* dateOrderName(DateOrder order); // "day/month/year" or "month/day/year"

// "2020-12-31", or "2020-12-31 23:59:30" when withTimeOfDay (fractions of seconds rounded).
std::string formatTime(double seconds, bool withTimeOfDay);

} // namespace lstm
