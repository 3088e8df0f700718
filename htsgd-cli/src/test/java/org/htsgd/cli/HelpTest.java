package org.htsgd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command's {@code --help} renders cleanly: exit 0, text on stdout, no picocli warning (an unescaped %). */
class HelpTest {
    /** @return the command paths of every command and subcommand, the top level first */
    static List<List<String>> commands() {
        List<List<String>> all = new ArrayList<>();
        collect(Main.commandLine(), new ArrayList<>(), all);
        return all;
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> all) {
        all.add(List.copyOf(path));
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            List<String> sub = new ArrayList<>(path);
            sub.add(e.getKey());
            collect(e.getValue(), sub, all);
        }
    }

    @ParameterizedTest
    @MethodSource("commands")
    void helpRendersWithoutWarnings(List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.add("--help");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintStream oldErr = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream(); // picocli's own warnings go to System.err
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        int code;
        try {
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));
            code = cl.execute(args.toArray(String[]::new));
        } finally {
            System.setErr(oldErr);
        }
        String all = out + "\n" + err + "\n" + stderr.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, all);
        assertTrue(out.toString().contains("Usage: htsgd"), all);
        assertFalse(all.contains("WARN"), all);
        assertFalse(all.contains("Could not format"), all);
    }

    @Test
    void everyCommandIsListedIncludingSweep() {
        List<String> names = commands().stream().filter(c -> c.size() == 1).map(c -> c.get(0)).toList();
        assertEquals(List.of("help", "theory", "exit-time", "occupancy", "train", "sharpness", "reproduce", "sweep"),
                names);
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("--help"));
        assertTrue(out.toString().contains("org.htsgd.spark.SweepMain"), out.toString());
    }

    @Test
    void sweepFromThisJarSaysWhereItRunsInOneLine() {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute("sweep", "grid.yaml", "--out", "somewhere", "--master", "local[2]"));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("sweep: sweeps run from the htsgd-spark jar"), err.toString());
    }
}
