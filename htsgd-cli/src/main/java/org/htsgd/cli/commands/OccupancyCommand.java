package org.htsgd.cli.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.cli.io.Progress;
import org.htsgd.cli.options.PathBlockOption;
import org.htsgd.cli.options.TruncationOption;
import org.htsgd.core.analysis.AttractionFields1D;
import org.htsgd.core.analysis.CriticalPoints1D;
import org.htsgd.core.analysis.Fields2D;
import org.htsgd.core.landscape.Landscape1D;
import org.htsgd.core.landscape.Landscape;
import org.htsgd.core.noise.NoiseLaw;
import org.htsgd.core.noise.NoiseLaws;
import org.htsgd.core.simulation.Execution;
import org.htsgd.core.simulation.Occupancy;
import org.htsgd.core.simulation.OccupancyConfig1D;
import org.htsgd.core.simulation.OccupancyConfig;
import org.htsgd.core.simulation.OccupancyConfigNd;
import org.htsgd.core.simulation.OccupancyResult;
import org.htsgd.core.simulation.ProximityLabeller;
import org.htsgd.core.simulation.RunBudget;
import org.htsgd.core.simulation.Sgd1D;
import org.htsgd.core.simulation.SgdNd;
import org.htsgd.core.theory.Theory;
import org.htsgd.core.theory.TheoryReport;
import org.htsgd.core.truncation.Truncation;
import org.htsgd.core.validation.Require;
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
        Require.atLeast(bins, 0, "--histogram-bins");
        Require.atLeast(trajectoryEvery, 0, "--trajectory-every");
        Require.atLeast(trajectoryLength, 0, "--trajectory-length");
        PathBlockOption block = sim.block();
        block.check(paths);
        Landscape f = sim.parseLandscape();
        requireBudget(f.dimension(), block);
        double[] start = sim.start(f);
        if (!f.domain().contains(start)) {
            throw new IllegalArgumentException("start is outside the domain " + f.domain() + ": "
                    + java.util.Arrays.toString(start));
        }
        // the field analysis and the run's configuration may refuse the input (a start on a field boundary, --steps,
        // --paths, --visit-radius): before anything is written or any progress is shown
        Object jsonConfig;
        TheoryReport theoryReport = null;
        List<double[]> minimisers = null;
        List<String> names = new ArrayList<>();
        OccupancyConfig1D config1 = null;
        OccupancyConfigNd configNd = null;
        if (f instanceof Landscape1D f1) {
            AttractionFields1D fields = CriticalPoints1D.of(f1).fields();
            NoiseLaw law = sim.scalarNoise();
            config1 = OccupancyConfig1D.of(Sgd1D.of(f1, law, eta, sim.b()), start[0], fields.partition(), steps,
                    paths, sim.seed());
            if (bins > 0) {
                config1 = config1.withHistogram(bins);
            }
            if (trajectoryEvery > 0) {
                config1 = config1.withTrajectory(trajectoryEvery, trajectoryLength);
            }
            for (int i = 0; i < fields.size(); i++) {
                names.add("m" + (i + 1));
            }
            jsonConfig = new OccupancyJson.Config1D(f1.name(), NoiseLaws.spec(law), sim.b(), start[0], eta, steps,
                    paths, sim.seed());
            theoryReport = Theory.of(fields, f1, sim.b(), law, f1.name());
        } else {
            Fields2D fields = Fields2D.of(f, 41);
            double[][] sets = new double[fields.size()][];
            for (int i = 0; i < sets.length; i++) {
                sets[i] = fields.minimiserSet(i);
                names.add("m" + (i + 1));
            }
            names.add("Out");
            ProximityLabeller labels = ProximityLabeller.of(f.dimension(), sets, visitRadius);
            var law = sim.vectorNoise(f.dimension());
            configNd = OccupancyConfigNd.of(new SgdNd(f, law, eta, Truncation.of(sim.b())), start, labels, steps,
                    paths, sim.seed());
            if (trajectoryEvery > 0) {
                configNd = configNd.withTrajectory(trajectoryEvery, trajectoryLength);
            }
            jsonConfig = new OccupancyJson.Config2D(f.name(), law.toString(), sim.b(), start, eta, steps, paths,
                    sim.seed(), visitRadius);
            minimisers = new ArrayList<>();
            for (int i = 0; i < fields.size(); i++) {
                minimisers.add(fields.minimiser(i));
            }
        }
        OccupancyResult result;
        OutputDir dir;
        if (block.isMerge()) {
            // a merge reads its parts before anything is written: a refused merge leaves no trace
            result = PathParts.occupancy(PathParts.read(block.parts(), "occupancy.json", jsonConfig, paths),
                    config1 != null ? config1 : configNd);
            dir = sim.openOut();
        } else {
            dir = sim.openOut();
            try (Progress bar = Progress.start("occupancy", steps * paths, "steps")) {
                Execution exec = Execution.threads(sim.threadCount()).withProgress(bar::set);
                OccupancyConfig config = config1 != null ? config1 : configNd;
                result = Occupancy.run(config.withBlock(block.firstPath(), paths), exec);
            }
        }
        OccupancyJson.Theory theory = theoryReport == null ? null
                : OccupancyJson.Theory.of(theoryReport, result.fractions());
        boolean histogram = result.histogram() != null && result.histogram().length > 0;
        boolean trajectories = result.trajectories() != null && result.trajectories().length > 0;
        dir.writeJson("occupancy.json", new OccupancyJson("occupancy", jsonConfig, theory, minimisers, names,
                result.fractions(), result.fieldSteps(), result.transitions(),
                histogram ? result.histogramEdges() : null, histogram ? result.histogram() : null,
                trajectories ? Integer.valueOf(trajectoryEvery) : null, trajectories ? result.trajectories() : null,
                block.isPart() ? new PathParts.Block(block.firstPath(), paths) : null,
                block.isPart() ? result.pathFieldSteps() : null));
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

    private void requireBudget(int dimension, PathBlockOption block) {
        double points = trajectoryEvery > 0 ? Math.min(trajectoryLength, steps / trajectoryEvery + 1.0) : 0;
        RunBudget.requireMemory("--paths " + paths + (bins > 0 ? " with --histogram-bins " + bins : "")
                        + (points > 0 ? " with --trajectory-length " + trajectoryLength : ""),
                RunBudget.occupancyBytes(paths, 0, dimension, dimension == 1 ? Math.max(0, bins) : 0,
                        Math.max(0, points)));
        if (!block.isMerge()) { // a merge of parts runs no step
            RunBudget.requireSteps("--steps " + steps + " x --paths " + paths, (double) steps * paths);
        }
    }
}
