package org.htsgd.core.noise;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The law of a \(d\)-dimensional noise vector \(Z\) (multivariate regular variation, S4 Assumption 1): the radius
 * \(\|Z\|\) has tail \(H(x) = P(\|Z\| > x)\) regularly varying with index \(-\alpha\).
 */
public interface VectorNoiseLaw {
    /** @return the dimension \(d\). */
    int dimension();

    /** @return the tail index \(\alpha\) of the radius. */
    double alpha();

    /** @param x threshold @return \(P(\|Z\| > x)\), or {@code NaN} if no closed form */
    double tail(double x);

    /**
     * @param rng the generator the sampler draws from
     * @return a sampler writing one draw of \(Z\) into a caller-owned array (no allocation per draw)
     */
    VectorSampler sampler(UniformRandomProvider rng);

    /** Draws noise vectors into a caller-owned buffer. */
    @FunctionalInterface
    interface VectorSampler {
        /** @param out receives one draw; {@code out.length == dimension()} */
        void sample(double[] out);
    }
}
