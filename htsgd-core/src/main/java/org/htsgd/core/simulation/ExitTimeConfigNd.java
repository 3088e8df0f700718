package org.htsgd.core.simulation;

import java.util.Arrays;
import java.util.Objects;
import org.htsgd.core.validation.Require;

/**
 * A d-D exit-time run: paths of {@link SgdNd} (eq. 2 with the norm truncation) from \(X_0\) until the label of the
 * iterate differs from the start's (the attraction field \(\Omega\) is the set of points with the start's label),
 * or the cap.
 *
 * @param sgd the recursion
 * @param start \(X_0\) (copied), in the domain
 * @param fields labels of the fields; exit = first step whose label differs from the start's
 * @param maxSteps step cap, {@code >= 1}
 * @param paths number of paths, {@code >= 1}
 * @param seed seed
 * @param firstPath index of the first path, {@code >= 0}, with {@code firstPath + paths - 1} an {@code int}
 */
public record ExitTimeConfigNd(SgdNd sgd, double[] start, FieldLabeller fields, long maxSteps, int paths, long seed,
                               int firstPath) implements ExitTimeConfig {
    /** @throws IllegalArgumentException on an invalid parameter */
    public ExitTimeConfigNd {
        Objects.requireNonNull(sgd, "sgd");
        Objects.requireNonNull(fields, "fields");
        start = StartPoints.require(sgd.landscape(), start);
        Require.atLeast(maxSteps, 1, "maxSteps");
        PathBlocks.require(firstPath, paths);
    }

    /**
     * The paths {@code 0 .. paths - 1}.
     *
     * @param sgd the recursion
     * @param start \(X_0\)
     * @param fields labels of the fields
     * @param maxSteps step cap
     * @param paths number of paths
     * @param seed seed
     * @throws IllegalArgumentException on an invalid parameter
     */
    public ExitTimeConfigNd(SgdNd sgd, double[] start, FieldLabeller fields, long maxSteps, int paths, long seed) {
        this(sgd, start, fields, maxSteps, paths, seed, 0);
    }

    @Override
    public double[] start() {
        return start.clone();
    }

    @Override
    public ExitTimeConfigNd withBlock(int first, int n) {
        return new ExitTimeConfigNd(sgd, start, fields, maxSteps, n, seed, first);
    }

    /** {@inheritDoc} */
    @Override
    public int dimension() {
        return sgd.dimension();
    }

    /** @return the number of field labels */
    @Override
    public int targetCount() {
        return fields.fieldCount();
    }

    /** Compares the start by value (a record compares arrays by identity). */
    @Override
    public boolean equals(Object o) {
        return o instanceof ExitTimeConfigNd c && sgd.equals(c.sgd) && Arrays.equals(start, c.start)
            && fields.equals(c.fields) && maxSteps == c.maxSteps && paths == c.paths && seed == c.seed
            && firstPath == c.firstPath;
    }

    @Override
    public int hashCode() {
        return Objects.hash(sgd, Arrays.hashCode(start), fields, maxSteps, paths, seed, firstPath);
    }
}
