package org.htsgd.core.noise;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;

/** \(U \cdot W\) with \(U = \pm 1\) fair and independent of \(W \ge 0\). */
final class RandomSignSampler implements SharedStateContinuousSampler {
    /** The sampler of \(W\). */
    private final SharedStateContinuousSampler magnitude;
    /** Sign bits. */
    private final RandomSigns signs;
    /** The generator (for {@link #toString()}). */
    private final UniformRandomProvider rng;
    /** Name of the law, for {@link #toString()}. */
    private final String name;

    /**
     * @param rng the generator of the signs (the same as the magnitude's)
     * @param magnitude the sampler of W
     * @param name the law's name
     */
    RandomSignSampler(UniformRandomProvider rng, SharedStateContinuousSampler magnitude, String name) {
        this.rng = rng;
        this.magnitude = magnitude;
        this.signs = new RandomSigns(rng);
        this.name = name;
    }

    /** {@inheritDoc} */
    @Override
    public double sample() {
        return signs.apply(magnitude.sample());
    }

    /** {@inheritDoc} */
    @Override
    public RandomSignSampler withUniformRandomProvider(UniformRandomProvider rng) {
        return new RandomSignSampler(rng, magnitude.withUniformRandomProvider(rng), name);
    }

    /** @return the law, the magnitude sampler and the generator */
    @Override
    public String toString() {
        return name + " sampler [" + magnitude + ", random sign, " + rng + "]";
    }
}
