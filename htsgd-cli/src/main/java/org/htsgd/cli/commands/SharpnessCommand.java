package org.htsgd.cli.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.htsgd.cli.UserInputException;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.cli.io.Progress;
import org.htsgd.train.data.TaskData;
import org.htsgd.train.loop.TrainConfig;
import org.htsgd.train.loop.TrainConfigJson;
import org.htsgd.train.loop.Trainer;
import org.htsgd.train.model.Network;
import org.htsgd.train.sharpness.ExpectedSharpness;
import org.htsgd.train.sharpness.GradientNoiseTail;
import org.htsgd.train.sharpness.HessianSpectrum;
import org.htsgd.train.sharpness.Measure;
import org.htsgd.train.sharpness.Sharpness;
import org.htsgd.train.sharpness.SharpnessConfig;
import org.htsgd.train.sharpness.SharpnessResult;
import org.htsgd.cli.options.DirectoryConverter;
import org.htsgd.cli.options.OutputOption;
import org.htsgd.cli.options.SeedOption;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code htsgd sharpness}: the flatness measures of §4.4–4.7 (expected sharpness, PAC-Bayes and maximal sharpness,
 * Hessian top eigenvalue and trace, gradient-noise tail index) at the weights of a finished or checkpointed run.
 */
@Command(name = "sharpness", mixinStandardHelpOptions = true, defaultValueProvider = SharpnessCommand.Defaults.class,
        description = "Sharpness of a trained run's weights: expected (E|L(w+v)-L(w)|, v ~ N(0, delta^2 I)), "
                + "PAC-Bayes (1/sigma'^2), maximal (1/alpha'^2), Hessian (top eigenvalue, trace) and the gradient-noise "
                + "tail index. Writes DIR/sharpness.json.")
public final class SharpnessCommand implements Callable<Integer> {
    /** The file {@code htsgd train} writes with the run's configuration. */
    public static final String RUN_CONFIG = "config.json";

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "a directory written by htsgd train")
    Path run;

    @Option(names = "--measures", defaultValue = "expected,pacbayes,maximal,hessian,tail", split = ",",
            description = "any of expected, pacbayes, maximal, hessian, tail (default: ${DEFAULT-VALUE})")
    List<String> measures;

    @Option(names = "--delta", description = "expected sharpness: delta (default: "
            + "${DEFAULT-VALUE})")
    double delta;

    @Option(names = "--samples", description = "expected sharpness: samples (default: "
            + "${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--hessian-iterations", description = "Hessian: power iterations "
            + "(default: ${DEFAULT-VALUE})")
    int hessianIterations;

    @Option(names = "--probes", description = "Hessian: Hutchinson probes for the trace "
            + "(default: ${DEFAULT-VALUE})")
    int probes;

    @Option(names = "--search-depth", description = "PAC-Bayes / maximal: binary-search depth "
            + "(default: ${DEFAULT-VALUE})")
    int searchDepth;

    @Option(names = "--tail-batches", description = "tail index: gradient-noise batches "
            + "(default: ${DEFAULT-VALUE})")
    int tailBatches;

    @Mixin
    private SeedOption seed;

    @Option(names = "--data", paramLabel = "DIR", converter = DirectoryConverter.class,
            description = "dataset directory (default: the run's)")
    Path data;

    @Mixin
    private OutputOption out;

    /**
     * What {@code sharpness.json} holds.
     *
     * @param run the measured run's directory
     * @param iteration the checkpoint's iteration, or -1 for a finished run's weights
     * @param result the measures
     */
    record Output(String run, long iteration, SharpnessResult result) {
    }

    /** @param names measure names @return the measures */
    static Set<Measure> parseMeasures(List<String> names) {
        Set<Measure> set = EnumSet.noneOf(Measure.class);
        for (String n : names) {
            switch (n.trim().toLowerCase(Locale.ROOT)) {
                case "expected" -> set.add(Measure.EXPECTED);
                case "pacbayes", "pac-bayes" -> set.add(Measure.PAC_BAYES);
                case "maximal" -> set.add(Measure.MAXIMAL);
                case "hessian" -> set.add(Measure.HESSIAN);
                case "tail" -> set.add(Measure.TAIL);
                default -> throw new IllegalArgumentException("unknown measure '" + n
                        + "' (expected expected, pacbayes, maximal, hessian, tail)");
            }
        }
        return set;
    }

    /**
     * Reads a run directory's configuration.
     *
     * @param dir the run directory
     * @return its configuration
     */
    static TrainConfig readRunConfig(Path dir) {
        Path file = dir.resolve(RUN_CONFIG);
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(dir + " is not a run directory of htsgd train: " + RUN_CONFIG
                    + " not found");
        }
        try {
            return TrainConfigJson.read(file);
        } catch (IOException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    @Override
    public Integer call() throws IOException {
        Set<Measure> chosen = parseMeasures(measures);
        TrainConfig cfg = readRunConfig(run);
        Path weights = run.resolve(Trainer.WEIGHTS);
        Path checkpoint = run.resolve(Trainer.CHECKPOINT);
        if (!Files.isRegularFile(weights) && !Files.isRegularFile(checkpoint)) {
            throw new UserInputException(run + " has neither " + Trainer.WEIGHTS + " (finished run) nor "
                    + Trainer.CHECKPOINT + " (checkpointed run)");
        }
        SharpnessConfig sc = configure(SharpnessConfig.paper(seed.value()).withMeasures(chosen));
        TaskData taskData = cfg.task().data().load(data == null ? cfg.dataDir() : data, cfg.seed());
        SharpnessResult result;
        try (Network net = Network.create(cfg.task().architecture(), taskData.train(), cfg.seed())) {
            long iteration = loadWeights(net, weights, checkpoint);
            // the run's data and weights are accepted: only now is --out created (before the long measurement)
            OutputDir dir = out.open();
            Map<Measure, Progress> bars = new EnumMap<>(Measure.class);
            try {
                // the measures run one after another: the previous bar ends when the next measure starts
                result = Sharpness.measure(net, sc, (m, done, total) -> {
                    Progress bar = bars.get(m);
                    if (bar == null) {
                        bars.values().forEach(Progress::close);
                        bar = Progress.start(m.name().toLowerCase(Locale.ROOT), total, "evals");
                        bars.put(m, bar);
                    }
                    bar.set(done);
                });
            } finally {
                bars.values().forEach(Progress::close);
            }
            dir.writeJson("sharpness.json", new Output(run.toString(), iteration, result));
        }
        System.out.print(summary(result));
        System.out.println("wrote " + out.path().resolve("sharpness.json"));
        return 0;
    }

    /** @param paper the paper's settings @return them with this command's overrides */
    SharpnessConfig configure(SharpnessConfig paper) {
        HessianSpectrum.Config h = paper.hessian();
        GradientNoiseTail.Config t = paper.tail();
        var pb = paper.pacBayes();
        var mx = paper.maximal();
        return paper.withExpected(new ExpectedSharpness.Config(delta, samples))
                .withHessian(new HessianSpectrum.Config(hessianIterations, h.tolerance(), probes, h.relativeStep()))
                .withTail(new GradientNoiseTail.Config(t.batchSize(), tailBatches, t.hillFraction(), t.blockSize(),
                        t.maxCoordinates(), t.bins()))
                .withPacBayes(new org.htsgd.train.sharpness.PacBayesSharpness.Config(
                        pb.search().withPrecision(searchDepth, pb.search().tolerance()), pb.samples(), pb.scale()))
                .withMaximal(new org.htsgd.train.sharpness.MaximalSharpness.Config(
                        mx.search().withPrecision(searchDepth, mx.search().tolerance()), mx.ascentSteps(),
                        mx.stepFraction(), mx.restarts()));
    }

    /** @return the checkpoint's iteration, or -1 for a finished run's weights */
    private static long loadWeights(Network net, Path weights, Path checkpoint) {
        try {
            if (Files.isRegularFile(weights)) {
                net.load(weights);
                return -1;
            }
            return Trainer.loadCheckpointWeights(checkpoint, net);
        } catch (IOException e) { // damaged, truncated or another architecture's: the message names the file
            throw new UserInputException(e.getMessage());
        }
    }

    /** @param r a result @return a readable table */
    static String summary(SharpnessResult r) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%s, %d weights, %d training examples: loss %.4g, accuracy %.4f",
                r.model(), r.dimension(), r.trainingSize(), r.trainingLoss(), r.trainingAccuracy()));
        if (r.expected() != null) {
            ExpectedSharpness.Result e = r.expected();
            lines.add(String.format(Locale.ROOT, "  expected sharpness (delta %.3g): %.4g +- %.2g (s.e.)",
                    e.config().delta(), e.sharpness().mean(), e.sharpness().standardError()));
        }
        if (r.pacBayes() != null) {
            lines.add(String.format(Locale.ROOT, "  PAC-Bayes sharpness 1/sigma'^2: %.4g (sigma' = %.4g)",
                    r.pacBayes().sharpness(), r.pacBayes().sigma()));
        }
        if (r.maximal() != null) {
            lines.add(String.format(Locale.ROOT, "  maximal sharpness 1/alpha'^2: %.4g (alpha' = %.4g)",
                    r.maximal().sharpness(), r.maximal().alpha()));
        }
        if (r.hessian() != null) {
            HessianSpectrum.Result h = r.hessian();
            lines.add(String.format(Locale.ROOT, "  Hessian: top eigenvalue %.4g%s, trace %.4g +- %.2g",
                    h.topEigenvalue(), h.converged() ? "" : " (not converged)", h.trace().mean(),
                    h.trace().standardError()));
        }
        if (r.tail() != null) {
            GradientNoiseTail.Result t = r.tail();
            lines.add(String.format(Locale.ROOT, "  gradient-noise tail index: Hill %.3g, Mohammadi %.3g",
                    t.hill().alpha(), t.mohammadi().alpha()));
        }
        return String.join("\n", lines) + "\n";
    }

    /** The defaults of the measure options: the library's paper settings ({@link SharpnessConfig#paper}). */
    static final class Defaults implements CommandLine.IDefaultValueProvider {
        /** The paper's settings (the seed is {@code --seed}'s own). */
        private static final SharpnessConfig PAPER = SharpnessConfig.paper(1);

        /** {@inheritDoc} */
        @Override
        public String defaultValue(CommandLine.Model.ArgSpec arg) {
            if (!(arg instanceof CommandLine.Model.OptionSpec o)) {
                return null;
            }
            Object value = switch (o.longestName()) {
                case "--delta" -> PAPER.expected().delta();
                case "--samples" -> PAPER.expected().samples();
                case "--hessian-iterations" -> PAPER.hessian().maxIterations();
                case "--probes" -> PAPER.hessian().probes();
                case "--search-depth" -> PAPER.pacBayes().search().depth();
                case "--tail-batches" -> PAPER.tail().batches();
                default -> null;
            };
            return value == null ? null : String.valueOf(value);
        }
    }
}
