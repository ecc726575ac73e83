// How a session's CSV options are written as text, the same in the session file and on the
// command line, and the same as lstm-lab-cli spells them: "tab", "dmy", "forward-fill"...
// Spellings and their parsing only; not which options exist (SessionArguments.cpp).
#pragma once

#include "csv/CsvImport.h"

#include <QString>

#include <optional>

QString delimiterText(char delimiter);                    // "," ";" "|" or "tab"
std::optional<char> parseDelimiter(const QString& text);  // also "\t" and a real tab
QString decimalText(char decimal);                        // "." or ","
std::optional<char> parseDecimal(const QString& text);
QString dateOrderText(lstm::DateOrder order);             // "dmy" or "mdy"
std::optional<lstm::DateOrder> parseDateOrder(const QString& text);
QString missingText(lstm::MissingPolicy policy);          // lstm::missingPolicyName's
// Any policy the core knows, "keep" included: whether a session may train with it is for
// the caller to say (trainsWith in SessionSettings.h).
std::optional<lstm::MissingPolicy> parseMissing(const QString& text);
