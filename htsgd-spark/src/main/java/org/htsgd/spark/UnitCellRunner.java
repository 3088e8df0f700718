package org.htsgd.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a unit of work of {@code htsgd reproduce --master} as a sweep cell: {@code htsgd reproduce ARGS --unit=ID}
 * in the executor's JVM ({@link MainCellRunner#inProcess}), with the reproduction's own {@code --out} among
 * {@code ARGS}: the unit writes into the reproduction's directory, and the cell's directory gets only its log (and
 * the sweep's {@code cell.json}). A Table 2 training run still trains in a child JVM of its own, as
 * {@code reproduce} always starts them.
 */
final class UnitCellRunner implements CellRunner {
    private static final long serialVersionUID = 1L;
    /** The setting naming the unit. */
    static final String UNIT = "unit";

    /** {@code reproduce}'s arguments but {@code --unit}. */
    private final List<String> args;

    /** @param args {@code reproduce}'s arguments but {@code --unit} (with an absolute {@code --out}) */
    UnitCellRunner(List<String> args) {
        this.args = List.copyOf(args);
    }

    /** {@inheritDoc} */
    @Override
    public int run(String command, List<String> cellArgs, Path outDir) {
        List<String> line = new ArrayList<>();
        line.add(command);
        line.addAll(args);
        line.addAll(cellArgs);
        return MainCellRunner.inProcess(line.toArray(String[]::new), outDir.resolve(LOG));
    }
}
