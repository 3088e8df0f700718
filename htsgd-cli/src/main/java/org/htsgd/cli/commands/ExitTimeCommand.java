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
import org.htsgd.core.analysis.AttractionFields1D;
import org.htsgd.core.analysis.CriticalPoints1D;
import org.htsgd.core.landscape.Landscape1D;
import org.htsgd.core.noise.NoiseLaw;
import org.htsgd.core.noise.NoiseLaws;
import org.htsgd.core.simulation.Execution;
import org.htsgd.core.simulation.ExitTimes;
import org.htsgd.core.simulation.Partition1D;
import org.htsgd.core.simulation.RunBudget;
import org.htsgd.core.simulation.Sgd1D;
import org.htsgd.core.stats.ExponentialKs;
import org.htsgd.core.stats.LogLogFit;
import org.htsgd.core.theory.Theory;
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

    /** One exit-time experiment: configuration, execution and its JSON (usable without the command line). */
    static final class ExitTimeRun {
        private final Landscape1D f;
        private final NoiseLaw law;
        private final double b;
        private final double start;
        private final double[] etas;
        private final int paths;
        private final long maxSteps;
        private final long seed;
        private final int fitPoints;
        private final AttractionFields1D fields;
        private final int field;
        private final TheoryReport theory;
        private final List<ExitTimes.Result> results = new ArrayList<>();
        private LogLogFit fit;

        private ExitTimeRun(Landscape1D f, NoiseLaw law, double b, double start, double[] etas, int paths,
                            long maxSteps, long seed, int fitPoints) {
            this.f = f;
            this.law = law;
            this.b = b;
            this.start = start;
            this.etas = etas.clone();
            this.paths = paths;
            this.maxSteps = maxSteps;
            this.seed = seed;
            this.fitPoints = fitPoints;
            this.fields = CriticalPoints1D.of(f).fields();
            this.field = fields.field(start);
            this.theory = Theory.of(fields, f, b, law, f.name());
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
            String etaCount = etas.length > 1 ? " x " + etas.length + " etas" : "";
            RunBudget.requireMemory("--paths " + paths + etaCount,
                    RunBudget.exitTimeBytes((double) paths * etas.length, 1));
            RunBudget.requireSteps("--max-steps " + maxSteps + " x --paths " + paths + etaCount,
                    (double) maxSteps * paths * etas.length);
            return new ExitTimeRun(f, law, b, start, etas, paths, maxSteps, seed, fitPoints);
        }

        Map<String, Object> execute(Execution execution) {
            Partition1D partition = Partition1D.of(interior(fields.boundaries()));
            long done = 0;
            for (double eta : etas) {
                Sgd1D sgd = Sgd1D.of(f, law, eta, b);
                ExitTimes.Config1D config = ExitTimes.Config1D.of(sgd, start, partition, maxSteps, paths, seed);
                long offset = done;
                results.add(ExitTimes.run(config, execution.withProgress(n -> execution.progress().accept(offset + n))));
                done += paths;
            }
            // Fit on the smallest etas (largest 1/eta), where the local slope has settled.
            Integer[] order = new Integer[etas.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, c) -> Double.compare(etas[c], etas[a])); // decreasing eta = increasing 1/eta
            int k = fitPoints == 0 ? Math.max(2, (etas.length + 1) / 2) : fitPoints;
            k = Math.min(k, etas.length);
            double[] x = new double[etas.length];
            double[][] samples = new double[etas.length][];
            for (int r = 0; r < order.length; r++) {
                x[r] = 1 / etas[order[r]];
                samples[r] = Arrays.stream(results.get(order[r]).exitSteps()).asDoubleStream().toArray();
            }
            LogLogFit all = etas.length >= 2 ? LogLogFit.fit(x, samples, seed) : null;
            if (etas.length >= 2) {
                fit = LogLogFit.fit(Arrays.copyOfRange(x, x.length - k, x.length),
                        Arrays.copyOfRange(samples, x.length - k, x.length), seed);
            }
            TheoryReport.MinimumReport m = theory.minima().get(field);
            Map<String, Object> json = new LinkedHashMap<>();
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("landscape", f.name());
            config.put("noise", NoiseLaws.spec(law));
            config.put("b", b);
            config.put("start", start);
            config.put("eta", etas);
            config.put("paths", paths);
            config.put("maxSteps", maxSteps);
            config.put("seed", seed);
            config.put("fitPoints", k);
            json.put("config", config);
            Map<String, Object> th = new LinkedHashMap<>();
            th.put("field", field + 1);
            th.put("fieldLower", m.fieldLower());
            th.put("fieldUpper", m.fieldUpper());
            th.put("width", m.width());
            th.put("lStar", m.lStar());
            th.put("predictedExponent", m.predictedExponent());
            th.put("q", m.exitRate());
            json.put("theory", th);
            List<Map<String, Object>> per = new ArrayList<>();
            for (int i = 0; i < etas.length; i++) {
                ExitTimes.Result r = results.get(i);
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("eta", etas[i]);
                e.put("mean", r.mean());
                e.put("median", r.median());
                e.put("censored", r.censoredCount());
                e.put("paths", r.paths());
                double pred = predictedMean(etas[i]);
                e.put("predictedMean", pred);
                if (Double.isFinite(pred) && r.censoredCount() == 0) {
                    double[] s = Arrays.stream(r.exitSteps()).asDoubleStream().toArray();
                    ExponentialKs ks = ExponentialKs.test(s, 1 / pred); // q lambda(eta) sigma ~ Exp(1)
                    e.put("ksStatistic", ks.statistic());
                    e.put("ksPValue", ks.pValue());
                }
                e.put("exitSteps", r.exitSteps());
                per.add(e);
            }
            json.put("perEta", per);
            if (fit != null) {
                Map<String, Object> fj = new LinkedHashMap<>();
                fj.put("slope", fit.slope());
                fj.put("ciLow", fit.ciLow());
                fj.put("ciHigh", fit.ciHigh());
                fj.put("intercept", fit.intercept());
                fj.put("etas", Arrays.stream(x, x.length - k, x.length).map(v -> 1 / v).toArray());
                fj.put("coversPrediction", fit.covers(m.predictedExponent()));
                json.put("fit", fj);
                List<Map<String, Object>> local = new ArrayList<>();
                double[] ls = all.localSlopes();
                for (int i = 0; i < ls.length; i++) {
                    Map<String, Object> l = new LinkedHashMap<>();
                    l.put("etaFrom", 1 / x[i]);
                    l.put("etaTo", 1 / x[i + 1]);
                    l.put("slope", ls[i]);
                    l.put("ciLow", all.localCiLow()[i]);
                    l.put("ciHigh", all.localCiHigh()[i]);
                    local.add(l);
                }
                json.put("localSlopes", local);
            }
            return json;
        }

        /** Mean exit time predicted by Theorem 1, \(1/(q\lambda(\eta))\); NaN where q is unknown. */
        double predictedMean(double eta) {
            TheoryReport.MinimumReport m = theory.minima().get(field);
            if (!(m.exitRate() > 0) || m.lStar() == Integer.MAX_VALUE) {
                return Double.NaN;
            }
            return Theory.meanExitTime(m.exitRate(), law, m.lStar(), eta);
        }

        List<List<?>> rows() {
            List<List<?>> rows = new ArrayList<>();
            for (int i = 0; i < etas.length; i++) {
                ExitTimes.Result r = results.get(i);
                rows.add(List.of(etas[i], r.mean(), r.median(), r.censoredCount(), r.paths(),
                        predictedMean(etas[i])));
            }
            return rows;
        }

        String summary() {
            TheoryReport.MinimumReport m = theory.minima().get(field);
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "exit from field %d (%.4f, %.4f) of %s, b = %s, width %.4f, "
                    + "l* = %d, predicted exponent %.3f%n", field + 1, m.fieldLower(), m.fieldUpper(), f.name(),
                    Double.isInfinite(b) ? "inf" : Double.toString(b), m.width(), m.lStar(),
                    m.predictedExponent()));
            sb.append(String.format(Locale.ROOT, "%10s %14s %14s %9s %14s%n", "eta", "mean", "median", "censored",
                    "theory mean"));
            for (int i = 0; i < etas.length; i++) {
                ExitTimes.Result r = results.get(i);
                sb.append(String.format(Locale.ROOT, "%10.4g %14.4g %14.4g %9d %14.4g%n", etas[i], r.mean(),
                        r.median(), r.censoredCount(), predictedMean(etas[i])));
            }
            if (fit != null) {
                sb.append(String.format(Locale.ROOT, "fitted slope %.3f, 95%% CI [%.3f, %.3f] (predicted %.3f)%n",
                        fit.slope(), fit.ciLow(), fit.ciHigh(), m.predictedExponent()));
            }
            return sb.toString();
        }
    }

    /** @param boundaries field boundaries including the domain ends @return the interior ones */
    static double[] interior(double[] boundaries) {
        return Arrays.copyOfRange(boundaries, 1, boundaries.length - 1);
    }
}
