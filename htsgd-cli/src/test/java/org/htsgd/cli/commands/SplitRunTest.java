package org.htsgd.cli.commands;

import static org.htsgd.cli.CommandRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.htsgd.cli.CommandRun;
import org.htsgd.cli.Main;
import org.htsgd.cli.io.OutputDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --path-offset} and {@code --merge-parts}: a simulation run in parts and merged writes byte for byte the
 * files of the run in one go (exit times; occupancy in 1-D and 2-D), and bad blocks or parts are refused in one line
 * with exit 2, leaving nothing on disk.
 */
class SplitRunTest {
    @TempDir
    Path tmp;


    private static List<String> with(List<String> base, String... more) {
        List<String> args = new ArrayList<>(base);
        args.addAll(List.of(more));
        return args;
    }

    /**
     * Runs {@code base} with {@code --paths total} in one go, then as parts of the given sizes (each on another
     * thread count) and merges them; asserts the merged files equal the single run's byte for byte.
     *
     * @return the parts' directories
     */
    private List<Path> assertSplitEqualsWhole(List<String> base, int total, int[] sizes, String... files)
            throws Exception {
        Path whole = tmp.resolve("whole");
        CommandRun one = run(with(base, "--paths", Integer.toString(total), "--threads", "2", "--out",
                whole.toString()));
        assertEquals(0, one.code(), one.err());
        List<String> dirs = new ArrayList<>();
        List<Path> parts = new ArrayList<>();
        int offset = 0;
        for (int k = 0; k < sizes.length; k++) {
            Path part = tmp.resolve("part" + k);
            CommandRun r = run(with(base, "--paths", Integer.toString(sizes[k]), "--path-offset",
                    Integer.toString(offset), "--threads", Integer.toString(1 + k % 3), "--out", part.toString()));
            assertEquals(0, r.code(), r.err());
            dirs.add(0, part.toString()); // listed in reverse path order: the merge sorts by block
            parts.add(part);
            offset += sizes[k];
        }
        Path merged = tmp.resolve("merged");
        CommandRun m = run(with(base, "--paths", Integer.toString(total), "--merge-parts", String.join(",", dirs),
                "--out", merged.toString()));
        assertEquals(0, m.code(), m.err());
        for (String f : files) {
            assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(merged.resolve(f)), f);
        }
        assertEquals(one.out().replace(whole.toString(), ""), m.out().replace(merged.toString(), ""),
                "the same summary");
        return parts;
    }

    @Test
    void exitTimeInFourPartsMergedEqualsTheSingleRunByteForByte() throws Exception {
        // b = 0.5 (l* = 2 from the first field) and a cap below the mean exit time: some paths are censored
        List<String> base = List.of("exit-time", "--landscape", "paper1d", "--start", "-0.7", "--b", "0.5",
                "--noise", "lomax:alpha=1.2,scale=0.1", "--eta", "0.2,0.1,0.05", "--max-steps", "3000",
                "--seed", "11");
        List<Path> parts = assertSplitEqualsWhole(base, 40, new int[] {10, 10, 10, 10}, "exit-time.json",
                "exit-time.csv");
        JsonNode whole = OutputDir.JSON.readTree(tmp.resolve("whole/exit-time.json").toFile());
        assertFalse(whole.has(PathParts.BLOCK));
        assertFalse(whole.get("perEta").get(0).has("exitTargets"));
        int censored = 0;
        for (JsonNode p : whole.get("perEta")) {
            censored += p.get("censored").asInt();
        }
        assertTrue(censored > 0, "no censored path: the merge of censoring flags is not exercised");
        JsonNode third = OutputDir.JSON.readTree(parts.get(2).resolve("exit-time.json").toFile());
        assertEquals(20, third.get(PathParts.BLOCK).get("firstPath").asInt());
        assertEquals(10, third.get(PathParts.BLOCK).get("paths").asInt());
        assertEquals(10, third.get("config").get("paths").asInt());
        assertEquals(10, third.get("perEta").get(1).get("exitPoints").size());
        // the part's exit steps are the whole run's paths 20..29
        for (int i = 0; i < 10; i++) {
            assertEquals(whole.get("perEta").get(1).get("exitSteps").get(20 + i),
                    third.get("perEta").get(1).get("exitSteps").get(i));
        }
    }

    @Test
    void occupancyInPartsMergedEqualsTheSingleRunByteForByte1D() throws Exception {
        List<String> base = List.of("occupancy", "--landscape", "paper1d", "--start", "0.3", "--b", "0.5",
                "--eta", "0.05", "--steps", "20000", "--histogram-bins", "16", "--trajectory-every", "1000",
                "--trajectory-length", "12", "--seed", "4");
        List<Path> parts = assertSplitEqualsWhole(base, 7, new int[] {3, 2, 2}, "occupancy.json", "occupancy.csv");
        JsonNode part = OutputDir.JSON.readTree(parts.get(1).resolve("occupancy.json").toFile());
        assertEquals(3, part.get(PathParts.BLOCK).get("firstPath").asInt());
        assertEquals(2, part.get("pathFieldSteps").size());
        JsonNode whole = OutputDir.JSON.readTree(tmp.resolve("whole/occupancy.json").toFile());
        assertFalse(whole.has("pathFieldSteps"));
        assertTrue(whole.get("transitions").toString().matches(".*[1-9].*"), "no transition: a weak test");
    }

    @Test
    void occupancyInPartsMergedEqualsTheSingleRunByteForByte2D() throws Exception {
        List<String> base = List.of("occupancy", "--landscape", "himmelblau", "--start", "2.9,1.0", "--b", "1",
                "--eta", "0.05", "--steps", "3000", "--trajectory-every", "100", "--seed", "5");
        assertSplitEqualsWhole(base, 5, new int[] {1, 4}, "occupancy.json", "occupancy.csv");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--paths 4 --path-offset -1|--path-offset is not >= 0: -1",
        "--paths 4 --path-offset 2147483645|--path-offset + --paths - 1 is not <= 2147483647",
        "--paths 4 --path-offset 0 --merge-parts PARTS|give one of them",
        "--paths 4 --merge-parts MISSING|does not exist (has that part finished?)",
        "--paths 4 --merge-parts WHOLE|is not a part",
        "--paths 4 --merge-parts P0|the parts cover the paths 0 .. 1, not 0 .. 3",
        "--paths 4 --merge-parts P0,P0,P2|overlap at path 2",
        "--paths 6 --merge-parts P0,P4|gap at path 2",
        "--paths 4 --seed 2 --merge-parts P0,P2|config.seed is 1, not 2",
    })
    void badBlocksAndPartsAreRefusedInOneLine(String row) throws Exception {
        List<String> base = List.of("exit-time", "--start", "-0.7", "--eta", "0.2", "--max-steps", "2000");
        Path p0 = tmp.resolve("p0");
        Path p2 = tmp.resolve("p2");
        Path p4 = tmp.resolve("p4");
        Path whole = tmp.resolve("whole");
        assertEquals(0, run(with(base, "--paths", "2", "--path-offset", "0", "--out", p0.toString())).code());
        assertEquals(0, run(with(base, "--paths", "2", "--path-offset", "2", "--out", p2.toString())).code());
        assertEquals(0, run(with(base, "--paths", "2", "--path-offset", "4", "--out", p4.toString())).code());
        assertEquals(0, run(with(base, "--paths", "2", "--out", whole.toString())).code());
        String[] parts = row.split("\\|");
        String args = parts[0].replace("PARTS", p0 + "," + p2).replace("MISSING", tmp.resolve("nothing").toString())
                .replace("WHOLE", whole.toString()).replace("P0", p0.toString()).replace("P2", p2.toString())
                .replace("P4", p4.toString());
        Path out = tmp.resolve("out");
        CommandRun r = run(with(with(base, args.split(" ")), "--out", out.toString()));
        assertEquals(Main.EXIT_BAD_INPUT, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("exit-time: ") && r.err().contains(parts[1]), r.err());
        assertFalse(Files.exists(out), "a refused command writes nothing");
    }
}
