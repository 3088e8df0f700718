package org.htsgd.core.simulation;

import java.util.Arrays;
import java.util.Objects;

/**
 * A d-D occupancy run: paths of {@link SgdNd} (eq. 2 with the norm truncation) counting the steps per label of a
 * {@link FieldLabeller} (e.g. the basins of the gradient flow, or proximity to the minimisers as in the paper's
 * Figure 3), optionally with a down-sampled trajectory.
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
public record OccupancyConfigNd(SgdNd sgd, double[] start, FieldLabeller fields, long steps, int paths, long seed,
                                int trajectoryEvery, int trajectoryLength, int firstPath) implements OccupancyConfig {
    /** @throws IllegalArgumentException on an invalid parameter */
    public OccupancyConfigNd {
        Objects.requireNonNull(sgd, "sgd");
        Objects.requireNonNull(fields, "fields");
        start = StartPoints.require(sgd.landscape(), start);
        Occupancy.validate(steps, firstPath, paths, trajectoryEvery, trajectoryLength);
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
    public OccupancyConfigNd(SgdNd sgd, double[] start, FieldLabeller fields, long steps, int paths, long seed,
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
    public static OccupancyConfigNd of(SgdNd sgd, double[] start, FieldLabeller fields, long steps, int paths,
                                       long seed) {
        return new OccupancyConfigNd(sgd, start, fields, steps, paths, seed, 1, 0);
    }

    /** @param every stride @param length max points per path @return a copy recording trajectories */
    public OccupancyConfigNd withTrajectory(int every, int length) {
        return new OccupancyConfigNd(sgd, start, fields, steps, paths, seed, every, length, firstPath);
    }

    @Override
    public OccupancyConfigNd withBlock(int first, int n) {
        return new OccupancyConfigNd(sgd, start, fields, steps, n, seed, trajectoryEvery, trajectoryLength, first);
    }

    @Override
    public double[] start() {
        return start.clone();
    }

    /** Compares the start by value (a record compares arrays by identity). */
    @Override
    public boolean equals(Object o) {
        return o instanceof OccupancyConfigNd c && sgd.equals(c.sgd) && Arrays.equals(start, c.start)
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
