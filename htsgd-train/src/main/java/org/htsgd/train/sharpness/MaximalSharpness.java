package org.htsgd.train.sharpness;

import org.apache.commons.rng.UniformRandomProvider;
import org.htsgd.core.validation.Require;

/**
 * Maximal (worst-case) sharpness \(1/\alpha'^2\) (Jiang et al. 2020, eq. (52) "sharpness flatness"; paper.md
 * §4.6):
 * \[ \alpha' = \max\{\alpha : \max_{\|u\|_\infty \le \alpha} T(\theta + u) - T(\theta) \le \text{displacement}\} \]
 * with T the training error (or loss) over the whole training set, found by the {@link SearchSettings} bisection.
 *
 * <p>The inner maximum is approximated by projected sign-gradient ascent on the training <em>loss</em> (a smooth
 * surrogate when T is the error), as in Jiang et al.: start at \(u_0 = \alpha\, r\) with \(r\) uniform in
 * \([-1, 1]^d\) (the same r at every \(\alpha\) of the search: stream (seed, MAXIMAL, restart)), then
 * {@code ascentSteps} times \(u \leftarrow \mathrm{clip}_{[-\alpha,\alpha]}(u + \eta\,\mathrm{sign}\,\nabla L(\theta +
 * u))\) with \(\eta = \) {@code stepFraction}\(\cdot\alpha\). The maximum of T over all iterates and restarts is the
 * worst value found (a lower bound on the true maximum, so \(\alpha'\) is an upper bound on the exact radius).
 * A random start is needed because at a minimum \(\nabla L(\theta) = 0\) and a sign step from u = 0 does not move.
 *
 * <p>For a diagonal quadratic \(L = \frac12 \sum_i H_{ii}(\theta_i-\theta^*_i)^2\) at its minimum the worst point
 * of the box is a vertex, reached by the ascent, so with T = loss \(\alpha' = \sqrt{2\cdot\text{displacement}
 * /\sum_i H_{ii}}\).
 */
public final class MaximalSharpness {
    private MaximalSharpness() {
    }

    /**
     * @param search the bisection and target quantity
     * @param ascentSteps sign-gradient ascent steps per restart
     * @param stepFraction ascent step size as a fraction of \(\alpha\)
     * @param restarts independent random starts per evaluation
     */
    public record Config(SearchSettings search, int ascentSteps, double stepFraction, int restarts) {
        /**
         * @throws IllegalArgumentException if search is null, {@code !(ascentSteps > 0)}, stepFraction is not
         *     finite and positive, or {@code !(restarts > 0)}
         */
        public Config {
            Require.nonNull(search, "search");
            Require.positive(ascentSteps, "ascentSteps");
            Require.finitePositive(stepFraction, "stepFraction");
            Require.positive(restarts, "restarts");
        }

        /** @return Jiang et al. search settings, 10 ascent steps of alpha/4, one start */
        public static Config jiang() {
            return new Config(SearchSettings.jiang(), 10, 0.25, 1);
        }

        /** @param s search settings @return a copy with them */
        public Config withSearch(SearchSettings s) {
            return new Config(s, ascentSteps, stepFraction, restarts);
        }

        /** @param steps ascent steps @param fraction step size / alpha @return a copy with them */
        public Config withAscent(int steps, double fraction) {
            return new Config(search, steps, fraction, restarts);
        }
    }

    /**
     * @param config the settings
     * @param seed the seed of the random starts
     * @param baseValue \(T(\theta)\)
     * @param alpha \(\alpha'\)
     * @param sharpness \(1/\alpha'^2\)
     * @param search the bisection outcome (worst rise at \(\alpha'\), final bracket)
     */
    public record Result(Config config, long seed, double baseValue, double alpha, double sharpness,
                         RadiusSearch search) {
    }

    /**
     * Searches \(\alpha'\) at the model's current weights, which are restored afterwards.
     *
     * @param objective the full training objective
     * @param config settings
     * @param seed restart k uses stream (seed, MAXIMAL, k)
     * @param progress called after each evaluation of the worst rise
     * @return the result
     */
    public static Result estimate(TrainingObjective objective, Config config, long seed, SharpnessProgress progress) {
        int d = objective.dimension();
        double[] u = new double[d];
        double[] grad = new double[d];
        SearchSettings s = config.search();
        try (SavedWeights weights = SavedWeights.of(objective.model())) {
            double base = objective.value(s.quantity());
            RadiusSearch.Rise rise = alpha -> {
                double worst = Double.NEGATIVE_INFINITY;
                double eta = config.stepFraction() * alpha;
                for (int k = 0; k < config.restarts(); k++) {
                    UniformRandomProvider rng = Streams.of(seed, Measure.MAXIMAL, k);
                    for (int j = 0; j < d; j++) {
                        u[j] = alpha * (2 * rng.nextDouble() - 1);
                    }
                    weights.shift(u);
                    worst = Math.max(worst, objective.value(s.quantity()));
                    for (int step = 0; step < config.ascentSteps(); step++) {
                        objective.lossAndGradient(grad);
                        for (int j = 0; j < d; j++) {
                            u[j] = Math.max(-alpha, Math.min(alpha, u[j] + eta * Math.signum(grad[j])));
                        }
                        weights.shift(u);
                        // Math.max propagates NaN: an overflowing loss counts as the worst value
                        worst = Math.max(worst, objective.value(s.quantity()));
                    }
                }
                return new MonteCarloEstimate(worst - base, 0, 1);
            };
            RadiusSearch result = RadiusSearch.run(s, rise,
                    step -> progress.update(Measure.MAXIMAL, step, s.depth()));
            double alpha = result.radius();
            return new Result(config, seed, base, alpha, 1 / (alpha * alpha), result);
        }
    }
}
