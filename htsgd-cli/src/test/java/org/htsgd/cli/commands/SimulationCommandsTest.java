package org.htsgd.cli.commands;

import static org.htsgd.cli.CommandRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.htsgd.cli.CommandRun;
import org.htsgd.cli.io.OutputDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The simulation commands end to end: JSON written, summaries printed, bad input one line with exit 2. */
class SimulationCommandsTest {
    @TempDir
    Path tmp;


    @Test
    void theoryOfThePaperLandscapeMatchesThePaper() throws Exception {
        CommandRun r = run("theory", "--landscape", "paper1d", "--b", "0.5", "--alpha", "1.2", "--out", tmp.toString());
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
        CommandRun r = run("exit-time", "--landscape", "paper1d", "--start", "-0.7", "--b", "inf", "--eta", "0.1,0.05",
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
        CommandRun r = run("occupancy", "--landscape", "paper1d", "--start", "0.3", "--b", "0.5", "--eta", "0.05",
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

    private static java.util.List<String> keys(JsonNode node) {
        java.util.List<String> keys = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void jsonKeysKeepTheirNamesAndOrderForSweepColumns() throws Exception {
        Path one = tmp.resolve("one");
        assertEquals(0, run("exit-time", "--start", "-0.7", "--eta", "0.1", "--paths", "4", "--out", one.toString())
                .code());
        JsonNode e = OutputDir.JSON.readTree(one.resolve("exit-time.json").toFile());
        assertEquals(java.util.List.of("config", "theory", "perEta", "command"), keys(e)); // no fit with one eta
        assertEquals(java.util.List.of("landscape", "noise", "b", "start", "eta", "paths", "maxSteps", "seed",
                "fitPoints"), keys(e.get("config")));
        assertEquals(java.util.List.of("field", "fieldLower", "fieldUpper", "width", "lStar", "predictedExponent",
                "q"), keys(e.get("theory")));
        assertEquals(java.util.List.of("eta", "mean", "median", "censored", "paths", "predictedMean", "ksStatistic",
                "ksPValue", "exitSteps"), keys(e.get("perEta").get(0)));
        Path two = tmp.resolve("two");
        assertEquals(0, run("exit-time", "--start", "-0.7", "--eta", "0.2,0.1", "--paths", "4", "--out",
                two.toString()).code());
        JsonNode f = OutputDir.JSON.readTree(two.resolve("exit-time.json").toFile());
        assertEquals(java.util.List.of("config", "theory", "perEta", "fit", "localSlopes", "command"), keys(f));
        assertEquals(java.util.List.of("slope", "ciLow", "ciHigh", "intercept", "etas", "coversPrediction"),
                keys(f.get("fit")));
        assertEquals(java.util.List.of("etaFrom", "etaTo", "slope", "ciLow", "ciHigh"),
                keys(f.get("localSlopes").get(0)));

        Path occ = tmp.resolve("occ");
        assertEquals(0, run("occupancy", "--start", "0.3", "--eta", "0.05", "--steps", "2000", "--paths", "2",
                "--out", occ.toString()).code());
        JsonNode o = OutputDir.JSON.readTree(occ.resolve("occupancy.json").toFile());
        assertEquals(java.util.List.of("command", "config", "theory", "fields", "fractions", "fieldSteps",
                "transitions", "trajectoryEvery", "trajectories"), keys(o)); // (empty) trajectories: as before
        assertEquals(java.util.List.of("widestMinima", "lStar", "irreducible", "fractionOutsideWidest", "classes"),
                keys(o.get("theory")));
        assertEquals(java.util.List.of("members", "absorbing", "large", "stationary"),
                keys(o.get("theory").get("classes").get(0)));
        Path occ2 = tmp.resolve("occ2");
        assertEquals(0, run("occupancy", "--landscape", "himmelblau", "--start", "2.9,1.0", "--eta", "0.05",
                "--steps", "200", "--paths", "1", "--trajectory-every", "10", "--out", occ2.toString()).code());
        JsonNode o2 = OutputDir.JSON.readTree(occ2.resolve("occupancy.json").toFile());
        assertEquals(java.util.List.of("command", "config", "minimisers", "fields", "fractions", "fieldSteps",
                "transitions", "trajectoryEvery", "trajectories"), keys(o2));
        assertEquals(java.util.List.of("landscape", "noise", "b", "start", "eta", "steps", "paths", "seed",
                "visitRadius"), keys(o2.get("config")));
    }

    @Test
    void repeatedEtasAreRefusedBeforeAnySimulation() {
        Path out = tmp.resolve("never");
        // 10^9 paths per eta would take hours (or run out of memory): the refusal must come first
        for (String[] etas : new String[][] {{"--eta", "0.1,0.05,0.1"}, {"--eta", "0.1", "--eta", "0.1"}}) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("exit-time", "--start", "-0.7",
                    "--paths", "1000000000", "--out", out.toString()));
            args.addAll(java.util.List.of(etas));
            CommandRun r = run(args.toArray(String[]::new));
            assertEquals(2, r.code(), r.err());
            assertEquals("exit-time: eta repeats 0.1: give each learning rate once", r.err().strip());
        }
        assertFalse(Files.exists(out));
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
        CommandRun r = run(line.replace("DIR", tmp.toString()).split(" "));
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
