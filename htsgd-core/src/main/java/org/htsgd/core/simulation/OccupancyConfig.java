package org.htsgd.core.simulation;

/**
 * The configuration of an occupancy run ({@link Occupancy}): the recursion (eq. 2), the start \(X_0\), the fields
 * whose occupation \(\#\{n \in [1, N] : X_n \in \Omega_i\}\) is counted (Theorem 2, Corollary 6), the steps \(N\)
 * per path and the recorded trajectory; with the block of paths and the seed ({@link PathRun}) it is the run's
 * provenance.
 */
public sealed interface OccupancyConfig extends PathRun permits OccupancyConfig1D, OccupancyConfigNd {
    /** @return steps \(N\) per path */
    long steps();

    /** @return record every {@code trajectoryEvery}-th iterate */
    int trajectoryEvery();

    /** @return maximum number of recorded iterates per path (0: no trajectory) */
    int trajectoryLength();

    @Override
    OccupancyConfig withBlock(int firstPath, int paths);

    /** @return the number of recorded iterates per path: \(X_0, X_k, X_{2k}, \dots\) up to the length */
    default int recordedPoints() {
        return (int) Math.min(trajectoryLength(), steps() / trajectoryEvery() + 1);
    }
}
