package org.htsgd.cli.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Progress as plain lines (stderr not a terminal): whole lines, one per tenth and at least every 30 s. */
class ProgressTest {
    private static final Pattern LINE = Pattern.compile("[a-z]+: +\\d{1,3}% \\(\\d+/\\d+ [a-z]+, \\d+\\.\\d s\\)( .*)?");

    @Test
    void linesAtEveryTenthAndNoCarriageReturn() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        try (Progress p = Progress.start("occupancy", 1000, "steps", Progress.Mode.LINES,
                new PrintStream(buf, true, StandardCharsets.UTF_8), clock::get)) {
            for (int i = 1; i <= 1000; i++) {
                p.set(i);
            }
        }
        String text = buf.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("\r"), text);
        List<String> lines = text.lines().toList();
        assertEquals(11, lines.size(), text); // 0%, 10%, ..., 100%; nothing more at close
        assertEquals("occupancy:   0% (0/1000 steps, 0.0 s)", lines.get(0));
        assertEquals("occupancy:  50% (500/1000 steps, 0.0 s)", lines.get(5));
        assertEquals("occupancy: 100% (1000/1000 steps, 0.0 s)", lines.get(10));
    }

    @Test
    void aLineAtLeastEveryThirtySecondsAndAFinalOneAtClose() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        try (Progress p = Progress.start("train", 1000, "it", Progress.Mode.LINES,
                new PrintStream(buf, true, StandardCharsets.UTF_8), clock::get)) {
            p.message("train 0.500 test 0.400");
            clock.set(29_000_000_000L);
            p.set(1); // same tenth, 29 s: no line
            clock.set(31_000_000_000L);
            p.set(2); // same tenth, 31 s since the last line: a line
            p.add(3);
        }
        List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of("train:   0% (0/1000 it, 0.0 s)", "train:   0% (2/1000 it, 31.0 s) train 0.500 test 0.400",
                "train:   0% (5/1000 it, 31.0 s) train 0.500 test 0.400"), lines);
    }

    @Test
    void concurrentTasksWriteWholeLines() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(buf, true, StandardCharsets.UTF_8);
        List<Thread> threads = new ArrayList<>();
        for (String task : List.of("expected", "pacbayes", "maximal", "hessian", "tail")) {
            threads.add(new Thread(() -> {
                try (Progress p = Progress.start(task, 100_000, "evals", Progress.Mode.LINES, err, System::nanoTime)) {
                    for (int i = 1; i <= 100_000; i++) {
                        p.set(i);
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.size() >= 5 * 11, lines.size() + " lines");
        for (String line : lines) {
            assertTrue(LINE.matcher(line).matches(), line);
        }
    }

    @Test
    void offWritesNothingClosingTwiceWritesOnceAndBeyondTheTotalTheTotalGrows() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(buf, true, StandardCharsets.UTF_8);
        try (Progress p = Progress.start("x", 10, "u", Progress.Mode.OFF, err, System::nanoTime)) {
            p.set(20);
        }
        assertEquals("", buf.toString(StandardCharsets.UTF_8));
        Progress p = Progress.start("x", 10, "u", Progress.Mode.LINES, err, () -> 0L);
        p.set(3);
        p.close();
        p.close(); // a second close (a bar ended early, then in a finally) writes nothing more
        assertEquals(List.of("x:   0% (0/10 u, 0.0 s)", "x:  30% (3/10 u, 0.0 s)"),
                buf.toString(StandardCharsets.UTF_8).lines().toList());
        buf.reset();
        try (Progress q = Progress.start("x", 10, "u", Progress.Mode.LINES, err, () -> 0L)) {
            q.set(20);
        }
        assertEquals(List.of("x:   0% (0/10 u, 0.0 s)", "x: 100% (20/20 u, 0.0 s)"),
                buf.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void doneCountsUnitsMonotonicallyAndSilentCountsToo() {
        try (Progress p = Progress.silent()) {
            assertEquals(0, p.done());
            p.set(5);
            p.add(3);
            p.set(4); // set never goes back
            p.add(-2); // nor does add
            assertEquals(8, p.done());
        }
    }
}
