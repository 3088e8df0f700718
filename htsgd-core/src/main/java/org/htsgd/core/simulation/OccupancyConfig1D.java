package org.htsgd.core.simulation;

import java.util.Objects;
import org.htsgd.core.analysis.Partition1D;
import org.htsgd.core.validation.Require;

/**
 * A 1-D occupancy run: paths of {@link Sgd1D} (eq. 2) counting the steps in each attraction field of a
 * {@link Partition1D}, optionally with a down-sampled trajectory and a histogram of \(X_1, \dots, X_N\) over the
 * domain (paper Figure 1, left and middle).
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
public record OccupancyConfig1D(Sgd1D sgd, double start, Partition1D fields, long steps, int paths, long seed,
                                int trajectoryEvery, int trajectoryLength, int histogramBins, int firstPath)
    implements OccupancyConfig {
    /** @throws IllegalArgumentException on an invalid parameter */
    public OccupancyConfig1D {
        Objects.requireNonNull(sgd, "sgd");
        Objects.requireNonNull(fields, "fields");
        StartPoints.require(sgd.landscape(), start);
        fields.startField(start);
        Occupancy.validate(steps, firstPath, paths, trajectoryEvery, trajectoryLength);
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
    public OccupancyConfig1D(Sgd1D sgd, double start, Partition1D fields, long steps, int paths, long seed,
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
    public static OccupancyConfig1D of(Sgd1D sgd, double start, Partition1D fields, long steps, int paths,
                                       long seed) {
        return new OccupancyConfig1D(sgd, start, fields, steps, paths, seed, 1, 0, 0);
    }

    /** @param every stride @param length max points per path @return a copy recording trajectories */
    public OccupancyConfig1D withTrajectory(int every, int length) {
        return new OccupancyConfig1D(sgd, start, fields, steps, paths, seed, every, length, histogramBins,
            firstPath);
    }

    /** @param bins number of bins over the domain @return a copy recording a histogram */
    public OccupancyConfig1D withHistogram(int bins) {
        return new OccupancyConfig1D(sgd, start, fields, steps, paths, seed, trajectoryEvery, trajectoryLength, bins,
            firstPath);
    }

    /** @param s recursion @return a copy with another recursion */
    public OccupancyConfig1D withSgd(Sgd1D s) {
        return new OccupancyConfig1D(s, start, fields, steps, paths, seed, trajectoryEvery, trajectoryLength,
            histogramBins, firstPath);
    }

    @Override
    public OccupancyConfig1D withBlock(int first, int n) {
        return new OccupancyConfig1D(sgd, start, fields, steps, n, seed, trajectoryEvery, trajectoryLength,
            histogramBins, first);
    }
}
