package org.htsgd.core.noise;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.TSampler;
import org.apache.commons.statistics.distribution.TDistribution;
import org.htsgd.core.validation.Require;

/**
 * Scaled Student-t noise \(Z = c\,T_\nu\): tail index \(\alpha = \nu\) (the degrees of freedom),
 * \(H(x) = 2\,P(T_\nu > x/c) \sim C x^{-\nu}\), \(p_+ = p_- = 1/2\). The paper needs \(\nu > 1\) (finite mean).
 *
 * <p>Sampling: {@link TSampler}; tail from {@link TDistribution}.
 *
 * @param degreesOfFreedom \(\nu\), finite and {@code > 1}
 * @param scale the scale \(c\), finite and {@code > 0}
 */
public record StudentT(double degreesOfFreedom, double scale) implements NoiseLaw {
    /**
     * @throws IllegalArgumentException if {@code degreesOfFreedom} is not finite and {@code > 1} or {@code scale}
     *     is not finite and {@code > 0}
     */
    public StudentT {
        Require.tailIndex(degreesOfFreedom, "df (= alpha)");
        Require.finitePositive(scale, "scale");
    }

    /**
     * @param degreesOfFreedom \(\nu\), finite and {@code > 1}
     * @param scale the scale \(c\), finite and {@code > 0}
     * @return the law
     * @throws IllegalArgumentException if a parameter is out of range (NaN included)
     */
    public static StudentT of(double degreesOfFreedom, double scale) {
        return new StudentT(degreesOfFreedom, scale);
    }

    /** @return \(\nu\) */
    @Override
    public double alpha() {
        return degreesOfFreedom;
    }

    /** @return \(2 P(T_\nu > x/c)\) for {@code x >= 0}, 1 for {@code x < 0} */
    @Override
    public double tail(double x) {
        return x <= 0 ? 1.0 : 2 * TDistribution.of(degreesOfFreedom).survivalProbability(x / scale);
    }

    /** @return 1/2 */
    @Override
    public double pPlus() {
        return 0.5;
    }

    /** {@inheritDoc} */
    @Override
    public ScaledSampler sampler(UniformRandomProvider rng) {
        return new ScaledSampler(TSampler.of(rng, degreesOfFreedom), scale, "StudentT");
    }

    /** @return the {@link NoiseLaws#parse(String)} spec, e.g. {@code student:df=3.0,scale=1.0} */
    public String spec() {
        return "student:df=" + degreesOfFreedom + ",scale=" + scale;
    }

    /** @return the law and its parameters */
    @Override
    public String toString() {
        return "StudentT[df=" + degreesOfFreedom + ", scale=" + scale + "]";
    }
}
