package org.htsgd.core.noise;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;

/** \(c \cdot X\) for a sampler of \(X\) and a constant \(c > 0\). */
final class ScaledSampler implements SharedStateContinuousSampler {
    /** The sampler of \(X\). */
    private final SharedStateContinuousSampler base;
    /** The factor \(c\). */
    private final double scale;
    /** Name of the law, for {@link #toString()}. */
    private final String name;

    /**
     * @param base the sampler of X
     * @param scale the factor
     * @param name the law's name
     */
    ScaledSampler(SharedStateContinuousSampler base, double scale, String name) {
        this.base = base;
        this.scale = scale;
        this.name = name;
    }

    /** {@inheritDoc} */
    @Override
    public double sample() {
        return scale * base.sample();
    }

    /** {@inheritDoc} */
    @Override
    public ScaledSampler withUniformRandomProvider(UniformRandomProvider rng) {
        return new ScaledSampler(base.withUniformRandomProvider(rng), scale, name);
    }

    /** @return the law and the underlying sampler */
    @Override
    public String toString() {
        return name + " sampler [" + base + "]";
    }
}
