// `lstm-lab-cli gradcheck`: finite differences against exact BPTT for every cell and option.
#include "Arguments.h"
#include "Commands.h"

#include "nn/GradientCheck.h"

#include <cstdio>
#include <iostream>

namespace cli {

int gradcheckCommand(const Words& words)
{
    Arguments args("gradcheck");
    args.option("seed", "N", "11", "seed for the random models and data")
        .option("tolerance", "E", "1e-6", "largest relative error that passes");
    args.parse(words);
    if (args.helpRequested()) {
        std::cout << "Checks every gradient against five-point finite differences in double.\n\n" << args.usage();
        return 0;
    }
    const auto seed = std::uint64_t(args.integer("seed", 0, 2'000'000'000));
    const double tolerance = args.number("tolerance", 0, 1);
    double worst = 0;
    std::string worstCase;
    for (const lstm::GradientCheckCase& gradientCase : lstm::standardGradientCases()) {
        const lstm::GradientCheckResult result = lstm::runGradientCase(gradientCase, seed);
        std::printf("%-44s %6ld values  worst relative error %.2e (%s)\n", gradientCase.name.c_str(), result.checked,
                    result.worstRelativeError, result.worstName.c_str());
        if (result.worstRelativeError >= worst) {
            worst = result.worstRelativeError;
            worstCase = gradientCase.name;
        }
    }
    std::printf("worst relative error %.2e in \"%s\": %s\n", worst, worstCase.c_str(),
                worst <= tolerance ? "pass" : "FAIL");
    return worst <= tolerance ? 0 : 1;
}

} // namespace cli
