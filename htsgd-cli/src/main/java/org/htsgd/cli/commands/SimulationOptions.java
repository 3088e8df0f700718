package org.htsgd.cli.commands;

import java.nio.file.Path;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.cli.options.LandscapeOption;
import org.htsgd.cli.options.NoiseOption;
import org.htsgd.cli.options.OutputOption;
import org.htsgd.cli.options.PathBlockOption;
import org.htsgd.cli.options.SeedOption;
import org.htsgd.cli.options.StartOption;
import org.htsgd.cli.options.ThreadsOption;
import org.htsgd.cli.options.TruncationOption;
import org.htsgd.core.landscape.Landscape1D;
import org.htsgd.core.landscape.Landscape;
import org.htsgd.core.noise.NoiseLaw;
import org.htsgd.core.noise.VectorNoiseLaw;
import picocli.CommandLine.Mixin;

/**
 * The options of the simulation commands ({@code exit-time}, {@code occupancy}), composed of the shared mixins:
 * landscape, noise, truncation (default {@value TruncationOption#SIMULATION_DEFAULT}), start point, seed, parts of
 * paths, threads, output directory.
 */
final class SimulationOptions {
    @Mixin
    private LandscapeOption landscape;

    @Mixin
    private NoiseOption noise;

    @Mixin
    private TruncationOption truncation;

    @Mixin
    private StartOption start;

    @Mixin
    private SeedOption seed;

    @Mixin
    private PathBlockOption block;

    @Mixin
    private ThreadsOption threads;

    @Mixin
    private OutputOption out;

    /** @return the parsed landscape */
    Landscape parseLandscape() {
        return landscape.parse();
    }

    /** @param command the command's name @return the parsed landscape, which must be 1-D */
    Landscape1D parseLandscape1D(String command) {
        return landscape.parse1D(command);
    }

    /** @return the scalar noise law (1-D) */
    NoiseLaw scalarNoise() {
        return noise.scalar();
    }

    /** @param dimension d @return the isotropic noise law (d-D) */
    VectorNoiseLaw vectorNoise(int dimension) {
        return noise.vector(dimension);
    }

    /** @return the truncation threshold */
    double b() {
        return truncation.orElse(TruncationOption.SIMULATION_DEFAULT);
    }

    /**
     * @param f the landscape
     * @return the start point, with {@code f}'s dimension
     * @throws IllegalArgumentException if it is not a point of that dimension
     */
    double[] start(Landscape f) {
        return start.point(f);
    }

    /** @return the parts of paths: a whole run, a part, or a merge of parts */
    PathBlockOption block() {
        return block;
    }

    /** @return the master seed */
    long seed() {
        return seed.value();
    }

    /** @return the worker thread count */
    int threadCount() {
        return threads.count();
    }

    /** @return the output directory as given */
    Path out() {
        return out.path();
    }

    /** @return the output directory, created if missing */
    OutputDir openOut() {
        return out.open();
    }
}
