package org.htsgd.train.sharpness;

import org.htsgd.core.validation.Require;

/**
 * Expected sharpness (paper.md §4.4; Zhu et al. 2019, Neyshabur et al. 2017):
 * \[ S_\delta(\theta) = E_{\nu \sim N(0, \delta^2 I)} \, |L(\theta + \nu) - L(\theta)| \]
 * with L the mean training loss over the whole training set and \(\nu\) added to every weight (biases included).
 * Estimated by the mean over {@code samples} independent draws, with its standard error. The paper uses
 * \(\delta = 0.01\) and 100 samples.
 *
 * <p>At a minimum of a quadratic, \(L(\theta+\nu) - L(\theta) = \nu^\top H \nu / 2 \ge 0\), so
 * \(S_\delta = \delta^2\, \mathrm{tr}(H) / 2\).
 */
public final class ExpectedSharpness {
    private ExpectedSharpness() {
    }

    /**
     * @param delta \(\delta\), the standard deviation of each weight's perturbation
     * @param samples number of Monte Carlo draws
     */
    public record Config(double delta, int samples) {
        /**
         * @throws IllegalArgumentException if {@code !(delta > 0)} (or infinite) or {@code !(samples > 0)}
         */
        public Config {
            Require.finitePositive(delta, "delta");
            Require.positive(samples, "samples");
        }

        /** @return the paper's setting: \(\delta = 0.01\), 100 samples */
        public static Config paper() {
            return new Config(0.01, 100);
        }
    }

    /**
     * @param config the settings
     * @param seed the seed of the perturbation streams
     * @param baseLoss \(L(\theta)\)
     * @param sharpness \(E|L(\theta+\nu) - L(\theta)|\): mean and standard error
     * @param change \(E[L(\theta+\nu) - L(\theta)]\) (signed): mean and standard error
     */
    public record Result(Config config, long seed, double baseLoss, MonteCarloEstimate sharpness,
                         MonteCarloEstimate change) {
    }

    /**
     * Estimates the expected sharpness at the model's current weights, which are restored afterwards.
     *
     * @param objective the full training loss
     * @param config delta and samples
     * @param seed sample k uses stream (seed, EXPECTED, k)
     * @param progress called after each sample
     * @return the estimate
     */
    public static Result estimate(TrainingObjective objective, Config config, long seed, SharpnessProgress progress) {
        double[] absolute = new double[config.samples()];
        double[] signed = new double[config.samples()];
        try (SavedWeights weights = SavedWeights.of(objective.model())) {
            double base = objective.evaluate().loss();
            for (int k = 0; k < config.samples(); k++) {
                weights.gaussian(config.delta(), seed, Measure.EXPECTED, k);
                double change = objective.evaluate().loss() - base;
                signed[k] = change;
                absolute[k] = Math.abs(change);
                progress.update(Measure.EXPECTED, k + 1, config.samples());
            }
            return new Result(config, seed, base, MonteCarloEstimate.of(absolute), MonteCarloEstimate.of(signed));
        }
    }
}
