package org.htsgd.cli.commands;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.cli.io.Progress;
import org.htsgd.core.landscape.Landscape1D;
import org.htsgd.core.noise.NoiseLaw;
import org.htsgd.core.noise.NoiseLaws;
import org.htsgd.core.simulation.Execution;
import org.htsgd.core.simulation.ExitTimeSweep;
import org.htsgd.core.simulation.ExitTimes;
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
                + "bootstrap 95% CI next to the predicted exponent 1+(alpha-1)l*. Writes DIR/exit-time.json and "
                + "DIR/exit-time.csv.")
public final class ExitTimeCommand implements Callable<Integer> {
    @Mixin
    SimulationOptions sim;

    @Option(names = "--start", required = true, description = "start point (inside an attraction field)")
    double start;

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
        Landscape1D f = SimulationOptions.require1D(sim.parseLandscape(), "exit-time");
        NoiseLaw law = sim.scalarNoise();
        ExitTimeRun run = ExitTimeRun.of(f, law, sim.b, start, etas, paths, maxSteps, sim.seed, fitPoints);
        OutputDir dir = OutputDir.of(sim.out);
        Map<String, Object> json;
        try (Progress bar = Progress.start("exit-time", (long) paths * etas.length, "paths")) {
            json = run.execute(Execution.threads(sim.threadCount()).withProgress(bar::set));
        }
        json.put("command", "exit-time");
        dir.writeJson("exit-time.json", json);
        dir.writeCsv("exit-time.csv", List.of("eta", "mean", "median", "censored", "paths", "predicted_mean"),
                run.rows());
        System.out.print(run.summary());
        System.out.println("wrote " + dir.resolve("exit-time.json"));
        return 0;
    }

    /**
     * One exit-time experiment: the command's settings of an {@link ExitTimeSweep} (one seed for the paths of every
     * eta and for the bootstrap, the slope fitted on the {@code fitPoints} smallest etas), and its JSON, CSV rows and
     * summary (usable without the command line).
     */
    static final class ExitTimeRun {
        private final ExitTimeSweep sweep;
        private final int fitPoints;
        private ExitTimeSweep.Result result;

        private ExitTimeRun(ExitTimeSweep sweep, int fitPoints) {
            this.sweep = sweep;
            this.fitPoints = fitPoints;
        }

        static ExitTimeRun of(Landscape1D f, NoiseLaw law, double b, double start, double[] etas, int paths,
                              long maxSteps, long seed, int fitPoints) {
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
                throw new IllegalArgumentException("--fit-points is not 0 or in [2, " + etas.length + "]: "
                        + fitPoints);
            }
            if (!f.domain().contains(new double[] {start})) {
                throw new IllegalArgumentException("start is outside the domain [" + f.domain().lo() + ", "
                        + f.domain().hi() + "]: " + start);
            }
            // Fit on the smallest etas (largest 1/eta), where the local slope has settled.
            int k = Math.min(fitPoints == 0 ? Math.max(2, (etas.length + 1) / 2) : fitPoints, etas.length);
            long[] seeds = new long[etas.length];
            Arrays.fill(seeds, seed);
            return new ExitTimeRun(ExitTimeSweep.of(new ExitTimeSweep.Config(f, law, b, start, etas, seeds,
                    ExitTimeSweep.smallest(etas, k), paths, maxSteps, seed)), k);
        }

        Map<String, Object> execute(Execution execution) {
            result = sweep.run(execution);
            ExitTimeSweep.Config c = sweep.config();
            TheoryReport.MinimumReport m = sweep.theory();
            Map<String, Object> json = new LinkedHashMap<>();
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("landscape", c.landscape().name());
            config.put("noise", NoiseLaws.spec(c.noise()));
            config.put("b", c.b());
            config.put("start", c.start());
            config.put("eta", c.etas());
            config.put("paths", c.paths());
            config.put("maxSteps", c.maxSteps());
            config.put("seed", c.fitSeed());
            config.put("fitPoints", fitPoints);
            json.put("config", config);
            Map<String, Object> th = new LinkedHashMap<>();
            th.put("field", sweep.field() + 1);
            th.put("fieldLower", m.fieldLower());
            th.put("fieldUpper", m.fieldUpper());
            th.put("width", m.width());
            th.put("lStar", m.lStar());
            th.put("predictedExponent", m.predictedExponent());
            th.put("q", m.exitRate());
            json.put("theory", th);
            List<Map<String, Object>> per = new ArrayList<>();
            for (ExitTimeSweep.Point p : result.points()) {
                ExitTimes.Result r = p.exits();
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("eta", p.eta());
                e.put("mean", r.mean());
                e.put("median", r.median());
                e.put("censored", r.censoredCount());
                e.put("paths", r.paths());
                e.put("predictedMean", p.predictedMean());
                if (p.ks() != null) {
                    e.put("ksStatistic", p.ks().statistic());
                    e.put("ksPValue", p.ks().pValue());
                }
                e.put("exitSteps", r.exitSteps());
                per.add(e);
            }
            json.put("perEta", per);
            LogLogFit fit = result.fit();
            if (fit != null) {
                // etas as 1/x of the fits (not the input values), as this file has always written them
                double[] x = result.all().x();
                Map<String, Object> fj = new LinkedHashMap<>();
                fj.put("slope", fit.slope());
                fj.put("ciLow", fit.ciLow());
                fj.put("ciHigh", fit.ciHigh());
                fj.put("intercept", fit.intercept());
                fj.put("etas", Arrays.stream(fit.x()).map(v -> 1 / v).toArray());
                fj.put("coversPrediction", fit.covers(m.predictedExponent()));
                json.put("fit", fj);
                List<Map<String, Object>> local = new ArrayList<>();
                double[] ls = result.all().localSlopes();
                for (int i = 0; i < ls.length; i++) {
                    Map<String, Object> l = new LinkedHashMap<>();
                    l.put("etaFrom", 1 / x[i]);
                    l.put("etaTo", 1 / x[i + 1]);
                    l.put("slope", ls[i]);
                    l.put("ciLow", result.all().localCiLow()[i]);
                    l.put("ciHigh", result.all().localCiHigh()[i]);
                    local.add(l);
                }
                json.put("localSlopes", local);
            }
            return json;
        }

        List<List<?>> rows() {
            List<List<?>> rows = new ArrayList<>();
            for (ExitTimeSweep.Point p : result.points()) {
                ExitTimes.Result r = p.exits();
                rows.add(List.of(p.eta(), r.mean(), r.median(), r.censoredCount(), r.paths(), p.predictedMean()));
            }
            return rows;
        }

        String summary() {
            TheoryReport.MinimumReport m = sweep.theory();
            double b = sweep.config().b();
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "exit from field %d (%.4f, %.4f) of %s, b = %s, width %.4f, "
                    + "l* = %d, predicted exponent %.3f%n", sweep.field() + 1, m.fieldLower(), m.fieldUpper(),
                    sweep.config().landscape().name(), Double.isInfinite(b) ? "inf" : Double.toString(b), m.width(),
                    m.lStar(), m.predictedExponent()));
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
                        fit.slope(), fit.ciLow(), fit.ciHigh(), m.predictedExponent()));
            }
            return sb.toString();
        }
    }
}
