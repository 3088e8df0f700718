package org.htsgd.core.simulation;

import org.htsgd.core.analysis.Partition1D;
import org.htsgd.core.landscape.Domain;
import org.htsgd.core.validation.Require;

/**
 * Where heavy-tailed truncated SGD (eq. 2) spends its time: over long runs, the number of steps \(n \in [1, N]\)
 * with \(X_n\) in each attraction field (the occupation fractions of Theorem 2 / Corollary 6), the counts of
 * transitions between fields, and optionally a down-sampled trajectory and (1-D) a histogram of visited locations
 * (paper Figure 1, left and middle). Memory is independent of the number of steps; several paths are aggregated
 * ({@link OccupancyResult}), bit-identically for any thread count.
 *
 * <p>A run ({@link OccupancyConfig1D}, {@link OccupancyConfigNd}) covers the paths
 * {@code firstPath .. firstPath + paths - 1} of its seed (0 .. paths - 1 unless it is a part of a larger run);
 * {@link OccupancyResult#merge} joins parts into the result of the whole run, identical to running it in one go
 * ({@link PathBlocks}).
 */
public final class Occupancy {
    private Occupancy() {
    }

    /** @param config the run @return occupation on all processors */
    public static OccupancyResult run(OccupancyConfig config) {
        return run(config, Execution.defaults());
    }

    /**
     * @param config the run
     * @param execution threads and progress (progress counts completed steps, summed over paths)
     * @return the occupation; bit-identical for any thread count
     * @throws DivergenceException if a path produced a non-finite iterate (the lowest such path)
     */
    public static OccupancyResult run(OccupancyConfig config, Execution execution) {
        return config instanceof OccupancyConfig1D c ? run1D(c, execution)
            : runNd((OccupancyConfigNd) config, execution);
    }

    private static OccupancyResult run1D(OccupancyConfig1D config, Execution execution) {
        Partition1D fields = config.fields();
        Domain.Interval domain = config.sgd().landscape().domain();
        int bins = config.histogramBins();
        double hinv = bins / (domain.hi() - domain.lo());
        OccupancyTallies out = OccupancyTallies.of(config.paths(), fields.fieldCount(), bins,
            config.recordedPoints());
        Kernel1D.Step step = Kernel1D.Step.of(config.sgd());
        PathRunner.runWorkers(config.firstPath(), config.paths(), config.seed(), execution, Kernel1D.LANES,
            (source, guard) -> Kernel1D.occupancyWorker(step, config.start(), config.steps(), fields, domain.lo(),
                hinv, config.trajectoryEvery(), source, guard, out));
        double[] edges = new double[bins == 0 ? 0 : bins + 1];
        for (int i = 0; i <= bins && bins > 0; i++) {
            edges[i] = i == bins ? domain.hi() : domain.lo() + i / hinv;
        }
        return OccupancyResult.of(config, out, edges);
    }

    private static OccupancyResult runNd(OccupancyConfigNd config, Execution execution) {
        FieldLabeller fields = config.fields();
        double[] start = config.start();
        OccupancyTallies out = OccupancyTallies.of(config.paths(), fields.fieldCount(), 0,
            config.recordedPoints() * start.length);
        PathRunner.run(config.firstPath(), config.paths(), config.seed(), execution, (p, rng, guard) -> {
            PathTally tally = new PathTally(fields, start, config.trajectoryEvery(), out.fieldSteps()[p],
                out.transitions()[p], out.trajectories()[p]);
            KernelNd.walk(config.sgd(), start.clone(), config.steps(), p, rng, guard, true, tally);
        });
        return OccupancyResult.of(config, out, new double[0]);
    }

    /** Checks the settings both occupancy configurations share. */
    static void validate(long steps, int firstPath, int paths, int every, int length) {
        Require.atLeast(steps, 1, "steps");
        PathBlocks.require(firstPath, paths);
        Require.atLeast(every, 1, "trajectoryEvery");
        Require.atLeast(length, 0, "trajectoryLength");
    }

    /** One d-D path's occupation: steps per field, transitions and the down-sampled trajectory. */
    private static final class PathTally implements KernelNd.Visitor {
        /** The labels. */
        private final FieldLabeller fields;
        /** The recording stride. */
        private final int every;
        /** The path's steps per field. */
        private final long[] fieldSteps;
        /** The path's transitions, flattened row-major. */
        private final long[] transitions;
        /** The path's recorded iterates, \(d\) coordinates each. */
        private final double[] trajectory;
        /** The current field. */
        private int field;
        /** Steps until the next recorded iterate. */
        private int untilSample;
        /** Coordinates recorded so far. */
        private int stored;

        PathTally(FieldLabeller fields, double[] start, int every, long[] fieldSteps, long[] transitions,
                  double[] trajectory) {
            this.fields = fields;
            this.every = every;
            this.fieldSteps = fieldSteps;
            this.transitions = transitions;
            this.trajectory = trajectory;
            this.field = fields.field(start);
            this.untilSample = every;
            record(start);
        }

        @Override
        public boolean visit(double[] x) {
            int next = fields.field(x);
            if (next != field) {
                transitions[field * fieldSteps.length + next]++;
                field = next;
            }
            fieldSteps[field]++;
            if (--untilSample == 0) {
                untilSample = every;
                record(x);
            }
            return false;
        }

        private void record(double[] x) {
            if (stored < trajectory.length) {
                System.arraycopy(x, 0, trajectory, stored, x.length);
                stored += x.length;
            }
        }
    }
}
