package org.htsgd.core.noise;

import org.apache.commons.rng.UniformRandomProvider;
import org.htsgd.core.validation.Require;

/**
 * The paper's 1-D noise (ICLR 2022 §3.1; S3 §2.4): \(Z = c\,U\,W\) with a fair random sign \(U = \pm 1\) and a
 * Lomax (Pareto type II) magnitude, \(P(W > w) = (1 + w)^{-\alpha}\) for \(w \ge 0\) — numpy's
 * {@code pareto(alpha)}. Hence
 * \[ H(x) = P(|Z| > x) = (1 + x/c)^{-\alpha}, \qquad p_+ = p_- = 1/2, \]
 * regularly varying with index \(-\alpha\) (Assumption 2). The paper uses \(\alpha = 1.2\), \(c = 0.1\):
 * \(H(x) = (1 + 10x)^{-1.2}\).
 *
 * <p>Sampling: \(W = e^{E/\alpha} - 1\) with \(E \sim \mathrm{Exp}(1)\) from a ziggurat
 * ({@link SymmetricLomaxSampler}), which is exact since \(P(e^{E/\alpha} > 1 + w) = (1+w)^{-\alpha}\).
 *
 * @param alpha the tail index, finite and {@code > 1}
 * @param scale the scale \(c\), finite and {@code > 0}
 */
public record SymmetricLomax(double alpha, double scale) implements NoiseLaw {
    /**
     * @throws IllegalArgumentException if {@code alpha} is not finite and {@code > 1} (the paper needs alpha > 1),
     *     or {@code scale} is not finite and {@code > 0}
     */
    public SymmetricLomax {
        Require.tailIndex(alpha, "alpha");
        Require.finitePositive(scale, "scale");
    }

    /**
     * @param alpha the tail index, finite and {@code > 1}
     * @param scale the scale \(c\), finite and {@code > 0}
     * @return the law of \(c\,U\,W\)
     * @throws IllegalArgumentException if a parameter is out of range (NaN included)
     */
    public static SymmetricLomax of(double alpha, double scale) {
        return new SymmetricLomax(alpha, scale);
    }

    /** @return \((1 + x/c)^{-\alpha}\) for {@code x >= 0}, 1 for {@code x < 0} */
    @Override
    public double tail(double x) {
        return x <= 0 ? 1.0 : Math.pow(1 + x / scale, -alpha);
    }

    /** @return 1/2 */
    @Override
    public double pPlus() {
        return 0.5;
    }

    /** {@inheritDoc} */
    @Override
    public SymmetricLomaxSampler sampler(UniformRandomProvider rng) {
        return SymmetricLomaxSampler.of(rng, alpha, scale);
    }

    /** @return the {@link NoiseLaws#parse(String)} spec, e.g. {@code lomax:alpha=1.2,scale=0.1} */
    public String spec() {
        return "lomax:alpha=" + alpha + ",scale=" + scale;
    }

    /** @return the law and its parameters */
    @Override
    public String toString() {
        return "SymmetricLomax[alpha=" + alpha + ", scale=" + scale + "]";
    }
}
