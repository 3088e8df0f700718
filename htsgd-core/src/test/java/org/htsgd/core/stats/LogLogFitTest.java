package org.htsgd.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Log-log slope fit with bootstrap interval and local slopes. */
class LogLogFitTest {
    /** 1/eta for eta = 0.1, 0.05, 0.02, 0.01, 0.005. */
    private static final double[] X = {10, 20, 50, 100, 200};

    /** Exit-time-like data: at each x, n Exp samples with mean c x^beta (Theorem 1: scaled exit times are Exp(1)). */
    private static double[][] exponentialData(UniformRandomProvider rng, double c, double beta, int n) {
        final ZigguratSampler.Exponential e = ZigguratSampler.Exponential.of(rng);
        final double[][] samples = new double[X.length][n];
        for (int i = 0; i < X.length; i++) {
            final double mean = c * Math.pow(X[i], beta);
            for (int j = 0; j < n; j++) {
                samples[i][j] = mean * e.sample();
            }
        }
        return samples;
    }

    /** Standard error of the OLS slope when each log-mean has sd 1/sqrt(n) (Exp: coefficient of variation 1). */
    private static double slopeSe(int n) {
        double mean = 0;
        for (double x : X) {
            mean += Math.log(x) / X.length;
        }
        double sxx = 0;
        for (double x : X) {
            sxx += (Math.log(x) - mean) * (Math.log(x) - mean);
        }
        return 1 / Math.sqrt(n * sxx);
    }

    /**
     * Recovers beta = 1.4 (the paper's b = 0.5 exponent) within 4 standard errors (false alarm < 1e-4), the 95%
     * interval covers it and its half-width is 1.96 se to within 25% (bootstrap noise with 2000 replicates and the
     * delta approximation of the log-mean's sd).
     */
    @Test
    void recoversAKnownSlopeOnExponentialData() {
        final int n = 200;
        final double[][] samples = exponentialData(RandomSource.XO_RO_SHI_RO_128_PP.create(1), 3.0, 1.4, n);
        final LogLogFit fit = LogLogFit.fit(X, samples, 17);
        final double se = slopeSe(n);
        assertEquals(1.4, fit.slope(), 4 * se, fit::toString);
        assertTrue(fit.covers(1.4), fit::toString);
        assertEquals(1.96 * se, (fit.ciHigh() - fit.ciLow()) / 2, 0.25 * 1.96 * se, fit::toString);
        assertEquals(Math.log(3.0), fit.intercept(), 4 * se * 5 + 0.01);
        assertArrayEquals(new int[] {n, n, n, n, n}, fit.sampleSizes());
        assertEquals(4, fit.localSlopes().length);
        assertEquals(17, fit.seed());
        assertEquals(LogLogFit.DEFAULT_RESAMPLES, fit.resamples());
        for (int i = 0; i < 4; i++) {
            assertTrue(fit.localCiLow()[i] <= fit.localSlopes()[i] && fit.localSlopes()[i] <= fit.localCiHigh()[i]);
        }
    }

    /**
     * Coverage of the 95% interval over 200 independent data sets (500 replicates each): the number covering is
     * Binomial(200, ~0.95), mean 190, sd 3.1; we require >= 175 (about 5 sd below: false alarm < 1e-6 even if the
     * true coverage were 94%).
     */
    @Test
    void intervalHasNominalCoverage() {
        final UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2);
        int covered = 0;
        for (int rep = 0; rep < 200; rep++) {
            final LogLogFit fit = LogLogFit.fit(X, exponentialData(rng, 1.0, 1.2, 50), 500, 0.95, rep);
            if (fit.covers(1.2)) {
                covered++;
            }
        }
        assertTrue(covered >= 175, "covered " + covered + " of 200");
        assertTrue(covered <= 200);
    }

    /** On an exact power law every local slope is the exponent, and the interval collapses onto it. */
    @Test
    void localSlopesAreExactOnAnExactPowerLaw() {
        final double[][] samples = new double[X.length][];
        for (int i = 0; i < X.length; i++) {
            final double y = 2.5 * Math.pow(X[i], 1.7);
            samples[i] = new double[] {y, y, y};
        }
        final LogLogFit fit = LogLogFit.fit(X, samples, 100, 0.95, 1);
        assertEquals(1.7, fit.slope(), 1e-12);
        assertEquals(Math.log(2.5), fit.intercept(), 1e-12);
        assertEquals(1.7, fit.ciLow(), 1e-12);
        assertEquals(1.7, fit.ciHigh(), 1e-12);
        for (double s : fit.localSlopes()) {
            assertEquals(1.7, s, 1e-12);
        }
    }

    /** A broken power law (slope 1 then 2): the local slopes show the change, in input order. */
    @Test
    void localSlopesFollowInputOrder() {
        final double[] x = {1, 2, 4, 8, 16};
        final double[] y = {1, 2, 4, 16, 64};
        final double[][] samples = new double[5][];
        for (int i = 0; i < 5; i++) {
            samples[i] = new double[] {y[i]};
        }
        final double[] local = LogLogFit.fit(x, samples, 10, 0.95, 1).localSlopes();
        assertArrayEquals(new double[] {1, 1, 2, 2}, local, 1e-12);
        // Reversed input order: same slopes, reversed.
        final double[] xr = {16, 8, 4, 2, 1};
        final double[][] sr = {samples[4], samples[3], samples[2], samples[1], samples[0]};
        assertArrayEquals(new double[] {2, 2, 1, 1}, LogLogFit.fit(xr, sr, 10, 0.95, 1).localSlopes(), 1e-12);
    }

    @Test
    void sameSeedSameFitAndDefensiveCopies() {
        final double[][] samples = exponentialData(RandomSource.XO_RO_SHI_RO_128_PP.create(3), 1, 1.2, 30);
        final LogLogFit a = LogLogFit.fit(X, samples, 200, 0.9, 5);
        final LogLogFit b = LogLogFit.fit(X, samples, 200, 0.9, 5);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, LogLogFit.fit(X, samples, 200, 0.9, 6));
        a.x()[0] = -1;
        a.localSlopes()[0] = -1;
        assertEquals(10, a.x()[0]);
        assertEquals(b.localSlopes()[0], a.localSlopes()[0]);
    }

    @Test
    void invalidInputIsRejected() {
        final double[][] ok = {{1, 2}, {3, 4}};
        assertThrows(IllegalArgumentException.class, () -> LogLogFit.fit(new double[] {1}, new double[][] {{1}}, 1));
        assertThrows(IllegalArgumentException.class, () -> LogLogFit.fit(new double[] {1, 2, 3}, ok, 1));
        assertThrows(IllegalArgumentException.class, () -> LogLogFit.fit(new double[] {1, 1}, ok, 1));
        assertThrows(IllegalArgumentException.class, () -> LogLogFit.fit(new double[] {0, 1}, ok, 1));
        assertThrows(IllegalArgumentException.class, () -> LogLogFit.fit(new double[] {Double.NaN, 1}, ok, 1));
        assertThrows(IllegalArgumentException.class,
            () -> LogLogFit.fit(new double[] {1, 2}, new double[][] {{1}, {}}, 1));
        assertThrows(IllegalArgumentException.class,
            () -> LogLogFit.fit(new double[] {1, 2}, new double[][] {{1}, {0}}, 1));
        assertThrows(IllegalArgumentException.class, () -> LogLogFit.fit(new double[] {1, 2}, ok, 0, 0.95, 1));
        assertThrows(IllegalArgumentException.class, () -> LogLogFit.fit(new double[] {1, 2}, ok, 10, 1.0, 1));
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> LogLogFit.fit(new double[] {1, 2}, new double[][] {{1}, {-2}}, 1));
        assertEquals("a sample at x[1] is not finite and > 0 (a log-log fit needs positive values): -2.0",
            e.getMessage());
    }
}
