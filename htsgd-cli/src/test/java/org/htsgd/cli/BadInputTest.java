package org.htsgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input, through the command line's entry point ({@link Main#commandLine()}, in-process): each row is a command
 * line, the exit code it must end with (2 bad input, 3 a run that failed in a way the user can act on) and a
 * fragment of the message that must name the problem. For every row: stderr is exactly one line, "COMMAND: ...",
 * holding the fragment; no stack trace and no "internal error"; a refused command (exit 2) creates nothing on disk,
 * not even {@code --out}, and a failed run (exit 3) writes no file into it. A failed run may have shown its progress
 * bar before the message; those renders are the only other output allowed.
 *
 * <p>Adding a case is one line in {@link #cases()}: {@code row(code, "fragment", "command", "--option", ...)}, with
 * {@link #OUT} where the output directory goes.
 */
class BadInputTest {
    /** Placeholder for the output directory (a fresh path per row). */
    static final String OUT = "<out>";
    /** A render of the progress bar, or a plain progress line (stderr not a terminal: "task:  40% (4/10 ...)"). */
    private static final Pattern PROGRESS = Pattern.compile("^\\S+ +\\d+% [\\[(]");
    /** 20,000 nested brackets: overflowed the parser's stack before the nesting limit. */
    private static final String DEEP = "expr:" + "(".repeat(20_000) + "x" + ")".repeat(20_000);

    @TempDir
    Path tmp;

    /** One bad command line and what it must produce. */
    record Row(int code, String fragment, List<String> args) {
        @Override
        public String toString() {
            String s = String.join(" ", args);
            return "exit " + code + ": " + (s.length() > 120 ? s.substring(0, 117) + "..." : s);
        }
    }

    static Row row(int code, String fragment, String... args) {
        return new Row(code, fragment, List.of(args));
    }

    static Stream<Row> cases() {
        return Stream.of(
            // formulas: parse depth, values/derivatives undefined or infinite in the domain, no minimum
            row(2, "nested deeper than 256 levels", "theory", "--landscape", DEEP, "--out", OUT),
            row(2, "expr:x^2/0: the value is not finite at x = -2 (inside [-2, 2])",
                "theory", "--landscape", "expr:x^2/0", "--out", OUT),
            row(2, "expr:sqrt(x): the value is not finite at x = -2", "theory", "--landscape", "expr:sqrt(x)",
                "--out", OUT),
            row(2, "expr:0: has no minimum in [-2, 2]", "theory", "--landscape", "expr:0", "--out", OUT),
            row(2, "expr:1/x: the value is not finite at x = 0", "theory", "--landscape", "expr:1/x;L=2",
                "--out", OUT),
            row(2, "expr:log(x): the value is not finite at x = -2", "theory", "--landscape", "expr:log(x);L=2",
                "--out", OUT),
            row(2, "expr:1/x: the value is not finite at x = 0", "exit-time", "--landscape", "expr:1/x;L=2",
                "--start", "1", "--eta", "0.1", "--out", OUT),
            row(2, "f' is < 0 at both x = 0 and 0.0002 but f increases between them", "theory", "--landscape",
                "expr:1/(x-0.00001)", "--out", OUT),
            row(2, "L is not finite and > 0: Infinity", "theory", "--landscape", "expr:x^2;L=Infinity", "--out", OUT),
            row(2, "radius is not finite and > 0: Infinity", "occupancy", "--landscape", "expr:x^2+y^2;R=Infinity",
                "--start", "1,1", "--eta", "0.1", "--out", OUT),
            // field analysis that cannot find the fields
            row(2, "the domain [-1e+308, 1e+308] is too wide", "theory", "--landscape", "expr:x^4-x^2;L=1e308",
                "--out", OUT),
            row(2, "the value is not finite at x = -1e+100", "theory", "--landscape", "expr:x^4-x^2;L=1e100",
                "--out", OUT),
            row(2, "the grid cannot resolve the landscape", "theory", "--landscape", "expr:x^4-x^2;L=1e10",
                "--out", OUT),
            row(2, "the grid cannot resolve the landscape", "occupancy", "--landscape", "expr:x^4-x^2;L=1e10",
                "--start", "0.5", "--eta", "0.1", "--steps", "1000", "--out", OUT),
            // 2-D: a descent that cannot settle, a landscape that overflows in its disc, a divergence
            row(2, "expr:1/(x*x+y*y): the value is not finite at (0, 0) (inside the disc of radius 2)",
                "occupancy", "--landscape", "expr:1/(x*x+y*y);R=2", "--start", "1,1", "--eta", "0.1",
                "--steps", "1000", "--out", OUT),
            row(2, "the value is not finite at (-1e+100, 0)", "occupancy", "--landscape",
                "expr:x^4+y^4-x^2-y^2;R=1e100", "--b", "inf", "--eta", "1e10", "--start", "0.5,0.5", "--out", OUT),
            row(2, "is lost to rounding: the disc of radius 1e+50 is too large", "occupancy", "--landscape",
                "expr:x^4+y^4-x^2-y^2;R=1e50", "--eta", "0.1", "--start", "0.5,0.5", "--out", OUT),
            row(3, "path 0 diverged at step", "occupancy", "--landscape", "expr:x^2+y^2;R=3", "--b", "inf",
                "--eta", "1e308", "--start", "1,1", "--steps", "1000", "--paths", "1", "--out", OUT),
            // the 2-D theory and 2-D exit times: the same refusals as the 1-D commands and occupancy
            row(2, "expr:1/(x*x+y*y): the value is not finite at (0, 0) (inside the disc of radius 2)", "theory",
                "--landscape", "expr:1/(x*x+y*y);R=2", "--b", "1", "--out", OUT),
            row(2, "expr:1/(x*x+y*y): the value is not finite at (0, 0)", "exit-time", "--landscape",
                "expr:1/(x*x+y*y);R=2", "--start", "1,1", "--eta", "0.1", "--out", OUT),
            row(2, "b is not > the grid's cell diagonal", "theory", "--landscape", "expr:(x*x-1)^2+y*y;R=2",
                "--b", "0.01", "--out", OUT),
            row(2, "--grid-spacing is not finite and > 0: 0.0", "theory", "--landscape", "expr:x*x+y*y;R=2",
                "--grid-spacing", "0", "--out", OUT),
            row(2, "grid spacing h is too small for memory", "theory", "--landscape", "expr:x*x+y*y;R=2",
                "--grid-spacing", "1e-4", "--out", OUT),
            row(2, "alpha is not finite and > 1", "theory", "--landscape", "expr:x*x+y*y;R=2", "--noise",
                "gaussian:sigma=1", "--out", OUT),
            row(2, "start has 1 coordinates but expr:x*x+y*y is 2-D", "exit-time", "--landscape",
                "expr:x*x+y*y;R=2", "--start", "0.5", "--eta", "0.1", "--out", OUT),
            row(2, "start is not in the domain", "exit-time", "--landscape", "expr:x*x+y*y;R=2", "--start", "3,0",
                "--eta", "0.1", "--out", OUT),
            row(2, "start is not a point like 0.3 or 2.9,1.0", "exit-time", "--landscape", "expr:x*x+y*y;R=2",
                "--start", "1,x", "--eta", "0.1", "--out", OUT),
            row(2, "--paths is not >= 2: 1", "exit-time", "--landscape", "expr:x*x+y*y;R=2", "--start", "1,0",
                "--eta", "0.1", "--paths", "1", "--out", OUT),
            // sizes against memory and time
            row(2, "--paths 2147483647 needs", "exit-time", "--start", "-0.7", "--eta", "0.1", "--paths",
                "2147483647", "--out", OUT),
            row(2, "--paths 1500000000 needs", "exit-time", "--start", "-0.7", "--eta", "0.1", "--paths",
                "1500000000", "--out", OUT),
            row(2, "--paths 2147483647 needs", "occupancy", "--start", "-0.7", "--eta", "0.1", "--paths",
                "2147483647", "--out", OUT),
            row(2, "--paths 4 with --histogram-bins 2147483647 needs", "occupancy", "--start", "-0.7", "--eta",
                "0.1", "--histogram-bins", "2147483647", "--out", OUT),
            row(2, "--steps 9223372036854775807 x --paths 4 = 3.69e+19 steps is above the limit", "occupancy",
                "--start", "-0.7", "--eta", "0.1", "--steps", "9223372036854775807", "--out", OUT),
            row(2, "steps is above the limit of 1e+13 steps per run", "exit-time", "--start", "-0.7", "--eta",
                "0.1,0.05", "--max-steps", "9223372036854775807", "--out", OUT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(60)
    void refusedInOneLineWithTheExitCode(Row row) throws IOException {
        Path out = tmp.resolve("out");
        String[] args = row.args().stream().map(a -> a.equals(OUT) ? out.toString() : a).toArray(String[]::new);
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code;
        try {
            // everything a user's terminal would show on stderr: the command line's err writer (created on System.err
            // at first use) and anything printed to System.err directly (progress bars)
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            code = Main.commandLine().execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        String message = stderr.toString(StandardCharsets.UTF_8);
        assertEquals(row.code(), code, message);
        List<String> lines = message.lines().toList();
        if (row.code() == Main.EXIT_RUN_FAILED && lines.size() > 1) {
            // a run that started may have shown its progress bar (\r-separated renders) before it failed
            assertTrue(lines.subList(0, lines.size() - 1).stream()
                    .allMatch(l -> l.isBlank() || PROGRESS.matcher(l).find()),
                    "only progress before the message: " + message);
            lines = lines.subList(lines.size() - 1, lines.size());
        }
        assertEquals(1, lines.size(), "stderr is one line: " + message);
        String line = lines.get(0);
        assertTrue(line.startsWith(args[0] + ": "), line);
        assertTrue(line.contains(row.fragment()), line);
        assertFalse(line.contains("internal error") || line.contains("Exception") || line.contains("\tat "), line);
        assertTrue(line.length() < 400, "a readable line: " + line.length() + " characters");
        if (row.code() == Main.EXIT_BAD_INPUT) {
            assertFalse(Files.exists(out), "a refused command creates nothing: " + out);
        } else {
            try (Stream<Path> written = Files.exists(out) ? Files.walk(out) : Stream.empty()) {
                List<Path> files = written.filter(Files::isRegularFile).toList();
                assertTrue(files.isEmpty(), "nothing written into --out: " + Arrays.toString(files.toArray()));
            }
        }
    }
}
