// Command-line options of one lstm-lab-cli command: declared with a help line, parsed
// from argv, read back typed and range-checked. Any mistake throws UsageError, which the
// CLI turns into a one-line message and exit status 2. Not a general-purpose parser.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace cli {

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Arguments {
public:
    explicit Arguments(std::string command) : m_command(std::move(command)) {}

    // Declaration: an option taking a value (with its default, "" for none) or a flag.
    Arguments& option(const std::string& name, const std::string& valueName, const std::string& defaultValue,
                      const std::string& help);
    Arguments& flag(const std::string& name, const std::string& help);

    void parse(const std::vector<std::string>& words); // throws UsageError
    std::string usage() const;

    bool has(const std::string& name) const;   // given on the command line, or a flag set
    std::string text(const std::string& name) const;
    std::string requiredText(const std::string& name) const;
    int integer(const std::string& name, int low, int high) const;
    double number(const std::string& name, double low, double high) const;
    bool helpRequested() const { return m_help; }

private:
    struct Spec {
        std::string valueName; // empty for a flag
        std::string defaultValue;
        std::string help;
    };
    const Spec& spec(const std::string& name) const;

    std::string m_command;
    std::vector<std::string> m_order;
    std::map<std::string, Spec> m_specs;
    std::map<std::string, std::string> m_values;
    bool m_help = false;
};

} // namespace cli
