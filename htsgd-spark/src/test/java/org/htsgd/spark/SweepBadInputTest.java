package org.htsgd.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.htsgd.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input to {@code htsgd sweep}, through its entry point ({@link SweepMain#commandLine}, in-process, with htsgd
 * itself as the cell runner and no Spark context given): each row is a grid file, the sweep's arguments, the exit
 * code (2) and a fragment of the message. For every row: stderr is one line "sweep: ...", no stack trace and no
 * "internal error", the refusal comes before Spark starts (seconds) and {@code --out} is not created. The companion of
 * the commands' table, {@code htsgd-cli}'s {@code BadInputTest}.
 */
class SweepBadInputTest {
    /** Placeholders: the grid file, the output directory, an existing regular file. */
    static final String GRID = "<grid>";
    static final String OUT = "<out>";
    static final String FILE = "<file>";
    /** A valid grid of one exit-time cell per seed. */
    static final String EXIT_TIME = "command: exit-time\nfixed: {start: -0.7, eta: 0.1, paths: 8}\naxes: {seed: [1, 2]}\n";
    /** Three axes of 1,000 values: 10^9 cells, which ran out of memory after 79 s. */
    static final String BILLION = "command: exit-time\nfixed: {start: -0.7, eta: 0.1}\naxes: {"
            + Stream.of("seed", "paths", "max-steps").map(k -> k + ": [" + IntStream.rangeClosed(1, 1000)
                    .mapToObj(i -> Integer.toString(10 * i)).collect(Collectors.joining(",")) + "]")
                    .collect(Collectors.joining(", ")) + "}\n";

    @TempDir
    Path tmp;

    /** One bad sweep and what it must produce. */
    record Row(int code, String fragment, String grid, List<String> args) {
        @Override
        public String toString() {
            String g = grid == null ? "(no grid)" : grid.replace('\n', ' ');
            return "exit " + code + ": " + (g.length() > 70 ? g.substring(0, 67) + "..." : g) + " | "
                    + String.join(" ", args);
        }
    }

    static Row row(int code, String fragment, String grid, String... args) {
        return new Row(code, fragment, grid, List.of(args));
    }

    static Stream<Row> cases() {
        return Stream.of(
            // the Spark master and the output directory
            row(2, "--master is not a Spark master URL", EXIT_TIME, GRID, "--master", "bogus://x", "--out", OUT),
            row(2, "--master is not a Spark master URL", EXIT_TIME, GRID, "--master", "local[0]", "--out", OUT),
            row(2, "--master is not a Spark master URL", EXIT_TIME, GRID, "--master", "", "--out", OUT),
            row(2, "is a file, not a directory", EXIT_TIME, GRID, "--out", FILE),
            row(2, "a directory is needed, not an empty path", EXIT_TIME, GRID, "--out", ""),
            row(2, "cannot create output directory", EXIT_TIME, GRID, "--out", FILE + "/sweep"),
            row(2, "Missing required option: '--out=DIR'", EXIT_TIME, GRID),
            row(2, "--retries is not >= 0: -1", EXIT_TIME, GRID, "--retries", "-1", "--out", OUT),
            row(2, "'abc' is not an int", EXIT_TIME, GRID, "--retries", "abc", "--out", OUT),
            row(2, "Unknown option: '--bogus'", EXIT_TIME, GRID, "--bogus", "--out", OUT),
            row(2, "--cell-runner is not a CellRunner class", EXIT_TIME, GRID, "--cell-runner", "java.lang.String",
                "--out", OUT),
            // the grid file
            row(2, "grid file not found", null, GRID, "--out", OUT),
            row(2, "not valid YAML", "command: [", GRID, "--out", OUT),
            row(2, "unknown key 'fixd'", "command: exit-time\nfixd: {eta: 0.1}\n", GRID, "--out", OUT),
            row(2, "retries is not >= 0: -1", "command: exit-time\nretries: -1\n", GRID, "--out", OUT),
            row(2, "axis repeats a value", "command: exit-time\naxes: {seed: [1, 1]}\n", GRID, "--out", OUT),
            // sizes: refused before a cell is built
            row(2, "the grid has 1.00e+09 cells (seed 1000 x paths 1000 x max-steps 1000), above the limit of "
                + "100,000 cells per sweep", BILLION, GRID, "--out", OUT),
            // the command: exactly the ones a cell can run
            row(2, "a sweep runs one of theory, exit-time, occupancy, train, sharpness, not 'reproduce'",
                "command: reproduce\nfixed: {profile: tiny}\n", GRID, "--out", OUT),
            row(2, "not 'sweep'", "command: sweep\n", GRID, "--out", OUT),
            row(2, "not 'help'", "command: help\n", GRID, "--out", OUT),
            row(2, "htsgd has no command 'exit-times'", "command: exit-times\n", GRID, "--out", OUT),
            // cells htsgd cannot parse
            row(2, "Unknown option: '--nosuch=1'", EXIT_TIME.replace("paths: 8", "paths: 8, nosuch: 1"), GRID,
                "--out", OUT),
            row(2, "'fast' is not a double", "command: exit-time\nfixed: {start: -0.7}\naxes: {eta: [0.1, fast]}\n",
                GRID, "--out", OUT),
            row(2, "'--seed'", EXIT_TIME.replace("[1, 2]", "[1, two]"), GRID, "--out", OUT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(30)
    void refusedInOneLineBeforeSparkStarts(Row row) throws IOException {
        Path grid = tmp.resolve("grid.yaml");
        if (row.grid() != null) {
            Files.writeString(grid, row.grid());
        }
        Path file = Files.writeString(tmp.resolve("a-file"), "not a directory\n");
        Path out = tmp.resolve("out");
        String[] args = row.args().stream().map(a -> a.replace(GRID, grid.toString()).replace(OUT, out.toString())
                .replace(FILE, file.toString())).toArray(String[]::new);
        StringWriter err = new StringWriter();
        ByteArrayOutputStream direct = new ByteArrayOutputStream();
        PrintStream oldErr = System.err;
        int code;
        try {
            System.setErr(new PrintStream(direct, true, StandardCharsets.UTF_8)); // Spark's or picocli's own logging
            code = SweepMain.commandLine(new MainCellRunner(), null).setErr(new PrintWriter(err))
                    .setOut(new PrintWriter(new StringWriter())).execute(args);
        } finally {
            System.setErr(oldErr);
        }
        String message = err + direct.toString(StandardCharsets.UTF_8);
        assertEquals(row.code(), code, message);
        List<String> lines = message.lines().toList();
        assertEquals(1, lines.size(), "stderr is one line: " + message);
        String line = lines.get(0);
        assertTrue(line.startsWith("sweep: "), line);
        assertTrue(line.contains(row.fragment()), line);
        assertFalse(line.contains("internal error") || line.contains("Exception") || line.contains("\tat "), line);
        assertTrue(line.length() < 400, "a readable line: " + line.length() + " characters");
        assertFalse(Files.exists(out), "a refused sweep creates nothing: " + out);
        assertEquals("not a directory\n", Files.readString(file), "the user's file is untouched");
    }

    @Test
    void theExitCodeIsTheMostSeriousOfTheFailedCells() {
        assertEquals(0, SweepMain.exitCode(List.of()));
        assertEquals(3, SweepMain.exitCode(List.of(failed(3), failed(3))));
        assertEquals(2, SweepMain.exitCode(List.of(failed(3), failed(2), failed(3))));
        assertEquals(1, SweepMain.exitCode(List.of(failed(2), failed(1), failed(3))));
        assertEquals(1, SweepMain.exitCode(List.of(failed(3), failed(-1))), "a runner that threw is a defect");
        assertEquals(1, SweepMain.exitCode(List.of(failed(7))), "a code htsgd does not use is a defect");
    }

    @Test
    void theCommandsTheHelpListsPassTheCheck() {
        for (String command : MainCellRunner.COMMANDS) {
            Grid g = new Grid(command, java.util.Map.of(), java.util.Map.of(), 1, -1);
            new MainCellRunner().check(g, List.of()); // no exception
            assertTrue(SweepMain.class.getAnnotation(picocli.CommandLine.Command.class).description()[0]
                    .contains(command), "the help names " + command);
        }
    }

    @Test
    void theoryRunsAsACell() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("cell"));
        assertEquals(0, new MainCellRunner().run("theory", List.of("--b=0.5"), dir), Files.readString(dir.resolve(
                CellRunner.LOG)));
        assertTrue(CellTask.flatten(dir).containsKey("b"), "theory.json's scalars become result columns");
    }

    private static CellOutcome failed(int code) {
        return new CellOutcome("id", List.of("x"), java.util.Map.of(), code == 2 ? CellOutcome.REFUSED
                : CellOutcome.FAILED, 1, code, 0, "", java.util.Map.of(), false);
    }
}
