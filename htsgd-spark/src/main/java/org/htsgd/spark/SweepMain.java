package org.htsgd.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.htsgd.cli.Main;
import picocli.CommandLine;
import org.htsgd.cli.options.OutputOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code htsgd sweep GRID.yaml [--master URL] --out DIR [--retries N]}: runs every cell of a {@link Grid} as an
 * {@code htsgd} command on Apache Spark, skipping cells finished by an earlier run, retrying failed cells, and
 * writing {@code DIR/results.csv} plus each cell's JSON in {@code DIR/cells/<id>/}.
 *
 * <p>Exit codes as {@link Main}: 0 every cell finished, 2 bad grid or options (one line), 3 some cells failed after
 * their retries (listed; the others finished), 1 internal error. Runs embedded ({@code --master local[*]}, the
 * default) or under {@code spark-submit --class org.htsgd.spark.SweepMain htsgd-spark.jar sweep ...}, where the
 * master comes from spark-submit.
 */
@Command(name = "htsgd sweep", mixinStandardHelpOptions = true, versionProvider = SweepMain.Version.class,
        description = {"Runs a grid of htsgd runs (exit-time, occupancy, train) on Apache Spark.",
            "Each cell is 'htsgd COMMAND --key=value ... --out DIR/cells/<id>'; a finished cell is not run again "
                    + "when the sweep is restarted; results gather in DIR/results.csv.",
            "--out DIR holds results.csv, cells/<id>/ and failed/<id>/; it must be visible to every executor at the "
                    + "same path."})
public final class SweepMain implements Callable<Integer> {
    /** Default retries of a failed cell when neither the grid nor --retries says. */
    public static final int DEFAULT_RETRIES = 2;

    @Parameters(index = "0", paramLabel = "GRID.yaml", description = "The grid file (command, fixed, axes, split, "
            + "retries).")
    private Path gridFile;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master, e.g. local[*], local[2], "
            + "spark://127.0.0.1:7077 (default: the one spark-submit sets, else local[*]).")
    private String master;

    @Mixin
    private OutputOption outOption;

    @Option(names = "--retries", paramLabel = "N", description = "Attempts after the first for a failed cell "
            + "(default: the grid's 'retries', else " + DEFAULT_RETRIES + ").")
    private Integer retries;

    @Option(names = "--cell-runner", hidden = true, paramLabel = "CLASS", description = "A CellRunner class with a "
            + "public no-argument constructor, instead of htsgd itself (benchmarks of the scheduling alone).")
    private String runnerClass;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private final CellRunner runner;
    private final JavaSparkContext given;

    /**
     * @param runner runs one cell (tests inject fakes; {@link #main} uses {@link MainCellRunner})
     * @param given a running Spark context to use (and leave running), or {@code null} to start one from
     *     {@code --master} and stop it at the end
     */
    public SweepMain(CellRunner runner, JavaSparkContext given) {
        this.runner = runner;
        this.given = given;
    }

    /** {@inheritDoc} */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        Path out = outOption.path();
        Grid grid = Grid.read(gridFile);
        if (retries != null && !(retries >= 0)) {
            throw new IllegalArgumentException("--retries is not >= 0: " + retries);
        }
        int r = retries != null ? retries : grid.retries() >= 0 ? grid.retries() : DEFAULT_RETRIES;
        CellRunner runner = runnerClass == null ? this.runner : instantiate(runnerClass);
        // check before Spark starts: a bad grid costs no cluster time
        runner.check(grid, grid.cells());

        SparkConf conf = new SparkConf().setAppName("htsgd sweep " + gridFile.getFileName());
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        String m = conf.get("spark.master");
        if (m.startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        boolean ours = given == null;
        SparkContext sc = ours ? new SparkContext(conf) : given.sc();
        SweepResult result;
        try {
            result = Sweep.run(grid, JavaSparkContext.fromSparkContext(sc), out, runner, r, new SweepProgress() {
                private final long t0 = System.nanoTime();

                @Override
                public void started(int total, int alreadyDone) {
                    err.printf(Locale.ROOT, "sweep: %d cells (%s %s), %d finished earlier, %d to run on %s%n",
                            total, grid.command(), grid.axes().keySet(), alreadyDone, total - alreadyDone,
                            sc.master());
                    err.flush();
                }

                @Override
                public void cellEnded(int done, int total, String cellId) {
                    err.printf(Locale.ROOT, "sweep: %d/%d cells done (%s, %.1f s)%n", done, total, cellId,
                            (System.nanoTime() - t0) * 1e-9);
                    err.flush();
                }
            });
        } finally {
            if (ours) {
                sc.stop();
            }
        }
        long ok = result.outcomes().size() - result.failed().size();
        outw.printf(Locale.ROOT, "sweep: %d/%d cells ok (%d from an earlier run), %d failed, %.1f s (first cell "
                + "started after %.1f s); table %s%n", ok, result.outcomes().size(), result.resumed(),
                result.failed().size(), result.wallSeconds(), result.firstTaskSeconds(), result.table());
        outw.flush();
        for (CellOutcome f : result.failed()) {
            err.printf(Locale.ROOT, "sweep: cell %s failed after %d attempts: htsgd %s: %s (see %s)%n", f.id(),
                    f.attempts(), String.join(" ", f.command()), f.error(),
                    CellTask.failedDir(out.toAbsolutePath()).resolve(f.id()));
        }
        err.flush();
        return result.failed().isEmpty() ? 0 : Main.EXIT_RUN_FAILED;
    }

    private static CellRunner instantiate(String name) {
        try {
            return Class.forName(name).asSubclass(CellRunner.class).getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException("--cell-runner is not a CellRunner class with a public no-argument "
                    + "constructor: " + name + " (" + e + ")");
        }
    }

    /**
     * Builds the command line with htsgd's error handling: one line and exit 2 for bad input.
     *
     * @param runner runs one cell
     * @param sc a running Spark context to use, or {@code null} to start one
     * @return the command line
     */
    public static CommandLine commandLine(CellRunner runner, JavaSparkContext sc) {
        CommandLine cl = new CommandLine(new SweepMain(runner, sc));
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("sweep: " + ex.getMessage() + " (see: htsgd sweep --help)");
            err.flush();
            return Main.EXIT_BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> Main.reportFailure("sweep", ex, c.getErr()));
        return cl;
    }

    /**
     * Runs a sweep without exiting the JVM.
     *
     * @param runner runs one cell
     * @param sc a running Spark context to use (its master wins over {@code --master}), or {@code null} to start
     *     one
     * @param args the arguments; a leading {@code sweep} (as passed on by the htsgd launcher) is dropped
     * @return the exit code
     */
    public static int run(CellRunner runner, JavaSparkContext sc, String... args) {
        String[] a = args.length > 0 && "sweep".equals(args[0]) ? Arrays.copyOfRange(args, 1, args.length) : args;
        return commandLine(runner, sc).execute(a);
    }

    /** @param args {@code [sweep] GRID.yaml [--master URL] --out DIR [--retries N]} */
    public static void main(String[] args) {
        System.exit(run(new MainCellRunner(), null, args));
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SweepMain.class.getPackage().getImplementationVersion();
            return new String[] {"htsgd sweep " + (v == null ? "dev" : v), "Spark " + org.apache.spark.package$.MODULE$
                    .SPARK_VERSION(), "Java " + System.getProperty("java.version")};
        }
    }
}
