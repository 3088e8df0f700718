package org.htsgd.train.loop;

import java.nio.file.Path;
import java.util.Objects;
import org.htsgd.core.validation.Require;
import org.htsgd.train.method.Hyperparameters;
import org.htsgd.train.method.Method;

/**
 * Everything that defines a training run (its provenance): task, method, seed, the update rule's
 * {@link Hyperparameters} (Table 1 by default; paper.md §4.1–4.2), and how the loop evaluates, checkpoints and
 * where data and outputs live. Immutable; change a copy with the {@code withX} methods. Defaults per task and
 * method: {@link #defaults}. Saved as {@code config.json} and read back by {@link TrainConfigJson}.
 *
 * @param task the task (network + dataset)
 * @param method the update rule
 * @param seed master seed (initial weights, then batches and Z from a stream jumped 2^64 ahead)
 * @param hyperparameters the rule's hyperparameters, including T ({@link #iterations()}) and the noise-off K
 * @param evalEvery evaluate train/test loss and accuracy every this many iterations (and at the end); 0 = end only
 * @param checkpointEvery write a checkpoint every this many iterations; 0 = none
 * @param threads PyTorch intra-op threads; 1 (default) is bit-reproducible, 2 differs in the last bits between
 *     runs on the development machine (see {@code org.htsgd.train.model} package notes)
 * @param dataDir directory of the dataset files
 * @param outDir output directory (metrics.csv, checkpoint.bin, weights.bin, summary.json)
 * @param resume continue from {@code outDir/checkpoint.bin} if it exists
 */
public record TrainConfig(Task task, Method method, long seed, Hyperparameters hyperparameters, long evalEvery,
                          long checkpointEvery, int threads, Path dataDir, Path outDir, boolean resume) {
    /** Evaluation period of {@link #defaults}. */
    public static final long DEFAULT_EVAL_EVERY = 100;
    /** Checkpoint period of {@link #defaults} (as S7). */
    public static final long DEFAULT_CHECKPOINT_EVERY = 1_000;

    /**
     * Validates every field.
     *
     * @throws NullPointerException if an object field is null
     * @throws IllegalArgumentException if {@code threads <= 0}, {@code evalEvery < 0} or {@code checkpointEvery < 0}
     */
    public TrainConfig {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(outDir, "outDir");
        Require.positive(threads, "threads");
        Require.atLeast(evalEvery, 0, "evalEvery");
        Require.atLeast(checkpointEvery, 0, "checkpointEvery");
    }

    /**
     * The paper's settings for a task and method, {@link Task#hyperparameters(Method)}, plus evaluation every 100
     * iterations and checkpoints every 1,000, 1 intra-op thread (bit-reproducible), seed 1, no resume.
     *
     * @param task the task
     * @param method the method
     * @param dataDir dataset directory ({@code task.data().defaultDirectory()} if unsure)
     * @param outDir output directory
     * @return the configuration
     */
    public static TrainConfig defaults(Task task, Method method, Path dataDir, Path outDir) {
        return new TrainConfig(task, method, 1, task.hyperparameters(method), DEFAULT_EVAL_EVERY,
            DEFAULT_CHECKPOINT_EVERY, 1, dataDir, outDir, false);
    }

    /** @return T, the number of iterations ({@code hyperparameters().totalIterations()}) */
    public long iterations() {
        return hyperparameters.totalIterations();
    }

    /**
     * @param value new iterations
     * @return a copy whose hyperparameters are {@link Hyperparameters#scaledTo scaled} to that many iterations (the
     *     noise-off K and a step-decay schedule in proportion): the paper's 10,000 with the last 5,000 noise-free
     *     become 2,000 with 1,000
     */
    public TrainConfig withIterations(long value) {
        return withHyperparameters(hyperparameters.scaledTo(value));
    }

    /** @param value new hyperparameters @return a copy with them */
    public TrainConfig withHyperparameters(Hyperparameters value) {
        return new TrainConfig(task, method, seed, value, evalEvery, checkpointEvery, threads, dataDir, outDir,
            resume);
    }

    /** @param value new seed @return a copy with that seed */
    public TrainConfig withSeed(long value) {
        return new TrainConfig(task, method, value, hyperparameters, evalEvery, checkpointEvery, threads, dataDir,
            outDir, resume);
    }

    /** @param value new evalEvery @return a copy with that evalEvery */
    public TrainConfig withEvalEvery(long value) {
        return new TrainConfig(task, method, seed, hyperparameters, value, checkpointEvery, threads, dataDir, outDir,
            resume);
    }

    /** @param value new checkpointEvery @return a copy with that checkpointEvery */
    public TrainConfig withCheckpointEvery(long value) {
        return new TrainConfig(task, method, seed, hyperparameters, evalEvery, value, threads, dataDir, outDir,
            resume);
    }

    /** @param value new threads @return a copy with that threads */
    public TrainConfig withThreads(int value) {
        return new TrainConfig(task, method, seed, hyperparameters, evalEvery, checkpointEvery, value, dataDir,
            outDir, resume);
    }

    /** @param value new resume @return a copy with that resume */
    public TrainConfig withResume(boolean value) {
        return new TrainConfig(task, method, seed, hyperparameters, evalEvery, checkpointEvery, threads, dataDir,
            outDir, value);
    }
}
