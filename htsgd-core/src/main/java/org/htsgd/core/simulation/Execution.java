package org.htsgd.core.simulation;

import java.util.Objects;
import java.util.function.LongConsumer;
import org.htsgd.core.validation.Require;

/**
 * How a Monte Carlo run is executed: the number of worker threads and an optional progress listener. It never
 * changes a result (paths have their own random streams), so it is not part of a run's provenance.
 *
 * @param threads number of worker threads, {@code >= 1}
 * @param progress receives the cumulative amount of completed work (paths for exit times, steps for occupancy);
 *     it may be called from several worker threads and must be thread-safe
 */
public record Execution(int threads, LongConsumer progress) {
    /** A listener that ignores progress. */
    private static final LongConsumer SILENT = n -> { };

    /**
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public Execution {
        Require.atLeast(threads, 1, "threads");
        Objects.requireNonNull(progress, "progress");
    }

    /** @return all available processors, no progress reporting */
    public static Execution defaults() {
        return new Execution(Runtime.getRuntime().availableProcessors(), SILENT);
    }

    /** @param threads worker threads @return an execution on that many threads, without progress reporting */
    public static Execution threads(int threads) {
        return new Execution(threads, SILENT);
    }

    /** @param n worker threads @return a copy with {@code n} threads */
    public Execution withThreads(int n) {
        return new Execution(n, progress);
    }

    /** @param listener progress listener @return a copy reporting to {@code listener} */
    public Execution withProgress(LongConsumer listener) {
        return new Execution(threads, listener);
    }
}
