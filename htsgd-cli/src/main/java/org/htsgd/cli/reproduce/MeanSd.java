package org.htsgd.cli.reproduce;

import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.StandardDeviation;

/**
 * Mean and sample standard deviation of replications, as Table 2 reports them ("mean ± sd over replications").
 *
 * @param n number of values
 * @param mean \(\bar x = \frac{1}{n}\sum x_i\), NaN if {@code n = 0}
 * @param sd \(\sqrt{\frac{1}{n-1}\sum (x_i - \bar x)^2}\), NaN if {@code n < 2}
 */
record MeanSd(int n, double mean, double sd) {
    /**
     * @param values the values (Apache Commons Statistics computes both)
     * @return their mean and standard deviation
     */
    static MeanSd of(double... values) {
        double mean = values.length == 0 ? Double.NaN : Mean.of(values).getAsDouble();
        double sd = values.length < 2 ? Double.NaN : StandardDeviation.of(values).getAsDouble();
        return new MeanSd(values.length, mean, sd);
    }

    /**
     * @param digits decimals
     * @return {@code mean ± sd} with that many decimals, or only the mean if there are fewer than 2 values
     */
    String format(int digits) {
        return n < 2 ? Fmt.f(mean, digits) : Fmt.f(mean, digits) + " ± " + Fmt.f(sd, digits);
    }

    /** @return {@code mean ± sd} to 3 significant digits, or only the mean if there are fewer than 2 values */
    String formatSignificant() {
        return n < 2 ? Fmt.g3(mean) : Fmt.g3(mean) + " ± " + Fmt.g3(sd);
    }
}
