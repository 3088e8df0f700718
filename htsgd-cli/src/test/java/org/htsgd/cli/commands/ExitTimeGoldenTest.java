package org.htsgd.cli.commands;

import static org.htsgd.cli.CommandRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.htsgd.cli.CommandRun;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code htsgd exit-time} writes, byte for byte, the files that the command wrote before its eta sweep moved into
 * {@code core.simulation.ExitTimeSweep} (test resources {@code golden/}, written by that code with the same
 * arguments), and refuses a start on a field boundary, as {@code occupancy} does, with one line and exit 2.
 */
class ExitTimeGoldenTest {
    @TempDir
    Path tmp;

    private static String golden(String name) throws IOException {
        try (InputStream in = ExitTimeGoldenTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "exit-time-b0.5|--start -0.7 --b 0.5 --noise lomax:alpha=1.2,scale=0.1 --eta 0.3,0.2,0.1 --paths 50 --seed 7",
        "exit-time-censored|--start -0.7 --b 0.28 --eta 0.2,0.3,0.1 --paths 30 --seed 3 --max-steps 3000 "
            + "--fit-points 3",
        "exit-time-one-eta|--start -1.5 --b inf --eta 0.05 --paths 20 --seed 11"})
    void testJsonIsByteIdenticalToTheOldCommands(String name, String args) throws IOException {
        List<String> argv = new ArrayList<>(List.of("exit-time", "--landscape", "paper1d", "--threads", "2"));
        argv.addAll(List.of(args.split(" ")));
        argv.addAll(List.of("--out", tmp.toString()));
        CommandRun r = run(argv);
        assertEquals(0, r.code(), r.err());
        assertEquals(golden(name + ".json"), Files.readString(tmp.resolve("exit-time.json")));
        if (name.equals("exit-time-b0.5")) {
            assertEquals(golden(name + ".csv"), Files.readString(tmp.resolve("exit-time.csv")));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "exit-time|0.2|0.19999999999999996 between fields 2 and 3",
        "exit-time|-1.3|-1.3 between fields 1 and 2",
        "occupancy|0.2|0.19999999999999996 between fields 2 and 3",
        "occupancy|-1.3|-1.3 between fields 1 and 2"})
    void testStartOnAFieldBoundaryIsRefusedWithOneLine(String command, String start, String where) {
        Path out = tmp.resolve("out");
        List<String> argv = new ArrayList<>(List.of(command, "--landscape", "paper1d", "--start", start, "--eta",
            "0.1", "--paths", "2", "--out", out.toString()));
        CommandRun r = run(argv);
        assertEquals(2, r.code(), r.err());
        assertEquals(command + ": start is not inside a field (on the boundary " + where + "): " + start,
            r.err().strip());
        assertFalse(Files.exists(out), "a refused command writes nothing");
    }
}
