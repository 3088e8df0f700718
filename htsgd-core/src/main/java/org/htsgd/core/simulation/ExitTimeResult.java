package org.htsgd.core.simulation;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The first-exit times \(\sigma(\eta) = \min\{n \ge 0 : X_n \notin \Omega\}\) of all paths of a run
 * ({@link ExitTimes}; paper §2.1, Theorem 1), censored paths counted at the cap and flagged, never dropped.
 *
 * @param config the run (provenance, with its seed)
 * @param exitSteps per path, \(\sigma\) in steps, or {@code maxSteps} if censored
 * @param censored per path, whether the cap was hit before exit
 * @param censoredCount number of censored paths
 * @param exitTargets per path, where it went: in 1-D 0 = below {@code lo}, 1 = above {@code hi}; in d-D the
 *     label of the first point outside; -1 if censored
 * @param targetCounts number of paths per target (length {@link ExitTimeConfig#targetCount()})
 * @param exitPoints per path, the first point outside the field, path-major with \(d\) coordinates per path;
 *     for a censored path the last point
 */
public record ExitTimeResult(ExitTimeConfig config, long[] exitSteps, boolean[] censored, int censoredCount,
                             int[] exitTargets, long[] targetCounts, double[] exitPoints) {
    /** Copies the arrays. */
    public ExitTimeResult {
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
     * @param exitTargets per path, where it went (as {@link #exitTargets}), -1 if censored
     * @param exitPoints per path, the first point outside (the last point if censored), \(d\) coordinates each
     * @return the result
     * @throws IllegalArgumentException if an array does not have one entry per path of {@code config}, a target
     *     is out of range, or an exit step is outside {@code [1, maxSteps]} or censored below the cap
     */
    public static ExitTimeResult of(ExitTimeConfig config, long[] exitSteps, int[] exitTargets, double[] exitPoints) {
        Objects.requireNonNull(config, "config");
        int paths = config.paths();
        int d = config.dimension();
        long[] counts = new long[config.targetCount()];
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
        return new ExitTimeResult(config, exitSteps, censored, nc, exitTargets, counts, exitPoints);
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
    public static ExitTimeResult merge(List<ExitTimeResult> parts) {
        List<ExitTimeResult> sorted = PathBlocks.inPathOrder(parts, r -> r.config.firstPath(),
            ExitTimeResult::paths, r -> r.config.withBlock(0, 1));
        int total = sorted.stream().mapToInt(ExitTimeResult::paths).sum();
        ExitTimeConfig first = sorted.get(0).config;
        int d = first.dimension();
        long[] steps = new long[total];
        int[] targets = new int[total];
        double[] points = new double[total * d];
        int at = 0;
        for (ExitTimeResult r : sorted) {
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
        return IntStream.range(0, exitSteps.length).filter(i -> !censored[i]).mapToLong(i -> exitSteps[i])
            .toArray();
    }
}
