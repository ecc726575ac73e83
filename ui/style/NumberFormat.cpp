#include "style/NumberFormat.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

const QChar minus(0x2212);

// NaN and the infinities, or an empty string for a finite value.
QString nonFinite(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("∞") : QString(minus) + QStringLiteral("∞");
    return {};
}

// A true minus for every hyphen, and no sign on a number that rounds to zero.
QString tidy(QString text)
{
    bool zero = true;
    for (QChar c : text)
        if (c.isDigit() && c != QLatin1Char('0'))
            zero = false;
        else if (c == QLatin1Char('e') || c == QLatin1Char('E'))
            break;
    if (zero && text.startsWith(QLatin1Char('-')))
        text.remove(0, 1);
    return text.replace(QLatin1Char('-'), minus);
}

// A positive magnitude as "1.2×10⁻⁵" with `decimals` digits after the point.
QString scientific(double magnitude, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*e", decimals, magnitude); // "1.2e-05"
    const std::string text = buffer;
    const size_t e = text.find('e');
    const int exponent = std::atoi(text.c_str() + e + 1);
    static const char16_t superscripts[] = u"⁰¹²³⁴⁵⁶⁷⁸⁹";
    QString power = exponent < 0 ? QStringLiteral("⁻") : QString();
    for (char d : std::to_string(std::abs(exponent)))
        power += QChar(superscripts[d - '0']);
    return QString::fromStdString(text.substr(0, e)) + QStringLiteral("×10") + power;
}

} // namespace

QString formatNumber(double value)
{
    if (!std::isfinite(value))
        return nonFinite(value);
    const double magnitude = std::abs(value);
    if (magnitude == 0)
        return QStringLiteral("0");
    char buffer[64];
    QString digits;
    if (magnitude >= 1e-3 && magnitude < 1e4) {
        // Three significant digits, but two decimals from 0.1 to 10 (0.70, 1.25, 12.5, 125);
        // the decade is the rounded number's, so 0.0099999 is 0.0100, not 0.01000.
        std::snprintf(buffer, sizeof buffer, "%.2e", magnitude);
        const int decade = std::atoi(std::strchr(buffer, 'e') + 1);
        const int decimals = decade >= 2 ? 0 : decade == 1 ? 1 : decade >= -1 ? 2 : 2 - decade;
        digits = QString::number(magnitude, 'f', decimals);
    } else {
        digits = scientific(magnitude, 1);
    }
    return value < 0 ? QString(minus) + digits : digits;
}

QString formatCompact(double value)
{
    const double magnitude = std::abs(value);
    if (!std::isfinite(value) || magnitude == 0 || (magnitude >= 1e-2 && magnitude < 1e3))
        return formatSignificant(value, 1);
    return (value < 0 ? QString(minus) : QString()) + scientific(magnitude, 0);
}

QString formatFixed(double value, int decimals)
{
    return std::isfinite(value) ? tidy(QString::number(value, 'f', decimals)) : nonFinite(value);
}

QString formatSignificant(double value, int digits)
{
    return std::isfinite(value) ? tidy(QString::number(value, 'g', digits)) : nonFinite(value);
}
