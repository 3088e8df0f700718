package org.htsgd.cli.reproduce;

import java.util.ArrayList;
import java.util.List;
import org.htsgd.cli.io.Progress;
import org.htsgd.cli.report.Charts;
import org.htsgd.cli.report.HtmlReport;
import org.htsgd.core.analysis.AttractionFields1D;
import org.htsgd.core.analysis.CriticalPoints1D;
import org.htsgd.core.landscape.Landscape1D;
import org.htsgd.core.landscape.Landscapes;
import org.htsgd.core.noise.NoiseLaw;
import org.htsgd.core.noise.NoiseLaws;
import org.htsgd.core.simulation.Execution;
import org.htsgd.core.simulation.ExitTimes;
import org.htsgd.core.simulation.Partition1D;
import org.htsgd.core.simulation.Sgd1D;
import org.htsgd.core.stats.LogLogFit;
import org.htsgd.core.theory.Theory;
import org.htsgd.core.theory.TheoryReport;
import org.htsgd.core.truncation.Truncation;

/**
 * Figure 1 (right) of the paper: the mean first-exit time from \(\Omega_2 = (s_1, s_2)\) of the paper's 1-D
 * landscape against \(1/\eta\) on log-log axes for b = 0.28, 0.5 and no truncation, with the slopes
 * \(1 + (\alpha - 1) l^*\) = 1.6, 1.4, 1.2 predicted by Theorem 1 (paper.md §3.1, Experiment A). The slope is fitted
 * on the settled small-eta points only ({@link Profile.ExitCurve#fitMaxEta()}); local slopes between consecutive
 * etas show how the asymptotics set in; Theorem 1's mean \(1/(q\lambda(\eta))\) is drawn where \(q\) is known.
 */
final class ExitTimePart implements Part {
    /** Tolerance of the quick profile's requirement on the fitted slopes. */
    static final double SLOPE_TOLERANCE = 0.15;

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

    @Override
    public void run(PartContext ctx) {
        Profile.ExitTimeScale scale = ctx.profile().exitTimes();
        Landscape1D f = Landscapes.paper1d();
        NoiseLaw law = NoiseLaws.paper1d();
        AttractionFields1D fields = CriticalPoints1D.of(f).fields();
        Partition1D partition = partition(fields);
        int field = fields.field(scale.start());
        // Progress is counted in the steps Theorem 1 predicts (the cost of a point grows like (1/eta)^beta).
        List<TheoryReport.MinimumReport> theories = new ArrayList<>();
        long total = 0;
        for (Profile.ExitCurve c : scale.curves()) {
            TheoryReport.MinimumReport m = Theory.of(f, c.b(), law).minima().get(field);
            theories.add(m);
            for (double eta : c.etas()) {
                total += (long) c.paths() * predictedWork(m, law, eta, scale.maxSteps());
            }
        }
        List<Curve> curves = new ArrayList<>();
        List<List<?>> raw = new ArrayList<>();
        try (Progress bar = ctx.progress("exit times", total, "k steps (predicted)")) {
            long done = 0;
            int curveIndex = 0;
            for (Profile.ExitCurve c : scale.curves()) {
                TheoryReport.MinimumReport m = theories.get(curveIndex);
                double[] etas = c.etas();
                double[][] samples = new double[etas.length][];
                List<Point> points = new ArrayList<>();
                for (int k = 0; k < etas.length; k++) {
                    final long offset = done;
                    final long unit = predictedWork(m, law, etas[k], scale.maxSteps());
                    bar.message(c.label() + ", eta " + etas[k]);
                    Sgd1D sgd = new Sgd1D(f, law, etas[k], Truncation.of(c.b()));
                    long seed = ctx.seed() + 1000L * curveIndex + k;
                    long t0 = System.nanoTime();
                    ExitTimes.Result r = ExitTimes.run(
                        ExitTimes.Config1D.of(sgd, scale.start(), partition, scale.maxSteps(), c.paths(), seed),
                        new Execution(ctx.threads(), n -> bar.set(offset + n * unit)));
                    double seconds = (System.nanoTime() - t0) * 1e-9;
                    done += c.paths() * unit;
                    bar.set(done);
                    long[] steps = r.exitSteps();
                    boolean[] censored = r.censored();
                    samples[k] = new double[steps.length];
                    for (int p = 0; p < steps.length; p++) {
                        samples[k][p] = steps[p];
                        raw.add(List.of(c.label(), c.b(), etas[k], p, steps[p], censored[p]));
                    }
                    double theoryMean = Double.isFinite(m.exitRate()) && m.exitRate() > 0
                        ? Theory.meanExitTime(m.exitRate(), law, m.lStar(), etas[k]) : Double.NaN;
                    points.add(new Point(etas[k], steps.length, r.mean(), r.median(), r.censoredCount(),
                        c.fitted(etas[k]), theoryMean, seconds));
                }
                curves.add(new Curve(c.label(), c.b(), m.lStar(), m.predictedExponent(), m.exitRate(),
                    m.exitRateError(), points, fit(etas, samples, c, true, ctx.seed() + curveIndex),
                    fit(etas, samples, c, false, ctx.seed() + curveIndex)));
                curveIndex++;
            }
        }
        ctx.dir().writeCsv("exit-times.csv", List.of("curve", "b", "eta", "path", "exit_steps", "censored"), raw);
        Result result = new Result(f.name(), NoiseLaws.spec(law), scale.start(), fields.lower(field),
            fields.upper(field), scale.maxSteps(), ctx.seed(), curves);
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

    /** @return Theorem 1's mean exit time in thousands of steps (capped; at least 1), the progress unit of a path */
    private static long predictedWork(TheoryReport.MinimumReport m, NoiseLaw law, double eta, long cap) {
        double steps = m.exitRate() > 0 ? Theory.meanExitTime(m.exitRate(), law, m.lStar(), eta) : cap;
        return Math.max(1, Math.round(Math.min(steps, cap) / 1000));
    }

    static Partition1D partition(AttractionFields1D fields) {
        double[] s = fields.boundaries();
        double[] interior = new double[s.length - 2];
        System.arraycopy(s, 1, interior, 0, interior.length);
        return Partition1D.of(interior);
    }

    private static Fit fit(double[] etas, double[][] samples, Profile.ExitCurve c, boolean settledOnly, long seed) {
        List<Integer> idx = new ArrayList<>();
        for (int k = 0; k < etas.length; k++) {
            if (!settledOnly || c.fitted(etas[k])) {
                idx.add(k);
            }
        }
        double[] x = new double[idx.size()];
        double[] e = new double[idx.size()];
        double[][] s = new double[idx.size()][];
        for (int i = 0; i < idx.size(); i++) {
            e[i] = etas[idx.get(i)];
            x[i] = 1 / e[i];
            s[i] = samples[idx.get(i)];
        }
        return Fit.of(e, LogLogFit.fit(x, s, seed));
    }

    @Override
    public void render(PartContext ctx, HtmlReport report) throws Exception {
        Result r = ctx.readJson("exit-times.json", Result.class);
        List<Charts.Series> series = new ArrayList<>();
        List<List<String>> fitRows = new ArrayList<>();
        List<List<String>> pointRows = new ArrayList<>();
        for (Curve c : r.curves()) {
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
            series.add(new Charts.Series(c.label() + " (simulated mean)", x, y, Charts.Style.LINE_MARKERS));
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
                Charts.Style.DASHED));
            if (!tx.isEmpty()) {
                series.add(new Charts.Series(c.label() + ": 1/(q lambda(eta)) (theory)",
                    tx.stream().mapToDouble(Double::doubleValue).toArray(),
                    ty.stream().mapToDouble(Double::doubleValue).toArray(), Charts.Style.LINE));
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
            + "; dashed: theory slopes; solid: 1/(q lambda(eta)).");
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
