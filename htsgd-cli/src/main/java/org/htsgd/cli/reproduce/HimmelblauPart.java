package org.htsgd.cli.reproduce;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.cli.io.Progress;
import org.htsgd.cli.report.Charts;
import org.htsgd.cli.report.HtmlReport;
import org.htsgd.core.analysis.FlowGrid;
import org.htsgd.core.analysis.JumpNumber;
import org.htsgd.core.landscape.Domain;
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
import org.htsgd.core.theory.LimitingChain;
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

    /**
     * One field and its theory.
     *
     * @param name Omega1, ...
     * @param minimiser representative minimiser
     * @param minimiserSet polyline of the minimiser set (x,y pairs; one point for an isolated minimum)
     * @param jumps \(J_b\) from the reachable sets (-1 if unresolved)
     * @param jumpsLower its lower grid estimate
     * @param jumpsUpper its upper grid estimate
     * @param radius \(r\), distance from the minimiser set to the field's complement (grid)
     * @param radiusJumps \(\lceil r/b\rceil\)
     * @param contractive whether the drift is contractive on the field
     * @param exponent \(1 + (\alpha - 1)J_b\)
     * @param q the rate \(q_i\) at b
     * @param qError its error
     * @param rateMethod quadrature or Monte Carlo
     * @param qUnclipped the rate without truncation (\(J = 1\), quadrature)
     */
    public record Field(String name, double[] minimiser, double[] minimiserSet, int jumps, int jumpsLower,
                        int jumpsUpper, double radius, int radiusJumps, boolean contractive, double exponent,
                        double q, double qError, String rateMethod, double qUnclipped) {
    }

    /**
     * One scenario.
     *
     * @param id file id
     * @param label legend label
     * @param b threshold
     * @param basin mean fraction of time per attraction field (basin of the flow), over paths
     * @param basinSe its standard error over paths
     * @param proximity mean fraction of time within 0.5 of each field's minimiser (set), then "Out"
     * @param proximitySe its standard error
     * @param predicted the fields' chain at this eta (see the class comment); null if a rate is unknown
     * @param limit the same chain as eta goes to 0
     * @param basinChanges number of steps changing the attraction field (all paths)
     * @param trajectoryEvery steps between recorded points
     * @param trajectory path 0's recorded iterates (x,y pairs)
     * @param seconds wall time
     */
    public record Scenario(String id, String label, double b, double[] basin, double[] basinSe, double[] proximity,
                           double[] proximitySe, double[] predicted, double[] limit, long basinChanges,
                           int trajectoryEvery, double[] trajectory, double seconds) {
    }

    /**
     * One exit-time curve of the panel.
     *
     * @param field the field's name
     * @param jumps \(J_b\)
     * @param predictedExponent \(1 + (\alpha - 1)J_b\)
     * @param etas learning rates
     * @param means mean exit steps
     * @param censored censored paths per eta
     * @param predictedMeans \(1/(q\,H(1/\eta)(H(1/\eta)/\eta)^{J-1})\)
     * @param fitEtas the etas fitted
     * @param slope fitted slope
     * @param ciLow its 95% CI, low end
     * @param ciHigh high end
     * @param localSlopes slopes between consecutive etas (decreasing eta)
     * @param paths paths per eta
     */
    public record ExitCurve(String field, int jumps, double predictedExponent, double[] etas, double[] means,
                            int[] censored, double[] predictedMeans, double[] fitEtas, double slope, double ciLow,
                            double ciHigh, double[] localSlopes, int paths) {
    }

    /**
     * The part's result.
     *
     * @param cx the landscape's \(c_x\)
     * @param radius projection radius
     * @param noise noise description
     * @param eta learning rate
     * @param steps steps per path
     * @param paths paths per scenario
     * @param start \(X_0\): the minimiser of the field nearest the paper's (2.9, 1.0)
     * @param paperStartDistance distance from the paper's start to it
     * @param seed part seed
     * @param gridSpacing spacing of the flow grid
     * @param resolution the jump numbers' resolution (cell diagonal)
     * @param fields the fields
     * @param grid grid coordinates per axis
     * @param values f on the grid (NaN outside the ball), values[i][j] at (grid[i], grid[j])
     * @param labels attraction field on the grid (-1 outside the ball)
     * @param scenarios clipped and unclipped
     * @param exits the exit-time panel
     * @param largestStep the largest gradient step \(\eta\|\nabla f\|\) on the grid
     * @param steepFraction the fraction of the grid points in the disc where \(\eta\|\nabla f\| &gt; 0.05\): there
     *     the unclipped recursion is far from the gradient flow the theory assumes between jumps
     */
    public record Result(double cx, double radius, String noise, double eta, long steps, int paths, double[] start,
                         double paperStartDistance, long seed, double gridSpacing, double resolution,
                         List<Field> fields, double[] grid, double[][] values, int[][] labels, List<Scenario> scenarios,
                         List<ExitCurve> exits, double largestStep, double steepFraction) {
    }

    /**
     * @param polyline x,y pairs of a polyline (one point for an isolated minimum)
     * @param spacing largest distance between consecutive output points
     * @return the polyline sampled densely (its vertices and points every {@code spacing} along each segment), so
     *     the distance to the sample is within {@code spacing / 2} of the distance to the polyline
     */
    static double[] densify(double[] polyline, double spacing) {
        List<Double> out = new ArrayList<>();
        out.add(polyline[0]);
        out.add(polyline[1]);
        for (int k = 2; k + 1 < polyline.length; k += 2) {
            double ax = polyline[k - 2];
            double ay = polyline[k - 1];
            double bx = polyline[k];
            double by = polyline[k + 1];
            int n = (int) Math.ceil(Math.hypot(bx - ax, by - ay) / spacing);
            for (int i = 1; i <= n; i++) {
                out.add(ax + (bx - ax) * i / n);
                out.add(ay + (by - ay) * i / n);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public void run(PartContext ctx) {
        Profile.HimmelblauScale s = ctx.profile().himmelblau();
        ModifiedHimmelblau f = Landscapes.himmelblau();
        double radius = ((Domain.Ball) f.domain()).radius();
        IsotropicNoise noise = NoiseLaws.paper2d();
        int g = s.grid();
        long simWork = 2 * s.steps() * s.paths();
        try (Progress bar = ctx.progress("Himmelblau", simWork + (long) g * g, "units")) {
            bar.message("2-D theory (flow grid, reachable sets, rates)");
            Theory2D.Settings settings = new Theory2D.Settings(s.gridSpacing(), 720, 20_000, ctx.seed());
            FlowGrid flow = FlowGrid.of(f, s.gridSpacing());
            Theory2DReport clipped = Theory2D.of(flow, s.b(), noise.alpha(), settings);
            Theory2DReport unclipped = Theory2D.of(flow, Double.POSITIVE_INFINITY, noise.alpha(), settings);
            int n = flow.fieldCount();
            List<Field> fl = new ArrayList<>();
            double[][] dense = new double[n][];
            for (int i = 0; i < n; i++) {
                Theory2DReport.FieldReport t = clipped.fields().get(i);
                JumpNumber j = t.jump();
                double[] poly = polyline(t.minimiserSet());
                dense[i] = densify(poly, 0.01);
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
                double[][] basin = marginal(r.pathFieldSteps(), n, true, s.steps());
                double[][] prox = marginal(r.pathFieldSteps(), n, false, s.steps());
                long changes = 0;
                long[][] tr = r.transitions();
                for (int a = 0; a < tr.length; a++) {
                    for (int c = 0; c < tr.length; c++) {
                        changes += a / (n + 1) != c / (n + 1) ? tr[a][c] : 0;
                    }
                }
                scenarios.add(new Scenario(Double.isInfinite(b) ? "unclipped" : "clipped", label, b, basin[0],
                    basin[1], prox[0], prox[1], chain(theory, noise, s.eta()), chain(theory, noise, 0), changes,
                    every, r.trajectories()[0], seconds));
                k++;
            }
            bar.message("exit times");
            List<ExitCurve> exits = new ArrayList<>();
            for (int field : exitFields(fl)) {
                exits.add(exitCurve(ctx, s, f, noise, flow, clipped, fl.get(field), field));
            }
            Result result = new Result(f.cx(), radius, "0.75 W, W isotropic, |W| ~ Pareto(1.2) as Lomax: P(|W| > w) "
                + "= (1 + w)^-1.2", s.eta(), s.steps(), s.paths(), start, Math.hypot(start[0] - PAPER_START[0],
                    start[1] - PAPER_START[1]), ctx.seed(), flow.grid().spacing(), flow.grid().cellDiagonal(), fl,
                axis, values, labels, scenarios, exits, largestStep, (double) steep / inDisc);
            ctx.dir().writeJson("himmelblau.json", result);
            writeCsvs(ctx, result);
        }
    }

    /** The fields of the exit-time panel: the J = 1 field nearest the paper's start and the J = 2 field of largest q. */
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

    /**
     * Per-path time fractions of the combined labels summed to the basin (or proximity) rule, then mean and standard
     * error over paths.
     *
     * @return {means, standard errors}
     */
    static double[][] marginal(long[][] pathSteps, int n, boolean byBasin, long steps) {
        int m = byBasin ? n : n + 1;
        int paths = pathSteps.length;
        double[][] frac = new double[paths][m];
        for (int q = 0; q < paths; q++) {
            for (int c = 0; c < pathSteps[q].length; c++) {
                frac[q][byBasin ? c / (n + 1) : c % (n + 1)] += (double) pathSteps[q][c] / steps;
            }
        }
        double[] mean = new double[m];
        double[] se = new double[m];
        for (int i = 0; i < m; i++) {
            double sum = 0;
            double sq = 0;
            for (double[] row : frac) {
                sum += row[i];
                sq += row[i] * row[i];
            }
            mean[i] = sum / paths;
            se[i] = paths < 2 ? Double.NaN
                : Math.sqrt(Math.max(0, (sq - paths * mean[i] * mean[i]) / (paths - 1)) / paths);
        }
        return new double[][] {mean, se};
    }

    /**
     * The stationary law of the chain on the fields with rates \(q_{i,j}\,s_i(\eta)\),
     * \(s_i = H(1/\eta)(H(1/\eta)/\eta)^{J_i - 1}\) (eta = 0: the limit, where only the fields with the largest
     * \(J\) keep time, their chain as in Theorems 3–5; with equal J, Corollary 6's chain).
     *
     * @return the law, or null if a rate or jump number is unknown or the chain is not irreducible
     */
    static double[] chain(Theory2DReport theory, IsotropicNoise noise, double eta) {
        int n = theory.fields().size();
        double[][] q = theory.rates();
        int jMax = theory.jumpsLarge();
        double[][] gen = new double[n][n];
        for (int i = 0; i < n; i++) {
            int j = theory.fields().get(i).jump().jumps();
            if (j < 1 || j == JumpNumber.NO_EXIT || !theory.irreducible()) {
                return null;
            }
            double h = eta > 0 ? noise.tail(1 / eta) : 0;
            // at eta -> 0 scale by (H/eta)^(J - Jmax) relative to the largest: infinite speed for smaller J
            double scale = eta > 0 ? h * Math.pow(h / eta, j - 1) : j == jMax ? 1 : 1e12;
            for (int c = 0; c < n; c++) {
                if (c != i) {
                    gen[i][c] = q[i][c] * scale;
                    gen[i][i] -= gen[i][c];
                }
            }
        }
        return LimitingChain.stationary(gen);
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

    private static void writeCsvs(PartContext ctx, Result result) {
        List<List<?>> rows = new ArrayList<>();
        int n = result.fields().size();
        for (Scenario sc : result.scenarios()) {
            for (int i = 0; i <= n; i++) {
                String name = i < n ? result.fields().get(i).name() : "Out";
                rows.add(List.of(sc.id(), name, i < n ? sc.basin()[i] : Double.NaN, i < n ? sc.basinSe()[i]
                    : Double.NaN, sc.proximity()[i], sc.proximitySe()[i], i < n && sc.predicted() != null
                    ? sc.predicted()[i] : Double.NaN));
            }
        }
        ctx.dir().writeCsv("time-per-field.csv", List.of("scenario", "field", "basin_fraction", "basin_se",
            "within_0.5_fraction", "within_0.5_se", "predicted_fraction"), rows);
        List<List<?>> traj = new ArrayList<>();
        for (Scenario sc : result.scenarios()) {
            for (int i = 0; 2 * i + 1 < sc.trajectory().length; i++) {
                traj.add(List.of(sc.id(), (long) i * sc.trajectoryEvery(), sc.trajectory()[2 * i],
                    sc.trajectory()[2 * i + 1]));
            }
        }
        ctx.dir().writeCsv("trajectories.csv", List.of("scenario", "step", "x", "y"), traj);
        List<List<?>> ex = new ArrayList<>();
        for (ExitCurve c : result.exits()) {
            for (int i = 0; i < c.etas().length; i++) {
                ex.add(List.of(c.field(), c.jumps(), c.etas()[i], c.means()[i], c.censored()[i],
                    c.predictedMeans()[i]));
            }
        }
        ctx.dir().writeCsv("exit-times.csv", List.of("field", "J_b", "eta", "mean_exit_steps", "censored",
            "predicted_mean"), ex);
    }

    /** Orders a minimiser set along its main direction and drops near-duplicate points, giving a polyline. */
    static double[] polyline(double[] set) {
        int n = set.length / 2;
        double cx = 0;
        double cy = 0;
        for (int i = 0; i < n; i++) {
            cx += set[2 * i] / n;
            cy += set[2 * i + 1] / n;
        }
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = set[2 * i] - cx;
            double dy = set[2 * i + 1] - cy;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        double angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
        double ux = Math.cos(angle);
        double uy = Math.sin(angle);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(set[2 * a] * ux + set[2 * a + 1] * uy,
            set[2 * b] * ux + set[2 * b + 1] * uy));
        List<Double> out = new ArrayList<>();
        double lx = Double.NaN;
        double ly = Double.NaN;
        for (int idx : order) {
            double x = set[2 * idx];
            double y = set[2 * idx + 1];
            if (out.isEmpty() || Math.hypot(x - lx, y - ly) > 0.05) {
                out.add(x);
                out.add(y);
                lx = x;
                ly = y;
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public void render(PartContext ctx, HtmlReport report) throws Exception {
        HimmelblauRender.render(ctx, report, ctx.readJson("himmelblau.json", Result.class));
    }
}
