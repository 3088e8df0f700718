package org.htsgd.cli.commands;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.cli.io.Progress;
import org.htsgd.cli.options.GridOption;
import org.htsgd.cli.options.PathBlockOption;
import org.htsgd.cli.options.TruncationOption;
import org.htsgd.core.landscape.Landscape;
import org.htsgd.core.landscape.Landscape1D;
import org.htsgd.core.noise.NoiseLaw;
import org.htsgd.core.noise.NoiseLaws;
import org.htsgd.core.simulation.Execution;
import org.htsgd.core.simulation.ExitTimeSweep;
import org.htsgd.core.simulation.ExitTimes;
import org.htsgd.core.simulation.RunBudget;
import org.htsgd.core.stats.LogLogFit;
import org.htsgd.core.theory.TheoryReport;
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
    PathBlockOption block;

    @Option(names = "--start", required = true, paramLabel = "X[,Y]",
            description = "start point inside an attraction field: x (1-D) or x,y (2-D)")
    String startText;

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
        requireDistinct(etas);
        block.check(paths);
        double[] start = Converters.point(startText);
        Landscape parsed = sim.parseLandscape();
        if (start.length != parsed.dimension()) {
            throw new IllegalArgumentException("start has " + start.length + " coordinates but " + parsed.name()
                    + " is " + parsed.dimension() + "-D");
        }
        Run run;
        ExitTimeJson json = null;
        if (parsed.dimension() == 2) {
            if (block.isPart() || block.isMerge()) {
                throw new IllegalArgumentException("--path-offset and --merge-parts split 1-D exit-time runs; "
                        + "run a 2-D exit-time sweep whole");
            }
            run = ExitTime2DRun.of(parsed, sim.vectorNoise(2), sim.b(), start, etas, paths, maxSteps, sim.seed(),
                    fitPoints, grid.settings());
        } else {
            Landscape1D f = sim.parseLandscape1D("exit-time");
            ExitTimeRun run1 = ExitTimeRun.of(f, sim.scalarNoise(), sim.b(), start[0], etas, paths, maxSteps,
                    sim.seed(), fitPoints, block);
            // a merge reads its parts before anything is written: a refused merge leaves no trace
            json = block.isMerge() ? run1.merge(block.parts()) : null;
            run = run1;
        }
        OutputDir dir = sim.openOut();
        if (json == null) {
            try (Progress bar = Progress.start("exit-time", (long) paths * etas.length, "paths")) {
                json = run.execute(Execution.threads(sim.threadCount()).withProgress(bar::set));
            }
        }
        dir.writeJson("exit-time.json", json);
        dir.writeCsv("exit-time.csv", List.of("eta", "mean", "median", "censored", "paths", "predicted_mean"),
                rows(run.result()));
        System.out.print(run.summary());
        System.out.println("wrote " + dir.resolve("exit-time.json"));
        return 0;
    }

    /** An exit-time experiment in 1-D or 2-D (usable without the command line). */
    interface Run {
        /** @param execution threads and progress @return its JSON */
        ExitTimeJson execute(Execution execution);

        /** @return the finished sweep */
        ExitTimeSweep.Result result();

        /** @return the readable summary */
        String summary();
    }

    /**
     * Checks a sweep's sizes before any work (at least one eta, all {@code > 0}, at least two paths, a valid
     * {@code --fit-points}, memory and step budget).
     *
     * @return per eta, whether it is fitted: the {@code fitPoints} smallest (0: the smaller half, at least 2)
     * @throws IllegalArgumentException naming the bad option
     */
    static boolean[] checkSizes(double[] etas, int paths, long maxSteps, int fitPoints, boolean simulates) {
        if (etas.length == 0) {
            throw new IllegalArgumentException("--eta needs at least one learning rate");
        }
        for (double eta : etas) {
            if (!(eta > 0)) {
                throw new IllegalArgumentException("eta is not > 0: " + eta);
            }
        }
        if (paths < 2) {
            throw new IllegalArgumentException("--paths is not >= 2: " + paths);
        }
        if (fitPoints < 0 || fitPoints == 1 || fitPoints > etas.length) {
            throw new IllegalArgumentException("--fit-points is not 0 or in [2, " + etas.length + "]: " + fitPoints);
        }
        String etaCount = etas.length > 1 ? " x " + etas.length + " etas" : "";
        RunBudget.requireMemory("--paths " + paths + etaCount,
                RunBudget.exitTimeBytes((double) paths * etas.length, 1));
        if (simulates) { // a merge of parts runs no step
            RunBudget.requireSteps("--max-steps " + maxSteps + " x --paths " + paths + etaCount,
                    (double) maxSteps * paths * etas.length);
        }
        // Fit on the smallest etas (largest 1/eta), where the local slope has settled.
        int k = Math.min(fitPoints == 0 ? Math.max(2, (etas.length + 1) / 2) : fitPoints, etas.length);
        return ExitTimeSweep.smallest(etas, k);
    }

    /** @param fitted per eta, whether fitted @return how many */
    static int count(boolean[] fitted) {
        int n = 0;
        for (boolean b : fitted) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /**
     * @param result a finished sweep
     * @param perPath whether to add each path's exit target and point (a part's JSON, which a merge reads)
     * @return per eta: the JSON entry
     */
    static List<ExitTimeJson.PerEta> perEta(ExitTimeSweep.Result result, boolean perPath) {
        List<ExitTimeJson.PerEta> per = new ArrayList<>();
        for (ExitTimeSweep.Point p : result.points()) {
            ExitTimes.Result r = p.exits();
            per.add(new ExitTimeJson.PerEta(p.eta(), r.mean(), r.median(), r.censoredCount(), r.paths(),
                    p.predictedMean(), p.ks() == null ? null : p.ks().statistic(),
                    p.ks() == null ? null : p.ks().pValue(), r.exitSteps(), perPath ? r.exitTargets() : null,
                    perPath ? r.exitPoints() : null));
        }
        return per;
    }

    /** @param result a finished sweep @param predicted the predicted exponent @return its fit's JSON, or null */
    static ExitTimeJson.Fit fit(ExitTimeSweep.Result result, double predicted) {
        LogLogFit fit = result.fit();
        // etas as 1/x of the fits (not the input values), as this file has always written them
        return fit == null ? null : new ExitTimeJson.Fit(fit.slope(), fit.ciLow(), fit.ciHigh(), fit.intercept(),
                Arrays.stream(fit.x()).map(v -> 1 / v).toArray(), fit.covers(predicted));
    }

    /** @param result a finished sweep @return its local slopes' JSON, or null */
    static List<ExitTimeJson.LocalSlope> localSlopes(ExitTimeSweep.Result result) {
        if (result.fit() == null) {
            return null;
        }
        double[] x = result.all().x();
        List<ExitTimeJson.LocalSlope> local = new ArrayList<>();
        double[] ls = result.all().localSlopes();
        for (int i = 0; i < ls.length; i++) {
            local.add(new ExitTimeJson.LocalSlope(1 / x[i], 1 / x[i + 1], ls[i], result.all().localCiLow()[i],
                    result.all().localCiHigh()[i]));
        }
        return local;
    }

    /** @param result a finished sweep @return the CSV rows */
    static List<List<?>> rows(ExitTimeSweep.Result result) {
        List<List<?>> rows = new ArrayList<>();
        for (ExitTimeSweep.Point p : result.points()) {
            ExitTimes.Result r = p.exits();
            rows.add(List.of(p.eta(), r.mean(), r.median(), r.censoredCount(), r.paths(), p.predictedMean()));
        }
        return rows;
    }

    /** @param result a finished sweep @param predicted the predicted exponent @return the summary's table and fit */
    static String table(ExitTimeSweep.Result result, double predicted) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%10s %14s %14s %9s %14s%n", "eta", "mean", "median", "censored",
                "theory mean"));
        for (ExitTimeSweep.Point p : result.points()) {
            ExitTimes.Result r = p.exits();
            sb.append(String.format(Locale.ROOT, "%10.4g %14.4g %14.4g %9d %14.4g%n", p.eta(), r.mean(),
                    r.median(), r.censoredCount(), p.predictedMean()));
        }
        LogLogFit fit = result.fit();
        if (fit != null) {
            sb.append(String.format(Locale.ROOT, "fitted slope %.3f, 95%% CI [%.3f, %.3f] (predicted %.3f)%n",
                    fit.slope(), fit.ciLow(), fit.ciHigh(), predicted));
        }
        return sb.toString();
    }

    /**
     * Refuses repeated learning rates before any simulation work (a repeated eta would only be noticed by the fit).
     *
     * @param etas the learning rates as given
     * @throws IllegalArgumentException naming the first repeated one
     */
    static void requireDistinct(double[] etas) {
        Set<Double> seen = new HashSet<>();
        for (double eta : etas) {
            if (!seen.add(eta)) {
                throw new IllegalArgumentException("--eta repeats " + eta + ": give each learning rate once");
            }
        }
    }

    /** One 1-D exit-time experiment: configuration, execution and its JSON (usable without the command line). */
    static final class ExitTimeRun implements Run {
        private final ExitTimeSweep sweep;
        private final int fitPoints;
        private final PathBlockOption block;
        private ExitTimeSweep.Result result;

        private ExitTimeRun(ExitTimeSweep sweep, int fitPoints, PathBlockOption block) {
            this.sweep = sweep;
            this.fitPoints = fitPoints;
            this.block = block;
        }

        static ExitTimeRun of(Landscape1D f, NoiseLaw law, double b, double start, double[] etas, int paths,
                              long maxSteps, long seed, int fitPoints, PathBlockOption block) {
            boolean[] fitted = checkSizes(etas, paths, maxSteps, fitPoints, !block.isMerge());
            if (!f.domain().contains(new double[] {start})) {
                throw new IllegalArgumentException("start is outside the domain [" + f.domain().lo() + ", "
                        + f.domain().hi() + "]: " + start);
            }
            long[] seeds = new long[etas.length];
            Arrays.fill(seeds, seed);
            return new ExitTimeRun(ExitTimeSweep.of(new ExitTimeSweep.Config(f, law, b, start, etas, seeds, fitted,
                    paths, maxSteps, seed)), count(fitted), block);
        }

        @Override
        public ExitTimeJson execute(Execution execution) {
            result = sweep.run(block.firstPath(), execution);
            return json(block.isPart() ? new PathParts.Block(block.firstPath(), sweep.config().paths()) : null);
        }

        ExitTimeJson merge(List<java.nio.file.Path> dirs) {
            List<PathParts.Part> parts = PathParts.read(dirs, "exit-time.json", config(), sweep.config().paths());
            result = sweep.finish(PathParts.exitTimes(parts, k -> sweep.pointConfig(k, 0), sweep.config()
                    .etas().length));
            return json(null);
        }

        private ExitTimeJson.Config config() {
            ExitTimeSweep.Config c = sweep.config();
            return new ExitTimeJson.Config(c.landscape().name(), NoiseLaws.spec(c.noise()), c.b(), c.start(),
                    c.etas(), c.paths(), c.maxSteps(), c.fitSeed(), fitPoints);
        }

        /** @param part the block of a part (its JSON then has the per-path values a merge needs), or null */
        private ExitTimeJson json(PathParts.Block part) {
            TheoryReport.MinimumReport m = sweep.theory();
            return new ExitTimeJson(config(),
                    new ExitTimeJson.Theory(sweep.field() + 1, m.fieldLower(), m.fieldUpper(), m.width(), m.lStar(),
                            m.predictedExponent(), m.exitRate()),
                    perEta(result, part != null), fit(result, m.predictedExponent()), localSlopes(result), "exit-time",
                    part);
        }

        @Override
        public ExitTimeSweep.Result result() {
            return result;
        }

        @Override
        public String summary() {
            TheoryReport.MinimumReport m = sweep.theory();
            double b = sweep.config().b();
            return String.format(Locale.ROOT, "exit from field %d (%.4f, %.4f) of %s, b = %s, width %.4f, "
                    + "l* = %d, predicted exponent %.3f%n", sweep.field() + 1, m.fieldLower(), m.fieldUpper(),
                    sweep.config().landscape().name(), TruncationOption.format(b), m.width(), m.lStar(),
                    m.predictedExponent()) + table(result, m.predictedExponent());
        }
    }
}
