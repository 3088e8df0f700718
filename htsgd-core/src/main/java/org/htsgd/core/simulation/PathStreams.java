package org.htsgd.core.simulation;

import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Independent per-path random streams: stream {@code k} is the state of a {@code XO_RO_SHI_RO_128_PP} generator
 * seeded with {@code seed} after {@code k} jumps of \(2^{64}\) outputs. The streams depend only on (seed, k), never
 * on the thread that consumes them, and they cannot overlap for fewer than \(2^{64}\) draws per path. A block of
 * paths {@code first .. first + n - 1} therefore draws exactly what those paths draw in a run of all paths, which is
 * what lets a large run be cut into parts ({@link PathBlocks}) whose merge equals the one-process run.
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
        return of(seed, 0, paths);
    }

    /**
     * @param seed the run's seed
     * @param firstPath index of the first stream, {@code >= 0}
     * @param paths number of streams
     * @return the streams {@code firstPath .. firstPath + paths - 1}, index = path - firstPath
     */
    static UniformRandomProvider[] of(long seed, int firstPath, int paths) {
        JumpableUniformRandomProvider master =
            (JumpableUniformRandomProvider) RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        for (int k = 0; k < firstPath; k++) {
            // skips stream k: each jump costs about 128 draws, so a block starting at path 10^6 waits ~0.1 s
            master.jump();
        }
        UniformRandomProvider[] streams = new UniformRandomProvider[paths];
        for (int k = 0; k < paths; k++) {
            // jump() returns a copy of the current state, then advances the master by 2^64 outputs.
            streams[k] = master.jump();
        }
        return streams;
    }

    /**
     * A copy of a stream allocated by the calling thread, continuing exactly where {@code template} stands.
     *
     * <p>The streams of {@link #of} are allocated one after another by the thread that starts the run, so the
     * generator states of neighbouring paths share cache lines. Two workers stepping neighbouring paths would then
     * write to the same line on every draw (false sharing); a worker therefore draws from its own copy, allocated
     * in its own thread-local allocation buffer. The copy's output is identical to the template's.
     *
     * @param template a stream of {@link #of}, not drawn from by anyone else
     * @return the copy
     */
    static UniformRandomProvider ownCopy(UniformRandomProvider template) {
        RestorableUniformRandomProvider copy = RandomSource.XO_RO_SHI_RO_128_PP.create(0L);
        copy.restoreState(((RestorableUniformRandomProvider) template).saveState());
        return copy;
    }
}
