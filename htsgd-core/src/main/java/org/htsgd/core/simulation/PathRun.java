package org.htsgd.core.simulation;

/**
 * A Monte Carlo run over a block of independent paths of one seed: path \(k\) draws from its own stream, which
 * depends only on (seed, \(k\)) ({@link PathStreams}), so the run covers the paths
 * {@code firstPath .. firstPath + paths - 1} of that seed and its parts merge into the whole run ({@link PathBlocks}).
 * The configurations of the exit-time and occupancy runs are path runs; with the seed they are the run's provenance.
 */
public interface PathRun {
    /** @return the number of paths, {@code >= 1} */
    int paths();

    /** @return the seed of the per-path streams */
    long seed();

    /** @return index of the first path: the run covers the paths {@code firstPath .. firstPath + paths - 1} */
    int firstPath();

    /**
     * @param firstPath index of the first path, {@code >= 0}
     * @param paths number of paths, {@code >= 1}
     * @return the same run on the block of paths {@code firstPath .. firstPath + paths - 1}
     */
    PathRun withBlock(int firstPath, int paths);
}
