package org.htsgd.cli.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.htsgd.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The shared options parse, validate and document themselves the same way in every command that has them: one
 * declaration each ({@code --out}, {@code --seed}, {@code --threads}, {@code --b}, {@code --landscape},
 * {@code --noise}).
 */
class OptionConventionsTest {
    /** Each command with the arguments it needs besides the shared options. */
    private static final Map<String, List<String>> MINIMAL = new TreeMap<>(Map.of(
            "theory", List.of(),
            "exit-time", List.of("--start", "0.3", "--eta", "0.1"),
            "occupancy", List.of("--start", "0.3", "--eta", "0.1"),
            "train", List.of("--method", "sb"),
            "sharpness", List.of("--run", "somewhere"),
            "reproduce", List.of()));

    /** Which commands have which shared option. */
    private static final Map<String, List<String>> HAVING = Map.of(
            "--out", List.of("exit-time", "occupancy", "reproduce", "sharpness", "theory", "train"),
            "--seed", List.of("exit-time", "occupancy", "reproduce", "sharpness", "train"),
            "--threads", List.of("exit-time", "occupancy", "reproduce", "train"),
            "--b", List.of("exit-time", "occupancy", "theory", "train"),
            "--landscape", List.of("exit-time", "occupancy", "theory"),
            "--noise", List.of("exit-time", "occupancy", "theory"));

    @TempDir
    Path tmp;

    private static CommandSpec spec(String command) {
        return Main.commandLine().getSubcommands().get(command).getCommandSpec();
    }

    /** @return {@code command}, the arguments it needs, then {@code extra} */
    private static String[] line(String command, String... extra) {
        List<String> args = new ArrayList<>();
        args.add(command);
        args.addAll(MINIMAL.get(command));
        args.addAll(Arrays.asList(extra));
        return args.toArray(String[]::new);
    }

    /** @return the subcommand after parsing {@link #line}, with an {@code --out} if none is given (nothing runs) */
    private static CommandLine parse(String command, String... extra) {
        List<String> args = new ArrayList<>(Arrays.asList(line(command, extra)));
        if (!args.contains("--out") && !command.equals("reproduce")) {
            args.addAll(List.of("--out", "parsed-only"));
        }
        return Main.commandLine().parseArgs(args.toArray(String[]::new)).subcommand().commandSpec().commandLine();
    }

    /** @return the mixin of that type anywhere in the command's (nested) mixins */
    private static <T> T mixin(CommandSpec spec, Class<T> type) {
        for (CommandSpec m : spec.mixins().values()) {
            if (type.isInstance(m.userObject())) {
                return type.cast(m.userObject());
            }
            T inner = mixin(m, type);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    private record Run(int code, String err) {
    }

    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        return new Run(cl.execute(args), err.toString());
    }

    @Test
    void eachSharedOptionIsOneDeclarationWhereverItAppears() {
        for (Map.Entry<String, List<String>> e : HAVING.entrySet()) {
            OptionSpec first = null;
            for (String command : MINIMAL.keySet()) {
                OptionSpec o = spec(command).findOption(e.getKey());
                assertEquals(e.getValue().contains(command), o != null, command + " " + e.getKey());
                if (o == null) {
                    continue;
                }
                if (first == null) {
                    first = o;
                }
                assertEquals(Arrays.asList(first.description()), Arrays.asList(o.description()), command);
                assertEquals(first.defaultValue(), o.defaultValue(), command);
                assertEquals(first.paramLabel(), o.paramLabel(), command);
                assertEquals(first.type(), o.type(), command);
                assertEquals(Arrays.asList(first.converters()).stream().map(Object::getClass).toList(),
                        Arrays.asList(o.converters()).stream().map(Object::getClass).toList(), command);
            }
        }
    }

    @Test
    void bInfMeansNoTruncationInEveryCommand() {
        for (String command : HAVING.get("--b")) {
            for (String inf : List.of("inf", "Infinity", "none")) {
                CommandLine cl = parse(command, "--b", inf);
                assertEquals(Double.POSITIVE_INFINITY, cl.getCommandSpec().findOption("--b").<Double>getValue(),
                        command);
                assertEquals(Double.POSITIVE_INFINITY,
                        mixin(cl.getCommandSpec(), TruncationOption.class).orElse(1), command);
            }
            assertEquals(0.25, mixin(parse(command, "--b", "0.25").getCommandSpec(), TruncationOption.class)
                    .orElse(1), command);
            assertEquals(7.0, mixin(parse(command).getCommandSpec(), TruncationOption.class).orElse(7), command);
        }
    }

    @Test
    void thresholdsAreWrittenBackAsTheyAreRead() {
        TruncationOption.Threshold read = new TruncationOption.Threshold();
        for (double b : new double[] {Double.POSITIVE_INFINITY, 0.5, 2.15, 1e-3}) {
            assertEquals(b, read.convert(TruncationOption.format(b)));
        }
        assertEquals("inf", TruncationOption.format(Double.POSITIVE_INFINITY));
        assertEquals("0.5", TruncationOption.format(0.5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "-inf", "nan", "abc", ""})
    void badThresholdIsOneLineExit2InEveryCommand(String b) {
        for (String command : HAVING.get("--b")) {
            Run r = run(line(command, "--b", b, "--out", tmp.resolve("never").toString()));
            assertEquals(2, r.code(), command + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("--b"), r.err());
        }
        assertFalse(Files.exists(tmp.resolve("never")));
    }

    @Test
    void threadsZeroIsAllCoresAndTheDefaultInEveryCommand() {
        int cores = Runtime.getRuntime().availableProcessors();
        for (String command : HAVING.get("--threads")) {
            assertEquals(cores, mixin(parse(command).getCommandSpec(), ThreadsOption.class).count(), command);
            assertEquals(cores, mixin(parse(command, "--threads", "0").getCommandSpec(), ThreadsOption.class)
                    .count(), command);
            assertEquals(3, mixin(parse(command, "--threads", "3").getCommandSpec(), ThreadsOption.class).count(),
                    command);
            Run r = run(line(command, "--threads", "-1", "--out", tmp.resolve("never").toString()));
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("--threads") && r.err().contains(">= 0"), r.err());
        }
        assertFalse(Files.exists(tmp.resolve("never")));
    }

    @Test
    void seedIsOneByDefaultAndReadTheSameEverywhere() {
        for (String command : HAVING.get("--seed")) {
            assertEquals(1L, mixin(parse(command).getCommandSpec(), SeedOption.class).value(), command);
            assertEquals(42L, mixin(parse(command, "--seed", "42").getCommandSpec(), SeedOption.class).value(),
                    command);
        }
    }

    @Test
    void emptyOutOrAFileIsRefusedAndNothingIsWritten() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "mine");
        for (String command : HAVING.get("--out")) {
            for (String out : List.of("", " ", file.toString())) {
                Run r = run(line(command, "--out", out));
                assertEquals(2, r.code(), command + " --out '" + out + "': " + r.err());
                assertEquals(1, r.err().strip().lines().count(), r.err());
                assertTrue(r.err().contains("--out"), r.err());
                assertTrue(out.isBlank() ? r.err().contains("empty") : r.err().contains("is a file"), r.err());
            }
        }
        assertEquals("mine", Files.readString(file));
        try (var s = Files.list(tmp)) {
            assertEquals(List.of(file), s.toList());
        }
    }

    @Test
    void outIsRequiredExceptByReproduceWhichDefaultsToReproduceOut() {
        for (String command : HAVING.get("--out")) {
            OptionSpec o = parse(command, command.equals("reproduce") ? new String[0]
                    : new String[] {"--out", "x"}).getCommandSpec().findOption("--out");
            assertNotNull(o);
            if (command.equals("reproduce")) {
                assertEquals(Path.of("reproduce-out"), o.getValue());
            } else {
                Run r = run(line(command));
                assertEquals(2, r.code(), r.err());
                assertTrue(r.err().contains("Missing required option: '--out=DIR'"), r.err());
            }
        }
    }

    @Test
    void dataPointingAtAFileSaysSo() throws Exception {
        Path file = Files.writeString(tmp.resolve("train-images-idx3-ubyte.gz"), "not a directory");
        for (String command : List.of("train", "sharpness", "reproduce")) {
            Run r = run(line(command, "--data", file.toString(), "--out", tmp.resolve("never").toString()));
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(file + " is a file, not a directory"), r.err());
        }
        assertFalse(Files.exists(tmp.resolve("never")));
    }
}
