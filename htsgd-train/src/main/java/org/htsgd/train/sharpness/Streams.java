package org.htsgd.train.sharpness;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Reproducible random streams addressed by (seed, measure, index): stream k of a measure is the same whichever other
 * measures run and however many samples are drawn, and the same stream can be replayed (common random numbers along
 * a binary search).
 */
final class Streams {
    private Streams() {
    }

    /**
     * @param seed the user's seed
     * @param measure the measure
     * @param index the sample / restart / probe index
     * @return a fresh XO_RO_SHI_RO_128_PP generator whose 128-bit state hashes (seed, measure, index)
     */
    static UniformRandomProvider of(long seed, Measure measure, long index) {
        // Chained SplitMix64 hashing: distinct (seed, measure, index) give unrelated states, unlike raw nearby seeds.
        long h = new SplitMix64(seed).nextLong();
        h = new SplitMix64(h ^ (0x9E3779B97F4A7C15L * (measure.ordinal() + 1))).nextLong();
        SplitMix64 mix = new SplitMix64(h ^ (0xC2B2AE3D27D4EB4FL * (index + 1)));
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {mix.nextLong(), mix.nextLong()});
    }
}
