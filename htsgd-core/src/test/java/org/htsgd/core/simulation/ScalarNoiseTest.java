package org.htsgd.core.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScalarNoiseTest {
    @ParameterizedTest
    @CsvSource({"1.2, 0.1", "2, 1", "1.05, 3"})
    void testFastLomaxMatchesItsLaw(double alpha, double scale) {
        // KS test of 20000 draws against P(Z <= x) = 1 - (1 + x/s)^-alpha / 2 (x >= 0); seeded, and a p-value
        // threshold of 1e-4 (false alarm 1e-4 per case). Also the sign is fair (4 standard errors).
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        ScalarNoise z = ScalarNoise.lomax(alpha, scale).apply(rng);
        assertTrue(ScalarNoise.forLaw(TestProblems.lomax(alpha, scale)).apply(rng) instanceof ScalarNoise.Lomax);
        int n = 20_000;
        double[] x = new double[n];
        int positive = 0;
        for (int i = 0; i < n; i++) {
            x[i] = z.next();
            positive += x[i] > 0 ? 1 : 0;
        }
        double p = KolmogorovSmirnovTest.withDefaults().test(x, v -> v >= 0
            ? 1 - 0.5 * Math.pow(1 + v / scale, -alpha) : 0.5 * Math.pow(1 - v / scale, -alpha)).getPValue();
        assertTrue(p > 1e-4, "p-value " + p);
        assertEquals(0.5 * n, positive, 4 * Math.sqrt(0.25 * n));
    }
}
