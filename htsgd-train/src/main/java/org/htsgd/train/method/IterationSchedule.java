package org.htsgd.train.method;

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
     * Validates.
     *
     * @throws IllegalArgumentException if {@code iterations <= 0} or {@code noiseOffLast} is not in
     *     {@code [0, iterations]}
     */
    public IterationSchedule {
        Require.positive(iterations, "iterations");
        Require.inRange(noiseOffLast, 0, iterations, "noiseOffLast");
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
