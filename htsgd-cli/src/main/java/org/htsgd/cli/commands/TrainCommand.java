package org.htsgd.cli.commands;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import org.htsgd.cli.RunFailedException;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.cli.io.Progress;
import org.htsgd.core.validation.Require;
import org.htsgd.train.loop.MetricsRow;
import org.htsgd.train.loop.Task;
import org.htsgd.train.loop.TrainConfig;
import org.htsgd.train.loop.TrainListener;
import org.htsgd.train.loop.TrainResult;
import org.htsgd.train.loop.Trainer;
import org.htsgd.train.loop.TrainingDivergedException;
import org.htsgd.train.method.Hyperparameters;
import org.htsgd.train.method.Method;
import org.htsgd.train.method.NoiseOffPhase;
import org.htsgd.train.method.ParetoVariant;
import org.htsgd.train.method.StepRecord;
import org.htsgd.train.method.TruncationReading;
import org.htsgd.cli.options.DirectoryConverter;
import org.htsgd.cli.options.OutputOption;
import org.htsgd.cli.options.SeedOption;
import org.htsgd.cli.options.ThreadsOption;
import org.htsgd.cli.options.TruncationOption;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code htsgd train}: trains a task's network with one of the paper's update rules (§4.1) on DJL + PyTorch (CPU),
 * with the paper's Table 1 hyperparameters as defaults; a thin layer over {@link Trainer#run}.
 */
@Command(name = "train", mixinStandardHelpOptions = true, defaultValueProvider = TrainCommand.Defaults.class,
        description = {"Train a network with one of the paper's methods (lb, sb, sb-clip, sb-noise, our1, our2, sam). "
                + "Defaults are the paper's Table 1 for the task. Writes DIR/metrics.csv, DIR/summary.json, "
                + "DIR/weights.bin and checkpoints (--resume continues a killed run).",
            "--threads sets the threads: LeNet and VGG11 train to the same bits on any count (their gradients are "
                + "summed over single-threaded chunks fixed by the batch: 300 examples for LeNet, 25 for VGG, a "
                + "smaller batch in two halves); VGG16's dropout "
                + "and batch-norm networks run on PyTorch's intra-op threads, whose count changes the last bits. "
                + "DIR/config.json records the count used."})
public final class TrainCommand implements Callable<Integer> {
    /** The task when {@code --task} is not given: the catalogue's first, Fashion-MNIST with LeNet. */
    static final Task DEFAULT_TASK = Task.FMNIST_LENET;

    @Option(names = "--task", completionCandidates = TaskNames.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    String task;

    @Option(names = "--method", required = true, completionCandidates = MethodNames.class,
            description = "${COMPLETION-CANDIDATES}")
    String method;

    @Option(names = "--iterations", converter = Converters.Count.class,
            description = "iterations (default: the paper's; the noise-free final phase is scaled with it)")
    Long iterations;

    @Mixin
    private SeedOption seed;

    @Option(names = "--lr", description = "learning rate eta")
    Double lr;

    @Option(names = "--batch", description = "small-batch size (g_SB, g_SB*)")
    Integer batch;

    @Option(names = "--lb-batch", description = "large-batch size (g_LB)")
    Integer lbBatch;

    @Mixin
    private TruncationOption truncation;

    @Option(names = "--b-on", paramLabel = "WHAT",
            description = "what b bounds, which the paper leaves open (docs/paper.md §4.2): update (||eta g||, "
                + "eq. 1; default) or gradient (||g||, as clip_grad_norm_(params, b) would: the update is truncated "
                + "at lr x b; constant lr only)")
    String bOn;

    @Option(names = "--c", description = "scale c of Z = c W")
    Double c;

    @Option(names = "--alpha", description = "tail index of W")
    Double alpha;

    @Option(names = "--noise-law", description = "lomax (default) or pareto (classical, W >= 1)")
    String noiseLaw;

    @Option(names = "--noise-off-last", converter = Converters.Count.class,
            description = "final iterations run without noise (as --noise-off-phase says)")
    Long noiseOffLast;

    @Option(names = "--noise-off-phase",
            description = "what the final --noise-off-last iterations run: lb (large-batch steps, Table 2's "
                + "\"run LB instead\"; default) or sb (small-batch steps)")
    String noiseOffPhase;

    @Option(names = "--momentum", description = "heavy-ball momentum")
    Double momentum;

    @Option(names = "--weight-decay", description = "L2 weight decay")
    Double weightDecay;

    @Option(names = "--weight-clip", description = "L-infinity clip of the weights (0 = none)")
    Double weightClip;

    @Option(names = "--sam-rho", description = "SAM radius rho")
    Double samRho;

    @Option(names = "--eval-every", converter = Converters.Count.class,
            description = "evaluate train/test loss and accuracy every N iterations (default: 100)")
    Long evalEvery;

    @Option(names = "--checkpoint-every", converter = Converters.Count.class,
            description = "checkpoint every N iterations (default: 1000)")
    Long checkpointEvery;

    @Option(names = "--stop-at-train-accuracy", paramLabel = "A",
            description = "stop at the first evaluation in the noise-free final phase (the last --noise-off-last "
                + "iterations, for every method) whose training accuracy is at least A, in (0, 1], e.g. 0.99 "
                + "(default: run all iterations)")
    Double stopAtTrainAccuracy;

    @Mixin
    private ThreadsOption threads;

    @Option(names = "--data", paramLabel = "DIR", converter = DirectoryConverter.class, description = "dataset directory (default: the task's, e.g. "
            + "/usr/share/datasets/fashion-mnist)")
    Path data;

    @Option(names = "--resume", description = "continue from DIR/checkpoint.bin if present")
    boolean resume;

    @Mixin
    private OutputOption out;

    /** @return the configuration these options describe (paper defaults, then each given override) */
    TrainConfig config() {
        Task t = Task.parse(task);
        Method m = Method.fromCliName(method);
        // --out is created only once the run is accepted (onStart below): a refused run leaves nothing behind
        TrainConfig cfg = TrainConfig.defaults(t, m, data == null ? t.data().defaultDirectory() : data, out.path());
        cfg = given(cfg, iterations, TrainConfig::withIterations).withSeed(seed.value()).withResume(resume);
        Hyperparameters h = cfg.hyperparameters();
        h = given(h, lr, Hyperparameters::withLr);
        h = given(h, batch, Hyperparameters::withBatch);
        h = given(h, lbBatch, Hyperparameters::withLbBatch);
        // the task's Table 1 b unless given, read on the update unless --b-on gradient (after --lr: it uses it)
        h = (bOn == null ? TruncationReading.UPDATE : TruncationReading.fromCliName(bOn))
                .apply(h, truncation.orElse(h.b().b()));
        h = given(h, c, Hyperparameters::withC);
        h = given(h, alpha, Hyperparameters::withAlpha);
        h = given(h, noiseLaw, (x, v) -> x.withParetoVariant(ParetoVariant.fromCliName(v)));
        h = given(h, noiseOffLast, Hyperparameters::withNoiseOffLast);
        h = given(h, noiseOffPhase, (x, v) -> x.withNoiseOffPhase(NoiseOffPhase.fromCliName(v)));
        h = given(h, momentum, Hyperparameters::withMomentum);
        h = given(h, weightDecay, Hyperparameters::withWeightDecay);
        // NaN is the library's "off": on the command line only 0 means off
        h = given(h, weightClip, (x, v) -> x.withWeightLinfClip(v == 0 ? Double.POSITIVE_INFINITY
                : Require.positive(v, "--weight-clip")));
        h = given(h, samRho, Hyperparameters::withSamRho);
        cfg = given(cfg.withHyperparameters(h), evalEvery, TrainConfig::withEvalEvery);
        cfg = given(cfg, checkpointEvery, TrainConfig::withCheckpointEvery);
        cfg = given(cfg, stopAtTrainAccuracy, (x, v) -> {
            Require.inHalfOpenUnit(v, "--stop-at-train-accuracy");
            if (x.evalEvery() == 0) {
                throw new IllegalArgumentException("--stop-at-train-accuracy needs evaluations: --eval-every is 0");
            }
            return x.withStopAtTrainAccuracy(v);
        });
        return cfg.withThreads(threads.count());
    }

    /** @return {@code target} with the option's value set by {@code setter}, or unchanged if the option is absent */
    private static <T, V> T given(T target, V value, BiFunction<T, V, T> setter) {
        return value == null ? target : setter.apply(target, value);
    }

    @Override
    public Integer call() {
        TrainConfig cfg = config();
        TrainResult r;
        Progress[] bar = {null}; // shown once the run is accepted, so a refusal is the only line on stderr
        try {
            r = Trainer.run(cfg, new TrainListener() {
                @Override
                public void onStart(TrainConfig config, long resumedFrom) {
                    // once the run is accepted (data, checkpoint), first: a killed run can be measured or resumed
                    OutputDir.of(config.outDir()).writeJson(SharpnessCommand.RUN_CONFIG, config);
                    bar[0] = Progress.start("train " + config.method().cliName(), config.iterations(), "it");
                    bar[0].set(resumedFrom);
                }

                @Override
                public void onStep(long iteration, StepRecord step) {
                    bar[0].set(iteration + 1);
                }

                @Override
                public void onEvaluation(MetricsRow row) {
                    bar[0].message(String.format(Locale.ROOT, "train %.3f test %.3f", row.trainAccuracy(),
                            row.testAccuracy()));
                }
            });
        } catch (TrainingDivergedException e) {
            throw new RunFailedException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (bar[0] != null) {
                bar[0].close();
            }
        }
        System.out.printf(Locale.ROOT, "%s %s, %d iterations%s, seed %d: train acc %.4f loss %.4f | test acc %.4f "
                        + "loss %.4f | %.1f it/s, truncated %.1f%% of steps%n", cfg.task().cliName(),
                cfg.method().cliName(), r.iterations(), r.iterations() < cfg.iterations()
                        ? " (stopped at the training-accuracy target; " + cfg.iterations() + " at most)" : "",
                r.seed(), r.trainAccuracy(), r.trainLoss(), r.testAccuracy(),
                r.testLoss(), r.iterationsPerSecond(), 100 * r.truncationRate());
        System.out.println("wrote " + cfg.outDir().resolve(Trainer.SUMMARY));
        return 0;
    }

    /** The default of {@code --task}, from the catalogue. */
    static final class Defaults implements CommandLine.IDefaultValueProvider {
        /** {@inheritDoc} */
        @Override
        public String defaultValue(CommandLine.Model.ArgSpec arg) {
            return arg instanceof CommandLine.Model.OptionSpec o && o.longestName().equals("--task")
                    ? DEFAULT_TASK.cliName() : null;
        }
    }

    /** The catalogue's task names, for the help text. */
    static final class TaskNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Task.values()).map(Task::cliName).iterator();
        }
    }

    /** The methods' names, for the help text. */
    static final class MethodNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Method.values()).map(Method::cliName).iterator();
        }
    }
}
