package org.htsgd.core.noise;

import org.apache.commons.math3.special.Gamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;
import org.apache.commons.rng.sampling.distribution.StableSampler;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.htsgd.core.validation.Require;

/**
 * Symmetric \(\alpha\)-stable noise \(S_\alpha(\gamma, 0, 0)\): characteristic function
 * \(E e^{itZ} = \exp(-|\gamma t|^{\alpha})\), \(1 < \alpha \le 2\) (the paper needs \(\alpha > 1\); stable laws have
 * \(\alpha \le 2\)). \(p_+ = p_- = 1/2\).
 *
 * <p>The tail has no closed form for \(\alpha < 2\), so {@link #tail(double)} returns NaN there; asymptotically
 * (Samorodnitsky &amp; Taqqu 1994, Property 1.2.15, with \(\beta = 0\))
 * \[ H(x) = P(|Z| > x) \sim C\,x^{-\alpha}, \qquad
 *    C = \frac{2}{\pi}\,\Gamma(\alpha) \sin\!\Big(\frac{\pi\alpha}{2}\Big)\,\gamma^{\alpha}, \]
 * see {@link #tailConstant()}. At \(\alpha = 2\) the law is Gaussian \(N(0, 2\gamma^2)\): light-tailed, so
 * {@link #alpha()} is \(+\infty\) and \(H(x) = \mathrm{erfc}(x / (2\gamma))\) is exact.
 *
 * <p>Sampling: {@link StableSampler} (Chambers–Mallows–Stuck; S0 parameterisation, which for \(\beta = 0\) is the
 * one above).
 *
 * @param stabilityIndex the stability index \(\alpha \in (1, 2]\)
 * @param scale the scale \(\gamma\), finite and {@code > 0}
 */
public record SymmetricStable(double stabilityIndex, double scale) implements NoiseLaw {
    /** The standard normal law, for the exact tail at alpha = 2. */
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    /**
     * @throws IllegalArgumentException if {@code stabilityIndex} is not in (1, 2] or {@code scale} is not finite
     *     and {@code > 0}
     */
    public SymmetricStable {
        if (!(stabilityIndex > 1 && stabilityIndex <= 2)) {
            throw new IllegalArgumentException("alpha is not in (1, 2] (stable laws need alpha <= 2, and "
                + Require.NEEDS_ALPHA_ABOVE_ONE + "): " + stabilityIndex);
        }
        Require.finitePositive(scale, "scale");
    }

    /**
     * @param alpha the stability index in (1, 2]
     * @param scale the scale \(\gamma\), finite and {@code > 0}
     * @return the law
     * @throws IllegalArgumentException if a parameter is out of range (NaN included)
     */
    public static SymmetricStable of(double alpha, double scale) {
        return new SymmetricStable(alpha, scale);
    }

    /** @return the tail index: the stability index if {@code < 2}, \(+\infty\) at 2 (Gaussian) */
    @Override
    public double alpha() {
        return stabilityIndex < 2 ? stabilityIndex : Double.POSITIVE_INFINITY;
    }

    /** @return NaN for \(\alpha < 2\) (no closed form; see {@link #tailConstant()}); exact at \(\alpha = 2\) */
    @Override
    public double tail(double x) {
        if (x <= 0) {
            return 1.0;
        }
        return stabilityIndex < 2 ? Double.NaN : 2 * STANDARD_NORMAL.survivalProbability(x / (Math.sqrt(2) * scale));
    }

    /**
     * @return \(C = \lim_{x\to\infty} x^{\alpha} H(x) = (2/\pi)\Gamma(\alpha)\sin(\pi\alpha/2)\gamma^{\alpha}\);
     *     0 at \(\alpha = 2\)
     */
    public double tailConstant() {
        if (stabilityIndex == 2) {
            return 0;
        }
        return 2 / Math.PI * Gamma.gamma(stabilityIndex) * Math.sin(Math.PI * stabilityIndex / 2)
            * Math.pow(scale, stabilityIndex);
    }

    /** @param x a threshold @return the asymptotic tail \(C x^{-\alpha}\) (not exact at finite x) */
    public double asymptoticTail(double x) {
        return tailConstant() * Math.pow(x, -stabilityIndex);
    }

    /** @return 1/2 */
    @Override
    public double pPlus() {
        return 0.5;
    }

    /** {@inheritDoc} */
    @Override
    public StableSampler sampler(UniformRandomProvider rng) {
        return StableSampler.of(rng, stabilityIndex, 0, scale, 0);
    }

    /** @return the {@link NoiseLaws#parse(String)} spec, e.g. {@code stable:alpha=1.5,scale=1.0} */
    public String spec() {
        return "stable:alpha=" + stabilityIndex + ",scale=" + scale;
    }

    /** @return the law and its parameters */
    @Override
    public String toString() {
        return "SymmetricStable[alpha=" + stabilityIndex + ", scale=" + scale + "]";
    }
}
