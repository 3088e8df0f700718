package org.htsgd.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The merge step of a split grid ({@code split: {paths: K}}). Every point of the grid runs as K parts
 * ({@code --paths=count_k --path-offset=offset_k}); once all K have finished, one more cell joins them:
 * {@code htsgd COMMAND SETTINGS --merge-parts=DIR/cells/<part_1>,...,DIR/cells/<part_K>} with the point's own
 * settings (all its paths). Its id is the id the point has in the same grid without {@code split}, so
 * {@code DIR/cells/<id>/} holds exactly what an unsplit sweep (or the command run alone) writes there: the command's
 * merge is byte-identical to the one-process run (the per-path random streams depend only on seed and path index).
 *
 * @param cell the merge cell (its settings: the point's, plus {@value #MERGE_PARTS})
 * @param parts the point's parts, in path order
 */
record SplitMerge(Cell cell, List<Cell> parts) {
    /** The command's option that merges parts. */
    static final String MERGE_PARTS = "merge-parts";

    /** Copies the list. */
    SplitMerge {
        Objects.requireNonNull(cell, "cell");
        parts = List.copyOf(parts);
    }

    /**
     * @param grid a grid
     * @param out the sweep directory (absolute: the merge cells name the parts' directories in it)
     * @return one merge per point of a split grid, in grid order; none if the grid is not split
     */
    static List<SplitMerge> of(Grid grid, Path out) {
        List<SplitMerge> merges = new ArrayList<>();
        if (grid.splitParts() == 1) {
            return merges;
        }
        Path cells = CellTask.cellsDir(out.toAbsolutePath());
        for (Map<String, String> point : grid.points()) {
            List<Cell> parts = grid.parts(point);
            List<String> dirs = new ArrayList<>();
            for (Cell part : parts) {
                dirs.add(cells.resolve(part.id()).toString());
            }
            Map<String, String> settings = new LinkedHashMap<>(point);
            settings.put(MERGE_PARTS, String.join(",", dirs));
            merges.add(new SplitMerge(new Cell(Cell.of(grid.command(), point).id(), grid.command(), settings),
                    parts));
        }
        return merges;
    }
}
