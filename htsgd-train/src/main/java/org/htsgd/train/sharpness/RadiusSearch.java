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
     * Runs the search.
     *
     * @param s settings
     * @param rise \(D(r)\)
     * @param afterStep called with the number of steps done after each evaluation
     * @return the result
     */
    static RadiusSearch run(SearchSettings s, Rise rise, java.util.function.IntConsumer afterStep) {
        double lo = 0;
        double hi = s.upper();
        double r = 0;
        MonteCarloEstimate last = null;
        int step = 0;
        boolean within = false;
        while (step < s.depth()) {
            r = 0.5 * (lo + hi);
            last = rise.at(r);
            step++;
            afterStep.accept(step);
            if (Math.abs(last.mean() - s.displacement()) < s.tolerance()) {
                within = true;
                break;
            } else if (!(last.mean() <= s.displacement())) {
                // too much perturbation (a NaN rise, e.g. an overflowing loss, counts as too much)
                hi = r;
            } else {
                lo = r;
            }
        }
        return new RadiusSearch(r, last.mean(), last.standardError(), lo, hi, step, within);
    }
}
