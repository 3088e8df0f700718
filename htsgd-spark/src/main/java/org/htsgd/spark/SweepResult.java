package org.htsgd.spark;

import java.nio.file.Path;
import java.util.List;

/**
 * The result of a sweep.
 *
 * @param outcomes one per cell, in grid order
 * @param table the results table ({@code DIR/results.csv})
 * @param wallSeconds wall time of this run of the sweep
 * @param firstTaskSeconds seconds from the start of the sweep until the first cell started on an executor (the
 *     cost of getting executors), NaN if no cell ran (or Spark reported no task)
 */
public record SweepResult(List<CellOutcome> outcomes, Path table, double wallSeconds, double firstTaskSeconds) {
    /** Copies the list. */
    public SweepResult {
        outcomes = List.copyOf(outcomes);
    }

    /** @return the cells whose every attempt failed */
    public List<CellOutcome> failed() {
        return outcomes.stream().filter(o -> !o.ok()).toList();
    }

    /** @return how many cells were found finished and not run again */
    public long resumed() {
        return outcomes.stream().filter(CellOutcome::resumed).count();
    }
}
