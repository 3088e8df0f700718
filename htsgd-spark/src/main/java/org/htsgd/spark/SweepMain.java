package org.htsgd.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.htsgd.cli.Main;
import org.htsgd.cli.RunFailedException;
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
 * <p>Exit codes as {@link Main}'s, one line each: 0 every cell finished; 2 bad input, a bad grid or option (before
 * Spark starts and before anything is written) or a cell htsgd refused (not retried); 3 cells that failed after their
 * retries (a divergence, missing data: listed, the others finished) or Spark that cannot start; 1 a defect (a cell's
 * internal error). See {@link #exitCode}. Runs embedded ({@code --master local[*]}, the
 * default) or under {@code spark-submit --class org.htsgd.spark.SweepMain htsgd-spark.jar sweep ...}, where the
 * master comes from spark-submit.
 */
@Command(name = "htsgd sweep", mixinStandardHelpOptions = true, versionProvider = SweepMain.Version.class,
        description = {"Runs a grid of htsgd runs (theory, exit-time, occupancy, train or sharpness) on Apache Spark.",
            "Each cell is 'htsgd COMMAND --key=value ... --out DIR/cells/<id>'; a finished cell is not run again "
                    + "when the sweep is restarted; results gather in DIR/results.csv.",
            "A cell htsgd refuses as bad input (exit 2) is recorded as 'refused' and not retried; a cell that fails "
                    + "(exit 3, e.g. divergence, or 1) is retried, then recorded as 'failed'. The sweep exits 0, or "
                    + "1 if a cell hit an internal error, else 2 if one was refused, else 3.",
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

    @Option(names = "--retries", paramLabel = "N", description = "Attempts after the first for a failed cell, not "
            + "for one refused as bad input (default: the grid's 'retries', else " + DEFAULT_RETRIES + ").")
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
        Grid grid = Grid.read(gridFile);
        if (retries != null && !(retries >= 0)) {
            throw new IllegalArgumentException("--retries is not >= 0: " + retries);
        }
        int r = retries != null ? retries : grid.retries() >= 0 ? grid.retries() : DEFAULT_RETRIES;
        CellRunner runner = runnerClass == null ? this.runner : instantiate(runnerClass);
        // check before Spark starts: a bad grid costs no cluster time
        runner.check(grid, grid.cells());
        SparkStart.checkMaster(master);
        SparkConf conf = SparkStart.conf("htsgd sweep " + gridFile.getFileName(), master);
        // the input is accepted: only now is anything written (an unwritable --out is refused here, exit 2)
        Path out = outOption.open().path();
        boolean ours = given == null;
        SparkContext sc = ours ? SparkStart.start(conf) : given.sc();
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
        long ran = result.outcomes().size() - result.resumed();
        // no cell ran (all finished earlier) or Spark never reported a start: there is no first-cell time to show
        String first = ran == 0 ? "no cell to run"
                : Double.isFinite(result.firstTaskSeconds())
                ? String.format(Locale.ROOT, "first cell started after %.1f s", result.firstTaskSeconds())
                : "first cell start not reported by Spark";
        outw.printf(Locale.ROOT, "sweep: %d/%d cells ok (%d from an earlier run), %d failed, %.1f s (%s); table %s%n",
                ok, result.outcomes().size(), result.resumed(), result.failed().size(), result.wallSeconds(), first,
                result.table());
        outw.flush();
        for (CellOutcome f : result.failed()) {
            String what = CellOutcome.REFUSED.equals(f.status()) ? "was refused as bad input (not retried)"
                    : "failed after " + f.attempts() + " attempts";
            err.printf(Locale.ROOT, "sweep: cell %s %s: htsgd %s: %s (see %s)%n", f.id(), what,
                    String.join(" ", f.command()), f.error(), CellTask.failedDir(out.toAbsolutePath()).resolve(f.id()));
        }
        err.flush();
        return exitCode(result.failed());
    }

    /**
     * The sweep's exit code from its failed cells, in htsgd's convention ({@link Main}), the most serious first:
     * 0 if none failed; 1 if a cell hit an internal error (exit 1, an exception, or a code htsgd does not use: a
     * defect to report); else 2 if a cell was refused as bad input (the grid holds a value htsgd refuses); else 3
     * (runs that failed in a way the user can act on, e.g. divergence).
     *
     * @param failed the cells that did not finish
     * @return the exit code
     */
    static int exitCode(List<CellOutcome> failed) {
        int code = 0;
        for (CellOutcome f : failed) {
            int c = f.exitCode();
            if (c != Main.EXIT_BAD_INPUT && c != Main.EXIT_RUN_FAILED) {
                return 1;
            }
            code = code == Main.EXIT_BAD_INPUT ? code : c;
        }
        return code;
    }

    private static CellRunner instantiate(String name) {
        try {
            return Class.forName(name).asSubclass(CellRunner.class).getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            String why = e instanceof ClassNotFoundException ? "no such class"
                    : e instanceof ClassCastException ? "not a CellRunner" : "no public no-argument constructor";
            throw new IllegalArgumentException("--cell-runner is not a CellRunner class with a public no-argument "
                    + "constructor: " + name + " (" + why + ")");
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
