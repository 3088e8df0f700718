package org.htsgd.cli.reproduce;

import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.BinomialTest;

/**
 * The paired comparison of two methods over replications that share their seed (Table 2: within a replication every
 * method starts from the same weights and sees the same corrupted labels, {@link Table2Plan#runSeed}): the
 * differences \(d_i = x_i - y_i\), their mean \(\bar d\) and sample standard deviation \(s_d\), the 95% t interval
 * \(\bar d \pm t_{0.975,\,n-1}\, s_d / \sqrt{n}\) (Student's t with \(n - 1\) degrees of freedom, Apache Commons
 * Statistics), and how many differences are positive and negative, with the exact sign test of their signs
 * ({@link #signTest}), which assumes nothing of the differences' distribution.
 *
 * @param n number of pairs
 * @param mean \(\bar d\), NaN if {@code n = 0}
 * @param sd \(s_d\), NaN if {@code n < 2}
 * @param lower lower end of the 95% interval, NaN if {@code n < 2}
 * @param upper upper end of the 95% interval, NaN if {@code n < 2}
 * @param positive number of \(d_i > 0\)
 * @param negative number of \(d_i < 0\)
 */
record PairedDifference(int n, double mean, double sd, double lower, double upper, int positive, int negative) {
    /** Confidence level of the interval. */
    static final double LEVEL = 0.95;

    /**
     * @param x the first method's values, one per replication
     * @param y the second method's values of the same replications, in the same order
     * @return the paired comparison of x against y
     * @throws IllegalArgumentException if the lengths differ
     */
    static PairedDifference of(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y are not paired: " + x.length + " vs " + y.length + " values");
        }
        double[] d = new double[x.length];
        int pos = 0;
        int neg = 0;
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i] - y[i];
            pos += d[i] > 0 ? 1 : 0;
            neg += d[i] < 0 ? 1 : 0;
        }
        MeanSd m = MeanSd.of(d);
        double lo = Double.NaN;
        double hi = Double.NaN;
        if (d.length >= 2) {
            double t = TDistribution.of(d.length - 1).inverseCumulativeProbability(0.5 + LEVEL / 2);
            double half = t * m.sd() / Math.sqrt(d.length);
            lo = m.mean() - half;
            hi = m.mean() + half;
        }
        return new PairedDifference(d.length, m.mean(), m.sd(), lo, hi, pos, neg);
    }

    /**
     * The one-sided exact sign test: among the \(m\) non-zero differences (ties dropped), the probability of at
     * least as many on the given side as observed if each side had probability 1/2, \(P(X \ge k)\) with
     * \(X \sim \mathrm{Bin}(m, 1/2)\) (Apache Commons Statistics' {@link BinomialTest}); e.g. 5 of 5:
     * \(1/32 = 0.031\).
     *
     * @param above the side: differences above 0 ({@code true}) or below ({@code false})
     * @return the p-value, 1 when every difference is 0
     */
    double signTest(boolean above) {
        int m = positive + negative;
        if (m == 0) {
            return 1;
        }
        return BinomialTest.withDefaults().with(AlternativeHypothesis.GREATER_THAN)
            .test(m, above ? positive : negative, 0.5).getPValue();
    }

    /** @return whether the interval exists ({@code n >= 2}) and lies entirely above 0 */
    boolean aboveZero() {
        return n >= 2 && lower > 0;
    }

    /** @return whether the interval exists ({@code n >= 2}) and lies entirely below 0 */
    boolean belowZero() {
        return n >= 2 && upper < 0;
    }

    /**
     * @param digits decimals
     * @param unit appended to the mean, e.g. {@code " pp"}, or empty
     * @return e.g. {@code -0.0030 (95% CI -0.0050 to -0.0010)}, the mean alone if there is no interval, "-" if no
     *     pairs
     */
    String format(int digits, String unit) {
        if (n == 0 || Double.isNaN(mean)) {
            return "-";
        }
        String signed = (mean > 0 ? "+" : "") + Fmt.f(mean, digits) + unit;
        return n < 2 ? signed
            : signed + " (95% CI " + Fmt.f(lower, digits) + " to " + Fmt.f(upper, digits) + ")";
    }
}
