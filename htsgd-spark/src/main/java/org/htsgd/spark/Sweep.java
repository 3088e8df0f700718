package org.htsgd.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.htsgd.cli.RunFailedException;
import org.htsgd.cli.io.OutputDir;

/**
 * Runs a grid of htsgd cells with Spark: one Spark task per unfinished cell
 * ({@code parallelize(cells, cells.size()).map(CellTask)}), the finished cells of an earlier run skipped, and the
 * outcomes gathered into {@code DIR/results.csv}: one row per cell with its settings, status, attempts, wall time and
 * the scalar values of its JSON output; {@code DIR/sweep.json} records the grid, the master and the counts.
 *
 * <p>A split grid runs in two Spark jobs: first every part, then, for every point whose parts all finished, its
 * merge ({@link SplitMerge}), which writes the point's files as one run of all its paths would. The table lists each
 * point's parts, then its merge.
 */
public final class Sweep {
    /** Name of the results table in the sweep directory. */
    public static final String TABLE = "results.csv";
    /** Name of the file describing the last run of the sweep (grid, master, counts). */
    public static final String INFO = "sweep.json";

    private Sweep() {
    }

    /**
     * @param grid the grid
     * @param sc the Spark context (its master decides where cells run)
     * @param out the sweep directory (shared by driver and executors)
     * @param runner runs one cell
     * @param retries attempts after the first for a failed cell
     * @param progress progress hooks
     * @return the outcomes and the table
     * @throws IllegalArgumentException if the runner rejects the grid
     * @throws UncheckedIOException if the directory cannot be written
     * @throws RunFailedException if the Spark job is cancelled (finished cells are kept)
     */
    public static SweepResult run(Grid grid, JavaSparkContext sc, Path out, CellRunner runner, int retries,
            SweepProgress progress) {
        long start = System.nanoTime();
        List<Cell> cells = grid.cells();
        runner.check(grid, cells);
        Path dir = out.toAbsolutePath();
        Map<String, CellOutcome> outcomes = new LinkedHashMap<>();
        List<Cell> todo = new ArrayList<>();
        try {
            Files.createDirectories(CellTask.cellsDir(dir));
            removeStaleAttempts(CellTask.cellsDir(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir + ": " + e.getMessage(), e);
        }
        List<SplitMerge> merges = SplitMerge.of(grid, dir);
        List<Cell> mergeTodo = new ArrayList<>();
        for (Cell c : cells) {
            CellOutcome earlier = CellTask.finished(dir, c);
            if (earlier != null) {
                outcomes.put(c.id(), earlier);
            } else {
                todo.add(c);
            }
        }
        for (SplitMerge m : merges) {
            CellOutcome earlier = CellTask.finished(dir, m.cell());
            if (earlier != null) {
                outcomes.put(m.cell().id(), earlier);
            }
        }
        int total = cells.size() + merges.size();
        progress.started(total, outcomes.size());
        // the first task's launch (epoch ms on the driver), from whichever of its events the listener bus (which
        // runs behind the job) delivers first
        long startMillis = System.currentTimeMillis();
        AtomicLong firstTask = new AtomicLong(Long.MAX_VALUE);
        AtomicInteger done = new AtomicInteger(outcomes.size());
        runOnSpark(sc, todo, dir, runner, retries, progress, done, total, firstTask, outcomes);
        for (SplitMerge m : merges) {
            // a point is merged once all its parts are finished (a failed part leaves it to a later run)
            if (!outcomes.containsKey(m.cell().id())
                    && m.parts().stream().allMatch(p -> outcomes.get(p.id()).ok())) {
                mergeTodo.add(m.cell());
            }
        }
        runOnSpark(sc, mergeTodo, dir, runner, retries, progress, done, total, firstTask, outcomes);
        List<CellOutcome> ordered = new ArrayList<>();
        if (merges.isEmpty()) {
            for (Cell c : cells) {
                ordered.add(outcomes.get(c.id()));
            }
        }
        for (SplitMerge m : merges) {
            for (Cell p : m.parts()) {
                ordered.add(outcomes.get(p.id()));
            }
            if (outcomes.containsKey(m.cell().id())) {
                ordered.add(outcomes.get(m.cell().id()));
            }
        }
        Path table = writeTable(grid, ordered, dir);
        long first = firstTask.get();
        SweepResult result = new SweepResult(ordered, table, (System.nanoTime() - start) * 1e-9,
                first == Long.MAX_VALUE ? Double.NaN : Math.max(0, first - startMillis) * 1e-3);
        // provenance of this run of the sweep (each cell's own JSON carries the command's full config and seed)
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("grid", grid);
        info.put("retries", retries);
        info.put("master", sc.master());
        info.put("sparkVersion", sc.version());
        info.put("finished", Instant.now().toString());
        info.put("wallSeconds", result.wallSeconds());
        info.put("cells", ordered.size());
        info.put("failed", result.failed().size());
        info.put("resumed", result.resumed());
        OutputDir.of(dir).writeJson(INFO, info);
        return result;
    }

    /** Runs {@code todo} as one Spark job, one task per cell, adding their outcomes to {@code outcomes}. */
    private static void runOnSpark(JavaSparkContext sc, List<Cell> todo, Path dir, CellRunner runner, int retries,
            SweepProgress progress, AtomicInteger done, int total, AtomicLong firstTask,
            Map<String, CellOutcome> outcomes) {
        if (!todo.isEmpty()) {
            SparkListener listener = new SparkListener() {
                @Override
                public void onTaskStart(SparkListenerTaskStart taskStart) {
                    firstTask.accumulateAndGet(taskStart.taskInfo().launchTime(), Math::min);
                }

                @Override
                public void onTaskEnd(SparkListenerTaskEnd end) {
                    firstTask.accumulateAndGet(end.taskInfo().launchTime(), Math::min);
                    int index = end.taskInfo().index();
                    if (end.taskInfo().successful() && index < todo.size()) {
                        progress.cellEnded(done.incrementAndGet(), total, todo.get(index).id());
                    }
                }
            };
            sc.sc().addSparkListener(listener);
            try {
                List<CellOutcome> ran = sc.parallelize(todo, todo.size())
                        .map(new CellTask(dir, runner, retries))
                        .collect();
                for (CellOutcome o : ran) {
                    outcomes.put(o.id(), o);
                }
            } catch (Exception e) {
                // Spark's Scala code throws the checked SparkException undeclared
                if (e instanceof SparkException && String.valueOf(e.getMessage()).contains("cancel")) {
                    throw new RunFailedException("sweep cancelled; finished cells are kept in " + dir
                            + "/cells: run the same sweep again to finish the rest", e);
                }
                throw e;
            } finally {
                sc.sc().removeSparkListener(listener);
            }
        }
    }

    private static void removeStaleAttempts(Path cellsDir) throws IOException {
        try (Stream<Path> s = Files.list(cellsDir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.getFileName().toString().startsWith(CellTask.TMP_PREFIX)) {
                    CellTask.deleteTree(p);
                }
            }
        }
    }

    /**
     * Writes {@code results.csv}: id, the settings, status, attempts, exit code, wall seconds, resumed, error,
     * then every flattened result key (in order of first appearance).
     *
     * @param grid the grid (for the setting columns)
     * @param outcomes the outcomes, in grid order
     * @param dir the sweep directory
     * @return the table's path
     */
    static Path writeTable(Grid grid, List<CellOutcome> outcomes, Path dir) {
        Set<String> resultKeys = new LinkedHashSet<>();
        for (CellOutcome o : outcomes) {
            resultKeys.addAll(o.results().keySet());
        }
        List<String> settings = grid.settingNames();
        List<String> header = new ArrayList<>();
        header.add("id");
        header.addAll(settings);
        header.addAll(List.of("status", "attempts", "exit_code", "wall_seconds", "resumed", "error"));
        header.addAll(resultKeys);
        List<List<Object>> rows = new ArrayList<>();
        for (CellOutcome o : outcomes) {
            List<Object> row = new ArrayList<>(header.size());
            row.add(o.id());
            for (String s : settings) {
                row.add(o.settings().getOrDefault(s, ""));
            }
            row.add(o.status());
            row.add(o.attempts());
            row.add(o.exitCode());
            row.add(String.format(java.util.Locale.ROOT, "%.3f", o.wallSeconds()));
            row.add(o.resumed());
            row.add(o.error());
            for (String k : resultKeys) {
                row.add(o.results().getOrDefault(k, ""));
            }
            rows.add(row);
        }
        return OutputDir.of(dir).writeCsv(TABLE, header, rows);
    }
}
