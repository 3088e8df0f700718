package org.htsgd.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input to {@code htsgd sweep}: one line, exit 2, before Spark starts (no Spark context is passed). */
class SweepMainTest {
    @TempDir
    Path tmp;

    private String[] run(CellRunner runner, String... args) {
        StringWriter err = new StringWriter();
        int code = SweepMain.commandLine(runner, null).setErr(new PrintWriter(err))
                .setOut(new PrintWriter(new StringWriter())).execute(args);
        return new String[] {Integer.toString(code), err.toString()};
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "command: [                                  | not valid YAML",
        "command: exit-time\\naxes: {eta: 0.1}        | axes.eta is not a list",
        "command: exit-time\\nfixd: {eta: 0.1}        | unknown key 'fixd'",
        "fixed: {eta: 0.1}                           | 'command' is missing",
    })
    void badGridFileIsOneLineAndExit2(String yaml, String expected) throws IOException {
        Path grid = tmp.resolve("grid.yaml");
        Files.writeString(grid, yaml.replace("\\n", "\n"));
        String[] r = run(new FakeRunner(), grid.toString(), "--out", tmp.resolve("out").toString());
        assertEquals("2", r[0]);
        assertEquals(1, r[1].lines().count(), r[1]);
        assertTrue(r[1].startsWith("sweep: " + grid + ": ") && r[1].contains(expected), r[1]);
    }

    @Test
    void missingFileMissingOutAndNegativeRetriesExit2() throws IOException {
        String[] r = run(new FakeRunner(), tmp.resolve("nope.yaml").toString(), "--out", tmp.toString());
        assertEquals(List.of("2", "sweep: grid file not found: " + tmp.resolve("nope.yaml")),
                List.of(r[0], r[1].strip()));
        Path grid = tmp.resolve("grid.yaml");
        Files.writeString(grid, "command: fake\n");
        r = run(new FakeRunner(), grid.toString());
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("--out"), r[1]);
        r = run(new FakeRunner(), grid.toString(), "--out", tmp.toString(), "--retries", "-1");
        assertEquals(List.of("2", "sweep: --retries is not >= 0: -1"), List.of(r[0], r[1].strip()));
    }

    @Test
    void helpRendersWithoutWarnings() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        java.io.PrintStream old = System.err;
        java.io.ByteArrayOutputStream stderr = new java.io.ByteArrayOutputStream(); // picocli warns on System.err
        System.setErr(new java.io.PrintStream(stderr, true, java.nio.charset.StandardCharsets.UTF_8));
        int code;
        try {
            code = SweepMain.commandLine(new FakeRunner(), null).setOut(new PrintWriter(out))
                    .setErr(new PrintWriter(err)).execute("--help");
        } finally {
            System.setErr(old);
        }
        String all = out + "\n" + err + "\n" + stderr;
        assertEquals(0, code, all);
        assertTrue(out.toString().startsWith("Usage: htsgd sweep"), all);
        assertTrue(out.toString().contains("--out=DIR"), all);
        assertTrue(!all.contains("WARN") && !all.contains("Could not format"), all);
    }

    @Test
    void emptyOutIsRefusedLikeInEveryHtsgdCommand() throws IOException {
        Path grid = tmp.resolve("grid.yaml");
        Files.writeString(grid, "command: fake\n");
        String[] r = run(new FakeRunner(), grid.toString(), "--out", "");
        assertEquals("2", r[0]);
        assertEquals(1, r[1].strip().lines().count(), r[1]);
        assertTrue(r[1].contains("--out") && r[1].contains("empty"), r[1]);
    }

    @Test
    void unknownHtsgdCommandIsRejectedBeforeSparkStarts() throws IOException {
        Path grid = tmp.resolve("grid.yaml");
        Files.writeString(grid, "command: no-such-command\naxes: {seed: [1, 2]}\n");
        String[] r = run(new MainCellRunner(), grid.toString(), "--out", tmp.toString());
        assertEquals("2", r[0]);
        assertTrue(r[1].startsWith("sweep: htsgd has no command 'no-such-command'"), r[1]);
        assertEquals(1, r[1].lines().count());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "fixed: {start: -0.7, eta: 0.1, nosuch: 1}         | Unknown option: '--nosuch=1'",
        "fixed: {start: -0.7}\\naxes: {eta: [0.1, fast]}    | '--eta'",
        "fixed: {start: -0.7, eta: 0.1, paths: 8}\\nsplit: {paths: 2} | split needs 'htsgd exit-time --path-offset'",
    })
    void cellsHtsgdCannotParseAreRejectedBeforeSparkStarts(String yaml, String expected) throws IOException {
        Path grid = tmp.resolve("grid.yaml");
        Files.writeString(grid, "command: exit-time\n" + yaml.replace("\\n", "\n"));
        String[] r = run(new MainCellRunner(), grid.toString(), "--out", tmp.resolve("out").toString());
        assertEquals("2", r[0], r[1]);
        assertEquals(1, r[1].lines().count(), r[1]);
        assertTrue(r[1].startsWith("sweep: ") && r[1].contains(expected), r[1]);
        assertTrue(!Files.exists(tmp.resolve("out")), "nothing written");
    }

    @Test
    void mainCellRunnerPassesTheExitCodeAndKeepsWhatHtsgdPrinted() throws IOException {
        // htsgd rejects an unknown command with exit 2 and one line: the runner must return 2 and log the line
        Path dir = Files.createDirectories(tmp.resolve("cell"));
        int code = new MainCellRunner().run("no-such-command", List.of("--seed=1"), dir);
        assertEquals(2, code);
        String log = Files.readString(dir.resolve(CellRunner.LOG));
        assertTrue(log.contains("no-such-command"), log);
    }
}
