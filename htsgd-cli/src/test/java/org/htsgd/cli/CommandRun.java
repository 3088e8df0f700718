package org.htsgd.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;

/**
 * One {@code htsgd} command run in this JVM as the launcher runs it ({@link Main#commandLine()}), with what it printed
 * to standard output and to the command line's error writer.
 *
 * @param code the exit code
 * @param out standard output
 * @param err the error writer's text (messages of refused input, exit 2)
 */
public record CommandRun(int code, String out, String err) {
    /**
     * @param args the command and its arguments
     * @return the run's exit code and output
     */
    public static CommandRun run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = cl.execute(args);
            return new CommandRun(code, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(old);
        }
    }

    /** @param args the command and its arguments @return as {@link #run(String...)} */
    public static CommandRun run(List<String> args) {
        return run(args.toArray(String[]::new));
    }
}
