package org.htsgd.train.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeavyTailedMultiplierTest {
    static final int SAMPLES = 20_000;

    static double[] draw(HeavyTailedMultiplier z, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = z.sample();
        }
        return x;
    }

    /**
     * KS test of 20,000 draws against the law's CDF. Under the null the p-value is uniform, so the false-alarm rate of
     * "p > 1e-3" is 1e-3 per case (seeded: the outcome is fixed). Power: the same draws against the other Pareto
     * variant's CDF must be rejected (p < 1e-10): a sampler of the wrong law fails.
     */
    @ParameterizedTest
    @CsvSource({"LOMAX, 0.5, 1.4, 1", "CLASSICAL, 0.5, 1.4, 2", "LOMAX, 2.0, 3.0, 3", "CLASSICAL, 1.0, 1.1, 4"})
    void passesKsAgainstItsLaw(ParetoVariant v, double c, double alpha, long seed) {
        HeavyTailedMultiplier z = HeavyTailedMultiplier.of(RandomSource.XO_RO_SHI_RO_128_PP.create(seed), c, alpha, v);
        double[] x = draw(z, SAMPLES);
        double p = KolmogorovSmirnovTest.withDefaults().test(x, z::cdf).getPValue();
        assertTrue(p > 1e-3, "KS p-value " + p);
        ParetoVariant other = v == ParetoVariant.LOMAX ? ParetoVariant.CLASSICAL : ParetoVariant.LOMAX;
        HeavyTailedMultiplier wrong = HeavyTailedMultiplier.of(RandomSource.XO_RO_SHI_RO_128_PP.create(0L), c, alpha, other);
        assertTrue(KolmogorovSmirnovTest.withDefaults().test(x, wrong::cdf).getPValue() < 1e-10);
        HeavyTailedMultiplier wrongAlpha = HeavyTailedMultiplier.of(
            RandomSource.XO_RO_SHI_RO_128_PP.create(0L), c, alpha * 1.2, v);
        assertTrue(KolmogorovSmirnovTest.withDefaults().test(x, wrongAlpha::cdf).getPValue() < 1e-3);
    }

    @Test
    void classicalIsLomaxPlusCOnTheSameStream() {
        HeavyTailedMultiplier l = HeavyTailedMultiplier.of(RandomSource.XO_RO_SHI_RO_128_PP.create(5L), 0.5, 1.4,
            ParetoVariant.LOMAX);
        HeavyTailedMultiplier c = HeavyTailedMultiplier.of(RandomSource.XO_RO_SHI_RO_128_PP.create(5L), 0.5, 1.4,
            ParetoVariant.CLASSICAL);
        for (int i = 0; i < 1000; i++) {
            double a = l.sample();
            double b = c.sample();
            assertTrue(a >= 0 && b >= 0.5);
            assertEquals(a + 0.5, b, 1e-12 * b);
        }
    }

    @Test
    void cdfClosedForm() {
        HeavyTailedMultiplier l = HeavyTailedMultiplier.of(RandomSource.XO_RO_SHI_RO_128_PP.create(5L), 0.5, 1.4,
            ParetoVariant.LOMAX);
        assertEquals(0, l.cdf(-1));
        assertEquals(0, l.cdf(0));
        assertEquals(1 - Math.pow(3, -1.4), l.cdf(1.0), 1e-15);
        assertEquals(0.5 / 0.4, l.mean(), 1e-15);
        HeavyTailedMultiplier c = l.withUniformRandomProvider(RandomSource.XO_RO_SHI_RO_128_PP.create(5L));
        assertEquals(l.cdf(2.0), c.cdf(2.0));
        HeavyTailedMultiplier p = HeavyTailedMultiplier.of(RandomSource.XO_RO_SHI_RO_128_PP.create(5L), 0.5, 1.4,
            ParetoVariant.CLASSICAL);
        assertEquals(0, p.cdf(0.5));
        assertEquals(1 - Math.pow(4, -1.4), p.cdf(2.0), 1e-15);
        assertEquals(0.5 * 1.4 / 0.4, p.mean(), 1e-15);
        HeavyTailedMultiplier zero = HeavyTailedMultiplier.of(RandomSource.XO_RO_SHI_RO_128_PP.create(5L), 0, 1.4,
            ParetoVariant.LOMAX);
        assertEquals(0, zero.sample());
        assertEquals(1, zero.cdf(0));
    }

    @Test
    void classicalLawAgreesWithTheCoreOneSidedPareto() {
        // Core's one-sided ClassicalPareto(alpha, scale = c) has P(W > x) = min(1, (x/c)^-alpha): the law of Z.
        org.htsgd.core.noise.ClassicalPareto core = new org.htsgd.core.noise.ClassicalPareto(1.4, 0.5, false);
        HeavyTailedMultiplier z = HeavyTailedMultiplier.of(RandomSource.XO_RO_SHI_RO_128_PP.create(5L), 0.5, 1.4,
            ParetoVariant.CLASSICAL);
        for (double x : new double[] {0, 0.25, 0.5, 0.75, 1, 3, 10, 1e6}) {
            assertEquals(core.tail(x), z.survival(x), 1e-15 * Math.max(1e-300, core.tail(x)), "x = " + x);
        }
    }

    @Test
    void sameSeedSameSequenceAndSharedStateCopy() {
        UniformRandomProvider r1 = RandomSource.XO_RO_SHI_RO_128_PP.create(8L);
        UniformRandomProvider r2 = RandomSource.XO_RO_SHI_RO_128_PP.create(8L);
        HeavyTailedMultiplier a = HeavyTailedMultiplier.of(r1, 0.5, 1.4, ParetoVariant.LOMAX);
        HeavyTailedMultiplier b = HeavyTailedMultiplier.of(RandomSource.XO_RO_SHI_RO_128_PP.create(1L), 0.5, 1.4,
            ParetoVariant.LOMAX).withUniformRandomProvider(r2);
        for (int i = 0; i < 100; i++) {
            assertEquals(a.sample(), b.sample());
        }
    }

    @ParameterizedTest
    @CsvSource({"NaN, 1.4", "-1, 1.4", "Infinity, 1.4", "0.5, NaN", "0.5, 0", "0.5, Infinity"})
    void validation(double c, double alpha) {
        assertThrows(IllegalArgumentException.class,
            () -> HeavyTailedMultiplier.of(RandomSource.XO_RO_SHI_RO_128_PP.create(1L), c, alpha, ParetoVariant.LOMAX));
    }
}
