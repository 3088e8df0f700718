package org.htsgd.core.stats;

import org.apache.commons.statistics.distribution.ExponentialDistribution;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.apache.commons.statistics.inference.PValueMethod;
import org.htsgd.core.validation.Require;

/**
 * One-sample two-sided Kolmogorov–Smirnov test of scaled samples \(c\,T_1, \dots, c\,T_n\) against
 * \(\mathrm{Exp}(1)\) — e.g. first-exit times scaled by \(c = q_i\,\lambda(\eta)\) (Theorem 1 of ICLR 2022: the
 * scaled exit time converges to Exp(1); Corollary 6 with \(c = q_i H(1/\eta)\) when unclipped). A thin wrapper of
 * commons-statistics' {@link KolmogorovSmirnovTest}.
 *
 * <p>The scale must be known in advance (from the theory); estimating it from the same data (e.g. \(c = 1/\bar T\))
 * makes the p-value conservative (Lilliefors).
 *
 * @param statistic the KS statistic \(D_n = \sup_t |F_n(t) - (1 - e^{-t})|\)
 * @param pValue the p-value
 * @param n the sample size
 * @param scale the factor \(c\) applied to the samples
 * @param method how the p-value was computed
 */
public record ExponentialKs(double statistic, double pValue, int n, double scale, PValueMethod method) {
    /** The Exp(1) law. */
    private static final ExponentialDistribution EXP1 = ExponentialDistribution.of(1);

    /**
     * @param scaled samples already scaled to be Exp(1) under the null, at least 1, no NaN
     * @return the test with {@code scale = 1} and the {@link PValueMethod#AUTO automatic} p-value
     */
    public static ExponentialKs test(double[] scaled) {
        return test(scaled, 1.0, PValueMethod.AUTO);
    }

    /**
     * @param samples raw samples, at least 1, no NaN
     * @param scale the factor \(c\), finite and {@code > 0}
     * @return the test of \(c\,T_i\) against Exp(1), automatic p-value
     */
    public static ExponentialKs test(double[] samples, double scale) {
        return test(samples, scale, PValueMethod.AUTO);
    }

    /**
     * @param samples raw samples, at least 1, no NaN
     * @param scale the factor \(c\), finite and {@code > 0}
     * @param method {@link PValueMethod#EXACT}, {@link PValueMethod#ASYMPTOTIC} or {@link PValueMethod#AUTO}
     * @return the test of \(c\,T_i\) against Exp(1)
     * @throws IllegalArgumentException if {@code samples} is empty or has NaN, or {@code scale} is out of range
     */
    public static ExponentialKs test(double[] samples, double scale, PValueMethod method) {
        Require.finitePositive(scale, "scale");
        if (!(samples.length >= 1)) {
            throw new IllegalArgumentException("number of samples is not >= 1: " + samples.length);
        }
        final double[] scaled = new double[samples.length];
        for (int i = 0; i < samples.length; i++) {
            if (Double.isNaN(samples[i])) {
                throw new IllegalArgumentException("sample " + i + " is not a number: NaN");
            }
            scaled[i] = scale * samples[i];
        }
        final KolmogorovSmirnovTest.OneResult r =
            KolmogorovSmirnovTest.withDefaults().with(method).test(scaled, EXP1::cumulativeProbability);
        return new ExponentialKs(r.getStatistic(), r.getPValue(), samples.length, scale, method);
    }

    /**
     * @param level the significance level, in (0, 0.5]
     * @return whether Exp(1) is rejected at that level ({@code pValue < level})
     */
    public boolean reject(double level) {
        if (!(level > 0 && level <= 0.5)) {
            throw new IllegalArgumentException("level is not in (0, 0.5]: " + level);
        }
        return pValue < level;
    }
}
