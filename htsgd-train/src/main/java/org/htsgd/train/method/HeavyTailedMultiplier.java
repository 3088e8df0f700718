package org.htsgd.train.method;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Sampler of the scalar heavy-tailed multiplier \(Z = cW\) of eq. 47 (one Z per iteration), W Pareto with tail
 * index \(\alpha\):
 * <ul>
 *   <li>{@link ParetoVariant#LOMAX} (default, {@code np.random.pareto}): \(P(W > w) = (1+w)^{-\alpha}\), \(w \ge 0\),
 *       so \(P(Z \le z) = 1 - (1 + z/c)^{-\alpha}\) for \(z \ge 0\);</li>
 *   <li>{@link ParetoVariant#CLASSICAL}: \(P(W > w) = w^{-\alpha}\), \(w \ge 1\), so
 *       \(P(Z \le z) = 1 - (z/c)^{-\alpha}\) for \(z \ge c\).</li>
 * </ul>
 * Both are drawn from one standard exponential E (commons-rng {@link ZigguratSampler.Exponential}):
 * \(e^{E/\alpha}\) is classical Pareto and \(e^{E/\alpha} - 1\) Lomax, so on the same stream the classical draw is
 * exactly the Lomax draw plus c (a clean sensitivity comparison, paper.md §6 item 2).
 */
public final class HeavyTailedMultiplier implements SharedStateContinuousSampler {
    /** Scale c. */
    private final double c;
    /** Tail index alpha. */
    private final double alpha;
    /** 1 / alpha. */
    private final double inverseAlpha;
    /** Law of W. */
    private final ParetoVariant variant;
    /** Standard exponential sampler on the injected generator. */
    private final ZigguratSampler.Exponential exponential;

    private HeavyTailedMultiplier(UniformRandomProvider rng, double c, double alpha, ParetoVariant variant) {
        this.c = c;
        this.alpha = alpha;
        this.inverseAlpha = 1 / alpha;
        this.variant = variant;
        this.exponential = ZigguratSampler.Exponential.of(rng);
    }

    /**
     * @param rng generator
     * @param c scale, {@code >= 0}, finite
     * @param alpha tail index, {@code > 0}, finite
     * @param variant law of W
     * @return the sampler
     * @throws IllegalArgumentException if {@code !(c >= 0)}, c infinite, {@code !(alpha > 0)} or alpha infinite
     */
    public static HeavyTailedMultiplier of(UniformRandomProvider rng, double c, double alpha, ParetoVariant variant) {
        Objects.requireNonNull(rng, "rng");
        Objects.requireNonNull(variant, "variant");
        if (!(c >= 0) || c == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("c is not >= 0 and finite: " + c);
        }
        if (!(alpha > 0) || alpha == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("alpha is not > 0 and finite: " + alpha);
        }
        return new HeavyTailedMultiplier(rng, c, alpha, variant);
    }

    /**
     * @param rng generator
     * @param h hyperparameters supplying c, alpha and the Pareto variant
     * @return the sampler
     */
    public static HeavyTailedMultiplier of(UniformRandomProvider rng, Hyperparameters h) {
        return of(rng, h.c(), h.alpha(), h.paretoVariant());
    }

    /** @return a draw of \(Z = cW\) */
    @Override
    public double sample() {
        final double x = exponential.sample() * inverseAlpha;
        // expm1 keeps full relative precision for small Lomax draws (most of the mass is near 0).
        return c * (variant == ParetoVariant.LOMAX ? Math.expm1(x) : Math.exp(x));
    }

    /**
     * @param z a value
     * @return \(P(Z \le z)\)
     */
    public double cdf(double z) {
        return 1 - survival(z);
    }

    /**
     * @param z a value
     * @return \(P(Z > z)\)
     */
    public double survival(double z) {
        if (c == 0) {
            return z < 0 ? 1 : 0;
        }
        final double w = z / c;
        if (variant == ParetoVariant.LOMAX) {
            return w <= 0 ? 1 : Math.pow(1 + w, -alpha);
        }
        return w <= 1 ? 1 : Math.pow(w, -alpha);
    }

    /** @return \(E Z\): \(c/(\alpha-1)\) (Lomax) or \(c\alpha/(\alpha-1)\) (classical); +inf if \(\alpha \le 1\) */
    public double mean() {
        if (alpha <= 1) {
            return Double.POSITIVE_INFINITY;
        }
        return variant == ParetoVariant.LOMAX ? c / (alpha - 1) : c * alpha / (alpha - 1);
    }

    /** @return c */
    public double c() {
        return c;
    }

    /** @return alpha */
    public double alpha() {
        return alpha;
    }

    /** @return the law of W */
    public ParetoVariant variant() {
        return variant;
    }

    /** {@inheritDoc} */
    @Override
    public HeavyTailedMultiplier withUniformRandomProvider(UniformRandomProvider rng) {
        return new HeavyTailedMultiplier(rng, c, alpha, variant);
    }

    @Override
    public String toString() {
        return "HeavyTailedMultiplier[Z = c W, c=" + c + ", W ~ " + variant + "(alpha=" + alpha + "), " + exponential
            + "]";
    }
}
