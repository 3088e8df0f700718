package org.htsgd.cli.commands;

import java.nio.file.Path;
import org.htsgd.core.landscape.Landscape;
import org.htsgd.core.landscape.Landscape1D;
import org.htsgd.core.landscape.Landscapes;
import org.htsgd.core.noise.NoiseLaw;
import org.htsgd.core.noise.NoiseLaws;
import org.htsgd.core.noise.VectorNoiseLaw;
import picocli.CommandLine.Option;

/** Options shared by the simulation commands: landscape, noise, truncation, seed, threads, output directory. */
final class SimulationOptions {
    @Option(names = "--landscape", defaultValue = "paper1d", paramLabel = "SPEC",
            description = "paper1d, himmelblau, doublewell, or 'expr:<f(x)>[;L=..]' / 'expr:<f(x,y)>[;R=..]' "
                    + "(default: ${DEFAULT-VALUE})")
    String landscape;

    @Option(names = "--noise", paramLabel = "LAW",
            description = "noise law: lomax:alpha=1.2,scale=0.1 | pareto:alpha=..,scale=.. | stable:alpha=..,"
                    + "scale=.. | student:df=..,scale=.. | gaussian:sigma=.. (default: the paper's, "
                    + "lomax:alpha=1.2,scale=0.1 in 1-D; isotropic 0.75*Pareto(1.2) radius in 2-D)")
    String noise;

    @Option(names = "--b", defaultValue = "0.5", converter = Converters.Threshold.class, paramLabel = "B",
            description = "truncation threshold of the whole step (eq. 1); 'inf' for none (default: ${DEFAULT-VALUE})")
    double b;

    @Option(names = "--seed", defaultValue = "1", description = "master seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", defaultValue = "0",
            description = "worker threads; 0 = all cores (results do not depend on it)")
    int threads;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    /** @return the parsed landscape */
    Landscape parseLandscape() {
        return Landscapes.parse(landscape);
    }

    /** @param f a landscape @return it as 1-D, or bad input naming the command's limit */
    static Landscape1D require1D(Landscape f, String command) {
        if (f instanceof Landscape1D l) {
            return l;
        }
        throw new IllegalArgumentException(command + " needs a 1-D landscape; " + f.name() + " is "
                + f.dimension() + "-D");
    }

    /** @return the scalar noise law (1-D) */
    NoiseLaw scalarNoise() {
        return noise == null ? NoiseLaws.paper1d() : NoiseLaws.parse(noise);
    }

    /** @param dimension d @return the isotropic noise law (d-D) */
    VectorNoiseLaw vectorNoise(int dimension) {
        if (noise == null) {
            return dimension == 2 ? NoiseLaws.paper2d() : NoiseLaws.isotropic(dimension, "pareto:alpha=1.2,scale=1");
        }
        return NoiseLaws.isotropic(dimension, noise);
    }

    /** @return the worker thread count */
    int threadCount() {
        if (threads < 0) {
            throw new IllegalArgumentException("--threads is not >= 0: " + threads);
        }
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
