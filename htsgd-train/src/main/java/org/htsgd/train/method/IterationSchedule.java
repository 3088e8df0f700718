package org.htsgd.train.method;

import java.util.Locale;
import org.htsgd.core.validation.Require;

/**
 * The length of a training run and of its noise-free final phase: \(T\) iterations, the heavy-tailed noise removed
 * in the last \(K\) (paper.md §4.1: "remove heavy-tailed noise for the last final 5,000 iterations and run LB
 * instead"; Table 1 gives T, App. A.3 SB+Noise's longer schedule).
 *
 * @param iterations T, {@code > 0}
 * @param noiseOffLast K, {@code 0 <= K <= T}
 */
public record IterationSchedule(long iterations, long noiseOffLast) {
    /**
     * Most iterations one run may take: about 2 days on one core at {@value #FASTEST_ITERATIONS_PER_SECOND} it/s, the
     * fastest training measured (SB on Fashion-MNIST LeNet, BENCHMARKS.md; LB and the noise methods run about
     * 2.5 it/s); the paper's longest run is 150,000. Larger counts are refused with the time they would take instead
     * of running for years.
     */
    public static final long MAX_ITERATIONS = 10_000_000;
    /** Iterations per second of the fastest training measured on one core (BENCHMARKS.md). */
    static final double FASTEST_ITERATIONS_PER_SECOND = 55;

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if {@code iterations <= 0} or above {@link #MAX_ITERATIONS} (the message gives
     *     the time it would take), or {@code noiseOffLast} is not in {@code [0, iterations]}
     */
    public IterationSchedule {
        Require.positive(iterations, "iterations");
        if (iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "iterations %d is above the limit of %,d "
                    + "per run: at %.0f it/s, the fastest training measured on one core, it would take %s (the "
                    + "paper's longest run is 150,000)", iterations, MAX_ITERATIONS, FASTEST_ITERATIONS_PER_SECOND,
                    duration(iterations / FASTEST_ITERATIONS_PER_SECOND)));
        }
        Require.inRange(noiseOffLast, 0, iterations, "noiseOffLast");
    }

    /** @param seconds a duration @return it in the largest fitting unit of hours, days and years, e.g. "634 years" */
    static String duration(double seconds) {
        double hours = seconds / 3600;
        if (hours < 48) {
            return String.format(Locale.ROOT, "%.0f hours", hours);
        }
        double days = hours / 24;
        return days < 730 ? String.format(Locale.ROOT, "%.0f days", days)
                : String.format(Locale.ROOT, "%.3g years", days / 365.25);
    }

    /**
     * @param iterations T
     * @param noiseOffLast K
     * @return the schedule
     * @throws IllegalArgumentException as the constructor
     */
    public static IterationSchedule of(long iterations, long noiseOffLast) {
        return new IterationSchedule(iterations, noiseOffLast);
    }

    /**
     * The same shape at another length: \(K' = \min(T', \mathrm{round}(K T' / T))\), so the paper's 10,000 with the
     * last 5,000 noise-free become 2,000 with 1,000.
     *
     * @param newIterations T', {@code > 0}
     * @return the scaled schedule
     * @throws IllegalArgumentException if {@code newIterations <= 0}
     */
    public IterationSchedule scaledTo(long newIterations) {
        Require.positive(newIterations, "iterations");
        // K * T' / T in this order (not K * (T' / T)): exact for the paper's K = T / 2 at every odd T'
        return new IterationSchedule(newIterations,
            Math.min(newIterations, Math.round((double) noiseOffLast * newIterations / iterations)));
    }
}
