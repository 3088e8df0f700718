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

    /**
     * Halvings tried below the initial bracket before giving up: the radius is then reported as below
     * {@code upper} / 2^(depth + MAX_HALVINGS), with {@link #lower()} = 0.
     */
    static final int MAX_HALVINGS = 40;

    /**
     * Runs the search. When {@link SearchSettings#searchBelow()} is set and every midpoint of the {@code depth} bisection steps is too much (the radius lies below
     * {@code upper / 2^depth}, where a plain bisection would return that floor whatever the model), the search goes
     * on downwards: it halves the radius until one passes (at most {@link #MAX_HALVINGS} times), then bisects the
     * bracket [r, 2r] for up to {@code depth} more steps. So a very sharp model gets a measured radius, not the
     * resolution limit of the search.
     *
     * @param s settings
     * @param rise \(D(r)\)
     * @param afterStep called with the number of steps done after each evaluation
     * @return the result
     */
    static RadiusSearch run(SearchSettings s, Rise rise, java.util.function.IntConsumer afterStep) {
        Bisection b = new Bisection(s, rise, afterStep, s.upper());
        b.bisect(s.depth());
        if (s.searchBelow() && !b.within && b.lo == 0) {
            for (int i = 0; i < MAX_HALVINGS && !b.within && b.lo == 0; i++) {
                b.evaluate(0.5 * b.hi);
            }
            if (!b.within && b.lo > 0) {
                b.bisect(s.depth());
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
