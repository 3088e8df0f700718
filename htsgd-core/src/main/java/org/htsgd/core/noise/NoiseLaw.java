package org.htsgd.core.noise;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;

/**
 * The law of the scalar gradient noise \(Z\) of the paper (Assumption 2, ICLR 2022 §2.1):
 * mean zero, tail function \(H(x) = P(|Z| > x)\) regularly varying with index \(-\alpha\), and tail balance
 * \(P(Z > x)/H(x) \to p_+\), \(P(Z < -x)/H(x) \to p_-\).
 *
 * <p>A law is an immutable description; sampling goes through a {@link SharedStateContinuousSampler} bound to an
 * injected generator, so Monte Carlo replicas each get their own stream
 * ({@code sampler.withUniformRandomProvider(rng)}).
 */
public interface NoiseLaw {
    /** @return the tail index \(\alpha\); {@code Double.POSITIVE_INFINITY} for light-tailed laws (Gaussian). */
    double alpha();

    /**
     * @param x a threshold, {@code x >= 0}
     * @return \(H(x) = P(|Z| > x)\) in closed form, or {@code NaN} where no closed form is known
     */
    double tail(double x);

    /** @return \(p_+ = \lim P(Z > x)/H(x)\). */
    double pPlus();

    /** @return \(p_- = 1 - p_+\). */
    default double pMinus() {
        return 1 - pPlus();
    }

    /**
     * @param rng the generator the sampler draws from (never created inside)
     * @return a sampler of \(Z\)
     */
    SharedStateContinuousSampler sampler(UniformRandomProvider rng);
}
