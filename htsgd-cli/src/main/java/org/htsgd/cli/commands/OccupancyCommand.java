package org.htsgd.cli.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.cli.io.Progress;
import org.htsgd.core.analysis.AttractionFields1D;
import org.htsgd.core.analysis.CriticalPoints1D;
import org.htsgd.core.analysis.Fields2D;
import org.htsgd.core.landscape.Landscape;
import org.htsgd.core.landscape.Landscape1D;
import org.htsgd.core.noise.NoiseLaw;
import org.htsgd.core.noise.NoiseLaws;
import org.htsgd.core.simulation.Execution;
import org.htsgd.core.simulation.Occupancy;
import org.htsgd.core.simulation.Partition1D;
import org.htsgd.core.simulation.ProximityLabeller;
import org.htsgd.core.simulation.RunBudget;
import org.htsgd.core.simulation.Sgd1D;
import org.htsgd.core.simulation.SgdNd;
import org.htsgd.core.theory.LimitingChain;
import org.htsgd.core.theory.Theory;
import org.htsgd.core.theory.TheoryReport;
import org.htsgd.core.truncation.Truncation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code htsgd occupancy}: long runs of heavy-tailed (truncated) SGD, the fraction of time per attraction field and
 * the transition counts between fields (Theorem 2: the time outside the widest fields vanishes), next to the
 * stationary law of the limiting CTMC (Theorems 3–5) in 1-D.
 */
@Command(name = "occupancy", mixinStandardHelpOptions = true,
        description = "Fraction of time per attraction field and transition counts over long runs (1-D or 2-D); in "
                + "1-D next to the theory's widest minima and limiting-chain stationary law. Writes "
                + "DIR/occupancy.json and DIR/occupancy.csv.")
public final class OccupancyCommand implements Callable<Integer> {
    @Mixin
    SimulationOptions sim;

    @Option(names = "--start", required = true, paramLabel = "X[,Y]",
            description = "start point: x (1-D) or x,y (2-D)")
    String startText;

    private double[] start;

    @Option(names = "--eta", required = true, description = "learning rate")
    double eta;

    @Option(names = "--steps", defaultValue = "10000000", converter = Converters.Count.class,
            description = "steps per path (default: ${DEFAULT-VALUE})")
    long steps;

    @Option(names = "--paths", defaultValue = "4", description = "independent paths (default: ${DEFAULT-VALUE})")
    int paths;

    @Option(names = "--histogram-bins", defaultValue = "0", description = "1-D: bins of a histogram of visited "
            + "locations over the domain (0 = none)")
    int bins;

    @Option(names = "--trajectory-every", defaultValue = "0", description = "record every k-th iterate (0 = none)")
    int trajectoryEvery;

    @Option(names = "--trajectory-length", defaultValue = "10000", description = "at most this many recorded "
            + "points per path (default: ${DEFAULT-VALUE})")
    int trajectoryLength;

    @Option(names = "--visit-radius", defaultValue = "0.5", description = "2-D: a visit to a field means distance "
            + "< this to its minimiser, else 'Out' (the paper's Figure 3; default: ${DEFAULT-VALUE})")
    double visitRadius;

    @Override
    public Integer call() {
        if (!(eta > 0)) {
            throw new IllegalArgumentException("eta is not > 0: " + eta);
        }
        start = Converters.point(startText);
        Landscape f = sim.parseLandscape();
        requireBudget(f.dimension());
        if (start.length != f.dimension()) {
            throw new IllegalArgumentException("start has " + start.length + " coordinates but " + f.name() + " is "
                    + f.dimension() + "-D");
        }
        if (!f.domain().contains(start)) {
            throw new IllegalArgumentException("start is outside the domain " + f.domain() + ": "
                    + java.util.Arrays.toString(start));
        }
        // the field analysis may refuse the landscape: before anything is written or any progress is shown
        AttractionFields1D fields1 = f instanceof Landscape1D f1 ? CriticalPoints1D.of(f1).fields() : null;
        Fields2D fields2 = fields1 == null ? Fields2D.of(f, 41) : null;
        OutputDir dir = OutputDir.of(sim.out);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", "occupancy");
        Occupancy.Result result;
        List<String> names = new ArrayList<>();
        Execution exec = Execution.threads(sim.threadCount());
        try (Progress bar = Progress.start("occupancy", steps * paths, "steps")) {
            exec = exec.withProgress(bar::set);
            if (f instanceof Landscape1D f1) {
                NoiseLaw law = sim.scalarNoise();
                AttractionFields1D fields = fields1;
                Partition1D partition = Partition1D.of(ExitTimeCommand.interior(fields.boundaries()));
                Occupancy.Config1D config = Occupancy.Config1D.of(Sgd1D.of(f1, law, eta, sim.b), start[0],
                        partition, steps, paths, sim.seed);
                if (bins > 0) {
                    config = config.withHistogram(bins);
                }
                if (trajectoryEvery > 0) {
                    config = config.withTrajectory(trajectoryEvery, trajectoryLength);
                }
                result = Occupancy.run(config, exec);
                for (int i = 0; i < fields.size(); i++) {
                    names.add("m" + (i + 1));
                }
                json.put("config", config1d(f1, law));
                json.put("theory", theory(Theory.of(fields, f1, sim.b, law, f1.name()), result.fractions()));
            } else {
                Fields2D fields = fields2;
                double[][] sets = new double[fields.size()][];
                for (int i = 0; i < sets.length; i++) {
                    sets[i] = fields.minimiserSet(i);
                    names.add("m" + (i + 1));
                }
                names.add("Out");
                ProximityLabeller labels = ProximityLabeller.of(f.dimension(), sets, visitRadius);
                var law = sim.vectorNoise(f.dimension());
                Occupancy.ConfigNd config = Occupancy.ConfigNd.of(
                        new SgdNd(f, law, eta, Truncation.of(sim.b)), start, labels, steps, paths, sim.seed);
                if (trajectoryEvery > 0) {
                    config = config.withTrajectory(trajectoryEvery, trajectoryLength);
                }
                result = Occupancy.run(config, exec);
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("landscape", f.name());
                c.put("noise", law.toString());
                c.put("b", sim.b);
                c.put("start", start);
                c.put("eta", eta);
                c.put("steps", steps);
                c.put("paths", paths);
                c.put("seed", sim.seed);
                c.put("visitRadius", visitRadius);
                json.put("config", c);
                List<double[]> minimisers = new ArrayList<>();
                for (int i = 0; i < fields.size(); i++) {
                    minimisers.add(fields.minimiser(i));
                }
                json.put("minimisers", minimisers);
            }
        }
        json.put("fields", names);
        json.put("fractions", result.fractions());
        json.put("fieldSteps", result.fieldSteps());
        json.put("transitions", result.transitions());
        if (result.histogram() != null && result.histogram().length > 0) {
            json.put("histogramEdges", result.histogramEdges());
            json.put("histogram", result.histogram());
        }
        if (result.trajectories() != null && result.trajectories().length > 0) {
            json.put("trajectoryEvery", trajectoryEvery);
            json.put("trajectories", result.trajectories());
        }
        dir.writeJson("occupancy.json", json);
        List<List<?>> rows = new ArrayList<>();
        double[] fr = result.fractions();
        for (int i = 0; i < fr.length; i++) {
            rows.add(List.of(names.get(i), fr[i], result.fieldSteps()[i]));
        }
        dir.writeCsv("occupancy.csv", List.of("field", "fraction", "steps"), rows);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s, eta = %s, b = %s, %d paths x %d steps%n", f.name(), eta,
                Double.isInfinite(sim.b) ? "inf" : Double.toString(sim.b), paths, steps));
        for (int i = 0; i < fr.length; i++) {
            sb.append(String.format(Locale.ROOT, "  %-4s %7.4f%n", names.get(i), fr[i]));
        }
        sb.append("transitions: ").append(result.transitionCount()).append('\n');
        System.out.print(sb);
        System.out.println("wrote " + dir.resolve("occupancy.json"));
        return 0;
    }

    /** Refuses, before any work, a run whose steps or per-path results are beyond this JVM (fields not counted). */
    private void requireBudget(int dimension) {
        double points = trajectoryEvery > 0 ? Math.min(trajectoryLength, steps / trajectoryEvery + 1.0) : 0;
        RunBudget.requireMemory("--paths " + paths + (bins > 0 ? " with --histogram-bins " + bins : "")
                        + (points > 0 ? " with --trajectory-length " + trajectoryLength : ""),
                RunBudget.occupancyBytes(paths, 0, dimension, dimension == 1 ? Math.max(0, bins) : 0,
                        Math.max(0, points)));
        RunBudget.requireSteps("--steps " + steps + " x --paths " + paths, (double) steps * paths);
    }

    private Map<String, Object> config1d(Landscape1D f, NoiseLaw law) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("landscape", f.name());
        c.put("noise", NoiseLaws.spec(law));
        c.put("b", sim.b);
        c.put("start", start[0]);
        c.put("eta", eta);
        c.put("steps", steps);
        c.put("paths", paths);
        c.put("seed", sim.seed);
        return c;
    }

    /**
     * @param report the theory for the landscape and b
     * @param fractions simulated time fractions per field
     * @return the theory's widest minima, the fraction of time outside them, and the stationary law per class
     */
    static Map<String, Object> theory(TheoryReport report, double[] fractions) {
        Map<String, Object> t = new LinkedHashMap<>();
        int[] wide = report.widestMinima();
        double inWide = 0;
        for (int i : wide) {
            inWide += fractions[i];
        }
        t.put("widestMinima", java.util.Arrays.stream(wide).map(i -> i + 1).toArray());
        t.put("lStar", report.minima().stream().mapToInt(TheoryReport.MinimumReport::lStar).toArray());
        t.put("irreducible", report.irreducible());
        t.put("fractionOutsideWidest", 1 - inWide);
        List<Map<String, Object>> classes = new ArrayList<>();
        for (LimitingChain.ClassChain c : report.classes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("members", java.util.Arrays.stream(c.members()).map(i -> i + 1).toArray());
            m.put("absorbing", c.absorbing());
            m.put("large", java.util.Arrays.stream(c.large()).map(i -> i + 1).toArray());
            m.put("stationary", c.stationary());
            classes.add(m);
        }
        t.put("classes", classes);
        return t;
    }
}
