package org.htsgd.cli.options;

import picocli.CommandLine.Option;

/**
 * {@code --seed N}: the master seed. Every random choice of a command (simulated paths, initial weights, batches,
 * noise, the sharpness measures' perturbations, a reproduction's parts) derives from it, so the same seed gives the
 * same numbers. The default, 1, is also the seed of every built-in {@code reproduce} profile.
 */
public final class SeedOption {
    /** The master seed. */
    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "master seed; the same seed gives the same numbers (default: ${DEFAULT-VALUE})")
    private long seed;

    /** @return the master seed */
    public long value() {
        return seed;
    }
}
