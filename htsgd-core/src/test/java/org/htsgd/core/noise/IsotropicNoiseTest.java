package org.htsgd.core.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.ParetoDistribution;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.apache.commons.statistics.inference.PValueMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Isotropic d-dimensional noise: radius law, uniform direction, determinism, no allocation. */
class IsotropicNoiseTest {
    private static final int N = 20_000;

    private static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /** Classical Pareto radius: ||Z|| ~ 0.75 * Pareto(1.2), checked by KS (p > 1e-3: false alarm 1e-3). */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 10})
    void radiusFollowsTheRadiusLaw(int d) {
        final IsotropicNoise law = IsotropicNoise.of(d, ClassicalPareto.oneSided(1.2, 0.75));
        assertEquals(d, law.dimension());
        assertEquals(1.2, law.alpha());
        final VectorNoiseLaw.VectorSampler s = law.sampler(rng(d));
        final double[] z = new double[d];
        final double[] radius = new double[N];
        for (int i = 0; i < N; i++) {
            s.sample(z);
            radius[i] = norm(z);
        }
        final double p = KolmogorovSmirnovTest.withDefaults().with(PValueMethod.ASYMPTOTIC)
            .test(radius, ParetoDistribution.of(0.75, 1.2)::cumulativeProbability).getPValue();
        assertTrue(p > 1e-3, () -> "p = " + p);
        assertEquals(Math.pow(2 / 0.75, -1.2), law.tail(2), 1e-15);
    }

    /**
     * The paper's 2-D noise (§3.2) in the Lomax convention: P(||Z|| > x) = (1 + x/0.75)^(-1.2), checked by KS against
     * that CDF written out here (p > 1e-3: false alarm 1e-3); the classical Pareto CDF, which has no mass below 0.75,
     * is rejected.
     */
    @Test
    void paperNoiseRadiusIsLomax() {
        final IsotropicNoise law = NoiseLaws.paper2d();
        final VectorNoiseLaw.VectorSampler s = law.sampler(rng(12));
        final double[] z = new double[2];
        final double[] radius = new double[N];
        for (int i = 0; i < N; i++) {
            s.sample(z);
            radius[i] = norm(z);
        }
        final KolmogorovSmirnovTest ks = KolmogorovSmirnovTest.withDefaults().with(PValueMethod.ASYMPTOTIC);
        final double p = ks.test(radius, x -> 1 - Math.pow(1 + x / 0.75, -1.2)).getPValue();
        assertTrue(p > 1e-3, () -> "p = " + p);
        assertTrue(ks.test(radius, ParetoDistribution.of(0.75, 1.2)::cumulativeProbability).getPValue() < 1e-6);
        assertEquals(Math.pow(1 + 2 / 0.75, -1.2), law.tail(2), 1e-15);
    }

    /**
     * Directions Z/||Z|| have mean 0 and second moments E[theta_i theta_j] = delta_ij / d. Each coordinate of the mean
     * of N unit vectors has standard deviation sqrt(1/(d N)); tolerance 5 of those (false alarm < 6e-7 per
     * coordinate). Second moments: Var(theta_i^2) <= E theta_i^4 <= E theta_i^2 = 1/d, so the same tolerance is at
     * least 5 standard errors.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5})
    void directionIsUniform(int d) {
        final VectorNoiseLaw.VectorSampler s = IsotropicNoise.of(d, SymmetricLomax.of(1.2, 0.1)).sampler(rng(100 + d));
        final double[] z = new double[d];
        final double[] mean = new double[d];
        final double[] second = new double[d];
        for (int i = 0; i < N; i++) {
            s.sample(z);
            final double r = norm(z);
            for (int c = 0; c < d; c++) {
                mean[c] += z[c] / r / N;
                second[c] += z[c] * z[c] / (r * r) / N;
            }
        }
        final double tol = 5 * Math.sqrt(1.0 / (d * N));
        for (int c = 0; c < d; c++) {
            assertEquals(0, mean[c], tol, "mean of coordinate " + c);
            assertEquals(1.0 / d, second[c], tol, "second moment of coordinate " + c);
        }
    }

    /** In 2-D the angle is uniform on (-pi, pi]: KS, p > 1e-3. */
    @Test
    void angleIsUniformIn2d() {
        final VectorNoiseLaw.VectorSampler s = NoiseLaws.paper2d().sampler(rng(5));
        final double[] z = new double[2];
        final double[] angle = new double[N];
        for (int i = 0; i < N; i++) {
            s.sample(z);
            angle[i] = Math.atan2(z[1], z[0]);
        }
        final double p = KolmogorovSmirnovTest.withDefaults().with(PValueMethod.ASYMPTOTIC)
            .test(angle, a -> (a + Math.PI) / (2 * Math.PI)).getPValue();
        assertTrue(p > 1e-3, () -> "p = " + p);
    }

    @Test
    void sameSeedGivesSameSequenceAndWrongLengthIsRejected() {
        final IsotropicNoise law = NoiseLaws.paper2d();
        final VectorNoiseLaw.VectorSampler a = law.sampler(rng(9));
        final VectorNoiseLaw.VectorSampler b = law.sampler(rng(9));
        final double[] za = new double[2];
        final double[] zb = new double[2];
        for (int i = 0; i < 100; i++) {
            a.sample(za);
            b.sample(zb);
            assertArrayEquals(za, zb);
        }
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.sample(new double[3]));
        assertEquals("out.length is not 2: 3", e.getMessage());
        assertEquals("IsotropicNoise[dimension=2, radius=|SymmetricLomax[alpha=1.2, scale=0.75]|]",
            law.toString());
    }

    @Test
    void samplerDoesNotAllocate() {
        final VectorNoiseLaw.VectorSampler s = NoiseLaws.paper2d().sampler(rng(1));
        final double[] z = new double[2];
        final long allocated = AllocationCounter.bytesAllocatedBy(() -> {
            double sum = 0;
            for (int i = 0; i < 300_000; i++) {
                s.sample(z);
                sum += z[0];
            }
            return sum;
        });
        // One array per draw would be >= 7 MB; allow a few kB of runtime noise.
        assertTrue(allocated < 100_000, () -> "allocated " + allocated + " bytes");
    }

    private static double norm(double[] z) {
        double s = 0;
        for (double v : z) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
