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
import org.htsgd.train.method.Method;
import org.htsgd.train.method.StepRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code htsgd train}: trains a task's network with one of the paper's update rules (§4.1) on DJL + PyTorch (CPU),
 * with the paper's Table 1 hyperparameters as defaults; a thin layer over {@link Trainer#run}.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a network with one of the paper's methods (lb, sb, sb-clip, sb-noise, our1, our2, sam). "
                + "Defaults are the paper's Table 1 for the task. Writes DIR/metrics.csv, DIR/summary.json, "
                + "DIR/weights.bin and checkpoints (--resume continues a killed run).")
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--task", defaultValue = "fmnist-lenet",
            description = "fmnist-lenet | svhn-vgg11 | cifar10-vgg11 | cifar100-vgg16 (default: ${DEFAULT-VALUE})")
    String task;

    @Option(names = "--method", required = true, description = "lb | sb | sb-clip | sb-noise | our1 | our2 | sam")
    String method;

    @Option(names = "--iterations", converter = Converters.Count.class,
            description = "iterations (default: the paper's; the noise-free final phase is scaled with it)")
    Long iterations;

    @Option(names = "--seed", defaultValue = "1", description = "seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--lr", description = "learning rate eta")
    Double lr;

    @Option(names = "--batch", description = "small-batch size (g_SB, g_SB*)")
    Integer batch;

    @Option(names = "--lb-batch", description = "large-batch size (g_LB)")
    Integer lbBatch;

    @Option(names = "--b", converter = Converters.Threshold.class,
            description = "truncation threshold on ||eta g|| ('inf' for none)")
    Double b;

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

    @Option(names = "--threads", description = "PyTorch intra-op threads (default: 2)")
    Integer threads;

    @Option(names = "--data", paramLabel = "DIR", description = "dataset directory (default: the task's, e.g. "
            + "/usr/share/datasets/fashion-mnist)")
    Path data;

    @Option(names = "--resume", description = "continue from DIR/checkpoint.bin if present")
    boolean resume;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    /** @return the configuration these options describe (paper defaults, then each given override) */
    TrainConfig config() {
        Task t = Task.parse(task);
        Method m = Method.fromCliName(method);
        OutputDir dir = OutputDir.of(out);
        TrainConfig cfg = TrainConfig.defaults(t, m, data == null ? t.data().defaultDirectory() : data, dir.path());
        if (iterations != null) {
            cfg = cfg.withIterations(iterations);
        }
        cfg = cfg.withSeed(seed).withResume(resume);
        if (lr != null) {
            cfg = cfg.withLr(lr);
        }
        if (batch != null) {
            cfg = cfg.withBatch(batch);
        }
        if (lbBatch != null) {
            cfg = cfg.withLbBatch(lbBatch);
        }
        if (b != null) {
            cfg = cfg.withB(b);
        }
        if (c != null) {
            cfg = cfg.withC(c);
        }
        if (alpha != null) {
            cfg = cfg.withAlpha(alpha);
        }
        if (noiseLaw != null) {
            cfg = cfg.withNoiseLaw(noiseLaw);
        }
        if (noiseOffLast != null) {
            cfg = cfg.withNoiseOffLast(noiseOffLast);
        }
        if (momentum != null) {
            cfg = cfg.withMomentum(momentum);
        }
        if (weightDecay != null) {
            cfg = cfg.withWeightDecay(weightDecay);
        }
        if (weightClip != null) {
            cfg = cfg.withWeightClip(weightClip);
        }
        if (samRho != null) {
            cfg = cfg.withSamRho(samRho);
        }
        if (evalEvery != null) {
            cfg = cfg.withEvalEvery(evalEvery);
        }
        if (checkpointEvery != null) {
            cfg = cfg.withCheckpointEvery(checkpointEvery);
        }
        if (threads != null) {
            cfg = cfg.withThreads(threads);
        }
        return cfg;
    }

    @Override
    public Integer call() {
        TrainConfig cfg = config();
        TrainResult r;
        try (Progress bar = Progress.start("train " + cfg.method().cliName(), cfg.iterations(), "it")) {
            r = Trainer.run(cfg, new TrainListener() {
                @Override
                public void onStart(TrainConfig config, long resumedFrom) {
                    // once the run is accepted (data, checkpoint), first: a killed run can be measured or resumed
                    OutputDir.of(config.outDir()).writeJson(SharpnessCommand.RUN_CONFIG, config);
                }

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
