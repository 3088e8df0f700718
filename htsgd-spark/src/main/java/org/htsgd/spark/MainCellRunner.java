package org.htsgd.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.htsgd.cli.Main;
import picocli.CommandLine;

/**
 * The default {@link CellRunner}: runs {@code htsgd COMMAND ARGS --out DIR} in-process through
 * {@link Main#commandLine()} (exactly what {@link Main#run(String...)} does), with everything the command prints
 * (picocli's messages, {@code System.out}/{@code System.err} of the cell's threads: summary, progress bar) captured in
 * {@code DIR/}{@value CellRunner#LOG} instead of the executor's terminal, where several cells would interleave.
 *
 * <p>Cells that use the tensor engine ({@code train}, {@code sharpness}) run each in its own child JVM
 * ({@link ChildCell}), the command line and its output the same: PyTorch's CPU runtime (thread pool, thread count)
 * is process-global, and two concurrent trainings in one process were seen to fail now and then, so in one JVM they
 * could only run one at a time; as children, as many run at once on an executor as it has task slots (each with
 * the intra-op threads its {@code threads} setting gives: set {@code spark.task.cpus} or {@code threads: 1} to match
 * the cores). Simulation cells run in-process, concurrently.
 */
public final class MainCellRunner implements CellRunner {
    private static final long serialVersionUID = 1L;
    /**
     * The commands a cell may run: one run each, into its {@code --out}. Not {@code reproduce} (a whole report with
     * its own resume, into a directory it manages), {@code sweep} (a sweep inside a cell) or {@code help}.
     */
    public static final List<String> COMMANDS = List.of("theory", "exit-time", "occupancy", "train", "sharpness");
    /** Commands that use the tensor engine: run in a child JVM each. */
    static final Set<String> ENGINE_COMMANDS = Set.of("train", "sharpness");

    /** {@inheritDoc} */
    @Override
    public int run(String command, List<String> args, Path outDir) {
        if (ENGINE_COMMANDS.contains(command)) {
            return ChildCell.run(line(command, args, outDir), outDir.resolve(LOG));
        }
        return inProcess(line(command, args, outDir), outDir.resolve(LOG));
    }

    /**
     * Runs an htsgd command line in this JVM, everything it prints captured in a log file.
     *
     * @param line the argument vector ({@code command args...})
     * @param logFile the log
     * @return its exit code
     */
    static int inProcess(String[] line, Path logFile) {
        CellConsole.install();
        try (PrintStream logStream = new PrintStream(Files.newOutputStream(logFile), true,
                StandardCharsets.UTF_8);
             PrintWriter log = new PrintWriter(logStream, true)) {
            CellConsole.routeTo(logStream);
            CommandLine cl = Main.commandLine();
            cl.setOut(log);
            cl.setErr(log);
            return cl.execute(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            CellConsole.routeTo(null);
        }
    }

    /**
     * The whole argument vector of a cell.
     *
     * @param command the command
     * @param args its arguments
     * @param outDir the output directory
     * @return {@code command args... --out outDir}
     */
    public static String[] line(String command, List<String> args, Path outDir) {
        List<String> line = new ArrayList<>(args.size() + 3);
        line.add(command);
        line.addAll(args);
        line.add("--out");
        line.add(outDir.toString());
        return line.toArray(String[]::new);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Checks that the command is one of {@link #COMMANDS}, that every setting is one of its options (and
     * {@code --path-offset} and {@code --merge-parts} when the grid is split), and that picocli can parse every cell's
     * arguments (types, ranges
     * picocli knows).
     */
    @Override
    public void check(Grid grid, List<Cell> cells) {
        CommandLine root = Main.commandLine();
        CommandLine sub = root.getSubcommands().get(grid.command());
        if (sub == null) {
            throw new IllegalArgumentException("htsgd has no command '" + grid.command() + "' (it has: "
                    + String.join(", ", root.getSubcommands().keySet()) + ")");
        }
        if (!COMMANDS.contains(grid.command())) {
            throw new IllegalArgumentException("a sweep runs one of " + String.join(", ", COMMANDS) + ", not '"
                    + grid.command() + "'");
        }
        if (grid.splitParts() > 1 && (sub.getCommandSpec().findOption("--" + Grid.PATH_OFFSET) == null
                || sub.getCommandSpec().findOption("--" + SplitMerge.MERGE_PARTS) == null)) {
            throw new IllegalArgumentException("split needs 'htsgd " + grid.command() + " --" + Grid.PATH_OFFSET
                    + "', which this htsgd does not offer; remove 'split'");
        }
        for (Cell cell : cells) {
            try {
                Main.commandLine().parseArgs(line(cell.command(), cell.args(), Path.of("check")));
            } catch (CommandLine.ParameterException e) {
                throw new IllegalArgumentException("cell " + String.join(" ", cell.commandLine()) + ": "
                        + e.getMessage());
            }
        }
    }
}
