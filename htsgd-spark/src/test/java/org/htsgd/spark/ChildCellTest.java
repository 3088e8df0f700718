package org.htsgd.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.htsgd.cli.ChildJvm;
import org.htsgd.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cells in child JVMs ({@link ChildCell}): the command's files and output as in-process, its exit code passed on, a
 * cancelled cell's JVM destroyed, and a child that loses its parent (killed with {@code -9}) exits by itself.
 */
class ChildCellTest {
    /** A run that would take hours: only stopping it ends it. */
    private static final List<String> ENDLESS = List.of("occupancy", "--start", "-0.7", "--eta", "0.1", "--steps",
            "1e12", "--paths", "1", "--threads", "1");

    @TempDir
    Path tmp;

    @Test
    void aChildRunsTheCommandAndPassesItsExitCodeOn() throws Exception {
        Path out = tmp.resolve("theory");
        Files.createDirectories(out);
        assertEquals(0, ChildCell.run(new String[] {"theory", "--landscape", "paper1d", "--b", "0.5", "--out",
            out.toString()}, out.resolve(CellRunner.LOG)));
        assertTrue(Files.isRegularFile(out.resolve("theory.json")));
        assertTrue(Files.readString(out.resolve(CellRunner.LOG)).contains("wrote " + out), "its output in the log");
        Path bad = tmp.resolve("bad");
        Files.createDirectories(bad);
        assertEquals(Main.EXIT_BAD_INPUT, ChildCell.run(new String[] {"theory", "--b", "-1", "--out",
            bad.toString()}, bad.resolve(CellRunner.LOG)));
        assertEquals(1, Files.readAllLines(bad.resolve(CellRunner.LOG)).size());
    }

    @Test
    @Timeout(120)
    void anInterruptedCellDestroysItsJvm() throws Exception {
        Path out = tmp.resolve("endless");
        Files.createDirectories(out);
        String[] line = MainCellRunner.line(ENDLESS.get(0), ENDLESS.subList(1, ENDLESS.size()), out);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                ChildCell.run(line, out.resolve(CellRunner.LOG));
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        java.util.Set<Long> before = ProcessHandle.current().children().map(ProcessHandle::pid)
                .collect(Collectors.toSet());
        t.start();
        ProcessHandle child = awaitNewChild(before);
        t.interrupt();
        t.join(30_000);
        assertFalse(t.isAlive());
        assertTrue(thrown.get() instanceof CancellationException, String.valueOf(thrown.get()));
        child.onExit().get(30, TimeUnit.SECONDS);
        assertFalse(child.isAlive());
    }

    @Test
    @Timeout(120)
    void aChildWhoseParentIsKilledExitsByItself() throws Exception {
        // a shell starts the child and is then killed with SIGKILL: no hook of the parent runs
        Path out = tmp.resolve("orphan");
        Files.createDirectories(out);
        List<String> cmd = ChildJvm.command(ChildCell.class.getName(), List.of(MainCellRunner.line(ENDLESS.get(0),
                ENDLESS.subList(1, ENDLESS.size()), out)));
        String quoted = cmd.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
        Process shell = new ProcessBuilder("sh", "-c", quoted + " > /dev/null 2>&1 & echo $!; wait")
                .redirectErrorStream(true).start();
        long pid;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(shell.getInputStream(),
                StandardCharsets.UTF_8))) {
            pid = Long.parseLong(in.readLine().trim());
        }
        ProcessHandle child = ProcessHandle.of(pid).orElseThrow();
        Thread.sleep(3000); // the child JVM is up and watching its parent
        assertTrue(child.isAlive(), "the endless run is running");
        shell.destroyForcibly().waitFor();
        child.onExit().get(60, TimeUnit.SECONDS);
        assertFalse(child.isAlive());
    }

    private static ProcessHandle awaitNewChild(java.util.Set<Long> before) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            Optional<ProcessHandle> c = ProcessHandle.current().children().filter(h -> !before.contains(h.pid()))
                    .findFirst();
            if (c.isPresent()) {
                return c.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no child JVM started");
    }
}
