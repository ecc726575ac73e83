#include "Arguments.h"

#include <charconv>
#include <cmath>
#include <sstream>

namespace cli {

Arguments& Arguments::option(const std::string& name, const std::string& valueName, const std::string& defaultValue,
                             const std::string& help)
{
    m_order.push_back(name);
    m_specs[name] = {valueName, defaultValue, help};
    return *this;
}

Arguments& Arguments::flag(const std::string& name, const std::string& help)
{
    return option(name, "", "", help);
}

const Arguments::Spec& Arguments::spec(const std::string& name) const
{
    return m_specs.at(name);
}

void Arguments::parse(const std::vector<std::string>& words)
{
    for (size_t k = 0; k < words.size(); ++k) {
        std::string word = words[k];
        if (word == "--help" || word == "-h") {
            m_help = true;
            continue;
        }
        if (word.rfind("--", 0) != 0)
            throw UsageError("unexpected argument \"" + word + "\" (see lstm-lab-cli " + m_command + " --help)");
        std::string name = word.substr(2);
        std::string value;
        bool inlineValue = false;
        if (const auto equals = name.find('='); equals != std::string::npos) {
            value = name.substr(equals + 1);
            name = name.substr(0, equals);
            inlineValue = true;
        }
        const auto found = m_specs.find(name);
        if (found == m_specs.end())
            throw UsageError("unknown option --" + name + " for \"" + m_command + "\" (see lstm-lab-cli " + m_command +
                             " --help)");
        if (found->second.valueName.empty()) {
            if (inlineValue)
                throw UsageError("--" + name + " takes no value");
            m_values[name] = "1";
            continue;
        }
        if (!inlineValue) {
            if (k + 1 >= words.size())
                throw UsageError("--" + name + " needs a value (" + found->second.valueName + ")");
            value = words[++k];
        }
        m_values[name] = value;
    }
}

std::string Arguments::usage() const
{
    std::ostringstream out;
    out << "usage: lstm-lab-cli " << m_command << " [options]\n\noptions:\n";
    for (const std::string& name : m_order) {
        const Spec& s = spec(name);
        std::string left = "  --" + name + (s.valueName.empty() ? "" : " " + s.valueName);
        if (left.size() < 28)
            left.resize(28, ' ');
        out << left << ' ' << s.help;
        if (!s.defaultValue.empty())
            out << " (default " << s.defaultValue << ")";
        out << '\n';
    }
    return out.str();
}

bool Arguments::has(const std::string& name) const
{
    return m_values.count(name) > 0;
}

std::string Arguments::text(const std::string& name) const
{
    const auto found = m_values.find(name);
    return found != m_values.end() ? found->second : spec(name).defaultValue;
}

std::string Arguments::requiredText(const std::string& name) const
{
    const std::string value = text(name);
    if (value.empty())
        throw UsageError("--" + name + " is required");
    return value;
}

int Arguments::integer(const std::string& name, int low, int high) const
{
    const std::string value = requiredText(name);
    int result = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), result);
    if (error != std::errc() || end != value.data() + value.size() || result < low || result > high)
        throw UsageError("--" + name + " must be a whole number from " + std::to_string(low) + " to " +
                         std::to_string(high) + ", got \"" + value + "\"");
    return result;
}

double Arguments::number(const std::string& name, double low, double high) const
{
    const std::string value = requiredText(name);
    double result = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), result);
    if (error != std::errc() || end != value.data() + value.size() || !std::isfinite(result) || result < low ||
        result > high) {
        std::ostringstream range;
        range << low << " to " << high;
        throw UsageError("--" + name + " must be a number from " + range.str() + ", got \"" + value + "\"");
    }
    return result;
}

} // namespace cli
