package org.htsgd.cli.reproduce;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;
import org.htsgd.cli.report.Charts;
import org.htsgd.cli.report.HtmlReport;
import org.htsgd.core.analysis.AttractionFields1D;
import org.htsgd.core.analysis.CriticalPoints1D;
import org.htsgd.core.landscape.Landscape1D;
import org.htsgd.core.landscape.Landscapes;
import org.htsgd.core.noise.NoiseLaw;
import org.htsgd.core.noise.NoiseLaws;
import org.htsgd.core.simulation.Execution;
import org.htsgd.core.simulation.Occupancy;
import org.htsgd.core.simulation.OccupancyConfig1D;
import org.htsgd.core.simulation.OccupancyResult;
import org.htsgd.core.simulation.Sgd1D;
import org.htsgd.core.theory.TypicalTransitionGraph;
import org.htsgd.core.truncation.Truncation;

/**
 * Figure 1 (left and middle) of the paper: where SGD spends its time on the paper's 1-D landscape from
 * \(X_0 = 0.3\), clipped (b = 0.5) vs unclipped, heavy-tailed (\(0.1\,U\,\)Lomax(1.2)) vs light-tailed (N(0, 1))
 * noise: histograms of visited locations, trajectories, and the fraction of time per attraction field
 * (paper.md §3.1, Experiment B; Theorem 2 and Corollary 6). The paths of each scenario run in blocks
 * ({@link PathUnits}), the part's units of work, joined into the same numbers as one run.
 */
final class OccupancyPart implements PathBlockPart {
    /** The requirement on clipped heavy-tailed runs: under this fraction of time in the narrow fields. */
    static final double NARROW_LIMIT = 0.05;
    /** The clipping threshold of the figure. */
    static final double B = 0.5;

    /**
     * @return milliseconds per thousand steps, measured on one AMD EPYC Zen 3 core (the quick profile:
     *     27 s of CPU for 4e5 thousand steps)
     */
    @Override
    public double millisPerWork() {
        return 0.067;
    }

    @Override
    public String id() {
        return "fig1-left";
    }

    @Override
    public String title() {
        return "Figure 1 (left, middle): histograms and trajectories, clipped vs unclipped";
    }

    @Override
    public Object scale(Profile profile) {
        return profile.occupancy();
    }

    /**
     * One scenario.
     *
     * @param id short id (file names)
     * @param label legend label
     * @param noise noise spec
     * @param b threshold
     * @param fractions fraction of time per field
     * @param pathFractions per path and field
     * @param narrowFraction fraction of time in the narrow fields (l* = 1 at b = 0.5)
     * @param transitions field changes summed over paths
     * @param transitionMatrix counts from field i to j
     * @param histogramEdges bin edges
     * @param histogram counts per bin
     * @param trajectoryEvery steps between recorded points
     * @param trajectory path 0's recorded iterates
     * @param seconds wall time
     */
    public record Scenario(String id, String label, String noise, double b, double[] fractions,
                           double[][] pathFractions, double narrowFraction, long transitions,
                           long[][] transitionMatrix, double[] histogramEdges, long[] histogram, int trajectoryEvery,
                           double[] trajectory, double seconds) {
    }

    /**
     * The part's result.
     *
     * @param minima the minima
     * @param boundaries the field boundaries
     * @param narrow indices of the narrow fields (l* = 1 at b = 0.5)
     * @param eta learning rate
     * @param steps steps per path
     * @param paths paths
     * @param start \(X_0\)
     * @param seed part seed
     * @param scenarios the four scenarios
     */
    public record Result(double[] minima, double[] boundaries, int[] narrow, double eta, long steps, int paths,
                         double start, long seed, List<Scenario> scenarios) {
    }

    /**
     * The blocks of paths of every scenario, each written to {@code blocks/<scenario>-paths<first>-<last>.json}
     * ({@link PathBlock}).
     */
    @Override
    public PathUnits.Split<PathBlock> split(PartContext ctx) {
        return split(ctx, Plan.of(ctx));
    }

    private static PathUnits.Split<PathBlock> split(PartContext ctx, Plan plan) {
        return new PathUnits.Split<>(plan.blocks(), PathBlock.class, (b, progress) -> block(ctx, plan, b, progress));
    }

    /**
     * One block of paths of one scenario, as its unit file holds it: its {@code OccupancyResult} on those paths.
     *
     * @param scenario the scenario's index
     * @param firstPath the block's first path
     * @param paths its number of paths
     * @param fieldSteps per field, steps in it (summed over the block's paths)
     * @param pathFieldSteps per path and field, steps in it
     * @param transitions field changes from field i to j
     * @param trajectories per path, its recorded iterates
     * @param histogram counts per bin
     * @param histogramEdges the bin edges
     * @param seconds wall time of the block
     */
    public record PathBlock(int scenario, int firstPath, int paths, long[] fieldSteps, long[][] pathFieldSteps,
                            long[][] transitions, double[][] trajectories, long[] histogram, double[] histogramEdges,
                            double seconds) {
    }

    /**
     * A scenario.
     *
     * @param id short id (file names)
     * @param label legend label
     * @param law the noise
     * @param b the threshold
     */
    private record Spec(String id, String label, NoiseLaw law, double b) {
    }

    /**
     * The part's runs and blocks.
     *
     * @param fields the attraction fields of the landscape
     * @param specs the scenarios
     * @param runs per scenario, its run of all paths (scenario k draws from seed {@code partSeed + k})
     * @param blocks the units
     */
    private record Plan(AttractionFields1D fields, List<Spec> specs, List<OccupancyConfig1D> runs,
                        List<PathUnits.Block> blocks) {
        static Plan of(PartContext ctx) {
            Profile.OccupancyScale s = ctx.profile().occupancy();
            Landscape1D f = Landscapes.paper1d();
            AttractionFields1D fields = CriticalPoints1D.of(f).fields();
            NoiseLaw heavy = NoiseLaws.paper1d();
            NoiseLaw light = NoiseLaws.gaussian(1);
            List<Spec> specs = List.of(
                new Spec("heavy-clipped", "heavy-tailed, clipped (b = 0.5)", heavy, B),
                new Spec("heavy-unclipped", "heavy-tailed, unclipped", heavy, Double.POSITIVE_INFINITY),
                new Spec("light-clipped", "light-tailed N(0,1), clipped (b = 0.5)", light, B),
                new Spec("light-unclipped", "light-tailed N(0,1), unclipped", light, Double.POSITIVE_INFINITY));
            List<OccupancyConfig1D> runs = new ArrayList<>();
            for (int k = 0; k < specs.size(); k++) {
                Spec sp = specs.get(k);
                runs.add(new OccupancyConfig1D(new Sgd1D(f, sp.law(), s.eta(), Truncation.of(sp.b())), s.start(),
                    fields.partition(), s.steps(), s.paths(), ctx.seed() + k, s.trajectoryEvery(),
                    s.trajectoryPoints(), s.histogramBins()));
            }
            int[] paths = new int[specs.size()];
            long[] perPath = new long[specs.size()];
            Arrays.fill(paths, s.paths());
            Arrays.fill(perPath, Math.max(1, s.steps() / 1000));
            return new Plan(fields, specs, runs, PathUnits.plan(specs.stream().map(Spec::id).toList(), paths,
                perPath));
        }
    }

    /** Runs a block's paths (the scenario's run restricted to the block), progress in thousands of steps. */
    private static PathBlock block(PartContext ctx, Plan plan, PathUnits.Block b, LongConsumer progress) {
        OccupancyConfig1D config = plan.runs().get(b.point()).withBlock(b.firstPath(), b.paths());
        long t0 = System.nanoTime();
        OccupancyResult r = Occupancy.run(config, new Execution(ctx.threads(), n -> progress.accept(n / 1000)));
        return new PathBlock(b.point(), b.firstPath(), b.paths(), r.fieldSteps(), r.pathFieldSteps(),
            r.transitions(), r.trajectories(), r.histogram(), r.histogramEdges(), (System.nanoTime() - t0) * 1e-9);
    }

    /**
     * Runs the missing blocks (the code of {@link #runUnit}), reads the others from their files and joins each
     * scenario's blocks ({@link OccupancyResult#merge}): the same numbers as each scenario run at once; a scenario's
     * wall time is the sum of its blocks'.
     */
    @Override
    public void run(PartContext ctx) throws Exception {
        Profile.OccupancyScale s = ctx.profile().occupancy();
        Plan plan = Plan.of(ctx);
        AttractionFields1D fields = plan.fields();
        int[] narrow = narrowFields(TypicalTransitionGraph.of(fields, B));
        List<PathBlock> done = PathUnits.collect(ctx, split(ctx, plan), "occupancy", "k steps",
            i -> plan.specs().get(i).label());
        List<Scenario> scenarios = new ArrayList<>();
        for (int k = 0; k < plan.specs().size(); k++) {
            Spec sp = plan.specs().get(k);
            List<OccupancyResult> pieces = new ArrayList<>();
            double seconds = 0;
            for (PathBlock d : done) {
                if (d.scenario() == k) {
                    pieces.add(new OccupancyResult(plan.runs().get(k).withBlock(d.firstPath(), d.paths()),
                        d.fieldSteps(), d.pathFieldSteps(), d.transitions(), d.trajectories(), d.histogram(),
                        d.histogramEdges()));
                    seconds += d.seconds();
                }
            }
            OccupancyResult r = OccupancyResult.merge(pieces);
            double[] fr = r.fractions();
            double nf = 0;
            for (int i : narrow) {
                nf += fr[i];
            }
            long[][] pfs = r.pathFieldSteps();
            double[][] pf = new double[pfs.length][];
            for (int p = 0; p < pfs.length; p++) {
                pf[p] = new double[pfs[p].length];
                for (int i = 0; i < pfs[p].length; i++) {
                    pf[p][i] = pfs[p][i] / (double) s.steps();
                }
            }
            scenarios.add(new Scenario(sp.id(), sp.label(), NoiseLaws.spec(sp.law()), sp.b(), fr, pf, nf,
                r.transitionCount(), r.transitions(), r.histogramEdges(), r.histogram(), s.trajectoryEvery(),
                r.trajectories()[0], seconds));
        }
        Result result = new Result(fields.minima(), fields.boundaries(), narrow, s.eta(), s.steps(), s.paths(),
            s.start(), ctx.seed(), scenarios);
        ctx.dir().writeJson("occupancy.json", result);
        List<List<?>> rows = new ArrayList<>();
        for (Scenario sc : scenarios) {
            for (int i = 0; i < sc.fractions().length; i++) {
                rows.add(List.of(sc.id(), "m" + (i + 1), fields.minimum(i), sc.fractions()[i]));
            }
        }
        ctx.dir().writeCsv("fractions.csv", List.of("scenario", "field", "minimum", "fraction_of_time"), rows);
        List<List<?>> hist = new ArrayList<>();
        for (Scenario sc : scenarios) {
            for (int i = 0; i < sc.histogram().length; i++) {
                hist.add(List.of(sc.id(), sc.histogramEdges()[i], sc.histogramEdges()[i + 1], sc.histogram()[i]));
            }
        }
        ctx.dir().writeCsv("histograms.csv", List.of("scenario", "bin_low", "bin_high", "count"), hist);
        List<List<?>> traj = new ArrayList<>();
        for (Scenario sc : scenarios) {
            for (int i = 0; i < sc.trajectory().length; i++) {
                traj.add(List.of(sc.id(), (long) i * sc.trajectoryEvery(), sc.trajectory()[i]));
            }
        }
        ctx.dir().writeCsv("trajectories.csv", List.of("scenario", "step", "x"), traj);
    }

    /** @param g the typical graph at b = 0.5 @return the fields that are not widest (l* below l^large) */
    static int[] narrowFields(TypicalTransitionGraph g) {
        List<Integer> n = new ArrayList<>();
        for (int i = 0; i < g.size(); i++) {
            if (g.lStar(i) < g.lLarge()) {
                n.add(i);
            }
        }
        return n.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public void render(PartContext ctx, HtmlReport report) throws Exception {
        Result r = ctx.readJson("occupancy.json", Result.class);
        report.shows("Theorem 2: with truncation, the fraction of time heavy-tailed SGD spends outside the widest "
            + "attraction fields (here m2 and m4, which need 2 jumps of size 0.5 to leave; m1 and m3 need one) goes to "
            + "0 as eta -> 0, so the sharp minima in narrow fields are eliminated. Without truncation (Corollary 6) "
            + "every minimum is visited. Light-tailed (Gaussian) SGD does not leave the field it starts in on "
            + "this time scale.");
        List<String> files = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (Scenario sc : r.scenarios()) {
            int bins = sc.histogram().length;
            double[] x = new double[bins];
            double[] y = new double[bins];
            long total = 0;
            for (long c : sc.histogram()) {
                total += c;
            }
            for (int i = 0; i < bins; i++) {
                double w = sc.histogramEdges()[i + 1] - sc.histogramEdges()[i];
                x[i] = 0.5 * (sc.histogramEdges()[i] + sc.histogramEdges()[i + 1]);
                y[i] = sc.histogram()[i] / (total * w);
            }
            List<Charts.Series> series = new ArrayList<>();
            series.add(new Charts.Series("density of visited locations", x, y, Charts.Style.LINE));
            double top = 0;
            for (double v : y) {
                top = Math.max(top, v);
            }
            for (int i = 0; i < r.minima().length; i++) {
                double m = r.minima()[i];
                series.add(new Charts.Series("m" + (i + 1), new double[] {m, m}, new double[] {0, top},
                    Charts.Style.DASHED));
            }
            String h = sc.id() + "-histogram.png";
            Charts.savePng(ctx.dir(), h, Charts.xy("Visited locations: " + sc.label(), "x", "density", false, false,
                series));
            int n = sc.trajectory().length;
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = (double) i * sc.trajectoryEvery();
            }
            List<Charts.Series> ts = new ArrayList<>();
            ts.add(new Charts.Series("X_n (path 1)", t, sc.trajectory(), Charts.Style.LINE));
            for (int i = 1; i < r.boundaries().length - 1; i++) {
                double s = r.boundaries()[i];
                ts.add(new Charts.Series("s" + i, new double[] {0, t[n - 1]}, new double[] {s, s},
                    Charts.Style.DASHED));
            }
            String tr = sc.id() + "-trajectory.png";
            Charts.savePng(ctx.dir(), tr, Charts.xy("Trajectory: " + sc.label(), "step n", "X_n", false, false, ts));
            files.add(ctx.href(h));
            captions.add("Histogram, " + sc.label());
            files.add(ctx.href(tr));
            captions.add("Trajectory (first " + (long) (n - 1) * sc.trajectoryEvery() + " steps), " + sc.label());
        }
        report.figureGrid(files, captions, 2);
        List<String> header = new ArrayList<>(List.of("scenario"));
        for (int i = 0; i < r.minima().length; i++) {
            header.add("m" + (i + 1) + " (" + Fmt.f(r.minima()[i], 2) + ")");
        }
        header.addAll(List.of("narrow fields", "field changes", "wall s"));
        List<List<String>> rows = new ArrayList<>();
        for (Scenario sc : r.scenarios()) {
            List<String> row = new ArrayList<>(List.of(sc.label()));
            for (double v : sc.fractions()) {
                row.add(Fmt.pct(v));
            }
            row.add(Fmt.pct(sc.narrowFraction()));
            row.add(Long.toString(sc.transitions()));
            row.add(Fmt.f(sc.seconds(), 1));
            rows.add(row);
        }
        report.table(header, rows);
        Scenario clipped = r.scenarios().get(0);
        StringBuilder narrow = new StringBuilder();
        for (int i : r.narrow()) {
            narrow.append(narrow.length() == 0 ? "" : ", ").append("m").append(i + 1);
        }
        report.paragraph("Fraction of time in the narrow fields (" + narrow + ") of the clipped heavy-tailed runs: "
            + Fmt.pct(clipped.narrowFraction()) + " (requirement: below " + Fmt.pct(NARROW_LIMIT) + ": "
            + (clipped.narrowFraction() < NARROW_LIMIT ? "met" : "NOT met") + "). eta = " + r.eta() + ", "
            + r.paths() + " paths x " + r.steps() + " steps per scenario from X0 = " + r.start() + ", seed "
            + r.seed() + ".");
        report.link(ctx.href("occupancy.json"), "occupancy.json");
        report.link(ctx.href("fractions.csv"), "fractions.csv");
        report.link(ctx.href("histograms.csv"), "histograms.csv");
        report.link(ctx.href("trajectories.csv"), "trajectories.csv");
    }
}
