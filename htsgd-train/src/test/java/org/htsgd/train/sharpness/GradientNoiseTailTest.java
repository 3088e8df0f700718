package org.htsgd.train.sharpness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.StableSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tail-index estimates of minibatch gradient noise on models whose per-example gradients have a known law.
 * Tolerances: 0.1 in alpha, at least 3 standard errors of each estimator at these sample sizes (stated per test).
 */
class GradientNoiseTailTest {
    private static FixedGradients model(long seed, int n, int d, ContinuousSampler law) {
        double[][] g = new double[n][d];
        for (double[] row : g) {
            for (int j = 0; j < d; j++) {
                row[j] = law.sample();
            }
        }
        return new FixedGradients(g);
    }

    private static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.2, 1.5, 1.8})
    void mohammadiRecoversStableAlpha(double alpha) {
        // per-example gradients with iid symmetric alpha-stable coordinates; batches of one example.
        // 40,000 batches in blocks of K1 = 100: 400 blocks, SE(1/alpha) ~ 0.35/sqrt(400)/log(100) ~ 0.004,
        // SE(alpha) <= 1.8^2 * 0.004 ~ 0.013, so 0.1 is > 5 SE even allowing for the finite-population centring
        FixedGradients m = model(1, 100_000, 5, StableSampler.of(rng(10), alpha, 0));
        GradientNoiseTail.Config cfg = new GradientNoiseTail.Config(1, 40_000, 0.1, 100, 2000, 50);
        GradientNoiseTail.Result r = GradientNoiseTail.estimate(TrainingObjective.of(m, 100_000), cfg, 3,
                SharpnessProgress.NONE);
        assertEquals(alpha, r.mohammadi().alpha(), 0.1, "multivariate");
        assertEquals(alpha, r.coordinateMohammadi().alpha(), 0.1, "per coordinate");
        assertEquals(5, r.coordinatesUsed());
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.2, 1.5, 1.8})
    void hillRecoversParetoAlpha(double alpha) {
        // one coordinate, symmetric Pareto: P(|g| > x) = x^-alpha for x >= 1, exactly a power tail, so Hill is
        // unbiased above its threshold; k = 10% of 40,000 = 4,000, SE = alpha/sqrt(k) <= 0.029: 0.1 is > 3 SE
        UniformRandomProvider u = rng(20);
        ContinuousSampler pareto = () -> (u.nextBoolean() ? 1 : -1) * Math.pow(1 - u.nextDouble(), -1 / alpha);
        FixedGradients m = model(2, 100_000, 1, pareto);
        GradientNoiseTail.Config cfg = new GradientNoiseTail.Config(1, 40_000, 0.1, 0, 10, 50);
        GradientNoiseTail.Result r = GradientNoiseTail.estimate(TrainingObjective.of(m, 100_000), cfg, 4,
                SharpnessProgress.NONE);
        assertEquals(alpha, r.hill().alpha(), 0.1);
        assertEquals(4000, r.hill().k());
    }

    @Test
    void gaussianNoiseIsNotHeavyTailed() {
        // Fig. A.1: light-tailed noise; for Gaussian vectors ||Y|| = sqrt(K1) ||xi|| in law, so alpha-hat ~ 2
        // (SE ~ 4 * 0.33/sqrt(400)/log(100) ~ 0.015)
        FixedGradients m = model(3, 20_000, 5, ZigguratSampler.NormalizedGaussian.of(rng(30)));
        GradientNoiseTail.Config cfg = new GradientNoiseTail.Config(10, 40_000, 0.1, 100, 2000, 40);
        double[] theta = Quadratics.weights(m);
        GradientNoiseTail.Result r = GradientNoiseTail.estimate(TrainingObjective.of(m, 5000), cfg, 5,
                SharpnessProgress.NONE);
        assertEquals(2, r.mohammadi().alpha(), 0.1);
        assertEquals(2, r.coordinateMohammadi().alpha(), 0.1);
        assertArrayEquals(theta, Quadratics.weights(m));
        // histogram of the norms: bins+1 increasing edges spanning [min, max], counts adding up to the batches
        double[] norms = r.noiseNorms();
        double[] edges = r.histogramEdges();
        assertEquals(41, edges.length);
        assertEquals(Arrays.stream(norms).min().getAsDouble(), edges[0]);
        assertEquals(Arrays.stream(norms).max().getAsDouble(), edges[40], 1e-12);
        for (int i = 1; i < edges.length; i++) {
            assertTrue(edges[i] > edges[i - 1]);
        }
        assertEquals(40_000, Arrays.stream(r.histogramCounts()).sum());
        assertEquals(Arrays.stream(norms).average().getAsDouble(), r.noiseNorm().mean(), 1e-12);
    }

    @Test
    void discreteNoiseCoordinatesAreLeftOut() {
        // coordinate 1 is a dead parameter (zero gradient for every example): its noise is exactly zero;
        // coordinate 2 is +-1 in alternation (mean exactly 0): with batches of one, blocks of 10 sum to 0 often
        double[][] g = new double[1000][3];
        UniformRandomProvider u = rng(40);
        for (int i = 0; i < g.length; i++) {
            g[i][0] = u.nextDouble() - 0.5;
            g[i][1] = 0;
            g[i][2] = i % 2 == 0 ? 1 : -1;
        }
        GradientNoiseTail.Result r = GradientNoiseTail.estimate(TrainingObjective.of(new FixedGradients(g), 1000),
                new GradientNoiseTail.Config(1, 100, 0.1, 10, 10, 5), 1, SharpnessProgress.NONE);
        assertEquals(1, r.coordinatesUsed());
        assertTrue(Double.isFinite(r.coordinateMohammadi().alpha()));
    }

    @Test
    void nonFiniteGradientIsReported() {
        double[][] g = new double[100][2];
        for (double[] row : g) {
            row[0] = 1;
        }
        g[7][1] = Double.NaN;
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GradientNoiseTail.estimate(TrainingObjective.of(new FixedGradients(g), 100),
                        new GradientNoiseTail.Config(10, 10, 0.1, 0, 10, 5), 1, SharpnessProgress.NONE));
        assertTrue(e.getMessage().contains("not finite"), e.getMessage());
    }

    @Test
    void sameSeedSameNumbers() {
        FixedGradients m = model(5, 1000, 3, ZigguratSampler.NormalizedGaussian.of(rng(50)));
        GradientNoiseTail.Config cfg = new GradientNoiseTail.Config(10, 200, 0.1, 0, 10, 10);
        GradientNoiseTail.Result a = GradientNoiseTail.estimate(TrainingObjective.of(m, 1000), cfg, 7,
                SharpnessProgress.NONE);
        GradientNoiseTail.Result b = GradientNoiseTail.estimate(TrainingObjective.of(m, 1000), cfg, 7,
                SharpnessProgress.NONE);
        assertArrayEquals(a.noiseNorms(), b.noiseNorms());
        assertEquals(a.mohammadi(), b.mohammadi());
        assertEquals(a.hill(), b.hill());
    }

    @Test
    void badConfigThrows() {
        assertThrows(IllegalArgumentException.class, () -> new GradientNoiseTail.Config(0, 100, 0.1, 0, 10, 5));
        assertThrows(IllegalArgumentException.class, () -> new GradientNoiseTail.Config(1, 3, 0.1, 0, 10, 5));
        assertThrows(IllegalArgumentException.class, () -> new GradientNoiseTail.Config(1, 100, Double.NaN, 0, 10, 5));
        assertThrows(IllegalArgumentException.class, () -> new GradientNoiseTail.Config(1, 100, 0.1, 1, 10, 5));
        assertThrows(IllegalArgumentException.class, () -> new GradientNoiseTail.Config(1, 100, 0.1, 51, 10, 5));
        FixedGradients m = model(5, 10, 3, ZigguratSampler.NormalizedGaussian.of(rng(50)));
        // a batch of the whole training set has no noise
        assertThrows(IllegalArgumentException.class, () -> GradientNoiseTail.estimate(TrainingObjective.of(m, 10),
                new GradientNoiseTail.Config(10, 100, 0.1, 0, 10, 5), 1, SharpnessProgress.NONE));
    }
}
