#include "CsvArguments.h"

namespace cli {

namespace {

std::optional<char> delimiterOption(const Arguments& args)
{
    if (!args.has("delimiter"))
        return std::nullopt;
    const std::string text = args.text("delimiter");
    if (text == "tab" || text == "\\t" || text == "\t")
        return '\t';
    if (text == "," || text == ";" || text == "|")
        return text[0];
    throw UsageError("--delimiter must be \",\", \";\", tab or \"|\", got \"" + text + "\"");
}

std::optional<char> decimalOption(const Arguments& args)
{
    if (!args.has("decimal"))
        return std::nullopt;
    const std::string text = args.text("decimal");
    if (text != "." && text != ",")
        throw UsageError("--decimal must be \".\" or \",\", got \"" + text + "\"");
    return text[0];
}

std::optional<lstm::DateOrder> dateOrderOption(const Arguments& args)
{
    if (!args.has("date-order"))
        return std::nullopt;
    const std::string text = args.text("date-order");
    if (text != "dmy" && text != "mdy")
        throw UsageError("--date-order must be dmy or mdy, got \"" + text + "\"");
    return text == "dmy" ? lstm::DateOrder::DayFirst : lstm::DateOrder::MonthFirst;
}

lstm::MissingPolicy missingOption(const Arguments& args)
{
    const std::string text = args.text("missing");
    for (const auto policy : {lstm::MissingPolicy::Interpolate, lstm::MissingPolicy::ForwardFill,
                              lstm::MissingPolicy::DropRow, lstm::MissingPolicy::Keep})
        if (text == lstm::missingPolicyName(policy))
            return policy;
    throw UsageError("--missing must be interpolate, forward-fill, drop or keep, got \"" + text + "\"");
}

} // namespace

void declareCsvOptions(Arguments& args)
{
    args.option("delimiter", "X", "", "the field delimiter: \",\", \";\", tab or \"|\" (default: detected)")
        .option("decimal", "MARK", "", "the decimal mark: \".\" or \",\" (default: detected)")
        .flag("header", "the first row names the columns (default: detected)")
        .flag("no-header", "the first row is data (default: detected)")
        .option("date-order", "dmy|mdy", "", "how to read 01/02/2020 (default: detected, day first if unclear)")
        .option("time-column", "NAME", "", "the column that is the time axis, \"none\" for none (default: detected)")
        .option("missing", "POLICY", "interpolate", "missing values: interpolate, forward-fill, drop or keep");
}

lstm::CsvImportOptions csvImportOptions(const Arguments& args)
{
    if (args.has("header") && args.has("no-header"))
        throw UsageError("--header and --no-header contradict each other");
    lstm::CsvImportOptions options;
    options.overrides.delimiter = delimiterOption(args);
    options.overrides.decimal = decimalOption(args);
    options.overrides.dateOrder = dateOrderOption(args);
    if (args.has("header") || args.has("no-header"))
        options.overrides.header = args.has("header");
    if (args.has("time-column")) {
        const std::string name = args.text("time-column");
        options.overrides.timeColumn = name == "none" ? "" : name;
    }
    if (options.overrides.delimiter && options.overrides.delimiter == options.overrides.decimal)
        throw UsageError("--delimiter and --decimal cannot both be \",\"");
    options.missing = missingOption(args);
    return options;
}

} // namespace cli
