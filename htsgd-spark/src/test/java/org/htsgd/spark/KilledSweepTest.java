package org.htsgd.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep in its own JVM ({@code local[2]}) is killed (SIGKILL) half-way; the restarted sweep runs only the cells
 * that had not finished, and the finished cells' files are untouched.
 */
class KilledSweepTest {
    @TempDir
    Path tmp;

    @Test
    void killedProcessRestartsWithoutRerunningFinishedCells() throws Exception {
        Path grid = tmp.resolve("grid.yaml");
        Files.writeString(grid, "command: fake\nfixed: {tag: process}\naxes: {seed: [1, 2, 3, 4, 5, 6]}\n");
        Path out = tmp.resolve("out");
        Path runs = tmp.resolve("runs");
        List<Cell> cells = Grid.read(grid).cells();

        // the killed JVM runs no shutdown hook: its temporary files (Spark's local directories, unpacked native
        // libraries) go to a directory of this test, not the machine's /tmp
        Path childTmp = Files.createDirectories(tmp.resolve("child-tmp"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "-Dfake.runs=" + runs, "-Dfake.blockAbove=3", "-Djava.io.tmpdir=" + childTmp));
        cmd.addAll(opens());
        cmd.addAll(List.of(SweepMain.class.getName(), "sweep", grid.toString(), "--out", out.toString(),
                "--master", "local[2]", "--cell-runner", FileCountingRunner.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile());
        pb.environment().put("SPARK_LOCAL_DIRS", childTmp.toString());
        Process child = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            // half-way: seeds 1-3 finished, seeds 4 and 5 running (they hang)
            while (!(cells.subList(0, 3).stream().allMatch(c -> finished(out, c))
                    && FileCountingRunner.runs(runs, cells.get(3).args()) == 1
                    && FileCountingRunner.runs(runs, cells.get(4).args()) == 1)) {
                assertTrue(child.isAlive(), () -> "the sweep ended early: " + log());
                assertTrue(System.nanoTime() < deadline, () -> "no progress in 180 s: " + log());
                Thread.sleep(50);
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(60, TimeUnit.SECONDS);
        }
        Map<String, FileTime> finishedAt = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            assertEquals(i < 3, finished(out, cells.get(i)), "only seeds 1-3 finished before the kill");
            if (i < 3) {
                finishedAt.put(cells.get(i).id(), Files.getLastModifiedTime(cellJson(out, cells.get(i))));
            }
        }

        String before = System.setProperty("fake.runs", runs.toString());
        try {
            assertEquals(0, SweepMain.run(new FileCountingRunner(), LocalSpark.context(), "sweep", grid.toString(),
                    "--out", out.toString()));
        } finally {
            if (before == null) {
                System.clearProperty("fake.runs");
            } else {
                System.setProperty("fake.runs", before);
            }
        }
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            assertTrue(finished(out, c));
            // 1-3 finished before the kill: once; 4-5 were running when killed: twice; 6 had not started: once
            assertEquals(i == 3 || i == 4 ? 2 : 1, FileCountingRunner.runs(runs, c.args()), "runs of seed " + (i + 1));
            if (i < 3) {
                assertEquals(finishedAt.get(c.id()), Files.getLastModifiedTime(cellJson(out, c)), "untouched");
            }
        }
        try (Stream<Path> s = Files.list(out.resolve("cells"))) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(CellTask.TMP_PREFIX)),
                    "the killed attempts' directories are cleaned up");
        }
    }

    private String log() {
        try {
            return Files.readString(tmp.resolve("child.log"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static List<String> opens() {
        List<String> o = new ArrayList<>();
        for (String arg : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens")) {
                o.add(arg);
            }
        }
        return o;
    }

    private static Path cellJson(Path out, Cell c) {
        return out.resolve("cells").resolve(c.id()).resolve(CellTask.CELL_JSON);
    }

    private static boolean finished(Path out, Cell c) {
        return Files.isRegularFile(cellJson(out, c));
    }

}
