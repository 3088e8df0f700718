package org.htsgd.core.simulation;

import java.util.Locale;

/**
 * What a Monte Carlo run may ask of this JVM, checked before any work so that a run too large to finish is refused
 * in one line instead of failing with an {@link OutOfMemoryError} or running for years:
 * <ul>
 *   <li><b>steps</b>: at most {@value #MAX_TOTAL_STEPS} steps in all (paths x steps per path x repetitions; for exit
 *       times the cap, a worst case). The 1-D kernel runs about 4.5e7 steps/s per core (BENCHMARKS.md), so the
 *       limit is over 2 days on one core; the paper's largest runs take about 1e10.</li>
 *   <li><b>memory</b>: the per-path results a run keeps (estimated by {@link #exitTimeBytes} and
 *       {@link #occupancyBytes}) must fit in the heap this JVM may still use, {@code maxMemory - used}.</li>
 * </ul>
 * The estimates count the arrays a run fills, the copies its immutable {@code Result} takes, and the text of the
 * values a caller writes out (about {@value #TEXT_BYTES} bytes per number, twice while the text buffer grows): they
 * are within a small factor of the truth, which is all a refusal needs.
 */
public final class RunBudget {
    /** Most steps one run may take in all. */
    public static final long MAX_TOTAL_STEPS = 10_000_000_000_000L;
    /** Bytes of a number written as text (a double with its separator). */
    static final long TEXT_BYTES = 24;
    /** Bytes an exit-time run keeps per path (per learning rate): exit step, exit point per coordinate, target and
     * censoring flag, twice (the run's arrays and the Result's copies), plus the copies statistics take. */
    static final long EXIT_TIME_PATH_BYTES = 48;
    /** Object header and reference of a per-path array. */
    private static final long ARRAY_BYTES = 24;
    /** Bytes in a gigabyte, as {@code -Xmx8g} counts them (2^30). */
    private static final double GB = 1L << 30;
    /** Bytes in a megabyte (2^20). */
    private static final double MB = 1L << 20;

    private RunBudget() {
    }

    /**
     * @param what the request in the caller's words, e.g. {@code "--steps 1e15 x --paths 4"}
     * @param totalSteps the steps it asks for in all (a double so that the product cannot overflow)
     * @throws IllegalArgumentException if {@code totalSteps > MAX_TOTAL_STEPS}, naming the request and the limit
     */
    public static void requireSteps(String what, double totalSteps) {
        if (!(totalSteps <= MAX_TOTAL_STEPS)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s = %.3g steps is above the limit of "
                    + "%.0e steps per run (over 2 days on one core at 4.5e7 steps/s)", what, totalSteps,
                    (double) MAX_TOTAL_STEPS));
        }
    }

    /**
     * @param what the request in the caller's words, e.g. {@code "--paths 2147483647"}
     * @param bytes the memory it needs (from {@link #exitTimeBytes} or {@link #occupancyBytes})
     * @throws IllegalArgumentException if this JVM cannot give that much more heap, naming the need and the limit
     */
    public static void requireMemory(String what, double bytes) {
        Runtime rt = Runtime.getRuntime();
        long max = rt.maxMemory();
        long free = max - (rt.totalMemory() - rt.freeMemory());
        if (!(bytes <= free)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s needs %s for per-path results; this "
                    + "JVM has %s (-Xmx), %s of it free", what, size(bytes), size(max), size(free)));
        }
    }

    /**
     * @param paths number of paths (times the number of learning rates, if a caller keeps all their results)
     * @param dimension \(d\)
     * @return bytes an exit-time run keeps for them, with the exit steps written out as text
     */
    public static double exitTimeBytes(double paths, int dimension) {
        return paths * (EXIT_TIME_PATH_BYTES + 16.0 * dimension + 2 * TEXT_BYTES);
    }

    /**
     * @param paths number of paths
     * @param fields number of fields (labels)
     * @param dimension \(d\)
     * @param histogramBins histogram bins (0: none)
     * @param trajectoryPoints recorded iterates per path (0: none)
     * @return bytes an occupancy run keeps: per path the field counts, the transition matrix, its histogram and
     *     trajectory, twice (the run's and the Result's copies); the summed histogram and its edges; and the text
     *     of the histogram and the trajectories
     */
    public static double occupancyBytes(double paths, int fields, int dimension, double histogramBins,
                                        double trajectoryPoints) {
        double k = fields;
        double perPath = 2 * (4 * ARRAY_BYTES + 8 * k + 8 * k * k + 8 * histogramBins
                + 8.0 * dimension * trajectoryPoints);
        double shared = 4 * 8 * histogramBins;
        double text = 2 * TEXT_BYTES * (2 * histogramBins + paths * dimension * trajectoryPoints);
        return paths * perPath + shared + text;
    }

    /** @param bytes a size @return it in GB (MB below 1 GB), binary units as -Xmx counts them, e.g. "8 GB" */
    static String size(double bytes) {
        if (bytes >= GB) {
            double g = bytes / GB;
            return String.format(Locale.ROOT, g >= 10 || g == Math.rint(g) ? "%.0f GB" : "%.1f GB", g);
        }
        return String.format(Locale.ROOT, "%.0f MB", Math.max(1, bytes / MB));
    }
}
