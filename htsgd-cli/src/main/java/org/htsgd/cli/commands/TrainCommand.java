package org.htsgd.cli.commands;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.htsgd.cli.RunFailedException;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.cli.io.Progress;
import org.htsgd.train.loop.MetricsRow;
import org.htsgd.train.loop.Task;
import org.htsgd.train.loop.TrainConfig;
import org.htsgd.train.loop.TrainListener;
import org.htsgd.train.loop.TrainResult;
import org.htsgd.train.loop.Trainer;
import org.htsgd.train.loop.TrainingDivergedException;
import org.htsgd.train.method.Hyperparameters;
import org.htsgd.train.method.Method;
import org.htsgd.train.method.StepRecord;
import org.htsgd.train.method.ParetoVariant;
import org.htsgd.cli.options.DirectoryConverter;
import org.htsgd.cli.options.OutputOption;
import org.htsgd.cli.options.SeedOption;
import org.htsgd.cli.options.ThreadsOption;
import org.htsgd.cli.options.TruncationOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code htsgd train}: trains a task's network with one of the paper's update rules (§4.1) on DJL + PyTorch (CPU),
 * with the paper's Table 1 hyperparameters as defaults; a thin layer over {@link Trainer#run}.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a network with one of the paper's methods (lb, sb, sb-clip, sb-noise, our1, our2, sam). "
                + "Defaults are the paper's Table 1 for the task. Writes DIR/metrics.csv, DIR/summary.json, "
                + "DIR/weights.bin and checkpoints (--resume continues a killed run).",
            "--threads sets PyTorch's intra-op threads: unlike the simulations, training is not bit-identical across "
                + "thread counts (the count changes the last bits), so DIR/config.json records the count used; "
                + "--threads 1 gives bit-reproducible runs."})
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--task", defaultValue = "fmnist-lenet",
            description = "fmnist-lenet | svhn-vgg11 | cifar10-vgg11 | cifar100-vgg16 (default: ${DEFAULT-VALUE})")
    String task;

    @Option(names = "--method", required = true, description = "lb | sb | sb-clip | sb-noise | our1 | our2 | sam")
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

    @Option(names = "--c", description = "scale c of Z = c W")
    Double c;

    @Option(names = "--alpha", description = "tail index of W")
    Double alpha;

    @Option(names = "--noise-law", description = "lomax (default) or pareto (classical, W >= 1)")
    String noiseLaw;

    @Option(names = "--noise-off-last", converter = Converters.Count.class,
            description = "final iterations run as LB steps without noise")
    Long noiseOffLast;

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
        OutputDir dir = out.open();
        TrainConfig cfg = TrainConfig.defaults(t, m, data == null ? t.data().defaultDirectory() : data, dir.path());
        if (iterations != null) {
            cfg = cfg.withIterations(iterations);
        }
        cfg = cfg.withSeed(seed.value()).withResume(resume);
        Hyperparameters h = cfg.hyperparameters();
        if (lr != null) {
            h = h.withLr(lr);
        }
        if (batch != null) {
            h = h.withBatch(batch);
        }
        if (lbBatch != null) {
            h = h.withLbBatch(lbBatch);
        }
        h = h.withB(truncation.orElse(h.b().b())); // the task's Table 1 b unless given
        if (c != null) {
            h = h.withC(c);
        }
        if (alpha != null) {
            h = h.withAlpha(alpha);
        }
        if (noiseLaw != null) {
            h = h.withParetoVariant(ParetoVariant.fromCliName(noiseLaw));
        }
        if (noiseOffLast != null) {
            h = h.withNoiseOffLast(noiseOffLast);
        }
        if (momentum != null) {
            h = h.withMomentum(momentum);
        }
        if (weightDecay != null) {
            h = h.withWeightDecay(weightDecay);
        }
        if (weightClip != null) {
            h = h.withWeightLinfClip(weightClip == 0 ? Double.POSITIVE_INFINITY : weightClip);
        }
        if (samRho != null) {
            h = h.withSamRho(samRho);
        }
        cfg = cfg.withHyperparameters(h);
        if (evalEvery != null) {
            cfg = cfg.withEvalEvery(evalEvery);
        }
        if (checkpointEvery != null) {
            cfg = cfg.withCheckpointEvery(checkpointEvery);
        }
        return cfg.withThreads(threads.count());
    }

    @Override
    public Integer call() {
        TrainConfig cfg = config();
        // the run's configuration first, so that a killed run can be measured (htsgd sharpness) or resumed
        OutputDir.of(cfg.outDir()).writeJson(SharpnessCommand.RUN_CONFIG, cfg);
        TrainResult r;
        try (Progress bar = Progress.start("train " + cfg.method().cliName(), cfg.iterations(), "it")) {
            r = Trainer.run(cfg, new TrainListener() {
                @Override
                public void onStep(long iteration, StepRecord step) {
                    bar.set(iteration + 1);
                }

                @Override
                public void onEvaluation(MetricsRow row) {
                    bar.message(String.format(Locale.ROOT, "train %.3f test %.3f", row.trainAccuracy(),
                            row.testAccuracy()));
                }
            });
        } catch (TrainingDivergedException e) {
            throw new RunFailedException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf(Locale.ROOT, "%s %s, %d iterations, seed %d: train acc %.4f loss %.4f | test acc %.4f "
                        + "loss %.4f | %.1f it/s, truncated %.1f%% of steps%n", cfg.task().cliName(),
                cfg.method().cliName(), r.iterations(), r.seed(), r.trainAccuracy(), r.trainLoss(), r.testAccuracy(),
                r.testLoss(), r.iterationsPerSecond(), 100 * r.truncationRate());
        System.out.println("wrote " + cfg.outDir().resolve(Trainer.SUMMARY));
        return 0;
    }
}
