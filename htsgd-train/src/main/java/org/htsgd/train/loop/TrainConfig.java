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
 * @param threads PyTorch intra-op threads (default 1); a network without batch norm or dropout gives the same bits
 *     for any count (its gradients in fixed single-threaded chunks), one with them may differ in the last bits
 *     between counts (see {@code org.htsgd.train.model} package notes)
 * @param dataDir directory of the dataset files
 * @param outDir output directory (metrics.csv, checkpoint.bin, weights.bin, summary.json)
 * @param resume continue from {@code outDir/checkpoint.bin} if it exists
 * @param stopAtTrainAccuracy NaN to run all T iterations; else the run stops at the first evaluation in the
 *     noise-free phase (iteration {@code >= T - K}, the same rule for every method, so runs compared in one table
 *     stop alike) whose training accuracy is at least this, in (0, 1]: "train until the training set is fit" (as
 *     Jiang et al. 2020 stop at a training loss before comparing sharpness), for schedules too short to end there
 *     as the paper's do. Loop control, not part of the run's identity: a stopped run resumed without it continues
 *     to T.
 */
public record TrainConfig(Task task, Method method, long seed, Hyperparameters hyperparameters, long evalEvery,
                          long checkpointEvery, int threads, Path dataDir, Path outDir, boolean resume,
                          double stopAtTrainAccuracy) {
    /** Evaluation period of {@link #defaults}. */
    public static final long DEFAULT_EVAL_EVERY = 100;
    /** Checkpoint period of {@link #defaults} (as S7). */
    public static final long DEFAULT_CHECKPOINT_EVERY = 1_000;

    /**
     * Validates every field.
     *
     * @throws NullPointerException if an object field is null
     * @throws IllegalArgumentException if {@code threads <= 0}, {@code evalEvery < 0}, {@code checkpointEvery < 0},
     *     or {@code stopAtTrainAccuracy} is neither NaN nor in (0, 1], or is set while {@code evalEvery} is 0 (it
     *     is checked at evaluations)
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
        if (!Double.isNaN(stopAtTrainAccuracy)) {
            Require.inHalfOpenUnit(stopAtTrainAccuracy, "stopAtTrainAccuracy");
            if (evalEvery == 0) {
                throw new IllegalArgumentException("stopAtTrainAccuracy needs evaluations: evalEvery is 0");
            }
        }
    }

    /**
     * The configuration as before {@code stopAtTrainAccuracy} existed: all T iterations.
     *
     * @param task see the record
     * @param method see the record
     * @param seed see the record
     * @param hyperparameters see the record
     * @param evalEvery see the record
     * @param checkpointEvery see the record
     * @param threads see the record
     * @param dataDir see the record
     * @param outDir see the record
     * @param resume see the record
     */
    public TrainConfig(Task task, Method method, long seed, Hyperparameters hyperparameters, long evalEvery,
                       long checkpointEvery, int threads, Path dataDir, Path outDir, boolean resume) {
        this(task, method, seed, hyperparameters, evalEvery, checkpointEvery, threads, dataDir, outDir, resume,
            Double.NaN);
    }

    /**
     * @param done iterations completed
     * @return whether the run may stop there before T: {@link #stopAtTrainAccuracy()} is set and {@code done} is in
     *     the noise-free phase \([T - K, T)\), after at least one step
     */
    public boolean mayStopAt(long done) {
        long t = hyperparameters.totalIterations();
        return !Double.isNaN(stopAtTrainAccuracy) && done > 0 && done >= t - hyperparameters.noiseOffLast()
            && done < t;
    }

    /**
     * @param done iterations completed, at an evaluation
     * @param trainAccuracy the training accuracy evaluated there
     * @return whether the run stops there before T: {@link #mayStopAt} and the accuracy reaches
     *     {@link #stopAtTrainAccuracy()}
     */
    public boolean stopsAt(long done, double trainAccuracy) {
        return mayStopAt(done) && trainAccuracy >= stopAtTrainAccuracy;
    }

    /**
     * The paper's settings for a task and method, {@link Task#hyperparameters(Method)}, plus evaluation every 100
     * iterations and checkpoints every 1,000, 1 intra-op thread, seed 1, no resume.
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

    /** @param value the run directory @return a copy writing there */
    public TrainConfig withOutDir(Path value) {
        return new TrainConfig(task, method, seed, hyperparameters, evalEvery, checkpointEvery, threads, dataDir,
            value, resume, stopAtTrainAccuracy);
    }

    /** @param value new hyperparameters @return a copy with them */
    public TrainConfig withHyperparameters(Hyperparameters value) {
        return new TrainConfig(task, method, seed, value, evalEvery, checkpointEvery, threads, dataDir, outDir,
            resume, stopAtTrainAccuracy);
    }

    /** @param value new seed @return a copy with that seed */
    public TrainConfig withSeed(long value) {
        return new TrainConfig(task, method, value, hyperparameters, evalEvery, checkpointEvery, threads, dataDir,
            outDir, resume, stopAtTrainAccuracy);
    }

    /** @param value new evalEvery @return a copy with that evalEvery */
    public TrainConfig withEvalEvery(long value) {
        return new TrainConfig(task, method, seed, hyperparameters, value, checkpointEvery, threads, dataDir, outDir,
            resume, stopAtTrainAccuracy);
    }

    /** @param value new checkpointEvery @return a copy with that checkpointEvery */
    public TrainConfig withCheckpointEvery(long value) {
        return new TrainConfig(task, method, seed, hyperparameters, evalEvery, value, threads, dataDir, outDir,
            resume, stopAtTrainAccuracy);
    }

    /** @param value new threads @return a copy with that threads */
    public TrainConfig withThreads(int value) {
        return new TrainConfig(task, method, seed, hyperparameters, evalEvery, checkpointEvery, value, dataDir,
            outDir, resume, stopAtTrainAccuracy);
    }

    /** @param value new stopAtTrainAccuracy (NaN: none) @return a copy with it */
    public TrainConfig withStopAtTrainAccuracy(double value) {
        return new TrainConfig(task, method, seed, hyperparameters, evalEvery, checkpointEvery, threads, dataDir,
            outDir, resume, value);
    }

    /** @param value new resume @return a copy with that resume */
    public TrainConfig withResume(boolean value) {
        return new TrainConfig(task, method, seed, hyperparameters, evalEvery, checkpointEvery, threads, dataDir,
            outDir, value, stopAtTrainAccuracy);
    }
}
