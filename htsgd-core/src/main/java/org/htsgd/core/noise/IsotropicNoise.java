package org.htsgd.core.noise;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.UnitSphereSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.htsgd.core.validation.Require;

/**
 * Isotropic \(d\)-dimensional noise \(Z = R\,\Theta\): a radius \(R = |Y|\) with \(Y\) drawn from a scalar
 * {@link NoiseLaw}, times an independent direction \(\Theta\) uniform on the unit sphere \(S^{d-1}\). Then
 * \(H(x) = P(\|Z\| > x) = P(|Y| > x)\), regularly varying with the radius law's index, and the spectral measure of
 * S4 Assumption 1 is uniform; \(E Z = 0\) whenever \(E R < \infty\) (\(\alpha > 1\)). The paper's 2-D experiment
 * (§3.2) is {@code IsotropicNoise.of(2, SymmetricLomax.of(1.2, 0.75))}: \(Z = 0.75 W\), \(\|W\| \sim\)
 * Pareto(1.2) in the Lomax convention of the 1-D experiment ({@link NoiseLaws#paper2d()}).
 *
 * <p>Sampling: allocation-free into the caller's array. The direction is a normalised vector of independent
 * {@link ZigguratSampler.NormalizedGaussian} draws — the algorithm of commons-rng's {@link UnitSphereSampler}, which
 * we do not call directly because it returns a new array per draw.
 *
 * @param dimension \(d \ge 1\)
 * @param radiusLaw the law whose absolute value is the radius
 */
public record IsotropicNoise(int dimension, NoiseLaw radiusLaw) implements VectorNoiseLaw {
    /** @throws IllegalArgumentException if {@code dimension < 1} or {@code radiusLaw} is null */
    public IsotropicNoise {
        Require.atLeast(dimension, 1, "dimension");
        Require.nonNull(radiusLaw, "radiusLaw");
    }

    /**
     * @param dimension \(d \ge 1\)
     * @param radiusLaw the law whose absolute value is the radius
     * @return the isotropic law
     * @throws IllegalArgumentException if {@code dimension < 1} or {@code radiusLaw} is null
     */
    public static IsotropicNoise of(int dimension, NoiseLaw radiusLaw) {
        return new IsotropicNoise(dimension, radiusLaw);
    }

    /** @return the radius law's tail index */
    @Override
    public double alpha() {
        return radiusLaw.alpha();
    }

    /** @return the radius law's \(H(x)\) */
    @Override
    public double tail(double x) {
        return radiusLaw.tail(x);
    }

    /** {@inheritDoc} */
    @Override
    public VectorSampler sampler(UniformRandomProvider rng) {
        return new Sampler(dimension, radiusLaw.sampler(Objects.requireNonNull(rng, "rng")),
            ZigguratSampler.NormalizedGaussian.of(rng));
    }

    /** @return the law and its parameters */
    @Override
    public String toString() {
        return "IsotropicNoise[dimension=" + dimension + ", radius=|" + radiusLaw + "|]";
    }

    /** Radius times Gaussian-normalised direction, written into the caller's array. */
    private static final class Sampler implements VectorSampler {
        /** \(d\). */
        private final int dimension;
        /** Sampler of \(Y\), \(R = |Y|\). */
        private final ContinuousSampler radius;
        /** Standard normal draws for the direction. */
        private final ZigguratSampler.NormalizedGaussian normal;

        Sampler(int dimension, ContinuousSampler radius, ZigguratSampler.NormalizedGaussian normal) {
            this.dimension = dimension;
            this.radius = radius;
            this.normal = normal;
        }

        @Override
        public void sample(double[] out) {
            if (out.length != dimension) {
                throw new IllegalArgumentException("out.length is not " + dimension + ": " + out.length);
            }
            double sumSq;
            do {
                sumSq = 0;
                for (int i = 0; i < dimension; i++) {
                    final double g = normal.sample();
                    out[i] = g;
                    sumSq += g * g;
                }
                // A zero vector has probability 0 but is possible in floating point: redraw (as UnitSphereSampler).
            } while (sumSq == 0);
            final double f = Math.abs(radius.sample()) / Math.sqrt(sumSq);
            for (int i = 0; i < dimension; i++) {
                out[i] *= f;
            }
        }
    }
}
