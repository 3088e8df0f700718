package org.htsgd.core.simulation;

import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Independent per-path random streams: stream {@code k} is the state of a {@code XO_RO_SHI_RO_128_PP} generator
 * seeded with {@code seed} after {@code k} jumps of \(2^{64}\) outputs. The streams depend only on (seed, k), never
 * on the thread that consumes them, and they cannot overlap for fewer than \(2^{64}\) draws per path.
 */
final class PathStreams {
    private PathStreams() {
    }

    /**
     * @param seed the run's seed
     * @param paths number of streams
     * @return the streams, index = path
     */
    static UniformRandomProvider[] of(long seed, int paths) {
        JumpableUniformRandomProvider master =
            (JumpableUniformRandomProvider) RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        UniformRandomProvider[] streams = new UniformRandomProvider[paths];
        for (int k = 0; k < paths; k++) {
            // jump() returns a copy of the current state, then advances the master by 2^64 outputs.
            streams[k] = master.jump();
        }
        return streams;
    }
}
