package org.htsgd.cli.reproduce;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.cli.io.Progress;
import org.htsgd.cli.report.Charts;
import org.htsgd.cli.report.HtmlReport;
import org.htsgd.core.analysis.Fields2D;
import org.htsgd.core.landscape.Domain;
import org.htsgd.core.landscape.Landscapes;
import org.htsgd.core.landscape.ModifiedHimmelblau;
import org.htsgd.core.noise.IsotropicNoise;
import org.htsgd.core.noise.NoiseLaws;
import org.htsgd.core.simulation.Execution;
import org.htsgd.core.simulation.Occupancy;
import org.htsgd.core.simulation.ProximityLabeller;
import org.htsgd.core.simulation.SgdNd;
import org.htsgd.core.truncation.Truncation;

/**
 * Figure 3 of the paper: the modified Himmelblau landscape (paper.md §3.2) with its four attraction fields, circles
 * of radius b = 2.15 around the minimisers, the time spent near each minimiser (a visit is a distance below 0.5 to
 * the field's minimiser, else "Out"), and trajectories of clipped vs unclipped heavy-tailed SGD from (2.9, 1.0) with
 * noise \(0.75\,W\), \(W\) isotropic with \(\|W\| \sim\) Pareto(1.2), projected onto the ball of radius 4.2.
 */
final class HimmelblauPart implements Part {
    /** The paper's visit radius. */
    static final double VISIT = 0.5;
    /** The paper's start. */
    static final double[] START = {2.9, 1.0};
    /** Grid of the multi-start field search. */
    static final int FIELD_SEARCH_GRID = 31;

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
     * One field.
     *
     * @param minimiser representative minimiser
     * @param minimiserSet polyline of the minimiser set (x,y pairs; one point for an isolated minimum)
     * @param radius distance from the minimiser to the field's complement
     * @param lStar \(\lceil r/b \rceil\)
     */
    public record Field(double[] minimiser, double[] minimiserSet, double radius, int lStar) {
    }

    /**
     * One scenario.
     *
     * @param id file id
     * @param label legend label
     * @param b threshold
     * @param fractions fraction of time within 0.5 of each field's minimiser, then "Out"
     * @param transitions label changes
     * @param trajectoryEvery steps between recorded points
     * @param trajectory path 0's recorded iterates (x,y pairs)
     * @param seconds wall time
     */
    public record Scenario(String id, String label, double b, double[] fractions, long transitions,
                           int trajectoryEvery, double[] trajectory, double seconds) {
    }

    /**
     * The part's result.
     *
     * @param cx the landscape's \(c_x\)
     * @param radius projection radius
     * @param noise noise description
     * @param eta learning rate
     * @param steps steps per path
     * @param paths paths
     * @param start \(X_0\)
     * @param seed part seed
     * @param fields the fields
     * @param grid grid coordinates per axis
     * @param values f on the grid (NaN outside the ball), values[i][j] at (grid[i], grid[j])
     * @param labels field label on the grid (-1 outside the ball)
     * @param scenarios clipped and unclipped
     */
    public record Result(double cx, double radius, String noise, double eta, long steps, int paths, double[] start,
                         long seed, List<Field> fields, double[] grid, double[][] values, int[][] labels,
                         List<Scenario> scenarios) {
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
            bar.message("attraction fields");
            Fields2D fields = Fields2D.of(f, FIELD_SEARCH_GRID);
            List<Field> fl = new ArrayList<>();
            double[][] polylines = new double[fields.size()][];
            for (int i = 0; i < fields.size(); i++) {
                double r = fields.radius(i, s.rays(), 0.05);
                polylines[i] = polyline(fields.minimiserSet(i));
                fl.add(new Field(fields.minimiser(i), polylines[i], r, (int) Math.ceil(r / s.b())));
            }
            bar.message("landscape grid");
            double[] axis = new double[g];
            double[][] values = new double[g][g];
            int[][] labels = new int[g][g];
            double[] p = new double[2];
            for (int i = 0; i < g; i++) {
                axis[i] = -radius + 2 * radius * i / (g - 1);
            }
            for (int i = 0; i < g; i++) {
                for (int j = 0; j < g; j++) {
                    p[0] = axis[i];
                    p[1] = axis[j];
                    if (f.domain().contains(p)) {
                        values[i][j] = f.value(p);
                        labels[i][j] = fields.field(p);
                    } else {
                        values[i][j] = Double.NaN;
                        labels[i][j] = -1;
                    }
                }
                bar.add(g);
            }
            double[][] dense = new double[polylines.length][];
            for (int i = 0; i < dense.length; i++) {
                dense[i] = densify(polylines[i], 0.01);
            }
            ProximityLabeller visits = ProximityLabeller.of(2, dense, VISIT);
            List<Scenario> scenarios = new ArrayList<>();
            int every = (int) Math.max(1, s.steps() / (s.trajectoryPoints() - 1));
            long offset0 = (long) g * g;
            int k = 0;
            for (double b : new double[] {s.b(), Double.POSITIVE_INFINITY}) {
                String label = Double.isInfinite(b) ? "unclipped" : "clipped (b = " + b + ")";
                bar.message(label);
                final long offset = offset0 + k * s.steps() * s.paths();
                SgdNd sgd = new SgdNd(f, noise, s.eta(), Truncation.of(b));
                long t0 = System.nanoTime();
                Occupancy.Result r = Occupancy.run(new Occupancy.ConfigNd(sgd, START, visits, s.steps(), s.paths(),
                    ctx.seed() + k, every, s.trajectoryPoints()), new Execution(ctx.threads(),
                        n -> bar.set(offset + n)));
                double seconds = (System.nanoTime() - t0) * 1e-9;
                scenarios.add(new Scenario(Double.isInfinite(b) ? "unclipped" : "clipped", label, b, r.fractions(),
                    r.transitionCount(), every, r.trajectories()[0], seconds));
                k++;
            }
            Result result = new Result(f.cx(), radius, "0.75 W, W isotropic, |W| ~ Pareto(1.2)", s.eta(), s.steps(),
                s.paths(), START, ctx.seed(), fl, axis, values, labels, scenarios);
            ctx.dir().writeJson("himmelblau.json", result);
            List<List<?>> rows = new ArrayList<>();
            for (Scenario sc : scenarios) {
                for (int i = 0; i < sc.fractions().length; i++) {
                    rows.add(List.of(sc.id(), i < fl.size() ? "Omega" + (i + 1) : "Out", sc.fractions()[i]));
                }
            }
            ctx.dir().writeCsv("time-per-field.csv", List.of("scenario", "field", "fraction_of_time"), rows);
            List<List<?>> traj = new ArrayList<>();
            for (Scenario sc : scenarios) {
                for (int i = 0; 2 * i + 1 < sc.trajectory().length; i++) {
                    traj.add(List.of(sc.id(), (long) i * sc.trajectoryEvery(), sc.trajectory()[2 * i],
                        sc.trajectory()[2 * i + 1]));
                }
            }
            ctx.dir().writeCsv("trajectories.csv", List.of("scenario", "step", "x", "y"), traj);
        }
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
        Result r = ctx.readJson("himmelblau.json", Result.class);
        int g = r.grid().length;
        double b = r.scenarios().get(0).b();
        double[][] logValues = new double[g][g];
        for (int i = 0; i < g; i++) {
            for (int j = 0; j < g; j++) {
                double v = r.values()[i][j];
                logValues[i][j] = Double.isNaN(v) ? Double.NaN : Math.log10(1 + v);
            }
        }
        double[][] mins = r.fields().stream().map(Field::minimiser).toArray(double[][]::new);
        OutputDir.writeAtomically(ctx.dir().resolve("landscape.png"), PlanePainter.heat(
            "Modified Himmelblau f (log scale)", -r.radius(), r.radius(), logValues, mins, "log10(1 + f)"));
        OutputDir.writeAtomically(ctx.dir().resolve("fields.png"), PlanePainter.png(
            "Attraction fields, circles of radius b = " + b, -r.radius(), r.radius(), r.labels(), mins, b, null));
        List<String> categories = new ArrayList<>();
        for (int i = 0; i < r.fields().size(); i++) {
            categories.add("Omega" + (i + 1));
        }
        categories.add("Out");
        double[][] bars = new double[r.scenarios().size()][];
        List<String> groups = new ArrayList<>();
        for (int k = 0; k < bars.length; k++) {
            bars[k] = r.scenarios().get(k).fractions();
            groups.add(r.scenarios().get(k).label());
        }
        Charts.savePng(ctx.dir(), "time-per-field.png", Charts.bars("Fraction of time near each minimiser (< 0.5)",
            "field", "fraction of time", categories, groups, bars));
        List<String> files = new ArrayList<>(List.of(ctx.href("landscape.png"), ctx.href("fields.png")));
        List<String> captions = new ArrayList<>(List.of("(a) the landscape (log scale)",
            "(b) attraction fields with circles of radius b around the minimisers"));
        for (Scenario sc : r.scenarios()) {
            String file = "trajectory-" + sc.id() + ".png";
            OutputDir.writeAtomically(ctx.dir().resolve(file), PlanePainter.png("Trajectory, " + sc.label(),
                -r.radius(), r.radius(), r.labels(), mins, Double.NaN, sc.trajectory()));
            files.add(ctx.href(file));
            captions.add("(d) trajectory, " + sc.label() + " (" + (sc.trajectory().length / 2 - 1) * (long) sc
                .trajectoryEvery() + " steps, path 1)");
        }
        report.shows("The multi-dimensional version of the elimination result: the minimum number of truncated jumps "
            + "to leave a field is ceil(r/b) with r the distance from the minimiser to the field's boundary. With "
            + "b = " + b + " the fields Omega1 and Omega2 need 2 jumps and Omega3, Omega4 one, so clipped SGD "
            + "should spend almost all its time in Omega1 and Omega2, while unclipped SGD keeps visiting all four.");
        report.figureGrid(files, captions, 2);
        report.figure(ctx.href("time-per-field.png"), "(c) time per field: a visit is a distance below 0.5 to the "
            + "field's minimiser (set), otherwise Out");
        List<List<String>> frows = new ArrayList<>();
        for (int i = 0; i < r.fields().size(); i++) {
            Field fd = r.fields().get(i);
            frows.add(List.of("Omega" + (i + 1), "(" + Fmt.f(fd.minimiser()[0], 3) + ", " + Fmt.f(fd.minimiser()[1], 3)
                + ")", Integer.toString(fd.minimiserSet().length / 2), Fmt.f(fd.radius(), 3),
                Integer.toString(fd.lStar())));
        }
        report.table(List.of("field", "minimiser", "points in minimiser polyline", "radius r", "l* = ceil(r/b)"),
            frows);
        List<String> header = new ArrayList<>(List.of("scenario"));
        header.addAll(categories);
        header.addAll(List.of("changes", "wall s"));
        List<List<String>> rows = new ArrayList<>();
        for (Scenario sc : r.scenarios()) {
            List<String> row = new ArrayList<>(List.of(sc.label()));
            for (double v : sc.fractions()) {
                row.add(Fmt.pct(v));
            }
            row.add(Long.toString(sc.transitions()));
            row.add(Fmt.f(sc.seconds(), 1));
            rows.add(row);
        }
        report.table(header, rows);
        report.paragraph("c_x = " + r.cx() + " (not given in the paper; chosen so that l* = (2, 2, 1, 1) at b = 2.15), "
            + "eta = " + r.eta() + ", " + r.paths() + " path(s) x " + r.steps() + " steps from (" + r.start()[0] + ", "
            + r.start()[1] + "), noise " + r.noise() + ", seed " + r.seed() + ".");
        report.link(ctx.href("himmelblau.json"), "himmelblau.json");
        report.link(ctx.href("time-per-field.csv"), "time-per-field.csv");
        report.link(ctx.href("trajectories.csv"), "trajectories.csv");
    }
}
