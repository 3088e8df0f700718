package org.htsgd.core.noise;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A cache of random sign bits: one {@code nextLong()} gives 64 independent fair signs. Not thread-safe; each
 * sampler owns one.
 */
final class RandomSigns {
    /** The generator the bits come from. */
    private final UniformRandomProvider rng;
    /** Unused bits (lowest first). */
    private long bits;
    /** How many bits of {@link #bits} are unused. */
    private int left;

    /** @param rng the generator */
    RandomSigns(UniformRandomProvider rng) {
        this.rng = rng;
    }

    /**
     * @param magnitude a value {@code >= 0}
     * @return {@code magnitude} or {@code -magnitude}, each with probability 1/2
     */
    double apply(double magnitude) {
        if (left == 0) {
            bits = rng.nextLong();
            left = 64;
        }
        // Branch-free: move the lowest unused bit into the IEEE sign bit.
        final long sign = bits << 63;
        bits >>>= 1;
        left--;
        return Double.longBitsToDouble(Double.doubleToRawLongBits(magnitude) ^ sign);
    }
}
