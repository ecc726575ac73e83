#include "session/SessionSpellings.h"


QString delimiterText(char delimiter)
{
    return delimiter == '\t' ? QStringLiteral("tab") : QString(QChar::fromLatin1(delimiter));
}

std::optional<char> parseDelimiter(const QString& text)
{
    if (text == "tab" || text == "\\t" || text == "\t")
        return '\t';
    if (text == "," || text == ";" || text == "|")
        return text[0].toLatin1();
    return std::nullopt;
}

QString decimalText(char decimal)
{
    return QString(QChar::fromLatin1(decimal));
}

std::optional<char> parseDecimal(const QString& text)
{
    if (text == "." || text == ",")
        return text[0].toLatin1();
    return std::nullopt;
}

QString dateOrderText(lstm::DateOrder order)
{
    return order == lstm::DateOrder::DayFirst ? QStringLiteral("dmy") : QStringLiteral("mdy");
}

std::optional<lstm::DateOrder> parseDateOrder(const QString& text)
{
    if (text == "dmy")
        return lstm::DateOrder::DayFirst;
    if (text == "mdy")
        return lstm::DateOrder::MonthFirst;
    return std::nullopt;
}

QString missingText(lstm::MissingPolicy policy)
{
    return QString::fromLatin1(lstm::missingPolicyName(policy));
}

std::optional<lstm::MissingPolicy> parseMissing(const QString& text)
{
    for (const lstm::MissingPolicy policy : {lstm::MissingPolicy::Interpolate, lstm::MissingPolicy::ForwardFill,
                                             lstm::MissingPolicy::DropRow, lstm::MissingPolicy::Keep})
        if (text == missingText(policy))
            return policy;
    return std::nullopt;
}
