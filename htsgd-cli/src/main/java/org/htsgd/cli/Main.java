package org.htsgd.cli;

import java.io.PrintWriter;
import java.util.function.Supplier;
import org.htsgd.core.simulation.DivergenceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code htsgd} command: a thin layer over the library. Every subcommand prints a readable summary, writes JSON
 * (and CSV where tabular) into {@code --out DIR}, and exits with 2 and one clear line on bad input.
 *
 * <p>Exit codes: 0 success, 2 bad input (usage errors and {@link IllegalArgumentException}s from the library's
 * validating factories), 3 divergence ({@link DivergenceException}) or a failed run that the user can act on, 1 internal error.
 */
@Command(name = "htsgd", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Heavy-tailed, truncated SGD (Wang, Oh & Rhee, ICLR 2022): simulator, theory, optimisers, "
                + "sharpness, and the paper's figures reproduced.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code for bad input. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code for a run that failed in a way the user can act on (divergence, missing data). */
    public static final int EXIT_RUN_FAILED = 3;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (try: htsgd --help)");
    }

    /**
     * Builds the full command tree.
     *
     * @return the configured command line
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        for (Supplier<Object> s : Commands.all()) {
            cl.addSubcommand(s.get());
        }
        cl.setParameterExceptionHandler(Main::onBadParameters);
        cl.setExecutionExceptionHandler(Main::onFailure);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /**
     * Runs a command line without exiting the JVM (used by tests and by sweeps).
     *
     * @param args the arguments
     * @return the exit code
     */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** @param args the arguments */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    private static int onBadParameters(CommandLine.ParameterException ex, String[] args) {
        PrintWriter err = ex.getCommandLine().getErr();
        err.println(ex.getCommandLine().getCommandName() + ": " + ex.getMessage()
                + " (see: " + ex.getCommandLine().getCommandSpec().qualifiedName(" ") + " --help)");
        err.flush();
        return EXIT_BAD_INPUT;
    }

    private static int onFailure(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        return reportFailure(cl.getCommandName(), ex, cl.getErr());
    }

    /**
     * htsgd's failure convention, shared by every entry point (the Spark sweep too): one line "NAME: message" and
     * exit {@link #EXIT_BAD_INPUT} for bad input, {@link #EXIT_RUN_FAILED} for a run that failed, otherwise an
     * internal error (exit 1; the stack trace only with HTSGD_DEBUG set).
     *
     * @param name the command name printed first
     * @param ex what went wrong
     * @param err where to print
     * @return the exit code
     */
    public static int reportFailure(String name, Exception ex, PrintWriter err) {
        int code;
        if (ex instanceof IllegalArgumentException || ex instanceof UserInputException) {
            err.println(name + ": " + ex.getMessage());
            code = EXIT_BAD_INPUT;
        } else if (ex instanceof RunFailedException || ex instanceof DivergenceException) {
            err.println(name + ": " + ex.getMessage());
            code = EXIT_RUN_FAILED;
        } else {
            err.println(name + ": internal error: " + ex);
            if (System.getenv("HTSGD_DEBUG") != null) {
                ex.printStackTrace(err);
            } else {
                err.println("(set HTSGD_DEBUG=1 for the stack trace)");
            }
            code = 1;
        }
        err.flush();
        return code;
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"htsgd " + (v == null ? "dev" : v), "Java " + System.getProperty("java.version")};
        }
    }
}
