package org.htsgd.train.sharpness;

import org.htsgd.core.validation.Require;

/**
 * PAC-Bayes sharpness \(1/\sigma'^2\) (Jiang et al. 2020, "Fantastic generalization measures and where to find
 * them", ICLR 2020, eq. (53) "PAC-Bayes flatness"; paper.md §4.6):
 * \[ \sigma' = \max\{\sigma : E_{u \sim N(0, s(\sigma)^2 I)}[T(\theta + u)] - T(\theta) \le \text{displacement}\} \]
 * with T the training error (or loss, see {@link TargetQuantity}) over the whole training set, u added to every
 * weight, and \(s(\sigma) = \sigma\) by default ({@link PerturbationScale}; the reference code uses
 * \(s = \sigma^2\)). The expectation is a mean over {@code samples} draws; \(\sigma'\) is found by the
 * {@link SearchSettings} bisection.
 *
 * <p>Common random numbers: draw k is \(u_k = s(\sigma)\, z_k\) with \(z_k \sim N(0, I)\) from stream
 * (seed, PAC_BAYES, k), the same \(z_k\) at every \(\sigma\) of the search. The estimated rise is then a fixed
 * function of \(\sigma\) (monotone for a loss at a minimum), so the bisection is not confused by fresh noise at each
 * step (the reference code redraws). For the quadratic \(L = \frac12 (\theta-\theta^*)^\top H (\theta-\theta^*)\)
 * at its minimum with T = loss: \(E\,\Delta L = s^2\,\mathrm{tr} H / 2\), so \(\sigma' = \sqrt{2\cdot
 * \text{displacement}/\mathrm{tr} H}\).
 */
public final class PacBayesSharpness {
    private PacBayesSharpness() {
    }

    /**
     * @param search the bisection and target quantity
     * @param samples Monte Carlo draws per evaluation (Jiang et al. / reference code: 10)
     * @param scale how \(\sigma\) maps to the perturbation's standard deviation
     */
    public record Config(SearchSettings search, int samples, PerturbationScale scale) {
        /** @throws IllegalArgumentException if search or scale is null or {@code !(samples > 0)} */
        public Config {
            Require.nonNull(search, "search");
            Require.positive(samples, "samples");
            Require.nonNull(scale, "scale");
        }

        /** @return Jiang et al. settings (error, 0.1, [0, 2], depth 15, tol 1e-2, 10 samples), std = sigma */
        public static Config jiang() {
            return new Config(SearchSettings.jiang(), 10, PerturbationScale.SIGMA);
        }

        /** @param s search settings @return a copy with them */
        public Config withSearch(SearchSettings s) {
            return new Config(s, samples, scale);
        }

        /** @param m samples @return a copy with them */
        public Config withSamples(int m) {
            return new Config(search, m, scale);
        }

        /** @param sc perturbation scale convention @return a copy with it */
        public Config withScale(PerturbationScale sc) {
            return new Config(search, samples, sc);
        }
    }

    /**
     * @param config the settings
     * @param seed the seed of the perturbation streams
     * @param baseValue \(T(\theta)\)
     * @param sigma \(\sigma'\)
     * @param standardDeviation the perturbation standard deviation \(s(\sigma')\) at the result
     * @param sharpness \(1/\sigma'^2\)
     * @param search the bisection outcome (rise at \(\sigma'\) with its standard error, final bracket)
     */
    public record Result(Config config, long seed, double baseValue, double sigma, double standardDeviation,
                         double sharpness, RadiusSearch search) {
    }

    /**
     * Searches \(\sigma'\) at the model's current weights, which are restored afterwards.
     *
     * @param objective the full training objective
     * @param config settings
     * @param seed draw k uses stream (seed, PAC_BAYES, k)
     * @param progress called after each evaluation of the mean rise
     * @return the result
     */
    public static Result estimate(TrainingObjective objective, Config config, long seed, SharpnessProgress progress) {
        double[] values = new double[config.samples()];
        SearchSettings s = config.search();
        try (SavedWeights weights = SavedWeights.of(objective.model())) {
            double base = objective.value(s.quantity());
            RadiusSearch.Rise rise = sigma -> {
                double std = config.scale().standardDeviation(sigma);
                for (int k = 0; k < values.length; k++) {
                    weights.gaussian(std, seed, Measure.PAC_BAYES, k);
                    values[k] = objective.value(s.quantity()) - base;
                }
                return MonteCarloEstimate.of(values);
            };
            RadiusSearch result = RadiusSearch.run(s, rise,
                    step -> progress.update(Measure.PAC_BAYES, step, s.depth()));
            double sigma = result.radius();
            return new Result(config, seed, base, sigma, config.scale().standardDeviation(sigma),
                    1 / (sigma * sigma), result);
        }
    }
}
