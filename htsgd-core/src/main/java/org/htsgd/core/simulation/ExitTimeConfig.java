package org.htsgd.core.simulation;

/**
 * The configuration of a first-exit-time run ({@link ExitTimes}): the recursion (eq. 2), the start \(X_0\), the
 * attraction field \(\Omega\) it must leave, \(\sigma(\eta) = \min\{n \ge 0 : X_n \notin \Omega\}\) (paper §2.1,
 * Theorem 1), and the step cap; with the block of paths and the seed ({@link PathRun}) it is the run's provenance.
 */
public sealed interface ExitTimeConfig extends PathRun permits ExitTimeConfig1D, ExitTimeConfigNd {
    /** @return the step cap: a path still inside \(\Omega\) after it is censored */
    long maxSteps();

    /** @return the dimension \(d\) of the iterates (the coordinates of an exit point) */
    int dimension();

    /** @return the number of exit targets: 2 in 1-D (below, above), the number of field labels in d-D */
    int targetCount();

    @Override
    ExitTimeConfig withBlock(int firstPath, int paths);
}
