package org.htsgd.core.simulation;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.htsgd.core.analysis.Partition1D;
import org.htsgd.core.noise.VectorNoiseLaw;
import org.htsgd.core.validation.Require;

/**
 * First-exit times of heavy-tailed truncated SGD (eq. 2) from the attraction field containing the start:
 * \(\sigma(\eta) = \min\{n \ge 0 : X_n \notin \Omega\}\) (paper §2.1, Theorem 1), for independent paths.
 *
 * <p>Each path runs at most {@code maxSteps} steps; a path still inside \(\Omega\) then is <em>censored</em>: its
 * exit step is reported as {@code maxSteps} and flagged, never dropped. In 1-D the field is an open interval
 * \((lo, hi)\) (\(lo\) or \(hi\) may be infinite); in d-D it is the set of points with the start's label.
 *
 * <p>A run covers the paths {@code firstPath .. firstPath + paths - 1} of its seed (0 .. paths - 1 unless it is a
 * part of a larger run); {@link Result#merge} joins parts into the result of the whole run, identical to running it
 * in one go ({@link PathBlocks}).
 */
public final class ExitTimes {
    private ExitTimes() {
    }

    /** A run's configuration: its provenance, together with the seed. */
    public sealed interface Config permits Config1D, ConfigNd {
        /** @return the step cap */
        long maxSteps();

        /** @return the number of paths */
        int paths();

        /** @return the seed of the per-path streams */
        long seed();

        /** @return index of the first path: the run covers the paths {@code firstPath .. firstPath + paths - 1} */
        int firstPath();

        /**
         * @param firstPath index of the first path, {@code >= 0}
         * @param paths number of paths, {@code >= 1}
         * @return the same run on the block of paths {@code firstPath .. firstPath + paths - 1}
         */
        Config withBlock(int firstPath, int paths);
    }

    /**
     * A 1-D exit-time run.
     *
     * @param sgd the recursion
     * @param start \(X_0\), with {@code lo < start < hi} and in the domain
     * @param lo lower end of the field (exclusive), may be {@code -inf}
     * @param hi upper end of the field (exclusive), may be {@code +inf}
     * @param maxSteps step cap, {@code >= 1}
     * @param paths number of independent paths, {@code >= 1}
     * @param seed seed of the per-path streams
     * @param firstPath index of the first path, {@code >= 0}, with {@code firstPath + paths - 1} an {@code int}
     */
    public record Config1D(Sgd1D sgd, double start, double lo, double hi, long maxSteps, int paths, long seed,
                           int firstPath) implements Config {
        /** @throws IllegalArgumentException on an invalid parameter (see the component docs) */
        public Config1D {
            Objects.requireNonNull(sgd, "sgd");
            if (!(lo < start && start < hi)) {
                throw new IllegalArgumentException("start is not inside (" + lo + ", " + hi + "): " + start);
            }
            if (!sgd.landscape().domain().contains(new double[] {start})) {
                throw new IllegalArgumentException("start is not in the domain " + sgd.landscape().domain()
                    + ": " + start);
            }
            Require.atLeast(maxSteps, 1, "maxSteps");
            PathBlocks.require(firstPath, paths);
        }

        /**
         * The paths {@code 0 .. paths - 1}.
         *
         * @param sgd the recursion
         * @param start \(X_0\)
         * @param lo lower end of the field
         * @param hi upper end of the field
         * @param maxSteps step cap
         * @param paths number of paths
         * @param seed seed
         * @throws IllegalArgumentException on an invalid parameter
         */
        public Config1D(Sgd1D sgd, double start, double lo, double hi, long maxSteps, int paths, long seed) {
            this(sgd, start, lo, hi, maxSteps, paths, seed, 0);
        }

        /**
         * @param sgd recursion
         * @param start \(X_0\)
         * @param fields the fields' lookup (e.g. {@code AttractionFields1D.partition()}); the exit field is the one
         *     containing {@code start}
         * @param maxSteps step cap
         * @param paths number of paths
         * @param seed seed
         * @return the run from the field of {@code start}
         * @throws IllegalArgumentException if {@code start} is on a field boundary ({@link Partition1D#startField})
         *     or another parameter is invalid
         */
        public static Config1D of(Sgd1D sgd, double start, Partition1D fields, long maxSteps, int paths, long seed) {
            int i = fields.startField(start);
            return new Config1D(sgd, start, fields.lowerCut(i), fields.upperCut(i), maxSteps, paths, seed);
        }

        /** @param s recursion @return a copy with another recursion (e.g. another eta) */
        public Config1D withSgd(Sgd1D s) {
            return new Config1D(s, start, lo, hi, maxSteps, paths, seed, firstPath);
        }

        @Override
        public Config1D withBlock(int first, int n) {
            return new Config1D(sgd, start, lo, hi, maxSteps, n, seed, first);
        }
    }

    /**
     * A d-D exit-time run.
     *
     * @param sgd the recursion
     * @param start \(X_0\) (copied), in the domain
     * @param fields labels of the fields; exit = first step whose label differs from the start's
     * @param maxSteps step cap, {@code >= 1}
     * @param paths number of paths, {@code >= 1}
     * @param seed seed
     * @param firstPath index of the first path, {@code >= 0}, with {@code firstPath + paths - 1} an {@code int}
     */
    public record ConfigNd(SgdNd sgd, double[] start, FieldLabeller fields, long maxSteps, int paths, long seed,
                           int firstPath) implements Config {
        /** @throws IllegalArgumentException on an invalid parameter */
        public ConfigNd {
            Objects.requireNonNull(sgd, "sgd");
            Objects.requireNonNull(fields, "fields");
            start = start.clone();
            if (start.length != sgd.dimension()) {
                throw new IllegalArgumentException("start dimension is not " + sgd.dimension() + ": "
                    + start.length);
            }
            if (!sgd.landscape().domain().contains(start)) {
                throw new IllegalArgumentException("start is not in the domain " + sgd.landscape().domain()
                    + ": " + Arrays.toString(start));
            }
            Require.atLeast(maxSteps, 1, "maxSteps");
            PathBlocks.require(firstPath, paths);
        }

        /**
         * The paths {@code 0 .. paths - 1}.
         *
         * @param sgd the recursion
         * @param start \(X_0\)
         * @param fields labels of the fields
         * @param maxSteps step cap
         * @param paths number of paths
         * @param seed seed
         * @throws IllegalArgumentException on an invalid parameter
         */
        public ConfigNd(SgdNd sgd, double[] start, FieldLabeller fields, long maxSteps, int paths, long seed) {
            this(sgd, start, fields, maxSteps, paths, seed, 0);
        }

        @Override
        public double[] start() {
            return start.clone();
        }

        @Override
        public ConfigNd withBlock(int first, int n) {
            return new ConfigNd(sgd, start, fields, maxSteps, n, seed, first);
        }

        /** Compares the start by value (a record compares arrays by identity). */
        @Override
        public boolean equals(Object o) {
            return o instanceof ConfigNd c && sgd.equals(c.sgd) && Arrays.equals(start, c.start)
                && fields.equals(c.fields) && maxSteps == c.maxSteps && paths == c.paths && seed == c.seed
                && firstPath == c.firstPath;
        }

        @Override
        public int hashCode() {
            return Objects.hash(sgd, Arrays.hashCode(start), fields, maxSteps, paths, seed, firstPath);
        }
    }

    /**
     * Exit times of all paths.
     *
     * @param config the run (provenance, with its seed)
     * @param exitSteps per path, \(\sigma\) in steps, or {@code maxSteps} if censored
     * @param censored per path, whether the cap was hit before exit
     * @param censoredCount number of censored paths
     * @param exitTargets per path, where it went: in 1-D 0 = below {@code lo}, 1 = above {@code hi}; in d-D the
     *     label of the first point outside; -1 if censored
     * @param targetCounts number of paths per target (length 2 in 1-D, {@code fieldCount} in d-D)
     * @param exitPoints per path, the first point outside the field, path-major with \(d\) coordinates per path;
     *     for a censored path the last point
     */
    public record Result(Config config, long[] exitSteps, boolean[] censored, int censoredCount, int[] exitTargets,
                         long[] targetCounts, double[] exitPoints) {
        /** Copies the arrays. */
        public Result {
            exitSteps = exitSteps.clone();
            censored = censored.clone();
            exitTargets = exitTargets.clone();
            targetCounts = targetCounts.clone();
            exitPoints = exitPoints.clone();
        }

        @Override
        public long[] exitSteps() {
            return exitSteps.clone();
        }

        @Override
        public boolean[] censored() {
            return censored.clone();
        }

        @Override
        public int[] exitTargets() {
            return exitTargets.clone();
        }

        @Override
        public long[] targetCounts() {
            return targetCounts.clone();
        }

        @Override
        public double[] exitPoints() {
            return exitPoints.clone();
        }

        /** @return the number of paths */
        public int paths() {
            return exitSteps.length;
        }

        /**
         * The result from its per-path values, the flags and counts derived from the targets.
         *
         * @param config the run
         * @param exitSteps per path, the exit step (the cap if censored)
         * @param exitTargets per path, where it went (as {@link Result#exitTargets}), -1 if censored
         * @param exitPoints per path, the first point outside (the last point if censored), \(d\) coordinates each
         * @return the result
         * @throws IllegalArgumentException if an array does not have one entry per path of {@code config}, a target
         *     is out of range, or an exit step is outside {@code [1, maxSteps]} or censored below the cap
         */
        public static Result of(Config config, long[] exitSteps, int[] exitTargets, double[] exitPoints) {
            Objects.requireNonNull(config, "config");
            int paths = config.paths();
            int d = config instanceof ConfigNd c ? c.sgd().dimension() : 1;
            long[] counts = new long[config instanceof ConfigNd c ? c.fields().fieldCount() : 2];
            if (exitSteps.length != paths || exitTargets.length != paths || exitPoints.length != (long) paths * d) {
                throw new IllegalArgumentException("exit steps, targets and points do not have " + paths + " paths ("
                    + d + " coordinates each): " + exitSteps.length + ", " + exitTargets.length + ", "
                    + exitPoints.length);
            }
            boolean[] censored = new boolean[paths];
            int nc = 0;
            for (int p = 0; p < paths; p++) {
                int t = exitTargets[p];
                long n = exitSteps[p];
                if (!(t >= -1 && t < counts.length) || !(n >= 1 && n <= config.maxSteps())
                    || (t < 0 && n != config.maxSteps())) {
                    throw new IllegalArgumentException("path " + (config.firstPath() + p) + " has exit step " + n
                        + " and target " + t + " (steps in [1, " + config.maxSteps() + "], targets in [-1, "
                        + counts.length + "), censored at the cap)");
                }
                censored[p] = t < 0;
                if (t < 0) {
                    nc++;
                } else {
                    counts[t]++;
                }
            }
            return new Result(config, exitSteps, censored, nc, exitTargets, counts, exitPoints);
        }

        /**
         * Joins the results of parts of one run (the same configuration but for the block of paths) whose blocks
         * tile a block of paths: the per-path values concatenated in path order, the counts summed. The parts of a
         * run of {@code P} paths that tile {@code 0 .. P - 1} merge into exactly the result of running it at once.
         *
         * @param parts the parts, in any order
         * @return the result on the union of their blocks
         * @throws IllegalArgumentException if there is no part, the parts are of different runs, or their blocks
         *     leave a gap or overlap
         */
        public static Result merge(List<Result> parts) {
            List<Result> sorted = PathBlocks.inPathOrder(parts, r -> r.config.firstPath(), Result::paths,
                r -> r.config.withBlock(0, 1));
            int total = sorted.stream().mapToInt(Result::paths).sum();
            Config first = sorted.get(0).config;
            int d = sorted.get(0).exitPoints.length / sorted.get(0).paths();
            long[] steps = new long[total];
            int[] targets = new int[total];
            double[] points = new double[total * d];
            int at = 0;
            for (Result r : sorted) {
                System.arraycopy(r.exitSteps, 0, steps, at, r.paths());
                System.arraycopy(r.exitTargets, 0, targets, at, r.paths());
                System.arraycopy(r.exitPoints, 0, points, at * d, r.paths() * d);
                at += r.paths();
            }
            return of(first.withBlock(first.firstPath(), total), steps, targets, points);
        }

        /**
         * @return the mean exit step over all paths, censored ones counted at the cap (a lower bound of the mean
         *     when {@code censoredCount > 0})
         */
        public double mean() {
            double s = 0;
            for (long t : exitSteps) {
                s += t;
            }
            return s / exitSteps.length;
        }

        /**
         * @return the median exit step over all paths (censored at the cap; exact while fewer than half the paths
         *     are censored)
         */
        public double median() {
            long[] t = exitSteps.clone();
            Arrays.sort(t);
            int m = t.length / 2;
            return t.length % 2 == 1 ? t[m] : 0.5 * ((double) t[m - 1] + t[m]);
        }

        /** @return the exit steps of the paths that exited (not censored), in path order */
        public long[] uncensoredExitSteps() {
            return java.util.stream.IntStream.range(0, exitSteps.length).filter(i -> !censored[i])
                .mapToLong(i -> exitSteps[i]).toArray();
        }
    }

    /** @param config the run @return the exit times, on all processors */
    public static Result run(Config1D config) {
        return run(config, Execution.defaults());
    }

    /**
     * @param config the run
     * @param execution threads and progress (progress counts completed paths)
     * @return the exit times; bit-identical for any thread count
     * @throws DivergenceException if a path produced a NaN iterate (the lowest such path)
     */
    public static Result run(Config1D config, Execution execution) {
        Sgd1D sgd = config.sgd();
        int paths = config.paths();
        long[] steps = new long[paths];
        double[] points = new double[paths];
        Kernel1D.Step step = Kernel1D.Step.of(sgd);
        PathRunner.runWorkers(config.firstPath(), paths, config.seed(), execution, Kernel1D.LANES, (source, guard) ->
            Kernel1D.exitWorker(step, config.start(), config.lo(), config.hi(), config.maxSteps(), source, guard,
                steps, points));
        int[] targets = new int[paths];
        for (int p = 0; p < paths; p++) {
            boolean inside = points[p] > config.lo() && points[p] < config.hi();
            targets[p] = inside ? -1 : (points[p] <= config.lo() ? 0 : 1);
        }
        return Result.of(config, steps, targets, points);
    }

    /** @param config the run @return the exit times, on all processors */
    public static Result run(ConfigNd config) {
        return run(config, Execution.defaults());
    }

    /**
     * @param config the run
     * @param execution threads and progress (progress counts completed paths)
     * @return the exit times; bit-identical for any thread count
     * @throws DivergenceException if a path produced a non-finite iterate (the lowest such path)
     */
    public static Result run(ConfigNd config, Execution execution) {
        SgdNd sgd = config.sgd();
        int d = sgd.dimension();
        int paths = config.paths();
        FieldLabeller fields = config.fields();
        double[] start = config.start();
        int startField = fields.field(start);
        long[] steps = new long[paths];
        int[] targets = new int[paths];
        double[] points = new double[paths * d];
        VectorNoiseLaw law = sgd.noise();
        PathRunner.run(config.firstPath(), paths, config.seed(), execution, (p, rng, guard) -> {
            VectorNoiseLaw.VectorSampler sampler = law.sampler(rng);
            double[] x = start.clone();
            double[] z = new double[d];
            double[] work = new double[d];
            long n = 0;
            long cap = config.maxSteps();
            int target = -1;
            outer:
            while (n < cap) {
                long end = Math.min(cap, n + PathRunner.CHUNK);
                while (n < end) {
                    sampler.sample(z);
                    sgd.step(x, z, work);
                    n++;
                    if (!isFinite(x)) {
                        guard.diverged(p, n, firstNonFinite(x));
                        return;
                    }
                    int f = fields.field(x);
                    if (f != startField) {
                        target = f;
                        break outer;
                    }
                }
                if (guard.shouldStop(p)) {
                    return;
                }
            }
            steps[p] = n;
            targets[p] = target;
            System.arraycopy(x, 0, points, p * d, d);
            guard.progress(1);
        });
        return Result.of(config, steps, targets, points);
    }

    static boolean isFinite(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    static double firstNonFinite(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return v;
            }
        }
        return 0;
    }
}
