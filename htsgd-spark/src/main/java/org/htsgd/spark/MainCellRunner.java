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
import org.htsgd.cli.Main;
import picocli.CommandLine;

/**
 * The default {@link CellRunner}: runs {@code htsgd COMMAND ARGS --out DIR} in-process through
 * {@link Main#commandLine()} (exactly what {@link Main#run(String...)} does), with everything the command prints
 * (picocli's messages, {@code System.out}/{@code System.err} of the cell's threads: summary, progress bar) captured in
 * {@code DIR/}{@value CellRunner#LOG} instead of the executor's terminal, where several cells would interleave.
 *
 * <p>Cells that use the tensor engine ({@code train}, {@code sharpness}) run one at a time per executor JVM: PyTorch's
 * CPU runtime (thread pool, thread count) is process-global, each such run already uses the intra-op threads it is
 * given, and two concurrent trainings in one process were seen to fail now and then. Simulation cells run
 * concurrently. Across executors (a cluster) nothing is serialised.
 */
public final class MainCellRunner implements CellRunner {
    private static final long serialVersionUID = 1L;
    /** Serialises the engine-using cells of this JVM. */
    private static final Object ENGINE = new Object();
    /** {@inheritDoc} */
    @Override
    public int run(String command, List<String> args, Path outDir) {
        CellConsole.install();
        try (PrintStream logStream = new PrintStream(Files.newOutputStream(outDir.resolve(LOG)), true,
                StandardCharsets.UTF_8);
             PrintWriter log = new PrintWriter(logStream, true)) {
            CellConsole.routeTo(logStream);
            CommandLine cl = Main.commandLine();
            cl.setOut(log);
            cl.setErr(log);
            String[] line = line(command, args, outDir);
            if (command.equals("train") || command.equals("sharpness")) {
                synchronized (ENGINE) {
                    return cl.execute(line);
                }
            }
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
     * <p>Checks that htsgd has the command, that every setting is one of its options (and {@code --path-offset} and
     * {@code --merge-parts} when the grid is split), and that picocli can parse every cell's arguments (types, ranges
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
