package org.htsgd.train.sharpness;

/**
 * The outcome of a {@link SearchSettings} binary search.
 *
 * @param radius the radius returned (\(\sigma'\) or \(\alpha'\)): the last midpoint evaluated
 * @param displacement the rise \(D\) of the target quantity at that radius
 * @param displacementStandardError its Monte Carlo standard error (0 where the rise is not a Monte Carlo mean)
 * @param lower the final lower end of the bracket
 * @param upper the final upper end of the bracket
 * @param steps bisection steps taken
 * @param withinTolerance whether the search stopped because \(|D - \text{displacement}| < \text{tolerance}\)
 */
public record RadiusSearch(double radius, double displacement, double displacementStandardError, double lower,
                           double upper, int steps, boolean withinTolerance) {

    /** The rise of the target quantity at a radius. */
    @FunctionalInterface
    interface Rise {
        /** @param radius r @return \(D(r)\) with its standard error */
        MonteCarloEstimate at(double radius);
    }

    /** With {@link SearchSettings#refine()}: the search goes on until the bracket is this narrow relative to its top. */
    static final double RELATIVE_WIDTH = 0x1p-7;
    /** With {@link SearchSettings#refine()}: the most steps beyond {@code depth}. */
    static final int MAX_EXTRA_STEPS = 60;

    /**
     * Runs the search: up to {@code depth} bisection steps of [0, {@code upper}] as in the reference code. Those have
     * an absolute resolution of {@code upper / 2^depth}, which is coarse for small radii (LeNet's maximal-sharpness
     * radius is about 0.002, the resolution of depth 10 on [0, 2]: the result is then quantised to a factor 2, and
     * different models read the same value). With {@link SearchSettings#refine()} the bisection therefore goes on,
     * unless a rise was within tolerance, until the bracket [lo, hi] is narrower than {@link #RELATIVE_WIDTH} of hi
     * (at most {@link #MAX_EXTRA_STEPS} more steps; while lo = 0 this halves the radius), so every radius is found
     * to about 1% whatever its size.
     *
     * @param s settings
     * @param rise \(D(r)\)
     * @param afterStep called with the number of steps done after each evaluation
     * @return the result
     */
    static RadiusSearch run(SearchSettings s, Rise rise, java.util.function.IntConsumer afterStep) {
        Bisection b = new Bisection(s, rise, afterStep, s.upper());
        b.bisect(s.depth());
        if (s.refine()) {
            for (int i = 0; i < MAX_EXTRA_STEPS && !b.within && b.hi - b.lo > RELATIVE_WIDTH * b.hi; i++) {
                b.evaluate(0.5 * (b.lo + b.hi));
            }
        }
        return new RadiusSearch(b.r, b.last.mean(), b.last.standardError(), b.lo, b.hi, b.steps, b.within);
    }

    /** The mutable state of one search. */
    private static final class Bisection {
        private final SearchSettings s;
        private final Rise rise;
        private final java.util.function.IntConsumer afterStep;
        private double lo;
        private double hi;
        private double r;
        private MonteCarloEstimate last;
        private int steps;
        private boolean within;

        Bisection(SearchSettings s, Rise rise, java.util.function.IntConsumer afterStep, double upper) {
            this.s = s;
            this.rise = rise;
            this.afterStep = afterStep;
            this.hi = upper;
        }

        /** @param maxSteps midpoints to evaluate at most (fewer if one is within tolerance) */
        void bisect(int maxSteps) {
            for (int i = 0; i < maxSteps && !within; i++) {
                evaluate(0.5 * (lo + hi));
            }
        }

        /** Evaluates the rise at a radius inside the bracket and shrinks the bracket. */
        void evaluate(double radius) {
            r = radius;
            last = rise.at(r);
            steps++;
            afterStep.accept(steps);
            if (Math.abs(last.mean() - s.displacement()) < s.tolerance()) {
                within = true;
            } else if (!(last.mean() <= s.displacement())) {
                // too much perturbation (a NaN rise, e.g. an overflowing loss, counts as too much)
                hi = r;
            } else {
                lo = r;
            }
        }
    }
}
