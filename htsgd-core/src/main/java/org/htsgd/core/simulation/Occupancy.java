package org.htsgd.core.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.htsgd.core.analysis.Partition1D;
import org.htsgd.core.landscape.Domain;
import org.htsgd.core.noise.VectorNoiseLaw;
import org.htsgd.core.validation.Require;

/**
 * Where heavy-tailed truncated SGD (eq. 2) spends its time: over long runs, the number of steps \(n \in [1, N]\)
 * with \(X_n\) in each attraction field (the occupation fractions of Theorem 2 / Corollary 6), the counts of
 * transitions between fields, and optionally a down-sampled trajectory and (1-D) a histogram of visited locations
 * (paper Figure 1, left and middle). Memory is independent of the number of steps; several paths are aggregated.
 *
 * <p>A run covers the paths {@code firstPath .. firstPath + paths - 1} of its seed (0 .. paths - 1 unless it is a
 * part of a larger run); {@link Result#merge} joins parts into the result of the whole run, identical to running it
 * in one go ({@link PathBlocks}).
 */
public final class Occupancy {
    private Occupancy() {
    }

    /** A run's configuration: its provenance, with the seed. */
    public sealed interface Config permits Config1D, ConfigNd {
        /** @return steps per path */
        long steps();

        /** @return number of paths */
        int paths();

        /** @return seed of the per-path streams */
        long seed();

        /** @return record every {@code trajectoryEvery}-th iterate */
        int trajectoryEvery();

        /** @return maximum number of recorded iterates per path (0: no trajectory) */
        int trajectoryLength();

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
     * A 1-D occupancy run.
     *
     * @param sgd the recursion
     * @param start \(X_0\), in the domain and inside a field (not on a boundary: {@link Partition1D#startField})
     * @param fields the fields' lookup (e.g. {@code AttractionFields1D.partition()})
     * @param steps steps per path, {@code >= 1}
     * @param paths number of paths, {@code >= 1}
     * @param seed seed
     * @param trajectoryEvery record \(X_0, X_k, X_{2k}, \dots\) with \(k\) = this, {@code >= 1}
     * @param trajectoryLength at most this many recorded points per path, {@code >= 0}
     * @param histogramBins number of equal bins over the domain for the histogram of \(X_1..X_N\), {@code >= 0}
     * @param firstPath index of the first path, {@code >= 0}, with {@code firstPath + paths - 1} an {@code int}
     */
    public record Config1D(Sgd1D sgd, double start, Partition1D fields, long steps, int paths, long seed,
                           int trajectoryEvery, int trajectoryLength, int histogramBins, int firstPath)
        implements Config {
        /** @throws IllegalArgumentException on an invalid parameter */
        public Config1D {
            Objects.requireNonNull(sgd, "sgd");
            Objects.requireNonNull(fields, "fields");
            if (!sgd.landscape().domain().contains(new double[] {start})) {
                throw new IllegalArgumentException("start is not in the domain " + sgd.landscape().domain()
                    + ": " + start);
            }
            fields.startField(start);
            validate(steps, firstPath, paths, trajectoryEvery, trajectoryLength);
            Require.atLeast(histogramBins, 0, "histogramBins");
        }

        /**
         * The paths {@code 0 .. paths - 1}.
         *
         * @param sgd the recursion
         * @param start \(X_0\)
         * @param fields the fields' lookup
         * @param steps steps per path
         * @param paths number of paths
         * @param seed seed
         * @param trajectoryEvery stride of the recorded trajectory
         * @param trajectoryLength at most this many recorded points per path
         * @param histogramBins number of histogram bins
         * @throws IllegalArgumentException on an invalid parameter
         */
        public Config1D(Sgd1D sgd, double start, Partition1D fields, long steps, int paths, long seed,
                        int trajectoryEvery, int trajectoryLength, int histogramBins) {
            this(sgd, start, fields, steps, paths, seed, trajectoryEvery, trajectoryLength, histogramBins, 0);
        }

        /**
         * @param sgd recursion
         * @param start \(X_0\)
         * @param fields attraction fields
         * @param steps steps per path
         * @param paths number of paths
         * @param seed seed
         * @return a run without trajectory or histogram
         */
        public static Config1D of(Sgd1D sgd, double start, Partition1D fields, long steps, int paths, long seed) {
            return new Config1D(sgd, start, fields, steps, paths, seed, 1, 0, 0);
        }

        /** @param every stride @param length max points per path @return a copy recording trajectories */
        public Config1D withTrajectory(int every, int length) {
            return new Config1D(sgd, start, fields, steps, paths, seed, every, length, histogramBins, firstPath);
        }

        /** @param bins number of bins over the domain @return a copy recording a histogram */
        public Config1D withHistogram(int bins) {
            return new Config1D(sgd, start, fields, steps, paths, seed, trajectoryEvery, trajectoryLength, bins,
                firstPath);
        }

        /** @param s recursion @return a copy with another recursion */
        public Config1D withSgd(Sgd1D s) {
            return new Config1D(s, start, fields, steps, paths, seed, trajectoryEvery, trajectoryLength,
                histogramBins, firstPath);
        }

        @Override
        public Config1D withBlock(int first, int n) {
            return new Config1D(sgd, start, fields, steps, n, seed, trajectoryEvery, trajectoryLength,
                histogramBins, first);
        }
    }

    /**
     * A d-D occupancy run.
     *
     * @param sgd the recursion
     * @param start \(X_0\) (copied), in the domain
     * @param fields labels of the fields
     * @param steps steps per path
     * @param paths number of paths
     * @param seed seed
     * @param trajectoryEvery stride of the recorded trajectory
     * @param trajectoryLength at most this many recorded points per path
     * @param firstPath index of the first path, {@code >= 0}, with {@code firstPath + paths - 1} an {@code int}
     */
    public record ConfigNd(SgdNd sgd, double[] start, FieldLabeller fields, long steps, int paths, long seed,
                           int trajectoryEvery, int trajectoryLength, int firstPath) implements Config {
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
            validate(steps, firstPath, paths, trajectoryEvery, trajectoryLength);
        }

        /**
         * The paths {@code 0 .. paths - 1}.
         *
         * @param sgd the recursion
         * @param start \(X_0\)
         * @param fields labels of the fields
         * @param steps steps per path
         * @param paths number of paths
         * @param seed seed
         * @param trajectoryEvery stride of the recorded trajectory
         * @param trajectoryLength at most this many recorded points per path
         * @throws IllegalArgumentException on an invalid parameter
         */
        public ConfigNd(SgdNd sgd, double[] start, FieldLabeller fields, long steps, int paths, long seed,
                        int trajectoryEvery, int trajectoryLength) {
            this(sgd, start, fields, steps, paths, seed, trajectoryEvery, trajectoryLength, 0);
        }

        /**
         * @param sgd recursion
         * @param start \(X_0\)
         * @param fields labeller
         * @param steps steps per path
         * @param paths number of paths
         * @param seed seed
         * @return a run without trajectory
         */
        public static ConfigNd of(SgdNd sgd, double[] start, FieldLabeller fields, long steps, int paths,
                                  long seed) {
            return new ConfigNd(sgd, start, fields, steps, paths, seed, 1, 0);
        }

        /** @param every stride @param length max points per path @return a copy recording trajectories */
        public ConfigNd withTrajectory(int every, int length) {
            return new ConfigNd(sgd, start, fields, steps, paths, seed, every, length, firstPath);
        }

        @Override
        public ConfigNd withBlock(int first, int n) {
            return new ConfigNd(sgd, start, fields, steps, n, seed, trajectoryEvery, trajectoryLength, first);
        }

        @Override
        public double[] start() {
            return start.clone();
        }

        /** Compares the start by value (a record compares arrays by identity). */
        @Override
        public boolean equals(Object o) {
            return o instanceof ConfigNd c && sgd.equals(c.sgd) && Arrays.equals(start, c.start)
                && fields.equals(c.fields) && steps == c.steps && paths == c.paths && seed == c.seed
                && trajectoryEvery == c.trajectoryEvery && trajectoryLength == c.trajectoryLength
                && firstPath == c.firstPath;
        }

        @Override
        public int hashCode() {
            return Objects.hash(sgd, Arrays.hashCode(start), fields, steps, paths, seed, trajectoryEvery,
                trajectoryLength, firstPath);
        }
    }

    /**
     * Occupation of the fields, aggregated over paths (sums in path order, so independent of threads).
     *
     * @param config the run (provenance, with its seed)
     * @param fieldSteps per field, total number of steps with the iterate in it (all paths)
     * @param pathFieldSteps per path and field, steps in the field
     * @param transitions {@code transitions[i][j]}: number of steps moving from field i to field j != i
     * @param trajectories per path, the recorded iterates, \(d\) coordinates each (path-major)
     * @param histogram counts of \(X_n\) per bin over the domain (1-D only; empty otherwise)
     * @param histogramEdges the {@code bins + 1} bin edges (empty if no histogram)
     */
    public record Result(Config config, long[] fieldSteps, long[][] pathFieldSteps, long[][] transitions,
                         double[][] trajectories, long[] histogram, double[] histogramEdges) {
        /** Copies the arrays. */
        public Result {
            fieldSteps = fieldSteps.clone();
            pathFieldSteps = deepCopy(pathFieldSteps);
            transitions = deepCopy(transitions);
            trajectories = Arrays.stream(trajectories).map(double[]::clone).toArray(double[][]::new);
            histogram = histogram.clone();
            histogramEdges = histogramEdges.clone();
        }

        @Override
        public long[] fieldSteps() {
            return fieldSteps.clone();
        }

        @Override
        public long[][] pathFieldSteps() {
            return deepCopy(pathFieldSteps);
        }

        @Override
        public long[][] transitions() {
            return deepCopy(transitions);
        }

        @Override
        public double[][] trajectories() {
            return Arrays.stream(trajectories).map(double[]::clone).toArray(double[][]::new);
        }

        @Override
        public long[] histogram() {
            return histogram.clone();
        }

        @Override
        public double[] histogramEdges() {
            return histogramEdges.clone();
        }

        /** @return per field, the fraction of all steps spent in it */
        public double[] fractions() {
            double total = (double) config.steps() * config.paths();
            return Arrays.stream(fieldSteps).mapToDouble(s -> s / total).toArray();
        }

        /** @return total number of field changes over all paths */
        public long transitionCount() {
            return Arrays.stream(transitions).flatMapToLong(Arrays::stream).sum();
        }

        /**
         * Joins the results of parts of one run (the same configuration but for the block of paths) whose blocks
         * tile a block of paths: per-path steps and trajectories concatenated in path order, the field steps,
         * transitions and histogram summed (exact integer sums, so in any order). The parts of a run of {@code P}
         * paths that tile {@code 0 .. P - 1} merge into exactly the result of running it at once.
         *
         * @param parts the parts, in any order
         * @return the result on the union of their blocks
         * @throws IllegalArgumentException if there is no part, the parts are of different runs (or histogram edges),
         *     or their blocks leave a gap or overlap
         */
        public static Result merge(List<Result> parts) {
            List<Result> sorted = PathBlocks.inPathOrder(parts, r -> r.config.firstPath(),
                r -> r.config.paths(), r -> List.of(r.config.withBlock(0, 1), Arrays.toString(r.histogramEdges)));
            Result first = sorted.get(0);
            int k = first.fieldSteps.length;
            long[] total = new long[k];
            long[][] transitions = new long[k][k];
            long[] histogram = new long[first.histogram.length];
            List<long[]> perPath = new ArrayList<>();
            List<double[]> trajectories = new ArrayList<>();
            for (Result r : sorted) {
                for (int i = 0; i < k; i++) {
                    total[i] += r.fieldSteps[i];
                    for (int j = 0; j < k; j++) {
                        transitions[i][j] += r.transitions[i][j];
                    }
                }
                for (int i = 0; i < histogram.length; i++) {
                    histogram[i] += r.histogram[i];
                }
                perPath.addAll(Arrays.asList(r.pathFieldSteps));
                trajectories.addAll(Arrays.asList(r.trajectories));
            }
            Config c = first.config.withBlock(first.config.firstPath(), perPath.size());
            return new Result(c, total, perPath.toArray(long[][]::new), transitions,
                trajectories.toArray(double[][]::new), histogram, first.histogramEdges);
        }
    }

    /** @param config the run @return occupation on all processors */
    public static Result run(Config1D config) {
        return run(config, Execution.defaults());
    }

    /**
     * @param config the run
     * @param execution threads and progress (progress counts completed steps, summed over paths)
     * @return the occupation; bit-identical for any thread count
     * @throws DivergenceException if a path produced a NaN iterate (the lowest such path)
     */
    public static Result run(Config1D config, Execution execution) {
        Sgd1D sgd = config.sgd();
        Partition1D fields = config.fields();
        int k = fields.fieldCount();
        int paths = config.paths();
        long[][] perPath = new long[paths][k];
        long[][] transitions = new long[paths][k * k];
        long[][] histograms = new long[paths][];
        double[][] trajectories = new double[paths][];
        Domain.Interval domain = sgd.landscape().domain();
        int bins = config.histogramBins();
        double hinv = bins / (domain.hi() - domain.lo());
        int length = (int) Math.min(config.trajectoryLength(), config.steps() / config.trajectoryEvery() + 1);
        for (int p = 0; p < paths; p++) {
            histograms[p] = bins > 0 ? new long[bins] : null;
            trajectories[p] = new double[length];
        }
        Kernel1D.Step step = Kernel1D.Step.of(sgd);
        Kernel1D.OccupancyOut out = new Kernel1D.OccupancyOut(perPath, transitions, histograms, trajectories);
        PathRunner.runWorkers(config.firstPath(), paths, config.seed(), execution, Kernel1D.LANES, (source, guard) ->
            Kernel1D.occupancyWorker(step, config.start(), config.steps(), fields, domain.lo(), hinv,
                config.trajectoryEvery(), source, guard, out));
        long[] histogram = new long[bins];
        double[] edges = new double[bins == 0 ? 0 : bins + 1];
        for (int i = 0; i <= bins && bins > 0; i++) {
            edges[i] = i == bins ? domain.hi() : domain.lo() + i / hinv;
        }
        for (int p = 0; p < paths; p++) {
            for (int i = 0; i < bins; i++) {
                histogram[i] += histograms[p][i];
            }
        }
        return aggregate(config, perPath, transitions, trajectories, histogram, edges, k);
    }

    /** @param config the run @return occupation on all processors */
    public static Result run(ConfigNd config) {
        return run(config, Execution.defaults());
    }

    /**
     * @param config the run
     * @param execution threads and progress (progress counts completed steps, summed over paths)
     * @return the occupation; bit-identical for any thread count
     * @throws DivergenceException if a path produced a non-finite iterate (the lowest such path)
     */
    public static Result run(ConfigNd config, Execution execution) {
        SgdNd sgd = config.sgd();
        int d = sgd.dimension();
        FieldLabeller fields = config.fields();
        int k = fields.fieldCount();
        int paths = config.paths();
        long[][] perPath = new long[paths][k];
        long[][] transitions = new long[paths][k * k];
        double[][] trajectories = new double[paths][];
        double[] start = config.start();
        int length = (int) Math.min(config.trajectoryLength(), config.steps() / config.trajectoryEvery() + 1);
        VectorNoiseLaw law = sgd.noise();
        PathRunner.run(config.firstPath(), paths, config.seed(), execution, (p, rng, guard) -> {
            VectorNoiseLaw.VectorSampler sampler = law.sampler(rng);
            double[] x = start.clone();
            double[] z = new double[d];
            double[] work = new double[d];
            double[] trajectory = new double[length * d];
            trajectories[p] = trajectory;
            long[] fieldSteps = perPath[p];
            long[] trans = transitions[p];
            int stored = 0;
            if (length > 0) {
                System.arraycopy(x, 0, trajectory, 0, d);
                stored = 1;
            }
            int untilSample = config.trajectoryEvery();
            int field = fields.field(x);
            long n = 0;
            long steps = config.steps();
            while (n < steps) {
                long chunkStart = n;
                long end = Math.min(steps, n + PathRunner.CHUNK);
                while (n < end) {
                    sampler.sample(z);
                    sgd.step(x, z, work);
                    n++;
                    if (!ExitTimes.isFinite(x)) {
                        guard.diverged(p, n, ExitTimes.firstNonFinite(x));
                        return;
                    }
                    int next = fields.field(x);
                    if (next != field) {
                        trans[field * k + next]++;
                        field = next;
                    }
                    fieldSteps[field]++;
                    if (--untilSample == 0) {
                        untilSample = config.trajectoryEvery();
                        if (stored < length) {
                            System.arraycopy(x, 0, trajectory, stored * d, d);
                            stored++;
                        }
                    }
                }
                guard.progress(n - chunkStart);
                if (guard.shouldStop(p)) {
                    return;
                }
            }
        });
        return aggregate(config, perPath, transitions, trajectories, new long[0], new double[0], k);
    }

    private static Result aggregate(Config config, long[][] perPath, long[][] flatTransitions,
                                    double[][] trajectories, long[] histogram, double[] edges, int k) {
        long[] total = new long[k];
        long[][] transitions = new long[k][k];
        for (int p = 0; p < perPath.length; p++) {
            for (int i = 0; i < k; i++) {
                total[i] += perPath[p][i];
                for (int j = 0; j < k; j++) {
                    transitions[i][j] += flatTransitions[p][i * k + j];
                }
            }
        }
        return new Result(config, total, perPath, transitions, trajectories, histogram, edges);
    }

    private static void validate(long steps, int firstPath, int paths, int every, int length) {
        Require.atLeast(steps, 1, "steps");
        PathBlocks.require(firstPath, paths);
        Require.atLeast(every, 1, "trajectoryEvery");
        Require.atLeast(length, 0, "trajectoryLength");
    }

    private static long[][] deepCopy(long[][] a) {
        return Arrays.stream(a).map(long[]::clone).toArray(long[][]::new);
    }
}
