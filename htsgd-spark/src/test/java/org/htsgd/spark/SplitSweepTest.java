package org.htsgd.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.htsgd.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A split sweep ({@code split: {paths: 4}}) on {@code local[2]}: every point runs as 4 parts and one merge, and the
 * merge writes byte for byte the files of the point's command run alone in one go; a restarted sweep redoes
 * nothing.
 */
class SplitSweepTest {
    private static JavaSparkContext sc;

    @TempDir
    Path tmp;

    @BeforeAll
    static void spark() {
        sc = LocalSpark.context();
    }

    private static final String GRID = """
            command: exit-time
            fixed: {landscape: paper1d, start: -0.7, noise: "lomax:alpha=1.2,scale=0.1", b: 0.5, eta: "0.2,0.1",
                    max-steps: 3000, paths: 22, threads: 1}
            axes: {seed: [1, 2]}
            split: {paths: 4}
            """;

    @Test
    void splitExitTimeSweepMergesToTheSingleRunByteForByte() throws IOException {
        Path grid = tmp.resolve("grid.yaml");
        Files.writeString(grid, GRID);
        Path out = tmp.resolve("out");
        assertEquals(0, SweepMain.run(new MainCellRunner(), sc, "sweep", grid.toString(), "--out", out.toString()));
        Grid g = Grid.read(grid);
        List<SplitMerge> merges = SplitMerge.of(g, out);
        assertEquals(2, merges.size());
        for (SplitMerge m : merges) {
            Map<String, String> point = new java.util.LinkedHashMap<>(m.cell().settings());
            point.remove(SplitMerge.MERGE_PARTS);
            assertEquals(Cell.of("exit-time", point).id(), m.cell().id(), "the id of the unsplit cell");
            List<String> line = new ArrayList<>(Cell.of("exit-time", point).commandLine());
            Path alone = tmp.resolve("alone").resolve(m.cell().id());
            line.addAll(List.of("--out", alone.toString()));
            assertEquals(0, Main.run(line.toArray(String[]::new)), String.join(" ", line));
            Path merged = out.resolve("cells").resolve(m.cell().id());
            for (String f : List.of("exit-time.json", "exit-time.csv")) {
                assertArrayEquals(Files.readAllBytes(alone.resolve(f)), Files.readAllBytes(merged.resolve(f)),
                        m.cell().id() + "/" + f);
            }
            assertTrue(Files.readString(merged.resolve(CellTask.CELL_JSON)).contains("--merge-parts="));
            // the parts' sizes 6, 6, 5, 5 cover the 22 paths
            assertEquals(List.of("6", "6", "5", "5"), m.parts().stream().map(p -> p.settings().get("paths"))
                    .toList());
        }
        List<String> table = Files.readAllLines(out.resolve(Sweep.TABLE));
        assertEquals(1 + 2 * 5, table.size(), String.join("\n", table));
        List<String> header = List.of(columns(table.get(0)));
        int offset = header.indexOf(Grid.PATH_OFFSET);
        int paths = header.indexOf(Grid.PATHS);
        String[] mergeRow = columns(table.get(5));
        assertEquals(merges.get(0).cell().id(), mergeRow[0]);
        assertEquals("", mergeRow[offset]);
        assertEquals("22", mergeRow[paths]);
        assertEquals("17", columns(table.get(4))[offset]);

        // restarted: every part and merge is found finished, nothing runs again
        long before = Files.getLastModifiedTime(out.resolve("cells").resolve(merges.get(1).cell().id())
                .resolve("exit-time.json")).toMillis();
        assertEquals(0, SweepMain.run(new MainCellRunner(), sc, "sweep", grid.toString(), "--out", out.toString()));
        assertTrue(Files.readString(out.resolve(Sweep.INFO)).contains("\"resumed\" : 10"),
                Files.readString(out.resolve(Sweep.INFO)));
        assertEquals(before, Files.getLastModifiedTime(out.resolve("cells").resolve(merges.get(1).cell().id())
                .resolve("exit-time.json")).toMillis());
    }

    /** @return the fields of a CSV line (a quoted field may hold commas: the etas "0.2,0.1") */
    private static String[] columns(String line) {
        return line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
    }

    @Test
    void aMergeWaitsForAllItsParts() throws IOException {
        // a part that fails (fake runner, first attempt of every cell fails, no retries) leaves its point unmerged
        Path grid = tmp.resolve("grid.yaml");
        Files.writeString(grid, "command: exit-time\nfixed: {paths: 8, fail-times: 1}\naxes: {seed: [7331]}\n"
                + "split: {paths: 2}\n");
        Path out = tmp.resolve("out");
        assertEquals(3, SweepMain.run(new FakeRunner(), sc, "sweep", grid.toString(), "--out", out.toString(),
                "--retries", "0"));
        SplitMerge m = SplitMerge.of(Grid.read(grid), out).get(0);
        assertEquals(0, FakeRunner.runs(m.cell().args()), "no merge of failed parts");
        assertEquals(1 + 2, Files.readAllLines(out.resolve(Sweep.TABLE)).size(), "two parts, no merge row");
        // restarted: the parts now succeed, then the merge runs (and fails its first time too: it has fail-times)
        assertEquals(3, SweepMain.run(new FakeRunner(), sc, "sweep", grid.toString(), "--out", out.toString(),
                "--retries", "0"));
        assertEquals(1, FakeRunner.runs(m.cell().args()));
        assertEquals(1 + 3, Files.readAllLines(out.resolve(Sweep.TABLE)).size(), "two parts and the failed merge");
        assertEquals(0, SweepMain.run(new FakeRunner(), sc, "sweep", grid.toString(), "--out", out.toString(),
                "--retries", "0"));
        assertEquals(2, FakeRunner.runs(m.cell().args()));
        assertTrue(Files.isRegularFile(out.resolve("cells").resolve(m.cell().id()).resolve(CellTask.CELL_JSON)));
    }

    @Test
    void splitNeedsACommandThatMergesParts() {
        Grid grid = Grid.parse("command: theory\nfixed: {paths: 8}\nsplit: {paths: 2}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MainCellRunner().check(grid, grid.cells()));
        assertTrue(e.getMessage().startsWith("split needs 'htsgd theory --path-offset'"), e.getMessage());
    }
}
