#include "worker/PredictionCurves.h"

#include "nn/FreeRun.h"

PredictionCurves PredictionCurves::of(const lstm::Dataset& data, lstm::Network<float>& network,
                                      const Eigen::MatrixXd& outputs, bool freeRun)
{
    PredictionCurves curves;
    const lstm::ModelConfig& model = network.config();
    if (model.output != lstm::OutputKind::Regression || model.outputAt != lstm::OutputAt::EveryStep)
        return curves;
    // Validation sequences are consecutive stretches of the series: lay them end to end.
    const lstm::SequenceBatch<double>& validation = data.validationSet();
    const int T = validation.steps, B = validation.batch;
    for (int b = 0; b < B; ++b)
        for (int t = 0; t < T; ++t) {
            const double x = double(b * T + t);
            curves.targets.append({x, data.toUserUnits(0, validation.targets(0, t * B + b))});
            curves.predictions.append({x, data.toUserUnits(0, outputs(0, t * B + b))});
        }
    if (freeRun && lstm::canFreeRun(network) && B > 1) {
        Eigen::MatrixXd primer(T, 1);
        for (int t = 0; t < T; ++t)
            primer(t, 0) = validation.inputs(0, t * B);
        const Eigen::MatrixXd run = lstm::freeRun(network, primer, (B - 1) * T);
        for (Eigen::Index t = 0; t < run.rows(); ++t)
            curves.freeRun.append({double(T + t), data.toUserUnits(0, run(t, 0))});
    }
    return curves;
}
