package org.htsgd.core.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Runs independent paths on a fixed number of worker threads. Workers take path indices from a shared counter,
 * so load balances dynamically; each path writes only its own slots of the result arrays, so the outcome does not
 * depend on the thread count or the scheduling.
 *
 * <p>Divergence is reported deterministically: the exception thrown is the one of the lowest diverged path index.
 * Paths with a higher index stop early once a lower one has diverged (they cannot change which one is reported).
 *
 * <p>A run covers the block of paths {@code firstPath .. firstPath + paths - 1} of its seed ({@link PathStreams});
 * workers see indices {@code 0 .. paths - 1} within the block, a divergence names the path's index in the whole run.
 */
final class PathRunner {
    /** Steps between two checks of the stop flag (and progress reports, for step-based progress). */
    static final long CHUNK = 1L << 16;

    /** One path's work. */
    @FunctionalInterface
    interface PathTask {
        /**
         * @param path the path index
         * @param rng the path's own stream
         * @param guard stop flag and divergence reporter
         */
        void run(int path, UniformRandomProvider rng, Guard guard);
    }

    /** A worker that pulls path indices itself (to run several paths interleaved on one thread). */
    @FunctionalInterface
    interface Worker {
        /**
         * @param source hands out path indices and their streams
         * @param guard stop flag and divergence reporter
         */
        void run(PathSource source, Guard guard);
    }

    /** Hands out path indices to workers; each index exactly once. */
    static final class PathSource {
        /** Next index to hand out. */
        private final AtomicInteger next = new AtomicInteger();
        /** Number of paths. */
        private final int paths;
        /** Per-path streams. */
        private final UniformRandomProvider[] streams;
        /** Suggested number of paths a worker interleaves. */
        private final int lanes;

        PathSource(UniformRandomProvider[] streams, int lanes) {
            this.paths = streams.length;
            this.streams = streams;
            this.lanes = lanes;
        }

        /** @return the next path index, or -1 when all are handed out */
        int next() {
            int p = next.getAndIncrement();
            return p < paths ? p : -1;
        }

        /**
         * @param path a path index
         * @return its stream, as a copy owned by the calling worker thread ({@link PathStreams#ownCopy})
         */
        UniformRandomProvider stream(int path) {
            return PathStreams.ownCopy(streams[path]);
        }

        /** @return how many paths a worker should interleave: enough to keep every thread busy, at most LANES */
        int lanes() {
            return lanes;
        }
    }

    /** Shared state of a run: divergence, cancellation and progress. */
    static final class Guard {
        /** Lowest diverged path index so far, {@code Integer.MAX_VALUE} if none. */
        private final AtomicInteger lowestDiverged = new AtomicInteger(Integer.MAX_VALUE);
        /** The exception of {@link #lowestDiverged}. */
        private DivergenceException divergence;
        /** Cumulative completed work units. */
        private final AtomicLong done = new AtomicLong();
        /** The listener. */
        private final java.util.function.LongConsumer progress;
        /** Index of the block's first path in the whole run (a divergence names the run's index). */
        private final int firstPath;

        Guard(java.util.function.LongConsumer progress, int firstPath) {
            this.progress = progress;
            this.firstPath = firstPath;
        }

        /** @param path a path index @return whether that path should stop now */
        boolean shouldStop(int path) {
            return lowestDiverged.get() < path || Thread.currentThread().isInterrupted();
        }

        /**
         * @param path the diverged path
         * @param step the step
         * @param value the non-finite iterate
         */
        synchronized void diverged(int path, long step, double value) {
            if (path < lowestDiverged.get()) {
                divergence = new DivergenceException(firstPath + path, step, value);
                lowestDiverged.set(path);
            }
        }

        /** @param units completed work units to add to the progress count */
        void progress(long units) {
            progress.accept(done.addAndGet(units));
        }

        synchronized DivergenceException divergence() {
            return divergence;
        }
    }

    private PathRunner() {
    }

    /**
     * @param firstPath index of the block's first path in the whole run
     * @param paths number of paths
     * @param seed the run's seed (streams from {@link PathStreams})
     * @param execution threads and listener
     * @param task the per-path work
     * @throws DivergenceException if a path diverged (the lowest such path index)
     */
    static void run(int firstPath, int paths, long seed, Execution execution, PathTask task) {
        runWorkers(firstPath, paths, seed, execution, 1, (source, guard) -> {
            for (int p = source.next(); p >= 0; p = source.next()) {
                if (guard.shouldStop(p)) {
                    return;
                }
                task.run(p, source.stream(p), guard);
            }
        });
    }

    /**
     * @param firstPath index of the block's first path in the whole run
     * @param paths number of paths
     * @param seed the run's seed (streams from {@link PathStreams})
     * @param execution threads and listener
     * @param maxLanes the most paths one worker should interleave
     * @param work the per-thread work
     * @throws DivergenceException if a path diverged (the lowest such path index)
     */
    static void runWorkers(int firstPath, int paths, long seed, Execution execution, int maxLanes, Worker work) {
        UniformRandomProvider[] streams = PathStreams.of(seed, firstPath, paths);
        Guard guard = new Guard(execution.progress(), firstPath);
        int threads = Math.min(execution.threads(), paths);
        int lanes = Math.max(1, Math.min(maxLanes, (paths + threads - 1) / threads));
        PathSource source = new PathSource(streams, lanes);
        Runnable worker = () -> work.run(source, guard);
        if (threads == 1) {
            worker.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "htsgd-path-worker");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    futures.add(pool.submit(worker));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("simulation interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            } finally {
                pool.shutdownNow();
            }
        }
        DivergenceException d = guard.divergence();
        if (d != null) {
            throw d;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("simulation interrupted");
        }
    }
}
