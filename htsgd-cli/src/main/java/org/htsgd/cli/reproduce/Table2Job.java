package org.htsgd.cli.reproduce;

import java.nio.file.Path;
import java.util.Objects;
import org.htsgd.train.loop.Task;
import org.htsgd.train.method.IterationSchedule;
import org.htsgd.train.method.Method;

/**
 * One planned training run of Table 2 ({@link Table2Plan}).
 *
 * @param task the task
 * @param method the method
 * @param replication replication index (0-based)
 * @param seed training seed (initial weights, batches, Z, label corruption), shared by the methods of a replication
 * @param schedule T and the noise-off K
 * @param dir the run's directory ({@code runs/<task>/<method>/rep<r>})
 */
record Table2Job(Task task, Method method, int replication, long seed, IterationSchedule schedule, Path dir) {
    /** Validates. */
    Table2Job {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(dir, "dir");
    }

    /** @return e.g. {@code fmnist-lenet our2 rep 1} */
    String label() {
        return task.cliName() + " " + method.cliName() + " rep " + (replication + 1);
    }

    /**
     * @return whether the method takes a large-batch gradient at every step of its (noise) phase: LB, and the noise
     *     phase of SB+Noise, Our 1, Our 2; such a run costs about 10x an SB run
     */
    boolean largeBatch() {
        return method == Method.LB || method.injectsNoise();
    }

    /**
     * Milliseconds of one small-batch (100 images) LeNet step on one core, rounded: measured 25-30 ms (a 1,200-image
     * step 253-278 ms, 10x) on an AMD EPYC Zen 3 core (BENCHMARKS.md). It converts {@link #relativeCost} into
     * {@link #estimatedMillis}; runs of larger models (VGG11) cost more, so this is a lower bound for them.
     */
    static final long SMALL_BATCH_STEP_MS = 28;

    /** @return the run's rough cost for the start order: iterations, times 10 for a {@link #largeBatch()} run */
    long relativeCost() {
        return schedule.iterations() * (largeBatch() ? 10 : 1);
    }

    /** @return the run's rough training time on one core in milliseconds (its {@link Unit} cost) */
    long estimatedMillis() {
        return relativeCost() * SMALL_BATCH_STEP_MS;
    }
}
