package org.htsgd.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.htsgd.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real htsgd cells on {@code local[2]}: every cell's JSON equals, value for value, the JSON of the same command run
 * alone with {@link Main#run(String...)} (same seeds, same numbers), and the table carries the key numbers.
 */
class HtsgdCellsTest {
    private static JavaSparkContext sc;

    @TempDir
    Path tmp;

    @BeforeAll
    static void spark() {
        sc = LocalSpark.context();
    }

    private void sweepEqualsCellsRunAlone(String yaml, String jsonName, int expectedCells) throws IOException {
        Path grid = tmp.resolve("grid.yaml");
        Files.writeString(grid, yaml);
        Path out = tmp.resolve("out");
        assertEquals(0, SweepMain.run(new MainCellRunner(), sc, "sweep", grid.toString(), "--out", out.toString()));
        List<Cell> cells = Grid.read(grid).cells();
        assertEquals(expectedCells, cells.size());
        List<String> table = Files.readAllLines(out.resolve(Sweep.TABLE));
        assertEquals(1 + cells.size(), table.size());
        for (Cell c : cells) {
            // alone: the plain htsgd command line, default threads (all cores); in the sweep a cell gets 1 thread
            Path alone = tmp.resolve("alone").resolve(c.id());
            List<String> line = new java.util.ArrayList<>(c.commandLine());
            line.addAll(List.of("--out", alone.toString()));
            assertEquals(0, Main.run(line.toArray(String[]::new)), String.join(" ", line));
            JsonNode expected = CellTask.READER.readTree(alone.resolve(jsonName).toFile());
            JsonNode actual = CellTask.READER.readTree(out.resolve("cells").resolve(c.id()).resolve(jsonName)
                    .toFile());
            assertEquals(expected, actual, String.join(" ", line));
            // what the command printed (its summary) is in the cell's log, not on the executor's console
            String log = Files.readString(out.resolve("cells").resolve(c.id()).resolve(CellRunner.LOG));
            assertTrue(log.contains("wrote " + out.resolve("cells").toAbsolutePath()), log);
        }
    }

    @Test
    void exitTimeCellsEqualHtsgdRunAlone() throws IOException {
        sweepEqualsCellsRunAlone("""
                command: exit-time
                fixed: {landscape: paper1d, start: -0.7, noise: "lomax:alpha=1.2,scale=0.1", paths: 8}
                axes: {b: [0.5, inf], eta: [0.1, 0.05]}
                """, "exit-time.json", 4);
        List<String> table = Files.readAllLines(tmp.resolve("out").resolve(Sweep.TABLE));
        List<String> header = List.of(table.get(0).split(","));
        assertTrue(header.contains("perEta.0.mean") && header.contains("theory.lStar"), table.get(0));
        int mean = header.indexOf("perEta.0.mean");
        // truncation (b = 0.5) makes the exit from the sharp field slower than without (b = inf), at either eta
        for (int i = 1; i <= 2; i++) {
            double truncated = Double.parseDouble(table.get(i).split(",")[mean]);
            double untruncated = Double.parseDouble(table.get(i + 2).split(",")[mean]);
            assertTrue(truncated > untruncated, table.get(i) + " vs " + table.get(i + 2));
        }
    }

    @Test
    void occupancyCellsEqualHtsgdRunAlone() throws IOException {
        sweepEqualsCellsRunAlone("""
                command: occupancy
                fixed: {start: -0.7, eta: 0.1, steps: 100000, paths: 2}
                axes: {seed: [1, 2]}
                """, "occupancy.json", 2);
    }
}
