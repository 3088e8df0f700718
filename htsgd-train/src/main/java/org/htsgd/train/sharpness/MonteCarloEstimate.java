package org.htsgd.train.sharpness;

import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.htsgd.core.validation.Require;

/**
 * A Monte Carlo mean with its standard error \( s/\sqrt{m} \) (s the sample standard deviation, m samples).
 *
 * @param mean the sample mean
 * @param standardError the standard error of the mean (0 for a single sample)
 * @param samples m
 */
public record MonteCarloEstimate(double mean, double standardError, int samples) {
    /** @param x the samples (at least one) @return their mean and its standard error */
    static MonteCarloEstimate of(double[] x) {
        Require.positive(x.length, "samples");
        double se = x.length > 1 ? StandardDeviation.of(x).getAsDouble() / Math.sqrt(x.length) : 0;
        return new MonteCarloEstimate(Mean.of(x).getAsDouble(), se, x.length);
    }
}
