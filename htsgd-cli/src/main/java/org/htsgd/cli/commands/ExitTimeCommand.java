package org.htsgd.cli.commands;

import java.util.List;
import java.util.concurrent.Callable;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.cli.io.Progress;
import org.htsgd.cli.options.GridOption;
import org.htsgd.cli.options.PathBlockOption;
import org.htsgd.core.landscape.Landscape;
import org.htsgd.core.simulation.Execution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code htsgd exit-time}: first-exit times from the attraction field of the start point for a grid of learning
 * rates, the fitted log-log slope of the mean exit time against \(1/\eta\) with its bootstrap CI, the local slopes
 * between consecutive \(\eta\), and the theory's exponent \(1 + (\alpha-1)l^*\) (Theorem 1) and mean
 * \(1/(q\lambda(\eta))\).
 */
@Command(name = "exit-time", mixinStandardHelpOptions = true,
        description = "First-exit times from the field of --start for each eta; log-log slope vs 1/eta with a "
                + "bootstrap 95%% CI next to the predicted exponent 1+(alpha-1)l*. Writes DIR/exit-time.json and "
                + "DIR/exit-time.csv.")
public final class ExitTimeCommand implements Callable<Integer> {
    @Mixin
    SimulationOptions sim;

    @Mixin
    GridOption grid;

    @Option(names = "--eta", required = true, split = ",", description = "learning rates, e.g. 0.1,0.05,0.03")
    double[] etas;

    @Option(names = "--paths", defaultValue = "200", description = "independent paths per eta (default: "
            + "${DEFAULT-VALUE})")
    int paths;

    @Option(names = "--max-steps", defaultValue = "50000000", converter = Converters.Count.class,
            description = "step cap per path; capped paths are reported as censored (default: ${DEFAULT-VALUE})")
    long maxSteps;

    @Option(names = "--fit-points", defaultValue = "0",
            description = "fit the slope on this many smallest etas (0 = the smaller half, at least 2), where the "
                    + "asymptotics have set in; local slopes are reported for all")
    int fitPoints;

    @Override
    public Integer call() {
        PathBlockOption block = sim.block();
        block.check(paths);
        Landscape parsed = sim.parseLandscape();
        double[] start = sim.start(parsed);
        ExitTimeRun run;
        if (parsed.dimension() == 2) {
            if (block.isPart() || block.isMerge()) {
                throw new IllegalArgumentException("--path-offset and --merge-parts split 1-D exit-time runs; "
                        + "run a 2-D exit-time sweep whole");
            }
            run = ExitTime2DRun.of(parsed, sim.vectorNoise(2), sim.b(), start,
                    ExitTimeRun.grid(etas, paths, maxSteps, fitPoints, sim.seed(), true), grid.settings(), block,
                    sim.threadCount());
        } else {
            run = ExitTime1DRun.of(sim.parseLandscape1D("exit-time"), sim.scalarNoise(), sim.b(), start[0],
                    ExitTimeRun.grid(etas, paths, maxSteps, fitPoints, sim.seed(), !block.isMerge()), block);
        }
        // a merge reads its parts before anything is written: a refused merge leaves no trace
        ExitTimeJson json = block.isMerge() ? run.merge(block.parts()) : null;
        OutputDir dir = sim.openOut();
        if (json == null) {
            try (Progress bar = Progress.start("exit-time", (long) paths * etas.length, "paths")) {
                json = run.execute(Execution.threads(sim.threadCount()).withProgress(bar::set));
            }
        }
        dir.writeJson("exit-time.json", json);
        dir.writeCsv("exit-time.csv", List.of("eta", "mean", "median", "censored", "paths", "predicted_mean"),
                run.rows());
        System.out.print(run.summary());
        System.out.println("wrote " + dir.resolve("exit-time.json"));
        return 0;
    }
}
