package org.htsgd.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.htsgd.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code htsgd reproduce --profile tiny --master spark://127.0.0.1:PORT} on a loopback standalone cluster (a master
 * and two one-core workers, {@link LoopbackCluster}; every part but Figure 3): killed once its first unit of work has finished and started
 * again, it finishes without redoing the finished units, and its numbers (every JSON value but timings, every CSV
 * column but timings, the trained weights byte for byte) are those of the same reproduction run locally.
 */
class ClusterReproduceTest {
    /**
     * Timing values, which differ from run to run, and {@code resumedFrom}: the iteration a training run killed
     * half-way continued from (its numbers are those of the uninterrupted run: the weights are compared too).
     */
    private static final Pattern TIMING = Pattern.compile("(?i).*second.*|finished|startedAt|resumedFrom");
    /** Files that are bookkeeping, not results (or exist in one of the two runs only). */
    private static final Set<String> NOT_RESULTS = Set.of("done.json", "files.json", "estimate.json",
            "request.json");
    /**
     * The units of work of {@link #ARGS}: Figure 2 and the CTMC comparison whole, Table 2's 2 training runs, Figure 1
     * right's 12 and left's 8 blocks of paths.
     */
    private static final int UNITS = 2 + 2 + 12 + 8;
    private static final Pattern TO_RUN = Pattern.compile("reproduce: ([0-9]+) unit\\(s\\) of work to run");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The reproduction: the tiny profile without Figure 3 (the slowest simulation, 15-20 s, which adds nothing a
     * whole-part unit does not already show).
     */
    private static final String[] ARGS = {"reproduce", "--profile", "tiny", "--parts",
        "fig1-right,fig1-left,fig2,theory-vs-sim,table2"};

    @TempDir
    Path tmp;

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    @Test
    void tinyReproductionOnALoopbackClusterResumesAfterAKillAndGivesTheLocalNumbers() throws Exception {
        Path local = tmp.resolve("local");
        // the local twin runs meanwhile (the cluster's start and its first run leave the cores idle now and then)
        CompletableFuture<Integer> localRun = CompletableFuture.supplyAsync(() -> Main.run(concat(ARGS, "--out",
                local.toString(), "--threads", "2")));
        Path out = tmp.resolve("on-cluster");
        try (LoopbackCluster cluster = LoopbackCluster.start(tmp.resolve("cluster"), 2)) {
            Process first = driver(cluster, out, "first.log");
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
                while (markers(out).isEmpty()) {
                    assertTrue(first.isAlive(), () -> "the run ended before a unit finished: " + log("first.log"));
                    assertTrue(System.nanoTime() < deadline, () -> "no unit finished in 600 s: " + log("first.log"));
                    Thread.sleep(100);
                }
            } finally {
                first.destroyForcibly(); // kill -9: no shutdown hook
                first.waitFor(60, TimeUnit.SECONDS);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (cluster.executorsRunning() && System.nanoTime() < deadline) {
                Thread.sleep(200); // the executors notice the lost driver and end (their training children too)
            }
            Map<Path, FileTime> finished = markers(out);
            int total = unitsToRun("first.log");
            assertEquals(UNITS, total, "2 parts whole + Table 2's 2 training runs + Figure 1's blocks of paths");
            assertTrue(finished.size() < total, "killed mid-way: " + finished.keySet());

            Process second = driver(cluster, out, "second.log");
            assertTrue(second.waitFor(600, TimeUnit.SECONDS), () -> "restart still running: " + log("second.log"));
            assertEquals(0, second.exitValue(), () -> log("second.log"));
            assertEquals(total - finished.size(), unitsToRun("second.log"), "only the unfinished units run again");
            for (Map.Entry<Path, FileTime> e : finished.entrySet()) {
                assertEquals(e.getValue(), Files.getLastModifiedTime(e.getKey()), e.getKey() + " was redone");
            }
            assertEquals(total, markers(out).size(), "every unit left its marker: " + markers(out).keySet());
        }
        assertEquals(0, localRun.get(600, TimeUnit.SECONDS), "the local run");
        assertSameNumbers(local, out);
    }

    /** Starts {@code htsgd reproduce --profile tiny --master URL} in a JVM of its own (so that it can be killed). */
    private Process driver(LoopbackCluster cluster, Path out, String log) throws IOException {
        List<String> cmd = cluster.java(Main.class.getName(), concat(ARGS, "--threads", "1", "--master",
                cluster.masterUrl(), "--out", out.toString()));
        cmd.add(1, "-Dspark.executor.memory=1g");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(tmp.resolve(log).toFile());
        pb.environment().putAll(cluster.environment());
        return pb.start();
    }

    /**
     * @return the finished units' markers, with their mtimes: whole parts' done.json (of parts without units), Table 2
     *     runs' result.json, Figure 1's blocks of paths
     */
    private static Map<Path, FileTime> markers(Path out) throws IOException {
        Map<Path, FileTime> m = new TreeMap<>();
        if (!Files.isDirectory(out)) {
            return m;
        }
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = out.relativize(p).toString();
                if (rel.matches("[^/]+/done\\.json") && !rel.startsWith("table2/")
                        && !Files.isDirectory(p.resolveSibling("blocks"))
                        || rel.matches("table2/runs/.*/result\\.json") || rel.matches("fig1-[a-z]+/blocks/.*\\.json")) {
                    m.put(p, Files.getLastModifiedTime(p));
                }
            }
        }
        return m;
    }

    private int unitsToRun(String log) {
        Matcher m = TO_RUN.matcher(log(log));
        assertTrue(m.find(), () -> "no unit count in " + log + ": " + log(log));
        return Integer.parseInt(m.group(1));
    }

    private String log(String name) {
        try {
            return Files.readString(tmp.resolve(name));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Every result file of the local run has its twin in the cluster run, equal but for timings and paths. */
    static void assertSameNumbers(Path local, Path cluster) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(local)) {
            s.filter(Files::isRegularFile).map(local::relativize)
                    .filter(p -> p.getNameCount() > 1) // the parts' files, not the report's run.json / index.html
                    .filter(p -> !NOT_RESULTS.contains(p.getFileName().toString())
                            && !p.getFileName().toString().startsWith("step-cost-"))
                    .filter(p -> p.toString().matches(".*\\.(json|csv)|.*/weights\\.bin"))
                    .forEach(files::add);
        }
        assertTrue(files.size() >= 20, "result files: " + files);
        for (Path f : files) {
            Path a = local.resolve(f);
            Path b = cluster.resolve(f);
            assertTrue(Files.isRegularFile(b), "missing in the cluster run: " + f);
            String name = f.getFileName().toString();
            if (name.endsWith(".bin")) {
                assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), f.toString());
            } else if (name.endsWith(".json")) {
                assertEquals(json(a, local), json(b, cluster), f.toString());
            } else {
                assertEquals(csv(a), csv(b), f.toString());
            }
        }
    }

    private static JsonNode json(Path file, Path root) throws IOException {
        String text = Files.readString(file).replace(root.toAbsolutePath().toString(), "OUT");
        return withoutTimings(JSON.readTree(text));
    }

    private static JsonNode withoutTimings(JsonNode node) {
        if (node instanceof ObjectNode o) {
            for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
                if (TIMING.matcher(it.next()).matches()) {
                    it.remove();
                }
            }
        }
        node.forEach(ClusterReproduceTest::withoutTimings);
        return node;
    }

    private static List<List<String>> csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",", -1);
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            List<String> row = new ArrayList<>();
            for (int i = 0; i < cells.length; i++) {
                if (i >= header.length || !TIMING.matcher(header[i]).matches()) {
                    row.add(cells[i]);
                }
            }
            rows.add(row);
        }
        return rows;
    }
}
