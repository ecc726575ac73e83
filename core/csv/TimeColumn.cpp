#include "csv/TimeColumn.h"

#include "csv/CsvNumber.h"

#include <chrono>
#include <cmath>
#include <cstdio>

namespace lstm {

namespace {

// A left-to-right reader of the fixed-format pieces of a date.
class Cursor {
public:
    explicit Cursor(std::string_view text) : m_text(text) {}

    bool done() const { return m_position == m_text.size(); }
    char peek() const { return done() ? '\0' : m_text[m_position]; }
    bool take(char c)
    {
        if (peek() != c)
            return false;
        ++m_position;
        return true;
    }
    // 1 to maxDigits decimal digits; how many were read in `count`.
    bool digits(int maxDigits, int& value, int& count)
    {
        value = 0;
        count = 0;
        while (count < maxDigits && peek() >= '0' && peek() <= '9') {
            value = value * 10 + (m_text[m_position++] - '0');
            ++count;
        }
        return count > 0;
    }
    bool exactDigits(int n, int& value)
    {
        int count = 0;
        return digits(n, value, count) && count == n;
    }

private:
    std::string_view m_text;
    size_t m_position = 0;
};

struct Civil {
    int year = 0, month = 0, day = 0;
    int hour = 0, minute = 0;
    double second = 0;
    int offsetMinutes = 0;
    bool hasTimeOfDay = false;
};

bool readDate(Cursor& in, DateOrder order, Civil& out)
{
    int a = 0, b = 0, c = 0, aDigits = 0, bDigits = 0, cDigits = 0;
    if (!in.digits(4, a, aDigits))
        return false;
    const char separator = in.peek();
    if ((separator != '-' && separator != '/' && separator != '.') || !in.take(separator) || !in.digits(2, b, bDigits) ||
        !in.take(separator) || !in.digits(4, c, cDigits))
        return false;
    if (aDigits == 4 && cDigits <= 2) { // year first: always year, month, day
        out = {a, b, c};
        return true;
    }
    if (aDigits > 2 || cDigits != 4)
        return false;
    out = order == DateOrder::DayFirst ? Civil{c, b, a} : Civil{c, a, b};
    return true;
}

bool readZone(Cursor& in, Civil& out)
{
    if (in.take('Z'))
        return true;
    const int sign = in.take('+') ? 1 : in.take('-') ? -1 : 0;
    if (sign == 0)
        return true; // no zone: UTC
    int hours = 0, minutes = 0;
    if (!in.exactDigits(2, hours))
        return false;
    if (!in.done()) {
        in.take(':'); // +01:00 and +0100 alike
        if (!in.exactDigits(2, minutes))
            return false;
    }
    out.offsetMinutes = sign * (hours * 60 + minutes);
    return hours <= 23 && minutes <= 59;
}

bool readTimeOfDay(Cursor& in, Civil& out)
{
    if (!in.take('T') && !in.take(' '))
        return in.done();
    int second = 0;
    if (!in.exactDigits(2, out.hour) || !in.take(':') || !in.exactDigits(2, out.minute))
        return false;
    if (in.take(':')) {
        if (!in.exactDigits(2, second))
            return false;
        out.second = second;
        if (in.take('.') || in.take(',')) {
            int fraction = 0, count = 0;
            if (!in.digits(9, fraction, count))
                return false;
            out.second += fraction / std::pow(10.0, count);
        }
    }
    out.hasTimeOfDay = true;
    return readZone(in, out) && in.done() && out.hour <= 23 && out.minute <= 59 && second <= 59;
}

} // namespace

std::optional<TimeReading> readTime(std::string_view cell, DateOrder order)
{
    Cursor in(trimSpaces(cell));
    Civil civil;
    if (!readDate(in, order, civil) || !readTimeOfDay(in, civil))
        return std::nullopt;
    using namespace std::chrono;
    const year_month_day date{year(civil.year), month(unsigned(civil.month)), day(unsigned(civil.day))};
    if (civil.year < 1 || !date.ok())
        return std::nullopt;
    const double days = double(sys_days(date).time_since_epoch().count());
    const double seconds = days * 86400 + civil.hour * 3600 + civil.minute * 60 + civil.second - civil.offsetMinutes * 60;
    return TimeReading{seconds, civil.hasTimeOfDay};
}

DateOrderEvidence dateOrderEvidence(std::string_view cell)
{
    return {readTime(cell, DateOrder::DayFirst).has_value(), readTime(cell, DateOrder::MonthFirst).has_value()};
}

const char* dateOrderName(DateOrder order)
{
    return order == DateOrder::DayFirst ? "day/month/year" : "month/day/year";
}

std::string formatTime(double seconds, bool withTimeOfDay)
{
    using namespace std::chrono;
    const auto whole = static_cast<long long>(std::floor(std::round(seconds) / 86400));
    const year_month_day date{sys_days(days(whole))};
    const long long secondOfDay = static_cast<long long>(std::round(seconds)) - whole * 86400;
    char text[48];
    if (withTimeOfDay)
        std::snprintf(text, sizeof text, "%04d-%02u-%02u %02lld:%02lld:%02lld", int(date.year()), unsigned(date.month()),
                      unsigned(date.day()), secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60);
    else
        std::snprintf(text, sizeof text, "%04d-%02u-%02u", int(date.year()), unsigned(date.month()), unsigned(date.day()));
    return text;
}

} // namespace lstm
