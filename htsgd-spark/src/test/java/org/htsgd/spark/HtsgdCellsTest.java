package org.htsgd.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        sweepEqualsCellsRunAlone(yaml, jsonName, expectedCells, List.of());
    }

    /** @param runDependent keys of the JSON that differ between any two runs (timings, paths of the output) */
    private void sweepEqualsCellsRunAlone(String yaml, String jsonName, int expectedCells, List<String> runDependent)
            throws IOException {
        Path grid = tmp.resolve("grid.yaml");
        Files.writeString(grid, yaml);
        Path out = tmp.resolve("out");
        assertEquals(0, SweepMain.run(new MainCellRunner(), sc, "sweep", grid.toString(), "--out", out.toString()));
        List<Cell> cells = Grid.read(grid).cells();
        assertEquals(expectedCells, cells.size());
        List<String> table = Files.readAllLines(out.resolve(Sweep.TABLE));
        assertEquals(1 + cells.size(), table.size());
        for (Cell c : cells) {
            // alone: the plain htsgd command line
            Path alone = tmp.resolve("alone").resolve(c.id());
            List<String> line = new java.util.ArrayList<>(c.commandLine());
            line.addAll(List.of("--out", alone.toString()));
            assertEquals(0, Main.run(line.toArray(String[]::new)), String.join(" ", line));
            JsonNode expected = CellTask.READER.readTree(alone.resolve(jsonName).toFile());
            JsonNode actual = CellTask.READER.readTree(out.resolve("cells").resolve(c.id()).resolve(jsonName)
                    .toFile());
            for (String k : runDependent) {
                assertTrue(expected.at(k).isValueNode() && actual.at(k).isValueNode(), k);
                ((ObjectNode) expected.at(k.substring(0, k.lastIndexOf('/')))).remove(k.substring(k.lastIndexOf('/') + 1));
                ((ObjectNode) actual.at(k.substring(0, k.lastIndexOf('/')))).remove(k.substring(k.lastIndexOf('/') + 1));
            }
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
                fixed: {start: -0.7, eta: 0.1, steps: 100000, paths: 2, threads: 1}
                axes: {seed: [1, 2]}
                """, "occupancy.json", 2);
    }

    /**
     * Training cells: same summary numbers and byte-identical weights. With one thread per cell, so that the two
     * cells share the cores rather than each spinning on all of them (LeNet's numbers do not depend on the count).
     */
    @Test
    void shortTrainingCellsEqualHtsgdRunAlone() throws IOException {
        Path data = tinyFashionMnist(tmp.resolve("fmnist"));
        sweepEqualsCellsRunAlone("""
                command: train
                fixed: {task: fmnist-lenet, data: %s, iterations: 3, eval-every: 3, batch: 20, lb-batch: 60,
                        threads: 1}
                axes: {method: [sb, our2]}
                """.formatted(data), "summary.json", 2, List.of("/wallSeconds", "/iterationsPerSecond",
                "/weightsFile", "/metricsFile", "/config/outDir"));
        for (Cell c : Grid.read(tmp.resolve("grid.yaml")).cells()) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("alone").resolve(c.id()).resolve("weights.bin")),
                    Files.readAllBytes(tmp.resolve("out").resolve("cells").resolve(c.id()).resolve("weights.bin")),
                    "the trained weights are identical: " + c.settings());
        }
    }

    /**
     * Writes a Fashion-MNIST-shaped data set in IDX format: the 1,200 training images the paper's LeNet task takes
     * and 100 test images, each a noisy class-dependent pattern (no download, and fast to train on).
     */
    private static Path tinyFashionMnist(Path dir) throws IOException {
        Files.createDirectories(dir);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        for (String[] split : new String[][] {{"train", "1200"}, {"t10k", "100"}}) {
            int n = Integer.parseInt(split[1]);
            java.nio.ByteBuffer images = java.nio.ByteBuffer.allocate(16 + n * 784);
            java.nio.ByteBuffer labels = java.nio.ByteBuffer.allocate(8 + n);
            images.putInt(0x803).putInt(n).putInt(28).putInt(28);
            labels.putInt(0x801).putInt(n);
            for (int i = 0; i < n; i++) {
                int y = rng.nextInt(10);
                labels.put((byte) y);
                for (int j = 0; j < 784; j++) {
                    double v = 127 + 60 * Math.sin(j * (y + 1) * 0.01) + rng.nextInt(-40, 41);
                    images.put((byte) Math.max(0, Math.min(255, (int) v)));
                }
            }
            Files.write(dir.resolve(split[0] + "-images-idx3-ubyte"), images.array());
            Files.write(dir.resolve(split[0] + "-labels-idx1-ubyte"), labels.array());
        }
        return dir;
    }
}
