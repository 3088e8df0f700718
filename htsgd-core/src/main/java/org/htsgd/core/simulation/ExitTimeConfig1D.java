package org.htsgd.core.simulation;

import java.util.Objects;
import org.htsgd.core.analysis.Partition1D;
import org.htsgd.core.validation.Require;

/**
 * A 1-D exit-time run: paths of {@link Sgd1D} (eq. 2) from \(X_0\) until they leave the open interval
 * \(\Omega = (lo, hi)\), the attraction field of the start (paper §2.1), or reach the cap.
 *
 * @param sgd the recursion
 * @param start \(X_0\), with {@code lo < start < hi} and in the domain
 * @param lo lower end of the field (exclusive), may be {@code -inf}
 * @param hi upper end of the field (exclusive), may be {@code +inf}
 * @param maxSteps step cap, {@code >= 1}
 * @param paths number of independent paths, {@code >= 1}
 * @param seed seed of the per-path streams
 * @param firstPath index of the first path, {@code >= 0}, with {@code firstPath + paths - 1} an {@code int}
 */
public record ExitTimeConfig1D(Sgd1D sgd, double start, double lo, double hi, long maxSteps, int paths, long seed,
                               int firstPath) implements ExitTimeConfig {
    /** @throws IllegalArgumentException on an invalid parameter (see the component docs) */
    public ExitTimeConfig1D {
        Objects.requireNonNull(sgd, "sgd");
        if (!(lo < start && start < hi)) {
            throw new IllegalArgumentException("start is not inside (" + lo + ", " + hi + "): " + start);
        }
        StartPoints.require(sgd.landscape(), start);
        Require.atLeast(maxSteps, 1, "maxSteps");
        PathBlocks.require(firstPath, paths);
    }

    /**
     * The paths {@code 0 .. paths - 1}.
     *
     * @param sgd the recursion
     * @param start \(X_0\)
     * @param lo lower end of the field
     * @param hi upper end of the field
     * @param maxSteps step cap
     * @param paths number of paths
     * @param seed seed
     * @throws IllegalArgumentException on an invalid parameter
     */
    public ExitTimeConfig1D(Sgd1D sgd, double start, double lo, double hi, long maxSteps, int paths, long seed) {
        this(sgd, start, lo, hi, maxSteps, paths, seed, 0);
    }

    /**
     * @param sgd recursion
     * @param start \(X_0\)
     * @param fields the fields' lookup (e.g. {@code AttractionFields1D.partition()}); the exit field is the one
     *     containing {@code start}
     * @param maxSteps step cap
     * @param paths number of paths
     * @param seed seed
     * @return the run from the field of {@code start}
     * @throws IllegalArgumentException if {@code start} is on a field boundary ({@link Partition1D#startField})
     *     or another parameter is invalid
     */
    public static ExitTimeConfig1D of(Sgd1D sgd, double start, Partition1D fields, long maxSteps, int paths,
                                      long seed) {
        int i = fields.startField(start);
        return new ExitTimeConfig1D(sgd, start, fields.lowerCut(i), fields.upperCut(i), maxSteps, paths, seed);
    }

    /** @param s recursion @return a copy with another recursion (e.g. another eta) */
    public ExitTimeConfig1D withSgd(Sgd1D s) {
        return new ExitTimeConfig1D(s, start, lo, hi, maxSteps, paths, seed, firstPath);
    }

    @Override
    public ExitTimeConfig1D withBlock(int first, int n) {
        return new ExitTimeConfig1D(sgd, start, lo, hi, maxSteps, n, seed, first);
    }

    /** {@inheritDoc} */
    @Override
    public int dimension() {
        return 1;
    }

    /** @return 2: target 0 is below {@code lo}, target 1 above {@code hi} */
    @Override
    public int targetCount() {
        return 2;
    }

    /**
     * @param x where a path stopped
     * @return its target: 0 below {@code lo}, 1 above {@code hi}, -1 still inside (censored)
     */
    int target(double x) {
        boolean inside = x > lo && x < hi;
        return inside ? -1 : (x <= lo ? 0 : 1);
    }
}
