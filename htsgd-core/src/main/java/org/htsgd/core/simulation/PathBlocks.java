package org.htsgd.core.simulation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.htsgd.core.validation.Require;

/**
 * Blocks of paths: a Monte Carlo run of \(P\) paths may be cut into parts, part \(j\) running the paths
 * \(o_j, \dots, o_j + n_j - 1\) of the same seed. Path \(k\) draws from its own stream, which depends only on (seed,
 * \(k\)) ({@link PathStreams}), so a part computes exactly what those paths compute in the one-process run, and
 * the parts' per-path results concatenated in path order (their counts summed) are that run's results
 * ({@code ExitTimeResult.merge}, {@code OccupancyResult.merge}).
 */
final class PathBlocks {
    private PathBlocks() {
    }

    /**
     * @param firstPath index of the block's first path, {@code >= 0}
     * @param paths number of paths, {@code >= 1}
     * @throws IllegalArgumentException if a bound is violated or the block's last index is not an {@code int}
     */
    static void require(int firstPath, int paths) {
        Require.atLeast(firstPath, 0, "firstPath");
        Require.atLeast(paths, 1, "paths");
        if (!((long) firstPath + paths - 1 <= Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("firstPath + paths - 1 is not <= " + Integer.MAX_VALUE + ": "
                + firstPath + " + " + paths + " - 1");
        }
    }

    /**
     * Checks that parts belong to one run and tile a block of paths without gap or overlap.
     *
     * @param <R> the part type
     * @param parts the parts, in any order, at least one
     * @param firstPath a part's first path index
     * @param paths a part's number of paths
     * @param run a part's configuration with the block left out (equal for parts of the same run)
     * @return the parts in path order
     * @throws IllegalArgumentException if there is no part, two parts are of different runs, or the blocks leave a
     *     gap or overlap
     */
    static <R> List<R> inPathOrder(List<R> parts, ToIntFunction<R> firstPath, ToIntFunction<R> paths,
                                   Function<R, Object> run) {
        Objects.requireNonNull(parts, "parts");
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("parts is empty: nothing to merge");
        }
        List<R> sorted = new ArrayList<>(parts);
        sorted.sort(Comparator.comparingInt(firstPath));
        Object first = run.apply(sorted.get(0));
        long next = firstPath.applyAsInt(sorted.get(0));
        for (R part : sorted) {
            if (!first.equals(run.apply(part))) {
                throw new IllegalArgumentException("parts are not of the same run: " + first + " vs "
                    + run.apply(part));
            }
            int from = firstPath.applyAsInt(part);
            if (from != next) {
                throw new IllegalArgumentException("parts do not tile the paths: the next part should start at "
                    + "path " + next + " but starts at " + from + (from < next ? " (overlap)" : " (gap)"));
            }
            next += paths.applyAsInt(part);
        }
        return sorted;
    }
}
