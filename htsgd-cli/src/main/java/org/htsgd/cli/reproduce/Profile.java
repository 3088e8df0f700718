package org.htsgd.cli.reproduce;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.htsgd.core.validation.Require;
import org.htsgd.train.loop.PaperResult;
import org.htsgd.train.loop.Task;
import org.htsgd.train.method.IterationSchedule;
import org.htsgd.train.method.Method;
import org.htsgd.train.method.TruncationReading;

/**
 * Every scale parameter of {@code htsgd reproduce}: how many learning rates, paths, steps, iterations and samples each
 * part of the report uses. {@link #paper()} is the paper's scale (§3.1, §3.2, §4), {@link #quick()} the default
 * that finishes in under 30 minutes on 2 cores, and {@link #tiny()} the end-to-end test's (seconds).
 *
 * @param name profile name ({@code tiny}, {@code quick}, {@code paper}, or a custom one)
 * @param seed master seed; every part derives its own seed from it (see {@link #seedFor(String)})
 * @param exitTimes Figure 1 right: first exit from \(\Omega_2\)
 * @param occupancy Figure 1 left/middle: histograms and trajectories of four scenarios
 * @param himmelblau Figure 3: the modified Himmelblau landscape
 * @param ctmc theory vs simulation: the CTMC on the widest minima against long runs
 * @param training Table 2: the deep-learning comparison and its sharpness measures
 */
public record Profile(String name, long seed, ExitTimeScale exitTimes, OccupancyScale occupancy,
                      HimmelblauScale himmelblau, CtmcScale ctmc, TrainingScale training) {
    /**
     * The quick profile's Table 2 methods: all but SB+Noise, whose App. A.3 schedule (10x the iterations at a tenth
     * of the learning rate, a large-batch gradient at each) does not fit its time budget; the report says so.
     */
    static final List<Method> QUICK_METHODS = Task.table2Methods().stream().filter(m -> m != Method.SB_NOISE)
        .toList();

    /**
     * The quick profile's Table 2 schedule: the noise on for the first 2,500 iterations, then noise-free (LB steps
     * for Our 1 and Our 2) until the run first reaches {@link Table2Course#TRAINED} training accuracy at an
     * evaluation ({@link #QUICK_STOP}), 6,000 iterations at most. Measured on Fashion-MNIST LeNet at lr 0.05 (the
     * five replications of the recorded paper-schedule rows, evaluations every 100): LeNet leaves its initial
     * plateau (training loss above 0.9 ln 10) at 600-1,500 iterations, so the noise phase takes 1,000-1,900
     * heavy-tailed steps after it; LB first reaches 99% training accuracy at 3,900-4,300, SB at 4,500-5,100. The
     * paper's 10,000 iterations (a large-batch gradient at each step for LB, Our 1, Our 2) take about 50 min of
     * Table 2 on 2 cores, beyond the quick profile's 30 minutes.
     * BENCHMARKS.md, "Table 2 schedule" and "Quick Table 2 to 99%".
     */
    static final IterationSchedule QUICK_SCHEDULE = IterationSchedule.of(6_000, 3_500);

    /**
     * The quick profile's stop: a run ends at its first evaluation of the noise-free phase with at least 99%
     * training accuracy, so that sharpness is measured at a minimum that fits the training set, as the paper's
     * runs end (they reach 100% well before their 10,000 iterations), within the quick budget.
     */
    static final double QUICK_STOP = Table2Course.TRAINED;

    /**
     * The quick profile's reading of b: on the gradient ({@code --b-on gradient}, the update truncated at eta b).
     * Read on the update (eq. 1), b = 5 truncated none of 1,400 noise steps in the quick runs of 2026-12-03/04, and
     * at the paper's schedule Our 1 and Our 2 first reached 99% training accuracy at 6,400-9,400 iterations (one
     * Our 2 run never, 96% at 10,000), so no schedule within 30 minutes fits the training set with it; read on the
     * gradient, every premise held in all 25 runs of the recorded 5-replication row, and with the noise off from
     * 2,500 on Our 1 and Our 2 first reached 99% at 4,400 and 4,100 (seed 1, 2026-12-04), about where LB does
     * (3,900-4,300; BENCHMARKS.md). The paper profile keeps eq. 1's reading as its default; {@code --b-on update}
     * runs quick on it.
     */
    static final TruncationReading QUICK_B_ON = TruncationReading.GRADIENT;

    /** The names of the built-in profiles. */
    public static final List<String> BUILT_IN = List.of("tiny", "quick", "paper");

    /** Validates the components. */
    public Profile {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name is blank");
        }
        Objects.requireNonNull(exitTimes, "exitTimes");
        Objects.requireNonNull(occupancy, "occupancy");
        Objects.requireNonNull(himmelblau, "himmelblau");
        Objects.requireNonNull(ctmc, "ctmc");
        Objects.requireNonNull(training, "training");
    }

    /**
     * @param name {@code tiny}, {@code quick} or {@code paper} (case-insensitive)
     * @return that profile
     * @throws IllegalArgumentException naming the known profiles if there is none
     */
    public static Profile of(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "tiny" -> tiny();
            case "quick" -> quick();
            case "paper" -> paper();
            default -> throw new IllegalArgumentException("profile is not one of " + BUILT_IN + ": " + name);
        };
    }

    /**
     * @return the Table 2 scale of the built-in profile of this name as shipped, before an invocation's
     *     {@code --tasks}, {@code --methods} or {@code --replications} narrowed it; empty if the name is not built in
     */
    public Optional<TrainingScale> builtInTraining() {
        return BUILT_IN.contains(name) ? Optional.of(of(name).training()) : Optional.empty();
    }

    /** @param newSeed a master seed @return a copy with that seed */
    public Profile withSeed(long newSeed) {
        return new Profile(name, newSeed, exitTimes, occupancy, himmelblau, ctmc, training);
    }

    /** @param newTraining a Table 2 scale @return a copy with it (e.g. one task of the profile's at a time) */
    public Profile withTraining(TrainingScale newTraining) {
        return new Profile(name, seed, exitTimes, occupancy, himmelblau, ctmc, newTraining);
    }

    /**
     * @param partId a part's id
     * @return the part's seed: a fixed mix of the master seed and the id, so parts are independent and a part's
     *     result does not depend on which other parts run
     */
    public long seedFor(String partId) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < partId.length(); i++) {
            h = (h ^ partId.charAt(i)) * 0xBF58476D1CE4E5B9L;
        }
        return h ^ (h >>> 31);
    }

    /**
     * The end-to-end test's profile: every part runs in a few seconds; the numbers are not meant to be read.
     *
     * @return the profile
     */
    public static Profile tiny() {
        return new Profile("tiny", 1,
            new ExitTimeScale(List.of(
                new ExitCurve("b = 0.28", 0.28, new double[] {0.2, 0.1}, 0.2, 4),
                new ExitCurve("b = 0.5", 0.5, new double[] {0.2, 0.1}, 0.2, 4),
                new ExitCurve("no truncation", Double.POSITIVE_INFINITY, new double[] {0.2, 0.1}, 0.2, 4)),
                20_000, -0.7),
            new OccupancyScale(0.05, 20_000, 2, 20_000, 200, 40, 0.3),
            new HimmelblauScale(0.01, 20_000, 2, 2.15, 200, 24, 0.05, List.of(0.05, 0.02), 4, 2),
            new CtmcScale(0.05, 20_000, 2, 0.5),
            new TrainingScale(List.of(Task.FMNIST_LENET), List.of(Method.SB, Method.OUR2),
                IterationSchedule.of(12, 4), 1, 12, 2, 1, 2, 1, 2, 1));
    }

    /**
     * The default: under 30 minutes on 2 cores, built-in landscapes and Debian's Fashion-MNIST only. Learning-rate
     * grids reach the small-eta regime where the exit-time asymptotics have set in (for b = 0.5 the local slope is
     * about 1.2 between eta 0.1 and 0.05 and about 1.4 only from 0.01 on), and only those settled points are
     * fitted. Table 2 trains LB, SB, SB+Clip, Our 1 and Our 2 once on {@link #QUICK_SCHEDULE} until 99% training
     * accuracy, b read on the gradient ({@link #QUICK_B_ON}); with one replication it shows whether the premises of
     * the paper's comparison hold and the directions, not a confidence statement.
     *
     * @return the profile
     */
    public static Profile quick() {
        return new Profile("quick", 1,
            new ExitTimeScale(List.of(
                new ExitCurve("b = 0.28", 0.28,
                    new double[] {0.1, 0.05, 0.02, 0.01, 0.007, 0.005, 0.003, 0.002}, 0.01, 200),
                new ExitCurve("b = 0.5", 0.5, new double[] {0.1, 0.05, 0.02, 0.01, 0.005, 0.003, 0.002, 0.001},
                    0.01, 200),
                new ExitCurve("no truncation", Double.POSITIVE_INFINITY,
                    new double[] {0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001, 0.0005, 0.0002}, 0.005, 400)),
                100_000_000, -0.7),
            new OccupancyScale(0.001, 10_000_000, 10, 3_000_000, 3_000, 320, 0.3),
            new HimmelblauScale(5e-4, 30_000_000, 4, 2.15, 3_000, 120, 0.02,
                List.of(0.01, 0.005, 0.0025, 0.00125), 200, 3),
            new CtmcScale(0.002, 20_000_000, 8, 0.5),
            new TrainingScale(List.of(Task.FMNIST_LENET), QUICK_METHODS, QUICK_SCHEDULE, 1,
                100, 40, 5, 10, 5, 20, 10, QUICK_B_ON, QUICK_STOP));
    }

    /**
     * The paper's scale: 20 samples per learning rate capped at 5e7 steps (§3.1), 10 paths of 1e7 steps at eta
     * 0.001 from 0.3 (Fig. 1 left/middle), 3e7 Himmelblau steps at eta 5e-4 (§3.2), every Table 2 task with its
     * Table 1 schedule (T, and the noise off in the last K) and the paper's 5 replications, 100 samples of expected
     * sharpness (§4.4).
     *
     * @return the profile
     */
    public static Profile paper() {
        return new Profile("paper", 1,
            new ExitTimeScale(List.of(
                new ExitCurve("b = 0.28", 0.28, new double[] {0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001}, 0.02,
                    20),
                new ExitCurve("b = 0.5", 0.5, new double[] {0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001, 0.0005},
                    0.01, 20),
                new ExitCurve("no truncation", Double.POSITIVE_INFINITY,
                    new double[] {0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001, 0.0005, 0.0002, 0.0001}, 0.005, 20)),
                50_000_000, -0.7),
            new OccupancyScale(0.001, 10_000_000, 10, 3_000_000, 3_000, 320, 0.3),
            new HimmelblauScale(5e-4, 30_000_000, 10, 2.15, 3_000, 160, 0.02,
                List.of(0.01, 0.005, 0.0025, 0.00125, 0.000625), 400, 4),
            new CtmcScale(0.001, 50_000_000, 20, 0.5),
            new TrainingScale(Task.table2Tasks(), Task.table2Methods(), null, PaperResult.REPLICATIONS, 100, 100,
                10, 15, 10, 100, 100));
    }

    /**
     * One curve of Figure 1 right.
     *
     * @param label legend label
     * @param b truncation threshold, {@code Double.POSITIVE_INFINITY} for none
     * @param etas learning rates, strictly decreasing, in (0, 1)
     * @param fitMaxEta only learning rates {@code <= fitMaxEta} enter the slope fit (at least 2 of them): the
     *     settled small-eta points; all points are shown
     * @param paths samples per learning rate, {@code >= 2}
     */
    public record ExitCurve(String label, double b, double[] etas, double fitMaxEta, int paths) {
        /** Validates and copies. */
        public ExitCurve {
            Objects.requireNonNull(label, "label");
            Require.positive(b, "b");
            etas = etas.clone();
            if (etas.length < 2) {
                throw new IllegalArgumentException("etas has fewer than 2 values: " + Arrays.toString(etas));
            }
            for (int i = 0; i < etas.length; i++) {
                if (!(etas[i] > 0 && etas[i] < 1)) {
                    throw new IllegalArgumentException("eta is not in (0, 1): " + etas[i]);
                }
                if (i > 0 && !(etas[i] < etas[i - 1])) {
                    throw new IllegalArgumentException("etas are not strictly decreasing: " + Arrays.toString(etas));
                }
            }
            if (fittedCount(etas, fitMaxEta) < 2) {
                throw new IllegalArgumentException("fitMaxEta leaves fewer than 2 etas to fit: " + fitMaxEta
                    + " with etas " + Arrays.toString(etas));
            }
            Require.atLeast(paths, 2, "paths");
        }

        @Override
        public double[] etas() {
            return etas.clone();
        }

        /** @param eta a learning rate of this curve @return whether it enters the fit */
        public boolean fitted(double eta) {
            return eta <= fitMaxEta;
        }

        private static int fittedCount(double[] etas, double max) {
            int n = 0;
            for (double e : etas) {
                n += e <= max ? 1 : 0;
            }
            return n;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ExitCurve c && label.equals(c.label) && Double.compare(b, c.b) == 0
                && Arrays.equals(etas, c.etas) && Double.compare(fitMaxEta, c.fitMaxEta) == 0 && paths == c.paths;
        }

        @Override
        public int hashCode() {
            return Objects.hash(label, b, Arrays.hashCode(etas), fitMaxEta, paths);
        }

        @Override
        public String toString() {
            return "ExitCurve[" + label + ", b=" + b + ", etas=" + Arrays.toString(etas) + ", fitMaxEta=" + fitMaxEta
                + ", paths=" + paths + "]";
        }
    }

    /**
     * Figure 1 right: mean first-exit time from \(\Omega_2\) against \(1/\eta\).
     *
     * @param curves the curves (the paper: b = 0.28, 0.5, none)
     * @param maxSteps step cap per path (censored beyond), {@code >= 1}
     * @param start \(X_0\) (the paper: -0.7)
     */
    public record ExitTimeScale(List<ExitCurve> curves, long maxSteps, double start) {
        /** Validates. */
        public ExitTimeScale {
            curves = List.copyOf(curves);
            if (curves.isEmpty()) {
                throw new IllegalArgumentException("curves is empty");
            }
            Require.atLeast(maxSteps, 1, "maxSteps");
            Require.finite(start, "start");
        }
    }

    /**
     * Figure 1 left/middle: four scenarios (clipped/unclipped, heavy/light-tailed).
     *
     * @param eta learning rate (the paper: 0.001)
     * @param steps steps per path (the paper: 1e7)
     * @param paths paths per scenario (the paper: 10)
     * @param trajectorySteps the trajectory plot shows the first this many steps (the paper: 3e6)
     * @param trajectoryPoints recorded points per trajectory
     * @param histogramBins bins of the location histogram over [-1.6, 1.6]
     * @param start \(X_0\) (the paper: 0.3)
     */
    public record OccupancyScale(double eta, long steps, int paths, long trajectorySteps, int trajectoryPoints,
                                 int histogramBins, double start) {
        /** Validates. */
        public OccupancyScale {
            Require.inOpenUnit(eta, "eta");
            Require.atLeast(steps, 1, "steps");
            Require.atLeast(paths, 1, "paths");
            Require.atLeast(trajectorySteps, 1, "trajectorySteps");
            if (!(trajectorySteps <= steps)) {
                throw new IllegalArgumentException("trajectorySteps is not <= steps: " + trajectorySteps);
            }
            Require.atLeast(trajectoryPoints, 2, "trajectoryPoints");
            Require.atLeast(histogramBins, 2, "histogramBins");
            Require.finite(start, "start");
        }

        /** @return record every this many steps so that {@code trajectoryPoints} cover {@code trajectorySteps} */
        public int trajectoryEvery() {
            return (int) Math.max(1, trajectorySteps / (trajectoryPoints - 1));
        }
    }

    /**
     * Figure 3: the modified Himmelblau landscape, clipped vs unclipped, from the minimiser of \(\Omega_3\) (paper.md
     * §3.2), and its 2-D exit-time panel.
     *
     * @param eta learning rate (the paper: 5e-4)
     * @param steps steps per path (the paper: 3e7, one path)
     * @param paths paths per scenario (the standard errors are over paths)
     * @param b truncation threshold (the paper: 2.15)
     * @param trajectoryPoints recorded points per trajectory
     * @param grid grid points per axis of the landscape and field maps
     * @param gridSpacing spacing of the flow grid of the 2-D theory (fields, J_b, rates)
     * @param exitEtas learning rates of the exit-time panel
     * @param exitPaths paths per learning rate of the exit-time panel
     * @param exitFitPoints how many of the smallest {@code exitEtas} the slopes are fitted on
     */
    public record HimmelblauScale(double eta, long steps, int paths, double b, int trajectoryPoints, int grid,
                                  double gridSpacing, List<Double> exitEtas, int exitPaths, int exitFitPoints) {
        /** Validates. */
        public HimmelblauScale {
            Require.inOpenUnit(eta, "eta");
            Require.atLeast(steps, 1, "steps");
            Require.atLeast(paths, 2, "paths");
            Require.finitePositive(b, "b");
            Require.atLeast(trajectoryPoints, 2, "trajectoryPoints");
            Require.atLeast(grid, 8, "grid");
            Require.finitePositive(gridSpacing, "gridSpacing");
            exitEtas = List.copyOf(exitEtas);
            Require.atLeast(exitEtas.size(), 2, "number of exitEtas");
            for (double e : exitEtas) {
                Require.inOpenUnit(e, "exit eta");
            }
            Require.atLeast(exitPaths, 2, "exitPaths");
            Require.inRange(exitFitPoints, 2, exitEtas.size(), "exitFitPoints");
        }
    }

    /**
     * Theory vs simulation: the CTMC of Theorem 5 on the widest minima of the paper's 1-D landscape against the
     * occupation of long clipped runs.
     *
     * @param eta learning rate
     * @param steps steps per path
     * @param paths paths (started in each field in turn)
     * @param b truncation threshold (0.5: widest minima m2, m4)
     */
    public record CtmcScale(double eta, long steps, int paths, double b) {
        /** Validates. */
        public CtmcScale {
            Require.inOpenUnit(eta, "eta");
            Require.atLeast(steps, 1, "steps");
            Require.atLeast(paths, 1, "paths");
            Require.finitePositive(b, "b");
        }
    }
}
