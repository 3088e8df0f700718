package org.htsgd.core.noise;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.InverseTransformParetoSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;
import org.htsgd.core.validation.Require;

/**
 * Classical (type I) Pareto noise: \(W \ge c\) with \(P(W > w) = (w/c)^{-\alpha}\), either symmetric
 * (\(Z = U W\) with a fair sign \(U\), \(p_+ = 1/2\)) or one-sided (\(Z = W\), \(p_+ = 1\)). Both have
 * \[ H(x) = P(|Z| > x) = \min\{1, (x/c)^{-\alpha}\}. \]
 * The one-sided law has mean \(\alpha c/(\alpha - 1) \ne 0\), so it does not satisfy Assumption 2 by itself; it
 * is meant as a radius law for {@link IsotropicNoise} (the paper's 2-D experiment: \(\|W\| \sim\) Pareto(1.2)).
 *
 * <p>Sampling: {@link InverseTransformParetoSampler} (\(W = c\,V^{-1/\alpha}\), \(V\) uniform on (0, 1]).
 *
 * @param alpha the tail index, finite and {@code > 1}
 * @param scale the lower end \(c\) of the support, finite and {@code > 0}
 * @param symmetric whether a fair random sign is applied
 */
public record ClassicalPareto(double alpha, double scale, boolean symmetric) implements NoiseLaw {
    /**
     * @throws IllegalArgumentException if {@code alpha} is not finite and {@code > 1} (the paper needs alpha > 1),
     *     or {@code scale} is not finite and {@code > 0}
     */
    public ClassicalPareto {
        Require.tailIndex(alpha, "alpha");
        Require.finitePositive(scale, "scale");
    }

    /**
     * @param alpha the tail index, finite and {@code > 1}
     * @param scale the lower end of the support, finite and {@code > 0}
     * @return the symmetric law \(U W\)
     * @throws IllegalArgumentException if a parameter is out of range (NaN included)
     */
    public static ClassicalPareto of(double alpha, double scale) {
        return new ClassicalPareto(alpha, scale, true);
    }

    /**
     * @param alpha the tail index, finite and {@code > 1}
     * @param scale the lower end of the support, finite and {@code > 0}
     * @return the one-sided law \(W \ge c\)
     * @throws IllegalArgumentException if a parameter is out of range (NaN included)
     */
    public static ClassicalPareto oneSided(double alpha, double scale) {
        return new ClassicalPareto(alpha, scale, false);
    }

    /** @return \((x/c)^{-\alpha}\) for {@code x >= c}, 1 below */
    @Override
    public double tail(double x) {
        return x < scale ? 1.0 : Math.pow(x / scale, -alpha);
    }

    /** @return 1/2 if symmetric, 1 if one-sided */
    @Override
    public double pPlus() {
        return symmetric ? 0.5 : 1.0;
    }

    /** {@inheritDoc} */
    @Override
    public SharedStateContinuousSampler sampler(UniformRandomProvider rng) {
        final SharedStateContinuousSampler w = InverseTransformParetoSampler.of(rng, scale, alpha);
        return symmetric ? new RandomSignSampler(rng, w, "ClassicalPareto") : w;
    }

    /** @return the {@link NoiseLaws#parse(String)} spec, e.g. {@code pareto:alpha=1.2,scale=1.0} */
    public String spec() {
        return "pareto:alpha=" + alpha + ",scale=" + scale + (symmetric ? "" : ",sided=one");
    }

    /** @return the law and its parameters */
    @Override
    public String toString() {
        return "ClassicalPareto[alpha=" + alpha + ", scale=" + scale + ", " + (symmetric ? "symmetric" : "one-sided")
            + "]";
    }
}
