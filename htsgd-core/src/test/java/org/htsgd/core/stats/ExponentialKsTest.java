package org.htsgd.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.inference.PValueMethod;
import org.junit.jupiter.api.Test;

/** KS test of scaled samples against Exp(1). */
class ExponentialKsTest {
    private static double[] exponential(long seed, double mean, int n) {
        final UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        final ZigguratSampler.Exponential s = ZigguratSampler.Exponential.of(rng, mean);
        final double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = s.sample();
        }
        return x;
    }

    /** Correctly scaled Exp(mean) samples pass (p > 1e-3: false alarm 1e-3); mis-scaled ones are rejected. */
    @Test
    void acceptsTheRightScaleAndRejectsAWrongOne() {
        final double mean = 3.7e4; // e.g. an exit time 1/(q lambda(eta)) in steps
        final double[] t = exponential(1, mean, 1000);
        final ExponentialKs right = ExponentialKs.test(t, 1 / mean);
        assertTrue(right.pValue() > 1e-3, right::toString);
        assertFalse(right.reject(1e-3));
        assertEquals(1000, right.n());
        // Scale off by 2: sup |e^-t - e^-2t| = 1/4, which is 7.9/sqrt(n) for n = 1000: p is astronomically small.
        final ExponentialKs wrong = ExponentialKs.test(t, 2 / mean);
        assertTrue(wrong.pValue() < 1e-10, wrong::toString);
        assertTrue(wrong.reject(0.05));
        assertEquals(0.25, wrong.statistic(), 4 / Math.sqrt(1000));
    }

    /** The statistic is the sup distance; exact and asymptotic p-values agree for moderate n. */
    @Test
    void statisticAndPValueMethods() {
        final double[] t = exponential(2, 1, 200);
        final ExponentialKs exact = ExponentialKs.test(t, 1, PValueMethod.EXACT);
        final ExponentialKs asymptotic = ExponentialKs.test(t, 1, PValueMethod.ASYMPTOTIC);
        assertEquals(exact.statistic(), asymptotic.statistic());
        assertEquals(exact.pValue(), asymptotic.pValue(), 0.05);
        // Direct sup distance.
        final double[] sorted = t.clone();
        java.util.Arrays.sort(sorted);
        double d = 0;
        for (int i = 0; i < sorted.length; i++) {
            final double f = 1 - Math.exp(-sorted[i]);
            d = Math.max(d, Math.max((i + 1.0) / sorted.length - f, f - (double) i / sorted.length));
        }
        assertEquals(d, exact.statistic(), 1e-12);
        assertEquals(exact.pValue(), ExponentialKs.test(t).pValue(), 1e-15);
    }

    @Test
    void invalidInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ExponentialKs.test(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> ExponentialKs.test(new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> ExponentialKs.test(new double[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> ExponentialKs.test(new double[] {1}, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> ExponentialKs.test(new double[] {1}).reject(0));
    }
}
