package org.htsgd.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Gamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.StableSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.htsgd.core.noise.ClassicalPareto;
import org.htsgd.core.noise.SymmetricLomax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tail-index estimators recover alpha on synthetic samples (n = 100,000, seeded). */
class TailIndexTest {
    private static final int N = 100_000;

    private static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    private static double[] draw(ContinuousSampler s, int n) {
        final double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = s.sample();
        }
        return x;
    }

    /**
     * Hill on exact (symmetric classical) Pareto samples, k = N/10 = 10,000: Hill is then unbiased in 1/alpha with
     * sd(alpha_hat) = alpha/sqrt(k) <= 0.018, so the required 0.1 is >= 5.5 sd (false alarm < 4e-8).
     */
    @ParameterizedTest
    @ValueSource(doubles = {1.2, 1.5, 1.8})
    void hillRecoversAlphaOnParetoSamples(double alpha) {
        final double[] x = draw(ClassicalPareto.of(alpha, 0.3).sampler(rng(Double.doubleToLongBits(alpha))), N);
        final TailIndex t = TailIndex.hill(x, N / 10);
        assertEquals(alpha, t.alpha(), 0.1, t::toString);
        assertEquals(alpha / Math.sqrt(N / 10.0), t.standardError(), 0.1 * t.standardError());
        assertEquals(TailIndex.Estimator.HILL, t.estimator());
        assertEquals(N, t.n());
        assertEquals(N / 10, t.k());
    }

    /**
     * Hill on the paper's Lomax noise with the default k = floor(sqrt(N)) = 316: sd = alpha/sqrt(k) = 0.068 at
     * alpha = 1.2, and Lomax's second-order term adds a bias of about -alpha^2/(u (alpha+1)) with u ~ 120 the
     * threshold (-0.005). Tolerance 4 sd = 0.27 (false alarm < 1e-4): a consistency check, not the 0.1 target, which
     * Hill cannot meet on Lomax samples of this size for alpha = 1.8 (sd 0.1 alone).
     */
    @Test
    void hillIsConsistentOnLomaxSamples() {
        final double alpha = 1.2;
        final double[] x = draw(SymmetricLomax.of(alpha, 0.1).sampler(rng(77)), N);
        final TailIndex t = TailIndex.hill(x);
        assertEquals(316, t.k());
        assertEquals(alpha, t.alpha(), 4 * alpha / Math.sqrt(316), t::toString);
    }

    /**
     * Mohammadi on symmetric alpha-stable samples with block size K2 = 10 (K1 = 10,000 blocks). Stable sums are exact:
     * Y = K2^(1/alpha) X in law, so 1/alpha_hat is unbiased, with sd ~ sd(log|X|)/(sqrt(K1) log K2) where
     * Var(log|X|) = (pi^2/12)(1 + 2/alpha^2) (at most 1.97). Hence sd(alpha_hat) <= alpha^2 * 1.41/(100 * 2.30)
     * <= 0.02, and the required 0.1 is >= 5 sd (false alarm < 6e-7).
     */
    @ParameterizedTest
    @ValueSource(doubles = {1.2, 1.5, 1.8})
    void mohammadiRecoversAlphaOnStableSamples(double alpha) {
        final double[] x = draw(StableSampler.of(rng(Double.doubleToLongBits(alpha) + 1), alpha, 0, 2.0, 0), N);
        final TailIndex t = TailIndex.mohammadi(x, 10);
        assertEquals(alpha, t.alpha(), 0.1, t::toString);
        final double sdLog = Math.sqrt(Math.PI * Math.PI / 12 * (1 + 2 / (alpha * alpha)));
        final double sd = alpha * alpha * sdLog / (Math.sqrt(N / 10.0) * Math.log(10));
        // The delta-method standard error it reports is the theoretical one to within sampling noise (+-20%).
        assertEquals(sd, t.standardError(), 0.2 * sd);
        assertEquals(TailIndex.Estimator.MOHAMMADI, t.estimator());
        assertEquals(10, t.k());
    }

    /**
     * Mohammadi with the default block size K2 = floor(sqrt(N)) = 316 (Simsekli et al.'s rule): larger variance,
     * sd(alpha_hat) = alpha^2 sdLog / (sqrt(316) log 316) = 0.030 / 0.036 at alpha = 1.5 / 1.8; tolerance 4 sd of
     * the theoretical value (false alarm < 1e-4).
     */
    @ParameterizedTest
    @ValueSource(doubles = {1.2, 1.5, 1.8})
    void mohammadiWithDefaultBlocksIsWithinFourSd(double alpha) {
        final double[] x = draw(StableSampler.of(rng(Double.doubleToLongBits(alpha) + 2), alpha, 0, 1.0, 0), N);
        final TailIndex t = TailIndex.mohammadi(x);
        assertEquals(316, t.k());
        assertEquals(316 * 316, t.n());
        final double sdLog = Math.sqrt(Math.PI * Math.PI / 12 * (1 + 2 / (alpha * alpha)));
        final double sd = alpha * alpha * sdLog / (Math.sqrt(316) * Math.log(316));
        assertEquals(alpha, t.alpha(), 4 * sd, t::toString);
    }

    /**
     * Vectors with iid stable coordinates: block sums are K2^(1/alpha) times such a vector in law, so the norm version
     * is exact too.
     */
    @Test
    void mohammadiOnVectors() {
        final double alpha = 1.5;
        final StableSampler s = StableSampler.of(rng(3), alpha, 0, 1, 0);
        final double[][] x = new double[N][2];
        for (double[] v : x) {
            v[0] = s.sample();
            v[1] = s.sample();
        }
        final TailIndex t = TailIndex.mohammadi(x, 10);
        // The delta-method standard error (from the spread of log||Y_i||) is below 0.02, so 0.1 is > 5 of them.
        assertTrue(t.standardError() < 0.02, t::toString);
        assertEquals(alpha, t.alpha(), 0.1, t::toString);
    }

    @Test
    void invalidInputIsRejected() {
        final double[] x = {1, 2, 3, 4, 5};
        assertThrows(IllegalArgumentException.class, () -> TailIndex.hill(x, 0));
        assertThrows(IllegalArgumentException.class, () -> TailIndex.hill(x, 5));
        assertThrows(IllegalArgumentException.class, () -> TailIndex.hill(new double[] {0, 0, 1}, 1));
        assertThrows(IllegalArgumentException.class, () -> TailIndex.hill(new double[] {1, Double.NaN, 2}, 1));
        assertThrows(IllegalArgumentException.class, () -> TailIndex.mohammadi(x, 1));
        assertThrows(IllegalArgumentException.class, () -> TailIndex.mohammadi(x, 3));
        assertThrows(IllegalArgumentException.class, () -> TailIndex.mohammadi(new double[] {1, 0, 1, 1}, 2));
        assertThrows(IllegalArgumentException.class,
            () -> TailIndex.mohammadi(new double[][] {{1, 0}, {1}, {1, 1}, {2, 2}}, 2));
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TailIndex.hill(x, 9));
        assertEquals("k is not in [1, 4]: 9", e.getMessage());
    }

    /**
     * Deterministic check of the formula: on the exact Pareto quantiles x_i = ((n+1-i)/(n+1))^(-1/alpha) the top k
     * order statistics give 1/alpha_hat = (1/alpha) (log(k+1) - log(k!)/k) exactly.
     */
    @Test
    void hillFormulaOnExactParetoQuantiles() {
        final double alpha = 1.7;
        final int n = 100_001;
        final int k = 10_000;
        final double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -Math.pow((i + 1.0) / (n + 1), -1 / alpha); // signs must not matter
        }
        final TailIndex t = TailIndex.hill(x, k);
        final double expected = alpha / (Math.log(k + 1) - Gamma.logGamma(k + 1) / k);
        assertEquals(expected, t.alpha(), 1e-9);
        assertEquals(alpha, t.alpha(), 1e-3);
    }
}
