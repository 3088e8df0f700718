package org.htsgd.core.simulation;

/**
 * The per-path counts of an occupancy run while it runs ({@link Occupancy}): for path \(p\), the steps
 * \(\#\{n : X_n \in \Omega_i\}\) per field, the transitions \(i \to j\) flattened row-major ({@code i * k + j}), the
 * histogram of the visited locations (1-D, or {@code null}) and the recorded iterates. Each path writes only its
 * own rows, so the totals ({@link OccupancyResult#of}) do not depend on the threads.
 *
 * @param fieldSteps per path, steps per field ({@code k})
 * @param transitions per path, transition counts ({@code k * k})
 * @param histograms per path, histogram counts, or {@code null} rows without a histogram
 * @param trajectories per path, the recorded iterates' coordinates
 */
record OccupancyTallies(long[][] fieldSteps, long[][] transitions, long[][] histograms, double[][] trajectories) {
    /**
     * @param paths number of paths
     * @param fields number of fields \(k\)
     * @param bins histogram bins per path (0: none)
     * @param trajectoryValues recorded coordinates per path
     * @return zeroed tallies
     */
    static OccupancyTallies of(int paths, int fields, int bins, int trajectoryValues) {
        long[][] histograms = new long[paths][];
        double[][] trajectories = new double[paths][];
        for (int p = 0; p < paths; p++) {
            histograms[p] = bins > 0 ? new long[bins] : null;
            trajectories[p] = new double[trajectoryValues];
        }
        return new OccupancyTallies(new long[paths][fields], new long[paths][fields * fields], histograms,
            trajectories);
    }
}
