package org.htsgd.core.stats;

import java.util.Arrays;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Quantile;
import org.htsgd.core.validation.Require;

/**
 * A power law \(y \approx e^{a} x^{\beta}\) fitted by ordinary least squares of \(\log \bar y_i\) on
 * \(\log x_i\), where \(\bar y_i\) is the mean of the raw samples at \(x_i\) — e.g. mean first-exit times against
 * \(x = 1/\eta\), whose slope Theorem 1 predicts to be \(\beta = 1 + (\alpha - 1) l^*\) (ICLR 2022 eq. 8; §3.1,
 * Fig. 1 right).
 *
 * <p>Confidence interval: nonparametric percentile bootstrap. Each replicate resamples every sample array with
 * replacement (keeping its size), recomputes the means and refits; the interval is the \((1 \mp c)/2\) quantiles of
 * the replicate slopes. The same replicates give intervals for the local slopes
 * \(\beta_{i,i+1} = (\log \bar y_{i+1} - \log \bar y_i)/(\log x_{i+1} - \log x_i)\) between consecutive points (in
 * input order), which show how the asymptotics set in. Replicates draw from
 * {@code RandomSource.XO_RO_SHI_RO_128_PP.create(seed)}, so a seed reproduces the interval exactly.
 *
 * <p>Samples that were censored (a step cap) bias the means down; the caller decides whether to fit such points.
 *
 * @param x the abscissae \(x_i > 0\), in input order
 * @param means the sample means \(\bar y_i\)
 * @param sampleSizes the number of samples at each point
 * @param slope the least-squares slope \(\beta\) of \(\log \bar y\) on \(\log x\)
 * @param intercept the intercept \(a\)
 * @param ciLow lower end of the bootstrap interval for the slope
 * @param ciHigh upper end of the bootstrap interval for the slope
 * @param localSlopes the local slopes \(\beta_{i,i+1}\), length {@code x.length - 1}
 * @param localCiLow lower ends of the bootstrap intervals of the local slopes
 * @param localCiHigh upper ends of the bootstrap intervals of the local slopes
 * @param confidence the confidence level \(c\), e.g. 0.95
 * @param resamples the number of bootstrap replicates
 * @param seed the bootstrap seed
 */
public record LogLogFit(double[] x, double[] means, int[] sampleSizes, double slope, double intercept, double ciLow,
                        double ciHigh, double[] localSlopes, double[] localCiLow, double[] localCiHigh,
                        double confidence, int resamples, long seed) {
    /** Default number of bootstrap replicates. */
    public static final int DEFAULT_RESAMPLES = 2000;
    /** Default confidence level. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    /** Copies the arrays (records are immutable values). */
    public LogLogFit {
        x = x.clone();
        means = means.clone();
        sampleSizes = sampleSizes.clone();
        localSlopes = localSlopes.clone();
        localCiLow = localCiLow.clone();
        localCiHigh = localCiHigh.clone();
    }

    /**
     * Fits with {@value #DEFAULT_RESAMPLES} replicates and a 95% interval.
     *
     * @param x the abscissae, finite, {@code > 0}, pairwise distinct, at least 2
     * @param samples the raw samples at each abscissa, each array non-empty with finite values {@code > 0}
     * @param seed the bootstrap seed
     * @return the fit
     * @throws IllegalArgumentException if the input is invalid
     */
    public static LogLogFit fit(double[] x, double[][] samples, long seed) {
        return fit(x, samples, DEFAULT_RESAMPLES, DEFAULT_CONFIDENCE, seed);
    }

    /**
     * @param x the abscissae, finite, {@code > 0}, pairwise distinct, at least 2
     * @param samples the raw samples at each abscissa, each array non-empty with finite values {@code > 0}
     * @param resamples the number of bootstrap replicates, {@code >= 1}
     * @param confidence the confidence level, in (0, 1)
     * @param seed the bootstrap seed
     * @return the fit
     * @throws IllegalArgumentException if the input is invalid
     */
    public static LogLogFit fit(double[] x, double[][] samples, int resamples, double confidence, long seed) {
        validate(x, samples, resamples, confidence);
        final int m = x.length;
        final double[] logX = new double[m];
        final double[] means = new double[m];
        final int[] sizes = new int[m];
        for (int i = 0; i < m; i++) {
            logX[i] = Math.log(x[i]);
            means[i] = Mean.of(samples[i]).getAsDouble();
            sizes[i] = samples[i].length;
        }
        final double[] logMean = log(means);
        final SimpleRegression regression = new SimpleRegression();
        final double slope = slope(regression, logX, logMean);
        final double intercept = regression.getIntercept();
        final double[] local = localSlopes(logX, logMean, new double[m - 1]);

        // Bootstrap: replicate r resamples every array with replacement and refits.
        final UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        final double[] slopes = new double[resamples];
        final double[][] localReplicates = new double[m - 1][resamples];
        final double[] logMeanStar = new double[m];
        final double[] localStar = new double[m - 1];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < m; i++) {
                final double[] s = samples[i];
                double sum = 0;
                for (int j = 0; j < s.length; j++) {
                    sum += s[rng.nextInt(s.length)];
                }
                logMeanStar[i] = Math.log(sum / s.length);
            }
            slopes[r] = slope(regression, logX, logMeanStar);
            localSlopes(logX, logMeanStar, localStar);
            for (int i = 0; i < m - 1; i++) {
                localReplicates[i][r] = localStar[i];
            }
        }
        final double[] p = {(1 - confidence) / 2, (1 + confidence) / 2};
        final Quantile quantile = Quantile.withDefaults();
        final double[] ci = quantile.evaluate(slopes, p);
        final double[] localLow = new double[m - 1];
        final double[] localHigh = new double[m - 1];
        for (int i = 0; i < m - 1; i++) {
            final double[] q = quantile.evaluate(localReplicates[i], p);
            localLow[i] = q[0];
            localHigh[i] = q[1];
        }
        return new LogLogFit(x, means, sizes, slope, intercept, ci[0], ci[1], local, localLow, localHigh, confidence,
            resamples, seed);
    }

    /** @return whether {@code value} lies in the slope's bootstrap interval */
    public boolean covers(double value) {
        return ciLow <= value && value <= ciHigh;
    }

    /** @return the abscissae (a copy) */
    @Override
    public double[] x() {
        return x.clone();
    }

    /** @return the sample means (a copy) */
    @Override
    public double[] means() {
        return means.clone();
    }

    /** @return the sample sizes (a copy) */
    @Override
    public int[] sampleSizes() {
        return sampleSizes.clone();
    }

    /** @return the local slopes (a copy) */
    @Override
    public double[] localSlopes() {
        return localSlopes.clone();
    }

    /** @return the lower ends of the local slopes' intervals (a copy) */
    @Override
    public double[] localCiLow() {
        return localCiLow.clone();
    }

    /** @return the upper ends of the local slopes' intervals (a copy) */
    @Override
    public double[] localCiHigh() {
        return localCiHigh.clone();
    }

    /** {@inheritDoc} */
    @Override
    public boolean equals(Object o) {
        return o instanceof LogLogFit f && Arrays.equals(x, f.x) && Arrays.equals(means, f.means)
            && Arrays.equals(sampleSizes, f.sampleSizes) && Double.compare(slope, f.slope) == 0
            && Double.compare(intercept, f.intercept) == 0 && Double.compare(ciLow, f.ciLow) == 0
            && Double.compare(ciHigh, f.ciHigh) == 0 && Arrays.equals(localSlopes, f.localSlopes)
            && Arrays.equals(localCiLow, f.localCiLow) && Arrays.equals(localCiHigh, f.localCiHigh)
            && Double.compare(confidence, f.confidence) == 0 && resamples == f.resamples && seed == f.seed;
    }

    /** {@inheritDoc} */
    @Override
    public int hashCode() {
        return Arrays.hashCode(new double[] {slope, intercept, ciLow, ciHigh, confidence, resamples, seed})
            + 31 * Arrays.hashCode(x) + 961 * Arrays.hashCode(means);
    }

    /** @return the fit in one line */
    @Override
    public String toString() {
        return "LogLogFit[slope=" + slope + ", " + Math.round(confidence * 100) + "% CI=[" + ciLow + ", " + ciHigh
            + "], intercept=" + intercept + ", x=" + Arrays.toString(x) + ", means=" + Arrays.toString(means)
            + ", n=" + Arrays.toString(sampleSizes) + ", localSlopes=" + Arrays.toString(localSlopes)
            + ", resamples=" + resamples + ", seed=" + seed + "]";
    }

    private static double slope(SimpleRegression regression, double[] logX, double[] logY) {
        regression.clear();
        for (int i = 0; i < logX.length; i++) {
            regression.addData(logX[i], logY[i]);
        }
        return regression.getSlope();
    }

    private static double[] localSlopes(double[] logX, double[] logY, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (logY[i + 1] - logY[i]) / (logX[i + 1] - logX[i]);
        }
        return out;
    }

    private static double[] log(double[] v) {
        final double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.log(v[i]);
        }
        return out;
    }

    private static void validate(double[] x, double[][] samples, int resamples, double confidence) {
        if (x.length != samples.length) {
            throw new IllegalArgumentException("samples.length is not x.length = " + x.length + ": "
                + samples.length);
        }
        if (!(x.length >= 2)) {
            throw new IllegalArgumentException("number of points is not >= 2: " + x.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] > 0 && x[i] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("x[" + i + "] is not finite and > 0: " + x[i]);
            }
            for (int j = 0; j < i; j++) {
                if (x[j] == x[i]) {
                    throw new IllegalArgumentException("x[" + i + "] is not distinct from x[" + j + "]: " + x[i]);
                }
            }
            if (!(samples[i].length >= 1)) {
                throw new IllegalArgumentException("samples[" + i + "] is not non-empty: length "
                    + samples[i].length);
            }
            for (double y : samples[i]) {
                if (!(y > 0 && y < Double.POSITIVE_INFINITY)) {
                    throw new IllegalArgumentException("a sample at x[" + i + "] is not finite and > 0 (a log-log "
                        + "fit needs positive values): " + y);
                }
            }
        }
        Require.atLeast(resamples, 1, "resamples");
        Require.inOpenUnit(confidence, "confidence");
    }
}
