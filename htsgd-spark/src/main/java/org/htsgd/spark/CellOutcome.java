package org.htsgd.spark;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What became of one cell; saved as {@code cell.json} beside the command's own JSON and returned to the driver.
 *
 * @param id the cell id
 * @param command the htsgd command line of the cell (without {@code --out})
 * @param settings the cell's settings
 * @param status {@link #OK}, {@link #FAILED} or {@link #REFUSED}
 * @param attempts how many times the command was run (in the run that finished the cell)
 * @param exitCode the last attempt's exit code (-1: it threw)
 * @param wallSeconds wall time of all attempts, in seconds
 * @param error for a failed cell, the last line the command printed (or the exception); empty otherwise
 * @param results the scalar values of the command's JSON output, flattened to dotted keys, as text
 * @param resumed whether the cell had finished in an earlier run of the sweep and was not run again
 */
public record CellOutcome(String id, List<String> command, Map<String, String> settings, String status,
        int attempts, int exitCode, double wallSeconds, String error, Map<String, String> results, boolean resumed)
        implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Status of a cell whose command exited with 0. */
    public static final String OK = "ok";
    /** Status of a cell whose every attempt failed. */
    public static final String FAILED = "failed";
    /** Status of a cell htsgd refused as bad input (exit 2): one attempt, not retried. */
    public static final String REFUSED = "refused";

    /** Copies the collections. */
    public CellOutcome {
        command = List.copyOf(command);
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
        error = error == null ? "" : error;
    }

    /** @return whether the cell succeeded */
    public boolean ok() {
        return OK.equals(status);
    }

    /** @return this outcome, marked as found finished from an earlier run */
    public CellOutcome asResumed() {
        return new CellOutcome(id, command, settings, status, attempts, exitCode, wallSeconds, error, results, true);
    }
}
