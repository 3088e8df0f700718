package org.htsgd.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps of a fake command on {@code local[2]}: results, resume after a kill, retries. */
class SweepTest {
    private static JavaSparkContext sc;

    @TempDir
    Path tmp;

    @BeforeAll
    static void spark() {
        sc = LocalSpark.context();
    }

    @AfterEach
    void unblock() {
        FakeRunner.blockAbove = Long.MAX_VALUE;
    }

    private Path grid(String yaml) throws IOException {
        Path f = tmp.resolve("grid.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private static int sweep(Path grid, Path out, String... more) {
        String[] args = Stream.concat(Stream.of("sweep", grid.toString(), "--out", out.toString()), Stream.of(more))
                .toArray(String[]::new);
        return SweepMain.run(new FakeRunner(), sc, args);
    }

    private static List<String> tableLines(Path out) throws IOException {
        return Files.readAllLines(out.resolve(Sweep.TABLE));
    }

    @Test
    void everyCellEqualsTheSameCellRunAlone() throws IOException {
        Path g = grid("""
                command: fake
                fixed: {tag: equal, start: -0.7}
                axes: {eta: [0.1, 0.05, 0.025], seed: [1, 2]}
                """);
        Path out = tmp.resolve("out");
        assertEquals(0, sweep(g, out));
        List<Cell> cells = Grid.read(g).cells();
        List<String> table = tableLines(out);
        assertEquals(1 + cells.size(), table.size());
        assertTrue(table.get(0).startsWith("id,tag,start,eta,seed,status,attempts,exit_code,wall_seconds,resumed,"
                + "error,command"), table.get(0));
        for (Cell c : cells) {
            Path alone = Files.createDirectories(tmp.resolve("alone").resolve(c.id()));
            assertEquals(0, new FakeRunner().run(c.command(), c.args(), alone));
            JsonNode expected = CellTask.READER.readTree(alone.resolve("fake.json").toFile());
            JsonNode actual = CellTask.READER.readTree(out.resolve("cells").resolve(c.id()).resolve("fake.json")
                    .toFile());
            assertEquals(expected, actual, c.id());
            String row = table.stream().filter(l -> l.startsWith(c.id())).findFirst().orElseThrow();
            assertTrue(row.contains("," + expected.get("value").asText()), row);
            assertTrue(row.contains(",ok,1,0,"), row);
            assertEquals(2, FakeRunner.runs(c.args()), "once in the sweep, once alone");
        }
        JsonNode info = CellTask.READER.readTree(out.resolve(Sweep.INFO).toFile());
        assertEquals("local[2]", info.get("master").asText());
        assertEquals(6, info.get("cells").asInt());
        assertEquals("fake", info.get("grid").get("command").asText());
    }

    @Test
    void restartAfterAKillRunsOnlyTheUnfinishedCells() throws Exception {
        Path g = grid("""
                command: fake
                fixed: {tag: kill}
                axes: {seed: [1, 2, 3, 4, 5, 6]}
                """);
        Path out = tmp.resolve("out");
        List<Cell> cells = Grid.read(g).cells();
        FakeRunner.blockAbove = 3; // seeds 4.. hang until the sweep is killed
        ExecutorService driver = Executors.newSingleThreadExecutor();
        Future<Integer> first = driver.submit(() -> {
            sc.setJobGroup("kill-test", "a sweep killed half-way", true);
            try {
                return sweep(g, out);
            } finally {
                sc.clearJobGroup();
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!cells.subList(0, 3).stream().allMatch(c -> isFinished(out, c)) || running(cells.subList(3, 5)) < 2) {
            assertTrue(System.nanoTime() < deadline, "the first three cells did not finish");
            Thread.sleep(20);
        }
        sc.cancelJobGroup("kill-test");
        assertEquals(3, (int) first.get(60, TimeUnit.SECONDS), "a cancelled sweep says so and exits 3");
        driver.shutdown();
        Map<String, FileTime> finishedAt = new HashMap<>();
        for (Cell c : cells) {
            assertEquals(cells.indexOf(c) < 3, isFinished(out, c), "only seeds 1-3 are finished: " + c);
            if (isFinished(out, c)) {
                finishedAt.put(c.id(), Files.getLastModifiedTime(cellJson(out, c)));
            }
        }

        FakeRunner.blockAbove = Long.MAX_VALUE;
        assertEquals(0, sweep(g, out));
        for (Cell c : cells) {
            int i = cells.indexOf(c);
            assertTrue(isFinished(out, c));
            // seeds 1-3 ran once; 4 and 5 were running when killed, so twice; 6 had not started, so once
            assertEquals(i == 3 || i == 4 ? 2 : 1, FakeRunner.runs(c.args()), "runs of " + c.settings());
            if (i < 3) {
                assertEquals(finishedAt.get(c.id()), Files.getLastModifiedTime(cellJson(out, c)), "not rewritten");
            }
        }
        List<String> table = tableLines(out);
        assertEquals(3, table.stream().filter(l -> l.contains(",ok,1,0,") && l.contains(",true,")).count(),
                "three rows marked resumed");
        try (Stream<Path> s = Files.list(out.resolve("cells"))) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(CellTask.TMP_PREFIX)),
                    "no attempt directories left");
        }
    }

    private static int running(List<Cell> cells) {
        return (int) cells.stream().filter(c -> FakeRunner.runs(c.args()) > 0).count();
    }

    private static Path cellJson(Path out, Cell c) {
        return out.resolve("cells").resolve(c.id()).resolve(CellTask.CELL_JSON);
    }

    private static boolean isFinished(Path out, Cell c) {
        return Files.isRegularFile(cellJson(out, c));
    }

    @Test
    void failedCellsAreRetriedThenReportedAndTheOthersFinish() throws IOException {
        Path g = grid("""
                command: fake
                fixed: {tag: retry}
                axes: {fail-times: [0, 1, 9]}
                retries: 2
                """);
        Path out = tmp.resolve("out");
        List<Cell> cells = Grid.read(g).cells();
        StringWriter err = new StringWriter();
        int code = SweepMain.commandLine(new FakeRunner(), sc).setErr(new PrintWriter(err))
                .setOut(new PrintWriter(new StringWriter())).execute(g.toString(), "--out", out.toString());
        assertEquals(3, code, "some cells failed");
        Map<String, String> rows = new HashMap<>();
        for (String line : tableLines(out)) {
            rows.put(line.substring(0, line.indexOf(',')), line);
        }
        assertTrue(rows.get(cells.get(0).id()).contains(",ok,1,0,"), rows.get(cells.get(0).id()));
        assertTrue(rows.get(cells.get(1).id()).contains(",ok,2,0,"), "failed once, then ok");
        assertTrue(rows.get(cells.get(2).id()).contains(",failed,3,3,"), rows.get(cells.get(2).id()));
        assertTrue(rows.get(cells.get(2).id()).contains("failing on purpose, run 3"), "the error is the last line");
        assertEquals(List.of(1, 2, 3), cells.stream().map(c -> FakeRunner.runs(c.args())).toList());
        assertTrue(Files.isDirectory(out.resolve("failed").resolve(cells.get(2).id())), "last attempt kept");
        assertFalse(Files.exists(out.resolve("cells").resolve(cells.get(2).id())));
        assertTrue(err.toString().contains("cell " + cells.get(2).id() + " failed after 3 attempts"), err.toString());

        // a restart runs only the failed cell, with the retries given on the command line
        assertEquals(3, sweep(g, out, "--retries", "0"));
        assertEquals(List.of(1, 2, 4), cells.stream().map(c -> FakeRunner.runs(c.args())).toList());
    }

    @Test
    void cellsRefusedAsBadInputAreNotRetriedAndTheSweepExits2() throws IOException {
        Path g = grid("""
                command: fake
                fixed: {tag: refuse}
                axes: {refuse: [false, true], fail-times: [0, 9]}
                retries: 2
                """);
        Path out = tmp.resolve("out");
        List<Cell> cells = Grid.read(g).cells();
        StringWriter err = new StringWriter();
        int code = SweepMain.commandLine(new FakeRunner(), sc).setErr(new PrintWriter(err))
                .setOut(new PrintWriter(new StringWriter())).execute(g.toString(), "--out", out.toString());
        assertEquals(2, code, "a refused cell makes the sweep's input bad, whatever else failed: " + err);
        Map<String, String> rows = new HashMap<>();
        for (String line : tableLines(out)) {
            rows.put(line.substring(0, line.indexOf(',')), line);
        }
        // refuse=false: fail-times 0 ok at once, fail-times 9 fails its 3 attempts (exit 3, retried)
        assertTrue(rows.get(cells.get(0).id()).contains(",ok,1,0,"), rows.get(cells.get(0).id()));
        assertTrue(rows.get(cells.get(1).id()).contains(",failed,3,3,"), rows.get(cells.get(1).id()));
        // refuse=true: one attempt, status refused, htsgd's one line as the error
        for (Cell c : cells.subList(2, 4)) {
            String row = rows.get(c.id());
            assertTrue(row.contains(",refused,1,2,"), row);
            assertTrue(row.contains("fake: --refuse is bad input, run 1 (exit code 2)"), row);
            assertEquals(1, FakeRunner.runs(c.args()), "not retried: " + c.settings());
            assertTrue(err.toString().contains("cell " + c.id() + " was refused as bad input (not retried)"),
                    err.toString());
        }
        assertTrue(Files.isDirectory(out.resolve("failed").resolve(cells.get(2).id())), "the attempt is kept");
    }

    @Test
    void summaryNamesTheFirstCellStartAndARestartWithNothingToRunSaysSo() throws IOException {
        Path g = grid("""
                command: fake
                fixed: {tag: first}
                axes: {seed: [1, 2]}
                """);
        Path out = tmp.resolve("out");
        // the first run names its first cell's start (when Spark's listener bus has reported it by then: it runs
        // behind the job, and these cells take milliseconds); the restart has no cell to run
        for (String expected : List.of("first cell start", "no cell to run")) {
            StringWriter stdout = new StringWriter();
            int code = SweepMain.commandLine(new FakeRunner(), sc).setErr(new PrintWriter(new StringWriter()))
                    .setOut(new PrintWriter(stdout)).execute(g.toString(), "--out", out.toString());
            assertEquals(0, code);
            assertTrue(stdout.toString().contains(expected) && !stdout.toString().contains("NaN"), stdout.toString());
        }
    }
}
