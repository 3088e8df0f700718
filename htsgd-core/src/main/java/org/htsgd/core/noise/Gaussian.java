package org.htsgd.core.noise;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.GaussianSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.htsgd.core.validation.Require;

/**
 * Light-tailed control noise \(Z \sim N(0, \sigma^2)\) (the paper's "light-tailed noises are N(0,1)", §3.1):
 * \(\alpha = +\infty\), \(H(x) = \mathrm{erfc}(x/(\sigma\sqrt{2}))\), \(p_+ = 1/2\).
 *
 * <p>Sampling: {@link GaussianSampler} on {@link ZigguratSampler.NormalizedGaussian}.
 *
 * @param sigma the standard deviation, finite and {@code > 0}
 */
public record Gaussian(double sigma) implements NoiseLaw {
    /** The standard normal law, for the tail. */
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    /** @throws IllegalArgumentException if {@code sigma} is not finite and {@code > 0} */
    public Gaussian {
        Require.finitePositive(sigma, "sigma");
    }

    /**
     * @param sigma the standard deviation, finite and {@code > 0}
     * @return the law
     * @throws IllegalArgumentException if {@code sigma} is out of range (NaN included)
     */
    public static Gaussian of(double sigma) {
        return new Gaussian(sigma);
    }

    /** @return \(+\infty\) */
    @Override
    public double alpha() {
        return Double.POSITIVE_INFINITY;
    }

    /** @return \(\mathrm{erfc}(x/(\sigma\sqrt 2)) = 2\bar\Phi(x/\sigma)\) for {@code x >= 0}, 1 below */
    @Override
    public double tail(double x) {
        return x <= 0 ? 1.0 : 2 * STANDARD_NORMAL.survivalProbability(x / sigma);
    }

    /** @return 1/2 */
    @Override
    public double pPlus() {
        return 0.5;
    }

    /** {@inheritDoc} */
    @Override
    public SharedStateContinuousSampler sampler(UniformRandomProvider rng) {
        return GaussianSampler.of(ZigguratSampler.NormalizedGaussian.of(rng), 0, sigma);
    }

    /** @return the {@link NoiseLaws#parse(String)} spec, e.g. {@code gaussian:sigma=1.0} */
    public String spec() {
        return "gaussian:sigma=" + sigma;
    }

    /** @return the law and its parameter */
    @Override
    public String toString() {
        return "Gaussian[sigma=" + sigma + "]";
    }
}
