package org.htsgd.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs one sweep cell: {@code htsgd COMMAND ARGS --out OUTDIR}. Shipped to Spark executors, hence serialisable;
 * it may be called from several executor threads at once. The default, {@link MainCellRunner}, calls the htsgd
 * command line in-process, so a cell's output is by construction what {@code htsgd} writes when run by hand.
 */
@FunctionalInterface
public interface CellRunner extends Serializable {
    /** Name of the file in the cell directory holding what the command printed (standard output and error). */
    String LOG = "htsgd.log";

    /**
     * @param command the htsgd command, e.g. {@code exit-time}
     * @param args its arguments, without {@code --out}
     * @param outDir an existing empty directory for the command's results
     * @return the command's exit code (0: success)
     */
    int run(String command, List<String> args, Path outDir);

    /**
     * Checks a grid before any cell runs, so a misspelt option fails the sweep at once rather than every cell.
     *
     * @param grid the grid
     * @param cells its cells
     * @throws IllegalArgumentException naming the problem, if a cell cannot run
     */
    default void check(Grid grid, List<Cell> cells) {
    }
}
