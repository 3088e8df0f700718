package org.htsgd.cli.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.htsgd.cli.report.Charts;
import org.htsgd.cli.report.HtmlReport;
import org.htsgd.core.landscape.Landscape1D;
import org.htsgd.core.landscape.Landscapes;
import org.htsgd.core.noise.NoiseLaw;
import org.htsgd.core.noise.NoiseLaws;
import org.htsgd.core.simulation.EtaGrid;
import org.htsgd.core.simulation.EtaSweepPoint;
import org.htsgd.core.simulation.EtaSweepResult;
import org.htsgd.core.simulation.Execution;
import org.htsgd.core.simulation.ExitTimeConfig;
import org.htsgd.core.simulation.ExitTimeResult;
import org.htsgd.core.simulation.ExitTimeSweep;
import org.htsgd.core.simulation.ExitTimes;
import org.htsgd.core.stats.LogLogFit;
import org.htsgd.core.theory.TheoryReport;

/**
 * Figure 1 (right) of the paper: the mean first-exit time from \(\Omega_2 = (s_1, s_2)\) of the paper's 1-D
 * landscape against \(1/\eta\) on log-log axes for b = 0.28, 0.5 and no truncation, with the slopes
 * \(1 + (\alpha - 1) l^*\) = 1.6, 1.4, 1.2 predicted by Theorem 1 (paper.md §3.1, Experiment A). The slope is fitted
 * on the settled small-eta points only ({@link Profile.ExitCurve#fitMaxEta()}); local slopes between consecutive
 * etas show how the asymptotics set in; Theorem 1's mean \(1/(q\lambda(\eta))\) is drawn where \(q\) is known.
 * The paths of each (curve, eta) run in blocks ({@link PathUnits}), the part's units of work, joined into the same
 * numbers as one run.
 */
final class ExitTimePart implements PathBlockPart {
    /** Tolerance of the quick profile's requirement on the fitted slopes. */
    static final double SLOPE_TOLERANCE = 0.15;

    /**
     * @return milliseconds per thousand steps, measured on one AMD EPYC Zen 3 core (the quick profile:
     *     351 s of CPU for 10.3e6 thousand predicted steps)
     */
    @Override
    public double millisPerWork() {
        return 0.034;
    }

    @Override
    public String id() {
        return "fig1-right";
    }

    @Override
    public String title() {
        return "Figure 1 (right): first exit time from the field of m2 vs 1/eta";
    }

    @Override
    public Object scale(Profile profile) {
        return profile.exitTimes();
    }

    /**
     * One learning rate.
     *
     * @param eta learning rate
     * @param paths number of paths
     * @param mean mean exit step (censored paths counted at the cap)
     * @param median median exit step
     * @param censored paths that hit the cap
     * @param fitted whether this point enters the slope fit
     * @param theoryMean Theorem 1's \(1/(q\lambda(\eta))\), NaN if q is unknown
     * @param seconds wall time
     */
    public record Point(double eta, int paths, double mean, double median, int censored, boolean fitted,
                        double theoryMean, double seconds) {
    }

    /**
     * A slope fit.
     *
     * @param etas the fitted learning rates
     * @param slope least-squares slope of log mean exit time on log(1/eta)
     * @param intercept its intercept
     * @param ciLow bootstrap 95% interval, low
     * @param ciHigh high
     * @param localSlopes local slopes between consecutive etas
     * @param localCiLow their intervals, low
     * @param localCiHigh high
     */
    public record Fit(double[] etas, double slope, double intercept, double ciLow, double ciHigh, double[] localSlopes,
                      double[] localCiLow, double[] localCiHigh) {
        static Fit of(double[] etas, LogLogFit f) {
            return new Fit(etas, f.slope(), f.intercept(), f.ciLow(), f.ciHigh(), f.localSlopes(), f.localCiLow(),
                f.localCiHigh());
        }
    }

    /**
     * One curve.
     *
     * @param label legend label
     * @param b threshold
     * @param lStar \(l^*_2\)
     * @param predictedSlope \(1 + (\alpha - 1) l^*_2\)
     * @param q \(q_2\) of eq. (10) (closed form for l* = 1, numerical otherwise)
     * @param qError error estimate of q
     * @param points per learning rate
     * @param settled fit on the settled points
     * @param all fit on all points (its local slopes)
     */
    public record Curve(String label, double b, int lStar, double predictedSlope, double q, double qError,
                        List<Point> points, Fit settled, Fit all) {
    }

    /**
     * The part's result.
     *
     * @param landscape landscape name
     * @param noise noise spec
     * @param start \(X_0\)
     * @param fieldLower \(s_1\)
     * @param fieldUpper \(s_2\)
     * @param maxSteps step cap
     * @param seed part seed
     * @param curves the curves
     */
    public record Result(String landscape, String noise, double start, double fieldLower, double fieldUpper,
                         long maxSteps, long seed, List<Curve> curves) {
    }

    /**
     * The blocks of paths of every (curve, eta), each written to
     * {@code blocks/c<curve>-eta<k>-paths<first>-<last>.json} ({@link PathBlock}).
     */
    @Override
    public PathUnits.Split<PathBlock> split(PartContext ctx) {
        return split(ctx, Plan.of(ctx));
    }

    private static PathUnits.Split<PathBlock> split(PartContext ctx, Plan plan) {
        return new PathUnits.Split<>(plan.blocks(), PathBlock.class, (b, progress) -> block(ctx, plan, b, progress));
    }

    /**
     * One block of paths of one (curve, eta), as its unit file holds it: enough to rebuild its exit times exactly
     * ({@code ExitTimeResult.of}; a censored path has target -1 and its step at the cap).
     *
     * @param curve the curve's index
     * @param k the eta's index in the curve
     * @param eta the learning rate
     * @param seed the eta's seed ({@code partSeed + 1000 curve + k})
     * @param firstPath the block's first path
     * @param paths its number of paths
     * @param exitSteps per path, the exit step (the cap if censored)
     * @param exitTargets per path, where it went (0 below, 1 above the field), -1 if censored
     * @param exitPoints per path, the first point outside the field (the last point if censored)
     * @param seconds wall time of the block
     */
    public record PathBlock(int curve, int k, double eta, long seed, int firstPath, int paths, long[] exitSteps,
                            int[] exitTargets, double[] exitPoints, double seconds) {
    }

    /**
     * The part's sweeps and blocks.
     *
     * @param sweeps per curve, its sweep
     * @param points per point (curve-major), {@code {curve, k}}
     * @param blocks the units
     */
    private record Plan(List<ExitTimeSweep> sweeps, List<int[]> points, List<PathUnits.Block> blocks) {
        static Plan of(PartContext ctx) {
            Profile.ExitTimeScale scale = ctx.profile().exitTimes();
            Landscape1D f = Landscapes.paper1d();
            NoiseLaw law = NoiseLaws.paper1d();
            List<ExitTimeSweep> sweeps = new ArrayList<>();
            List<int[]> points = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<Long> work = new ArrayList<>();
            for (int c = 0; c < scale.curves().size(); c++) {
                Profile.ExitCurve curve = scale.curves().get(c);
                ExitTimeSweep sweep = ExitTimeSweep.of(config(f, law, scale, curve, ctx.seed(), c));
                sweeps.add(sweep);
                for (int k = 0; k < curve.etas().length; k++) {
                    points.add(new int[] {c, k});
                    names.add("c" + c + "-eta" + k);
                    work.add(predictedWork(sweep, curve.etas()[k], scale.maxSteps()));
                }
            }
            int[] paths = points.stream().mapToInt(p -> scale.curves().get(p[0]).paths()).toArray();
            return new Plan(sweeps, points, PathUnits.plan(names, paths,
                work.stream().mapToLong(Long::longValue).toArray()));
        }
    }

    /** Runs a block's paths ({@link ExitTimeSweep#pointConfig} restricted to the block), progress in its k steps. */
    private static PathBlock block(PartContext ctx, Plan plan, PathUnits.Block b, LongConsumer progress) {
        int c = plan.points().get(b.point())[0];
        int k = plan.points().get(b.point())[1];
        ExitTimeSweep sweep = plan.sweeps().get(c);
        ExitTimeConfig config = sweep.pointConfig(k, b.firstPath()).withBlock(b.firstPath(), b.paths());
        long t0 = System.nanoTime();
        ExitTimeResult r = ExitTimes.run(config, new Execution(ctx.threads(), n -> progress.accept(n * b.perPath())));
        return new PathBlock(c, k, sweep.grid().etas()[k], sweep.grid().seeds()[k], b.firstPath(), b.paths(),
            r.exitSteps(), r.exitTargets(), r.exitPoints(), (System.nanoTime() - t0) * 1e-9);
    }

    /**
     * Runs the missing blocks (the code of {@link #runUnit}), reads the others from their files, joins each point's
     * blocks ({@link ExitTimeResult#merge}) and finishes each curve's sweep ({@code EtaSweep.finish}): the same numbers
     * as the sweep run at once; a point's wall time is the sum of its blocks'.
     */
    @Override
    public void run(PartContext ctx) throws Exception {
        Profile.ExitTimeScale scale = ctx.profile().exitTimes();
        Plan plan = Plan.of(ctx);
        List<PathBlock> done = PathUnits.collect(ctx, split(ctx, plan), "exit times", "k steps (predicted)", i -> {
            Profile.ExitCurve c = scale.curves().get(plan.points().get(i)[0]);
            return c.label() + ", eta " + c.etas()[plan.points().get(i)[1]];
        });
        List<List<ExitTimeResult>> pieces = new ArrayList<>();
        double[] seconds = new double[plan.points().size()];
        for (int i = 0; i < plan.points().size(); i++) {
            pieces.add(new ArrayList<>());
        }
        for (int j = 0; j < done.size(); j++) {
            PathBlock d = done.get(j);
            int i = plan.blocks().get(j).point();
            ExitTimeConfig config = plan.sweeps().get(d.curve()).pointConfig(d.k(), d.firstPath())
                .withBlock(d.firstPath(), d.paths());
            pieces.get(i).add(ExitTimeResult.of(config, d.exitSteps(), d.exitTargets(), d.exitPoints()));
            seconds[i] += d.seconds();
        }
        List<Curve> curves = new ArrayList<>();
        List<List<?>> raw = new ArrayList<>();
        int point = 0;
        for (int curveIndex = 0; curveIndex < plan.sweeps().size(); curveIndex++) {
            Profile.ExitCurve c = scale.curves().get(curveIndex);
            ExitTimeSweep sweep = plan.sweeps().get(curveIndex);
            List<ExitTimeResult> exits = new ArrayList<>();
            for (int k = 0; k < c.etas().length; k++) {
                exits.add(ExitTimeResult.merge(pieces.get(point + k)));
            }
            EtaSweepResult r = sweep.finish(exits);
            List<Point> points = new ArrayList<>();
            for (EtaSweepPoint p : r.points()) {
                long[] steps = p.exits().exitSteps();
                boolean[] censored = p.exits().censored();
                for (int i = 0; i < steps.length; i++) {
                    raw.add(List.of(c.label(), c.b(), p.eta(), i, steps[i], censored[i]));
                }
                points.add(new Point(p.eta(), steps.length, p.exits().mean(), p.exits().median(),
                    p.exits().censoredCount(), p.fitted(), p.predictedMean(), seconds[point++]));
            }
            TheoryReport.MinimumReport m = sweep.theory();
            curves.add(new Curve(c.label(), c.b(), m.lStar(), m.predictedExponent(), m.exitRate(),
                m.exitRateError(), points, Fit.of(r.fitEtas(), r.fit()), Fit.of(r.allEtas(), r.all())));
        }
        ctx.dir().writeCsv("exit-times.csv", List.of("curve", "b", "eta", "path", "exit_steps", "censored"), raw);
        Landscape1D f = Landscapes.paper1d();
        TheoryReport.MinimumReport first = plan.sweeps().get(0).theory();
        Result result = new Result(f.name(), NoiseLaws.spec(NoiseLaws.paper1d()), scale.start(), first.fieldLower(),
            first.fieldUpper(), scale.maxSteps(), ctx.seed(), curves);
        ctx.dir().writeJson("exit-times.json", result);
        List<List<?>> rows = new ArrayList<>();
        for (Curve c : curves) {
            for (int k = 0; k < c.points().size(); k++) {
                Point p = c.points().get(k);
                rows.add(List.of(c.label(), c.b(), p.eta(), 1 / p.eta(), p.mean(), p.median(), p.censored(),
                    p.fitted(), p.theoryMean(), k == 0 ? Double.NaN : c.all().localSlopes()[k - 1]));
            }
        }
        ctx.dir().writeCsv("summary.csv", List.of("curve", "b", "eta", "inv_eta", "mean_exit_steps",
            "median_exit_steps", "censored", "fitted", "theory_mean", "local_slope_from_previous"), rows);
    }

    /**
     * The report's settings of a curve's sweep: the paths of eta number k of curve c draw from seed
     * {@code partSeed + 1000 c + k}, the bootstrap from {@code partSeed + c}; the settled etas
     * ({@link Profile.ExitCurve#fitted}) enter the fit.
     */
    private static ExitTimeSweep.Config config(Landscape1D f, NoiseLaw law, Profile.ExitTimeScale scale,
                                               Profile.ExitCurve c, long partSeed, int curveIndex) {
        double[] etas = c.etas();
        long[] seeds = new long[etas.length];
        boolean[] fitted = new boolean[etas.length];
        for (int k = 0; k < etas.length; k++) {
            seeds[k] = partSeed + 1000L * curveIndex + k;
            fitted[k] = c.fitted(etas[k]);
        }
        return new ExitTimeSweep.Config(f, law, c.b(), scale.start(), new EtaGrid(etas, seeds, fitted, c.paths(),
            scale.maxSteps(), partSeed + curveIndex));
    }

    /** @return Theorem 1's mean exit time in thousands of steps (capped; at least 1), the progress unit of a path */
    private static long predictedWork(ExitTimeSweep sweep, double eta, long cap) {
        double steps = sweep.predictedMean(eta);
        return Math.max(1, Math.round(Math.min(Double.isNaN(steps) ? cap : steps, cap) / 1000));
    }

    @Override
    public void render(PartContext ctx, HtmlReport report) throws Exception {
        Result r = ctx.readJson("exit-times.json", Result.class);
        List<Charts.Series> series = new ArrayList<>();
        List<List<String>> fitRows = new ArrayList<>();
        List<List<String>> pointRows = new ArrayList<>();
        for (int ci = 0; ci < r.curves().size(); ci++) {
            Curve c = r.curves().get(ci);
            int n = c.points().size();
            double[] x = new double[n];
            double[] y = new double[n];
            List<Double> tx = new ArrayList<>();
            List<Double> ty = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                Point p = c.points().get(k);
                x[k] = 1 / p.eta();
                y[k] = p.mean();
                if (Double.isFinite(p.theoryMean())) {
                    tx.add(x[k]);
                    ty.add(p.theoryMean());
                }
                pointRows.add(List.of(c.label(), Fmt.g3(p.eta()), Fmt.g3(p.mean()), Fmt.g3(p.median()),
                    p.censored() + " / " + p.paths(), p.fitted() ? "yes" : "no", Fmt.g3(p.theoryMean()),
                    k == 0 ? "" : Fmt.f(c.all().localSlopes()[k - 1], 2) + " "
                        + Fmt.ci(c.all().localCiLow()[k - 1], c.all().localCiHigh()[k - 1]),
                    Fmt.f(p.seconds(), 1)));
            }
            // one colour family per curve: the simulated means, its theory slope (darker) and mean (lighter)
            series.add(new Charts.Series(c.label() + " (simulated mean)", x, y, Charts.Style.LINE_MARKERS,
                Charts.family(ci, 0)));
            // Theory slope through the settled points: c / eta^beta with c fitted at the fixed slope beta.
            double logC = 0;
            int m = 0;
            for (int k = 0; k < n; k++) {
                if (c.points().get(k).fitted()) {
                    logC += Math.log(y[k]) - c.predictedSlope() * Math.log(x[k]);
                    m++;
                }
            }
            logC /= m;
            double[] lx = {x[0], x[n - 1]};
            double[] ly = {Math.exp(logC + c.predictedSlope() * Math.log(lx[0])),
                Math.exp(logC + c.predictedSlope() * Math.log(lx[1]))};
            series.add(new Charts.Series(c.label() + ": slope " + Fmt.f(c.predictedSlope(), 1) + " (theory)", lx, ly,
                Charts.Style.DASHED, Charts.family(ci, 1)));
            if (!tx.isEmpty()) {
                series.add(new Charts.Series(c.label() + ": 1/(q lambda(eta)) (theory)",
                    tx.stream().mapToDouble(Double::doubleValue).toArray(),
                    ty.stream().mapToDouble(Double::doubleValue).toArray(), Charts.Style.LINE, Charts.family(ci, 2)));
            }
            Fit s = c.settled();
            boolean ok = Math.abs(s.slope() - c.predictedSlope()) <= SLOPE_TOLERANCE;
            int censoredFitted = c.points().stream().filter(Point::fitted).mapToInt(Point::censored).sum();
            fitRows.add(List.of(c.label(), Integer.toString(c.lStar()), Fmt.f(c.predictedSlope(), 2),
                Fmt.f(s.slope(), 3), Fmt.ci(s.ciLow(), s.ciHigh()), etaRange(s.etas()),
                ok ? "yes" : "NO", Integer.toString(censoredFitted), Fmt.g3(c.q())));
        }
        Charts.savePng(ctx.dir(), "exit-times.png", Charts.xy("Mean first exit time from the field of m2",
            "1/eta", "mean exit time (steps)", true, true, series, true));
        report.shows("Theorem 1: the first exit time from a field grows like (1/eta)^(1+(alpha-1) l*), where l* is the "
            + "minimal number of jumps of size at most b needed to leave (here alpha = 1.2 and the field of m2 has "
            + "width 0.6: l* = 3 for b = 0.28, 2 for b = 0.5, 1 without truncation). Truncation makes escape from a "
            + "wide field polynomially slower; the fitted slopes of the simulated means (on the small etas where the "
            + "asymptotics have set in) are compared with the predicted 1.6 / 1.4 / 1.2. The local slopes show the "
            + "slow approach at large eta; the solid lines are Theorem 1's mean 1/(q lambda(eta)) with q from eq. (10).");
        report.figure(ctx.href("exit-times.png"), "Mean first exit time from Omega_2 = (" + Fmt.f(r.fieldLower(), 3)
            + ", " + Fmt.f(r.fieldUpper(), 3) + ") vs 1/eta, start " + r.start() + ", noise " + r.noise()
            + "; one colour per curve: markers the simulated means, dashed (darker) its theory slope, solid (lighter) "
            + "its 1/(q lambda(eta)).");
        report.table(List.of("curve", "l*", "theory slope", "fitted slope", "95% CI", "fitted etas",
            "within " + SLOPE_TOLERANCE + "?", "censored in fit", "q (eq. 10)"), fitRows);
        report.table(List.of("curve", "eta", "mean exit", "median exit", "censored", "in fit", "1/(q lambda)",
            "local slope [95% CI] from previous eta", "wall s"), pointRows);
        report.paragraph("Step cap " + r.maxSteps() + " per path; censored paths count at the cap, so a mean with "
            + "censored paths is a lower bound. Seed " + r.seed() + ".");
        report.link(ctx.href("exit-times.json"), "exit-times.json");
        report.link(ctx.href("summary.csv"), "summary.csv");
        report.link(ctx.href("exit-times.csv"), "exit-times.csv (every path)");
    }

    private static String etaRange(double[] etas) {
        return Fmt.g3(etas[etas.length - 1]) + " .. " + Fmt.g3(etas[0]) + " (" + etas.length + ")";
    }
}
