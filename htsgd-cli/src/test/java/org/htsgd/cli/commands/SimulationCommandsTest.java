package org.htsgd.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.htsgd.cli.Main;
import org.htsgd.cli.io.OutputDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The simulation commands end to end: JSON written, summaries printed, bad input one line with exit 2. */
class SimulationCommandsTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out));
        try {
            int code = cl.execute(args);
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void theoryOfThePaperLandscapeMatchesThePaper() throws Exception {
        Run r = run("theory", "--landscape", "paper1d", "--b", "0.5", "--alpha", "1.2", "--out", tmp.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = OutputDir.JSON.readTree(Files.readString(tmp.resolve("theory.json")));
        int[] lStar = new int[4];
        for (int i = 0; i < 4; i++) {
            lStar[i] = j.get("minima").get(i).get("lStar").asInt();
        }
        assertEquals("[1, 2, 1, 2]", java.util.Arrays.toString(lStar));
        assertEquals("[1,3]", j.get("widestMinima").toString());
        assertTrue(j.get("irreducible").asBoolean());
        assertTrue(r.out().contains("widest minima (l* = 2): {m2,m4}"), r.out());
        assertTrue(Files.exists(tmp.resolve("theory.csv")));
    }

    @Test
    void exitTimeWritesPerEtaResultsAndAFit() throws Exception {
        Run r = run("exit-time", "--landscape", "paper1d", "--start", "-0.7", "--b", "inf", "--eta", "0.1,0.05",
                "--paths", "20", "--seed", "3", "--threads", "2", "--out", tmp.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = OutputDir.JSON.readTree(Files.readString(tmp.resolve("exit-time.json")));
        assertEquals(2, j.get("perEta").size());
        assertEquals(20, j.get("perEta").get(0).get("exitSteps").size());
        assertEquals(1.2, j.get("theory").get("predictedExponent").asDouble(), 1e-12);
        assertTrue(j.get("fit").get("slope").isNumber());
        assertEquals(1, j.get("localSlopes").size());
        // same seed, other thread count: identical exit times
        Path other = tmp.resolve("again");
        assertEquals(0, run("exit-time", "--landscape", "paper1d", "--start", "-0.7", "--b", "inf", "--eta",
                "0.1,0.05", "--paths", "20", "--seed", "3", "--threads", "1", "--out", other.toString()).code());
        JsonNode k = OutputDir.JSON.readTree(Files.readString(other.resolve("exit-time.json")));
        assertEquals(j.get("perEta"), k.get("perEta"));
    }

    @Test
    void occupancyReportsFractionsThatSumToOne() throws Exception {
        Run r = run("occupancy", "--landscape", "paper1d", "--start", "0.3", "--b", "0.5", "--eta", "0.05",
                "--steps", "20000", "--paths", "2", "--histogram-bins", "32", "--out", tmp.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = OutputDir.JSON.readTree(Files.readString(tmp.resolve("occupancy.json")));
        double sum = 0;
        for (JsonNode f : j.get("fractions")) {
            sum += f.asDouble();
        }
        assertEquals(1.0, sum, 1e-12);
        assertEquals(32, j.get("histogram").size());
        assertEquals("[2,4]", j.get("theory").get("widestMinima").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "theory --b 0 --out DIR",
        "theory --b 0.5 --alpha 0.9 --out DIR",
        "theory --landscape nope --out DIR",
        "exit-time --start 5 --eta 0.1 --out DIR",
        "exit-time --start -0.7 --eta -0.1 --out DIR",
        "exit-time --start -0.7 --eta 0.1 --noise lomax:alpha=abc --out DIR",
        "occupancy --start 0.3 --eta 0.01 --b -1 --out DIR",
        "occupancy --landscape himmelblau --start 0.3 --eta 0.01 --out DIR",
        "exit-time --start -0.7 --eta 0.1 --paths 0 --out DIR"
    })
    void badInputIsOneLineWithExitCode2(String line) {
        Run r = run(line.replace("DIR", tmp.toString()).split(" "));
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
