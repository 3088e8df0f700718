package org.htsgd.cli.reproduce;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.htsgd.cli.io.Progress;
import org.htsgd.cli.reproduce.HimmelblauResult.ExitCurve;
import org.htsgd.cli.reproduce.HimmelblauResult.Field;
import org.htsgd.cli.reproduce.HimmelblauResult.Scenario;
import org.htsgd.cli.report.HtmlReport;
import org.htsgd.core.analysis.FlowGrid;
import org.htsgd.core.analysis.JumpNumber;
import org.htsgd.core.analysis.PointSets;
import org.htsgd.core.landscape.Landscapes;
import org.htsgd.core.landscape.ModifiedHimmelblau;
import org.htsgd.core.noise.IsotropicNoise;
import org.htsgd.core.noise.NoiseLaws;
import org.htsgd.core.simulation.EtaGrid;
import org.htsgd.core.simulation.EtaSweepPoint;
import org.htsgd.core.simulation.EtaSweepResult;
import org.htsgd.core.simulation.Execution;
import org.htsgd.core.simulation.ExitTimeSweep2D;
import org.htsgd.core.simulation.FieldLabeller;
import org.htsgd.core.simulation.Occupancy;
import org.htsgd.core.simulation.OccupancyConfigNd;
import org.htsgd.core.simulation.OccupancyResult;
import org.htsgd.core.simulation.ProximityLabeller;
import org.htsgd.core.simulation.SgdNd;
import org.htsgd.core.stats.LogLogFit;
import org.htsgd.core.theory.Theory2D;
import org.htsgd.core.theory.Theory2DReport;
import org.htsgd.core.truncation.Truncation;

/**
 * Figure 3 of the paper (paper.md §3.2): the modified Himmelblau landscape with its four attraction fields, circles of
 * radius b = 2.15 around the minimisers, the time spent in each field, trajectories of clipped vs unclipped
 * heavy-tailed SGD, and a 2-D exit-time panel. Noise \(0.75\,W\), \(W\) isotropic with \(\|W\|\) Pareto(1.2) in the
 * Lomax convention of the 1-D experiment ({@link NoiseLaws#paper2d()}); iterates projected onto the disc of radius
 * 4.2; \(c_x = 0\) ({@link ModifiedHimmelblau#DEFAULT_CX}: no admissible \(c_x\) puts the paper's start (2.9, 1.0)
 * near \(\Omega_3\)'s minimiser, so the runs start at that minimiser).
 *
 * <p>What it tests:
 * <ul>
 *   <li>the jump numbers \(J_b\) of the four fields from the reachable sets ({@link Theory2D}; the paper states
 *       (2, 2, 1, 1)), with \(\lceil r/b\rceil\) beside them, and the rates \(q_{i,j}\) at b = 2.15 and without
 *       truncation;</li>
 *   <li>the time per field by two rules: the attraction field (basin of the gradient flow, {@link FlowGrid#field}) and
 *       the paper's "distance &lt; 0.5 to the field's minimiser (set), else Out", as mean &plusmn; standard error over
 *       paths, next to the prediction of the chain on the fields with rates \(q_{i,j}\,H(1/\eta)(H(1/\eta)/\eta)^{J_i
 *       - 1}\) (the limiting chains of Theorems 3–5 and Corollary 6 before the limit; at \(\eta \to 0\) the clipped
 *       chain's time leaves the \(J = 1\) fields, the unclipped chain's does not);</li>
 *   <li>the exit-time exponents: fitted slopes for a \(J_b = 1\) field (\(\Omega_3\)) and a \(J_b = 2\) field
 *       (\(\Omega_2\)) vs \(1 + (\alpha - 1)J_b\) ({@link ExitTimeSweep2D}).</li>
 * </ul>
 */
final class HimmelblauPart implements Part {
    /** The paper's visit radius. */
    static final double VISIT = 0.5;
    /** The paper's start, "near the minimiser of Omega_3". */
    static final double[] PAPER_START = {2.9, 1.0};
    /** Seed offset of the exit-time panel's streams. */
    private static final long EXIT_SEED = 1000;

    @Override
    public String id() {
        return "fig3";
    }

    @Override
    public String title() {
        return "Figure 3: modified Himmelblau, clipped vs unclipped";
    }

    @Override
    public Object scale(Profile profile) {
        return profile.himmelblau();
    }

    @Override
    public void run(PartContext ctx) {
        Profile.HimmelblauScale s = ctx.profile().himmelblau();
        ModifiedHimmelblau f = Landscapes.himmelblau();
        double radius = f.domain().radius();
        IsotropicNoise noise = NoiseLaws.paper2d();
        int g = s.grid();
        long simWork = 2 * s.steps() * s.paths();
        try (Progress bar = ctx.progress("Himmelblau", simWork + (long) g * g, "units")) {
            bar.message("2-D theory (flow grid, reachable sets, rates)");
            Theory2D.Settings settings = new Theory2D.Settings(s.gridSpacing(), 720, 20_000, ctx.seed());
            FlowGrid flow = FlowGrid.of(f, s.gridSpacing());
            Theory2DReport clipped = Theory2D.of(flow, s.b(), noise.alpha(), settings, ctx.threads());
            Theory2DReport unclipped = Theory2D.of(flow, Double.POSITIVE_INFINITY, noise.alpha(), settings,
                ctx.threads());
            int n = flow.fieldCount();
            List<Field> fl = new ArrayList<>();
            double[][] dense = new double[n][];
            for (int i = 0; i < n; i++) {
                Theory2DReport.FieldReport t = clipped.fields().get(i);
                JumpNumber j = t.jump();
                double[] poly = PointSets.polyline(t.minimiserSet());
                dense[i] = PointSets.densify(poly, 0.01);
                fl.add(new Field("Omega" + (i + 1), t.minimiser(), poly, j.jumps(), j.jumpsLower(), j.jumpsUpper(),
                    j.radius(), j.radiusJumps(), j.contractive(), t.predictedExponent(), t.rate().exitRate(),
                    t.rate().exitRateError(), t.rate().method(), unclipped.fields().get(i).rate().exitRate()));
            }
            int startField = nearest(fl, PAPER_START);
            double[] start = fl.get(startField).minimiser();
            bar.message("landscape grid");
            double[] axis = new double[g];
            double[][] values = new double[g][g];
            int[][] labels = new int[g][g];
            double[] p = new double[2];
            double[] grad = new double[2];
            double largestStep = 0;
            int inDisc = 0;
            int steep = 0;
            for (int i = 0; i < g; i++) {
                axis[i] = -radius + 2 * radius * i / (g - 1);
            }
            for (int i = 0; i < g; i++) {
                for (int j = 0; j < g; j++) {
                    p[0] = axis[i];
                    p[1] = axis[j];
                    boolean in = f.domain().contains(p);
                    values[i][j] = in ? f.value(p) : Double.NaN;
                    labels[i][j] = in ? flow.field(p) : -1;
                    if (in) {
                        f.gradient(p, grad);
                        double step = s.eta() * Math.hypot(grad[0], grad[1]);
                        largestStep = Math.max(largestStep, step);
                        inDisc++;
                        steep += step > 0.05 ? 1 : 0;
                    }
                }
                bar.add(g);
            }
            // one run labels each step twice: basin * (n + 1) + proximity label (n = Out)
            FieldLabeller basins = ExitTimeSweep2D.basins(flow);
            ProximityLabeller visits = ProximityLabeller.of(2, dense, VISIT);
            FieldLabeller both = FieldLabeller.of(n * (n + 1), x -> basins.field(x) * (n + 1) + visits.field(x));
            List<Scenario> scenarios = new ArrayList<>();
            int every = (int) Math.max(1, s.steps() / (s.trajectoryPoints() - 1));
            long offset0 = (long) g * g;
            int k = 0;
            for (Theory2DReport theory : List.of(clipped, unclipped)) {
                double b = theory.b();
                String label = Double.isInfinite(b) ? "unclipped" : "clipped (b = " + b + ")";
                bar.message(label);
                final long offset = offset0 + k * s.steps() * s.paths();
                SgdNd sgd = new SgdNd(f, noise, s.eta(), Truncation.of(b));
                long t0 = System.nanoTime();
                OccupancyResult r = Occupancy.run(new OccupancyConfigNd(sgd, start, both, s.steps(), s.paths(),
                    ctx.seed() + k, every, s.trajectoryPoints()), new Execution(ctx.threads(),
                        c -> bar.set(offset + c)));
                double seconds = (System.nanoTime() - t0) * 1e-9;
                double[][] basin = HimmelblauTimes.marginal(r.pathFieldSteps(), n, true, s.steps());
                double[][] prox = HimmelblauTimes.marginal(r.pathFieldSteps(), n, false, s.steps());
                long changes = 0;
                long[][] tr = r.transitions();
                for (int a = 0; a < tr.length; a++) {
                    for (int c = 0; c < tr.length; c++) {
                        changes += a / (n + 1) != c / (n + 1) ? tr[a][c] : 0;
                    }
                }
                scenarios.add(new Scenario(Double.isInfinite(b) ? "unclipped" : "clipped", label, b, basin[0],
                    basin[1], prox[0], prox[1], HimmelblauTimes.chain(theory, noise, s.eta()),
                    HimmelblauTimes.chain(theory, noise, 0), changes,
                    every, r.trajectories()[0], seconds));
                k++;
            }
            bar.message("exit times");
            List<ExitCurve> exits = new ArrayList<>();
            for (int field : exitFields(fl)) {
                exits.add(exitCurve(ctx, s, f, noise, flow, clipped, fl.get(field), field));
            }
            HimmelblauResult result = new HimmelblauResult(f.cx(), radius, "0.75 W, W isotropic, |W| ~ Pareto(1.2) "
                + "as Lomax: P(|W| > w) = (1 + w)^-1.2", s.eta(), s.steps(), s.paths(), start, Math.hypot(start[0] - PAPER_START[0],
                    start[1] - PAPER_START[1]), ctx.seed(), flow.grid().spacing(), flow.grid().cellDiagonal(), fl,
                axis, values, labels, scenarios, exits, largestStep, (double) steep / inDisc);
            ctx.dir().writeJson("himmelblau.json", result);
            result.writeCsvs(ctx.dir());
        }
    }

    /** The exit-time panel's fields: the J = 1 field nearest the paper's start and the J = 2 field of largest q. */
    private static int[] exitFields(List<Field> fl) {
        int narrow = -1;
        int wide = -1;
        for (int i = 0; i < fl.size(); i++) {
            Field fd = fl.get(i);
            if (fd.jumps() == 1 && (narrow < 0 || dist(fd.minimiser(), PAPER_START)
                < dist(fl.get(narrow).minimiser(), PAPER_START))) {
                narrow = i;
            }
            if (fd.jumps() == 2 && (wide < 0 || fd.q() > fl.get(wide).q())) {
                wide = i;
            }
        }
        return Arrays.stream(new int[] {narrow, wide}).filter(i -> i >= 0).toArray();
    }

    private ExitCurve exitCurve(PartContext ctx, Profile.HimmelblauScale s, ModifiedHimmelblau f,
                                IsotropicNoise noise, FlowGrid flow, Theory2DReport theory, Field fd, int field) {
        double[] etas = s.exitEtas().stream().mapToDouble(Double::doubleValue).toArray();
        long[] seeds = new long[etas.length];
        Arrays.fill(seeds, ctx.seed() + EXIT_SEED + field);
        ExitTimeSweep2D sweep = ExitTimeSweep2D.of(new ExitTimeSweep2D.Config(f, noise, s.b(), fd.minimiser(),
            new EtaGrid(etas, seeds, EtaGrid.smallest(etas, s.exitFitPoints()), s.exitPaths(), 1_000_000_000L,
            ctx.seed() + EXIT_SEED)), flow, theory);
        EtaSweepResult r = sweep.run(Execution.threads(ctx.threads()));
        LogLogFit fit = r.fit();
        return new ExitCurve(fd.name(), fd.jumps(), fd.exponent(), etas,
            r.points().stream().mapToDouble(pt -> pt.exits().mean()).toArray(),
            r.points().stream().mapToInt(pt -> pt.exits().censoredCount()).toArray(),
            r.points().stream().mapToDouble(EtaSweepPoint::predictedMean).toArray(), r.fitEtas(), fit.slope(),
            fit.ciLow(), fit.ciHigh(), r.all().localSlopes(), s.exitPaths());
    }

    private static int nearest(List<Field> fl, double[] point) {
        int best = 0;
        for (int i = 1; i < fl.size(); i++) {
            if (dist(fl.get(i).minimiser(), point) < dist(fl.get(best).minimiser(), point)) {
                best = i;
            }
        }
        return best;
    }

    private static double dist(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    @Override
    public void render(PartContext ctx, HtmlReport report) throws Exception {
        HimmelblauRender.render(ctx, report, ctx.readJson("himmelblau.json", HimmelblauResult.class));
    }
}
