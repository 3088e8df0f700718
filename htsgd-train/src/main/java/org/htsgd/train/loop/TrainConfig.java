package org.htsgd.train.loop;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.htsgd.core.truncation.Truncation;
import org.htsgd.train.method.Hyperparameters;
import org.htsgd.train.method.Method;
import org.htsgd.train.method.ParetoVariant;

/**
 * Everything that defines a training run (its provenance): task, method, schedule, seed, the paper's
 * hyperparameters (Table 1; paper.md §4.1–4.2) and where data and outputs live. Immutable; change a copy with the
 * {@code withX} methods. Defaults per task: {@link #defaults}.
 *
 * @param task the task (network + dataset)
 * @param method the update rule
 * @param iterations number of iterations
 * @param seed master seed (initial weights, then batches and Z from a stream jumped 2^64 ahead)
 * @param lr learning rate eta
 * @param batch small-batch size (g_SB, g_SB*)
 * @param lbBatch large-batch size (g_LB)
 * @param b truncation threshold on \(\|\eta g\|\)
 * @param c scale of Z = c W
 * @param alpha tail index of W
 * @param noiseLaw {@code lomax} (W = U^{-1/alpha} - 1, numpy's pareto; default) or {@code pareto} (W &gt;= 1)
 * @param noiseOffLast final iterations run as plain LB steps without noise (Our 1/2, SB+Noise)
 * @param momentum heavy-ball momentum (0 = plain SGD)
 * @param weightDecay L2 weight decay (0 = none)
 * @param weightClip L-infinity clip of the weights after each step, 0 = none (SB+Noise uses 1)
 * @param samRho SAM neighbourhood radius rho
 * @param evalEvery evaluate train/test loss and accuracy every this many iterations (and at the end); 0 = end only
 * @param checkpointEvery write a checkpoint every this many iterations; 0 = none
 * @param threads PyTorch intra-op threads; 1 (default) is bit-reproducible, 2 differs in the last bits between
 *     runs on the development machine (see {@code org.htsgd.train.model} package notes)
 * @param dataDir directory of the dataset files
 * @param outDir output directory (metrics.csv, checkpoint.bin, weights.bin, summary.json)
 * @param resume continue from {@code outDir/checkpoint.bin} if it exists
 */
public record TrainConfig(Task task, Method method, long iterations, long seed, double lr, int batch, int lbBatch,
                          double b, double c, double alpha, String noiseLaw, long noiseOffLast, double momentum,
                          double weightDecay, double weightClip, double samRho, long evalEvery,
                          long checkpointEvery, int threads, Path dataDir, Path outDir, boolean resume) {
    /** Validates every field. */
    public TrainConfig {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(noiseLaw, "noiseLaw");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(outDir, "outDir");
        noiseLaw = noiseLaw.toLowerCase(Locale.ROOT);
        if (!noiseLaw.equals("lomax") && !noiseLaw.equals("pareto")) {
            throw new IllegalArgumentException("noiseLaw is not lomax or pareto: " + noiseLaw);
        }
        positive(iterations, "iterations");
        positive(batch, "batch");
        positive(lbBatch, "lbBatch");
        positive(threads, "threads");
        finitePositive(lr, "lr");
        finitePositive(b, "b");
        finitePositive(alpha, "alpha");
        nonNegative(c, "c");
        nonNegative(weightClip, "weightClip");
        nonNegative(samRho, "samRho");
        nonNegative(weightDecay, "weightDecay");
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum is not in [0, 1): " + momentum);
        }
        if (!(noiseOffLast >= 0 && noiseOffLast <= iterations)) {
            throw new IllegalArgumentException("noiseOffLast is not in [0, iterations]: " + noiseOffLast);
        }
        if (!(evalEvery >= 0)) {
            throw new IllegalArgumentException("evalEvery is not >= 0: " + evalEvery);
        }
        if (!(checkpointEvery >= 0)) {
            throw new IllegalArgumentException("checkpointEvery is not >= 0: " + checkpointEvery);
        }
    }

    private static void positive(long v, String name) {
        if (!(v > 0)) {
            throw new IllegalArgumentException(name + " is not > 0: " + v);
        }
    }

    private static void finitePositive(double v, String name) {
        if (!(v > 0 && v < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " is not finite and > 0: " + v);
        }
    }

    private static void nonNegative(double v, String name) {
        if (!(v >= 0 && v < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " is not finite and >= 0: " + v);
        }
    }

    /**
     * The paper's settings for a task and method: {@link Hyperparameters#paperDefaults(String, Method)} (Table 1;
     * LB batch 1,200 = the whole corrupted Fashion-MNIST subset and 1,024 elsewhere; SB+Noise's App. A.3 lr 0.005,
     * longer schedule and weight clip 1; App. A.4 for cifar100-vgg16), plus evaluation every 100 iterations and
     * checkpoints every 1,000 (as S7), 1 intra-op thread (bit-reproducible), seed 1, no resume.
     *
     * @param task the task
     * @param method the method
     * @param dataDir dataset directory ({@code task.data().defaultDirectory()} if unsure)
     * @param outDir output directory
     * @return the configuration
     */
    public static TrainConfig defaults(Task task, Method method, Path dataDir, Path outDir) {
        Hyperparameters h = Hyperparameters.paperDefaults(task.cliName(), method);
        return new TrainConfig(task, method, h.totalIterations(), 1, h.lr(), h.batch(), h.lbBatch(), h.b().b(),
                h.c(), h.alpha(), h.paretoVariant() == ParetoVariant.LOMAX ? "lomax" : "pareto", h.noiseOffLast(),
                h.momentum(), h.weightDecay(),
                h.weightLinfClip() == Double.POSITIVE_INFINITY ? 0 : h.weightLinfClip(), h.samRho(), 100, 1_000, 1,
                dataDir, outDir, false);
    }

    /**
     * The update rule's hyperparameters: this configuration's values over the task's paper defaults (their
     * learning-rate schedule and noise-off phase, scaled to {@link #iterations}).
     *
     * @return the hyperparameters
     */
    public Hyperparameters hyperparameters() {
        Hyperparameters h = Hyperparameters.paperDefaults(task.cliName(), method).scaledTo(iterations);
        return new Hyperparameters(lr, batch, lbBatch, Truncation.of(b), c, alpha,
                noiseLaw.equals("lomax") ? ParetoVariant.LOMAX : ParetoVariant.CLASSICAL, noiseOffLast, iterations,
                weightClip == 0 ? Double.POSITIVE_INFINITY : weightClip, momentum, weightDecay, samRho, h.schedule(),
                h.noiseOffPhase());
    }

    /**
     * @param value new iterations
     * @return a copy with that many iterations and {@code noiseOffLast} scaled by the same ratio (as
     *     {@link Hyperparameters#scaledTo}): the paper's 10,000 with the last 5,000 noise-free become 2,000 with 1,000
     */
    public TrainConfig withIterations(long value) {
        long off = Math.min(value, Math.round((double) noiseOffLast * value / iterations));
        return new TrainConfig(task, method, value, seed, lr, batch, lbBatch, b, c, alpha, noiseLaw, off, momentum, weightDecay, weightClip, samRho, evalEvery, checkpointEvery, threads, dataDir, outDir, resume);
    }

    /** @param value new seed @return a copy with that seed */
    public TrainConfig withSeed(long value) {
        return new TrainConfig(task, method, iterations, value, lr, batch, lbBatch, b, c, alpha, noiseLaw, noiseOffLast, momentum, weightDecay, weightClip, samRho, evalEvery, checkpointEvery, threads, dataDir, outDir, resume);
    }

    /** @param value new lr @return a copy with that lr */
    public TrainConfig withLr(double value) {
        return new TrainConfig(task, method, iterations, seed, value, batch, lbBatch, b, c, alpha, noiseLaw, noiseOffLast, momentum, weightDecay, weightClip, samRho, evalEvery, checkpointEvery, threads, dataDir, outDir, resume);
    }

    /** @param value new batch @return a copy with that batch */
    public TrainConfig withBatch(int value) {
        return new TrainConfig(task, method, iterations, seed, lr, value, lbBatch, b, c, alpha, noiseLaw, noiseOffLast, momentum, weightDecay, weightClip, samRho, evalEvery, checkpointEvery, threads, dataDir, outDir, resume);
    }

    /** @param value new lbBatch @return a copy with that lbBatch */
    public TrainConfig withLbBatch(int value) {
        return new TrainConfig(task, method, iterations, seed, lr, batch, value, b, c, alpha, noiseLaw, noiseOffLast, momentum, weightDecay, weightClip, samRho, evalEvery, checkpointEvery, threads, dataDir, outDir, resume);
    }

    /** @param value new b @return a copy with that b */
    public TrainConfig withB(double value) {
        return new TrainConfig(task, method, iterations, seed, lr, batch, lbBatch, value, c, alpha, noiseLaw, noiseOffLast, momentum, weightDecay, weightClip, samRho, evalEvery, checkpointEvery, threads, dataDir, outDir, resume);
    }

    /** @param value new c @return a copy with that c */
    public TrainConfig withC(double value) {
        return new TrainConfig(task, method, iterations, seed, lr, batch, lbBatch, b, value, alpha, noiseLaw, noiseOffLast, momentum, weightDecay, weightClip, samRho, evalEvery, checkpointEvery, threads, dataDir, outDir, resume);
    }

    /** @param value new alpha @return a copy with that alpha */
    public TrainConfig withAlpha(double value) {
        return new TrainConfig(task, method, iterations, seed, lr, batch, lbBatch, b, c, value, noiseLaw, noiseOffLast, momentum, weightDecay, weightClip, samRho, evalEvery, checkpointEvery, threads, dataDir, outDir, resume);
    }

    /** @param value new noiseLaw @return a copy with that noiseLaw */
    public TrainConfig withNoiseLaw(String value) {
        return new TrainConfig(task, method, iterations, seed, lr, batch, lbBatch, b, c, alpha, value, noiseOffLast, momentum, weightDecay, weightClip, samRho, evalEvery, checkpointEvery, threads, dataDir, outDir, resume);
    }

    /** @param value new noiseOffLast @return a copy with that noiseOffLast */
    public TrainConfig withNoiseOffLast(long value) {
        return new TrainConfig(task, method, iterations, seed, lr, batch, lbBatch, b, c, alpha, noiseLaw, value, momentum, weightDecay, weightClip, samRho, evalEvery, checkpointEvery, threads, dataDir, outDir, resume);
    }

    /** @param value new momentum @return a copy with that momentum */
    public TrainConfig withMomentum(double value) {
        return new TrainConfig(task, method, iterations, seed, lr, batch, lbBatch, b, c, alpha, noiseLaw, noiseOffLast, value, weightDecay, weightClip, samRho, evalEvery, checkpointEvery, threads, dataDir, outDir, resume);
    }

    /** @param value new weightDecay @return a copy with that weightDecay */
    public TrainConfig withWeightDecay(double value) {
        return new TrainConfig(task, method, iterations, seed, lr, batch, lbBatch, b, c, alpha, noiseLaw, noiseOffLast, momentum, value, weightClip, samRho, evalEvery, checkpointEvery, threads, dataDir, outDir, resume);
    }

    /** @param value new weightClip @return a copy with that weightClip */
    public TrainConfig withWeightClip(double value) {
        return new TrainConfig(task, method, iterations, seed, lr, batch, lbBatch, b, c, alpha, noiseLaw, noiseOffLast, momentum, weightDecay, value, samRho, evalEvery, checkpointEvery, threads, dataDir, outDir, resume);
    }

    /** @param value new samRho @return a copy with that samRho */
    public TrainConfig withSamRho(double value) {
        return new TrainConfig(task, method, iterations, seed, lr, batch, lbBatch, b, c, alpha, noiseLaw, noiseOffLast, momentum, weightDecay, weightClip, value, evalEvery, checkpointEvery, threads, dataDir, outDir, resume);
    }

    /** @param value new evalEvery @return a copy with that evalEvery */
    public TrainConfig withEvalEvery(long value) {
        return new TrainConfig(task, method, iterations, seed, lr, batch, lbBatch, b, c, alpha, noiseLaw, noiseOffLast, momentum, weightDecay, weightClip, samRho, value, checkpointEvery, threads, dataDir, outDir, resume);
    }

    /** @param value new checkpointEvery @return a copy with that checkpointEvery */
    public TrainConfig withCheckpointEvery(long value) {
        return new TrainConfig(task, method, iterations, seed, lr, batch, lbBatch, b, c, alpha, noiseLaw, noiseOffLast, momentum, weightDecay, weightClip, samRho, evalEvery, value, threads, dataDir, outDir, resume);
    }

    /** @param value new threads @return a copy with that threads */
    public TrainConfig withThreads(int value) {
        return new TrainConfig(task, method, iterations, seed, lr, batch, lbBatch, b, c, alpha, noiseLaw, noiseOffLast, momentum, weightDecay, weightClip, samRho, evalEvery, checkpointEvery, value, dataDir, outDir, resume);
    }

    /** @param value new dataDir @return a copy with that dataDir */
    public TrainConfig withDataDir(Path value) {
        return new TrainConfig(task, method, iterations, seed, lr, batch, lbBatch, b, c, alpha, noiseLaw, noiseOffLast, momentum, weightDecay, weightClip, samRho, evalEvery, checkpointEvery, threads, value, outDir, resume);
    }

    /** @param value new outDir @return a copy with that outDir */
    public TrainConfig withOutDir(Path value) {
        return new TrainConfig(task, method, iterations, seed, lr, batch, lbBatch, b, c, alpha, noiseLaw, noiseOffLast, momentum, weightDecay, weightClip, samRho, evalEvery, checkpointEvery, threads, dataDir, value, resume);
    }

    /** @param value new resume @return a copy with that resume */
    public TrainConfig withResume(boolean value) {
        return new TrainConfig(task, method, iterations, seed, lr, batch, lbBatch, b, c, alpha, noiseLaw, noiseOffLast, momentum, weightDecay, weightClip, samRho, evalEvery, checkpointEvery, threads, dataDir, outDir, value);
    }
}
