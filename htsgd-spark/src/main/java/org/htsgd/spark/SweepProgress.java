package org.htsgd.spark;

/** Hooks for a sweep's progress; every method is a no-op by default. Called on the driver. */
public interface SweepProgress {
    /**
     * @param total number of cells
     * @param alreadyDone cells found finished from an earlier run (not run again)
     */
    default void started(int total, int alreadyDone) {
    }

    /**
     * @param done cells finished so far, including those from an earlier run
     * @param total number of cells
     * @param cellId the cell whose Spark task just ended
     */
    default void cellEnded(int done, int total, String cellId) {
    }
}
