package org.htsgd.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.htsgd.cli.reproduce.UnitScheduler;
import org.htsgd.cli.reproduce.Units;

/**
 * Runs the units of work of {@code htsgd reproduce --master URL} as Spark tasks through the sweep machinery
 * ({@link Sweep}): a grid of command {@code reproduce} with one axis, {@code unit}, whose cells run
 * {@code htsgd reproduce ARGS --unit=ID} ({@link UnitCellRunner}), in {@code OUT/cluster} ({@code cells/<id>/htsgd.log},
 * {@code results.csv}, {@code sweep.json}). Each unit writes into the reproduction's own directory, which must be at
 * the same path on the driver and every executor (one machine or a shared file system), as must {@code --data}.
 * Found by {@code reproduce} through {@link java.util.ServiceLoader}.
 *
 * <p>For a master that is not local, the executors get the driver's class path
 * ({@code spark.executor.extraClassPath}, so the workers need no htsgd jars of their own when the paths are shared)
 * and htsgd's JVM settings ({@code spark.executor.extraJavaOptions}), unless set.
 */
public final class SparkUnits implements UnitScheduler {
    /** JVM options every htsgd process runs with (offline DJL, no display). */
    static final String JAVA_OPTIONS = "-Doffline=true -Dai.djl.offline=true -Djava.awt.headless=true";

    /** {@inheritDoc} */
    @Override
    public void check(String master) {
        SparkStart.checkMaster(master);
    }

    /** {@inheritDoc} */
    @Override
    public Map<String, String> run(String master, List<String> args, List<Units.Pending> units, Path dir,
            PrintWriter log) {
        Map<String, List<String>> axis = new LinkedHashMap<>();
        axis.put(UnitCellRunner.UNIT, units.stream().map(Units.Pending::id).toList());
        Grid grid = new Grid("reproduce", Map.of(), axis, 1, -1);
        try {
            for (Cell c : grid.cells()) { // a cell of a unit that is not done is stale (its output was deleted)
                CellTask.deleteTree(CellTask.cellsDir(dir).resolve(c.id()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir + ": " + e.getMessage(), e);
        }
        SparkConf conf = SparkStart.conf("htsgd reproduce", master);
        if (!conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.executor.extraClassPath", System.getProperty("java.class.path"));
            conf.setIfMissing("spark.executor.extraJavaOptions", JAVA_OPTIONS);
        }
        SparkContext sc = SparkStart.start(conf);
        SweepResult result;
        try {
            result = Sweep.run(grid, JavaSparkContext.fromSparkContext(sc), dir, new UnitCellRunner(args),
                    SweepMain.DEFAULT_RETRIES, new SweepProgress() {
                        private final long t0 = System.nanoTime();

                        @Override
                        public void started(int total, int alreadyDone) {
                            log.printf(Locale.ROOT, "reproduce: running %d unit(s) on %s (logs: %s)%n", total,
                                    sc.master(), CellTask.cellsDir(dir));
                            log.flush();
                        }

                        @Override
                        public void cellEnded(int done, int total, String cellId) {
                            log.printf(Locale.ROOT, "reproduce: %d/%d units done (%.1f s)%n", done, total,
                                    (System.nanoTime() - t0) * 1e-9);
                            log.flush();
                        }
                    });
        } finally {
            sc.stop();
        }
        Map<String, String> failed = new LinkedHashMap<>();
        for (CellOutcome f : result.failed()) {
            failed.put(f.settings().get(UnitCellRunner.UNIT), f.error() + " (log: "
                    + CellTask.failedDir(dir).resolve(f.id()).resolve(CellRunner.LOG) + ")");
        }
        return failed;
    }
}
