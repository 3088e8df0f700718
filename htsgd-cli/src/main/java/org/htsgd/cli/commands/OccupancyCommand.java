package org.htsgd.cli.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.cli.io.Progress;
import org.htsgd.cli.options.TruncationOption;
import org.htsgd.core.analysis.AttractionFields1D;
import org.htsgd.core.analysis.CriticalPoints1D;
import org.htsgd.core.analysis.Fields2D;
import org.htsgd.core.landscape.Landscape;
import org.htsgd.core.landscape.Landscape1D;
import org.htsgd.core.noise.NoiseLaw;
import org.htsgd.core.noise.NoiseLaws;
import org.htsgd.core.simulation.Execution;
import org.htsgd.core.simulation.Occupancy;
import org.htsgd.core.simulation.ProximityLabeller;
import org.htsgd.core.simulation.RunBudget;
import org.htsgd.core.simulation.Sgd1D;
import org.htsgd.core.simulation.SgdNd;
import org.htsgd.core.theory.Theory;
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
        if (fields1 != null) {
            fields1.partition().startField(start[0]); // refuse a start on a boundary now
        }
        OutputDir dir = sim.openOut();
        Object jsonConfig;
        OccupancyJson.Theory theory = null;
        List<double[]> minimisers = null;
        Occupancy.Result result;
        List<String> names = new ArrayList<>();
        Execution exec = Execution.threads(sim.threadCount());
        try (Progress bar = Progress.start("occupancy", steps * paths, "steps")) {
            exec = exec.withProgress(bar::set);
            if (f instanceof Landscape1D f1) {
                NoiseLaw law = sim.scalarNoise();
                AttractionFields1D fields = fields1;
                Occupancy.Config1D config = Occupancy.Config1D.of(Sgd1D.of(f1, law, eta, sim.b()), start[0],
                        fields.partition(), steps, paths, sim.seed());
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
                jsonConfig = new OccupancyJson.Config1D(f1.name(), NoiseLaws.spec(law), sim.b(), start[0], eta, steps,
                        paths, sim.seed());
                theory = OccupancyJson.Theory.of(Theory.of(fields, f1, sim.b(), law, f1.name()), result.fractions());
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
                        new SgdNd(f, law, eta, Truncation.of(sim.b())), start, labels, steps, paths, sim.seed());
                if (trajectoryEvery > 0) {
                    config = config.withTrajectory(trajectoryEvery, trajectoryLength);
                }
                result = Occupancy.run(config, exec);
                jsonConfig = new OccupancyJson.Config2D(f.name(), law.toString(), sim.b(), start, eta, steps, paths,
                        sim.seed(), visitRadius);
                minimisers = new ArrayList<>();
                for (int i = 0; i < fields.size(); i++) {
                    minimisers.add(fields.minimiser(i));
                }
            }
        }
        boolean histogram = result.histogram() != null && result.histogram().length > 0;
        boolean trajectories = result.trajectories() != null && result.trajectories().length > 0;
        dir.writeJson("occupancy.json", new OccupancyJson("occupancy", jsonConfig, theory, minimisers, names,
                result.fractions(), result.fieldSteps(), result.transitions(),
                histogram ? result.histogramEdges() : null, histogram ? result.histogram() : null,
                trajectories ? Integer.valueOf(trajectoryEvery) : null, trajectories ? result.trajectories() : null));
        List<List<?>> rows = new ArrayList<>();
        double[] fr = result.fractions();
        for (int i = 0; i < fr.length; i++) {
            rows.add(List.of(names.get(i), fr[i], result.fieldSteps()[i]));
        }
        dir.writeCsv("occupancy.csv", List.of("field", "fraction", "steps"), rows);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s, eta = %s, b = %s, %d paths x %d steps%n", f.name(), eta,
                TruncationOption.format(sim.b()), paths, steps));
        for (int i = 0; i < fr.length; i++) {
            sb.append(String.format(Locale.ROOT, "  %-4s %7.4f%n", names.get(i), fr[i]));
        }
        sb.append("transitions: ").append(result.transitionCount()).append('\n');
        System.out.print(sb);
        System.out.println("wrote " + dir.resolve("occupancy.json"));
        return 0;
    }

    private void requireBudget(int dimension) {
        double points = trajectoryEvery > 0 ? Math.min(trajectoryLength, steps / trajectoryEvery + 1.0) : 0;
        RunBudget.requireMemory("--paths " + paths + (bins > 0 ? " with --histogram-bins " + bins : "")
                        + (points > 0 ? " with --trajectory-length " + trajectoryLength : ""),
                RunBudget.occupancyBytes(paths, 0, dimension, dimension == 1 ? Math.max(0, bins) : 0,
                        Math.max(0, points)));
        RunBudget.requireSteps("--steps " + steps + " x --paths " + paths, (double) steps * paths);
    }
}
