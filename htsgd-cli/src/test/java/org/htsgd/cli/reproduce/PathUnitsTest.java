package org.htsgd.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.htsgd.cli.io.OutputDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The units of the simulation parts (Figure 1 right: (curve, eta, block of paths); Figure 1 left: (scenario, block of
 * paths)): the block rule, that the units tile every point's paths, that running them apart in any order gives the
 * numbers of the part run at once, that a finished block is not recomputed, and that an unknown unit is refused.
 */
class PathUnitsTest {
    private static final Pattern NAME = Pattern.compile("blocks/(.+)-paths(\\d+)-(\\d+)");

    @TempDir
    Path out;

    static Stream<Part> parts() {
        return Stream.of(new ExitTimePart(), new OccupancyPart());
    }

    @Test
    void blocksFollowTheRule() {
        // W = 4*1 + 4*1 + 4*100 = 408: the cheap points stay whole, the costly one is cut into blocks of
        // floor(408 / 800) -> 1 path (a single path is more than W/8)
        List<PathUnits.Block> b = PathUnits.plan(List.of("a", "b", "c"), new int[] {4, 4, 4}, new long[] {1, 1, 100});
        assertEquals(List.of("blocks/a-paths0-3", "blocks/b-paths0-3", "blocks/c-paths0-0", "blocks/c-paths1-1",
            "blocks/c-paths2-2", "blocks/c-paths3-3"), b.stream().map(PathUnits.Block::name).toList());
        // four equal points of 10 paths (as Figure 1 left's scenarios): W / 8 is 5 paths
        List<PathUnits.Block> even = PathUnits.plan(List.of("w", "x", "y", "z"), new int[] {10, 10, 10, 10},
            new long[] {7, 7, 7, 7});
        assertEquals(List.of(0, 5, 0, 5, 0, 5, 0, 5), even.stream().map(PathUnits.Block::firstPath).toList());
        // W = 2000: 100 paths of 10 in blocks of floor(2000 / 80) = 25, the single path of 1000 alone
        List<PathUnits.Block> tail = PathUnits.plan(List.of("p", "q"), new int[] {100, 1}, new long[] {10, 1000});
        assertEquals(List.of(25, 25, 25, 25, 1), tail.stream().map(PathUnits.Block::paths).toList());
        for (List<PathUnits.Block> plan : List.of(b, even, tail)) {
            long total = plan.stream().mapToLong(PathUnits.Block::cost).sum();
            for (PathUnits.Block x : plan) {
                assertTrue(x.paths() == 1 || x.cost() * PathUnits.SHARE <= total, x + " is more than 1/8 of " + total);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("parts")
    void theLargerProfilesAreCutIntoAFewDozenUnitsOfAtMostAnEighth(Part part) throws Exception {
        for (Profile profile : List.of(Profile.quick(), Profile.paper())) {
            PartContext ctx = new PartContext(profile, part.id(), OutputDir.of(out), null, 1, 1);
            List<PathUnits.Block> blocks = ((PathBlockPart) part).split(ctx).blocks();
            long total = blocks.stream().mapToLong(PathUnits.Block::cost).sum();
            int points = (int) blocks.stream().map(u -> u.name().replaceAll("-paths.*", "")).distinct().count();
            assertTrue(blocks.size() > points && blocks.size() <= points + 2 * PathUnits.SHARE,
                profile.name() + ": " + blocks.size() + " units of " + points + " points");
            for (PathUnits.Block u : blocks) {
                assertTrue(u.cost() * PathUnits.SHARE <= total || u.paths() == 1,
                    profile.name() + ": " + u + " is more than 1/8 of " + total);
            }
            List<Unit> units = part.units(ctx);
            assertEquals(blocks.stream().map(PathUnits.Block::name).toList(), units.stream().map(Unit::name).toList());
            for (int i = 0; i < blocks.size(); i++) {
                long millis = PathUnits.millis(blocks.get(i), ((PathBlockPart) part).millisPerWork());
                assertEquals(millis, units.get(i).cost(), "a unit's cost is its block's time");
            }
        }
    }

    /**
     * Unit costs are milliseconds on one core in every part, so a cluster starts the quick profile's large-batch
     * training runs (LB, Our 1, Our 2: 430-490 s each, measured) before Figure 1's blocks of paths (at most an eighth
     * of fig1-right's 351 s of CPU): the longest units first.
     */
    @ParameterizedTest
    @MethodSource("parts")
    void trainingRunsCostMoreThanAnyBlockOfPaths(Part part) throws Exception {
        Profile quick = Profile.quick();
        PartContext ctx = new PartContext(quick, part.id(), OutputDir.of(out), null, 1, 1);
        long longestBlock = part.units(ctx).stream().mapToLong(Unit::cost).max().orElseThrow();
        assertTrue(longestBlock < 60_000, "a quick block of " + part.id() + ": " + longestBlock + " ms");
        List<Table2Job> runs = Table2Plan.jobs(quick.training(), quick.training().tasks(), 1, out);
        assertEquals(5, runs.size());
        assertEquals(3, runs.stream().filter(Table2Job::largeBatch).count());
        for (Table2Job run : runs) {
            if (run.largeBatch()) {
                assertTrue(run.estimatedMillis() > 5 * longestBlock,
                    run.label() + ": " + run.estimatedMillis() + " ms");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("parts")
    void unitsCoverEveryPathOnceCostliestFirst(Part part) {
        Reproduction.Settings settings = settings(part);
        List<Units.Pending> pending = Units.prepare(Parts.all(), settings);
        Map<String, Integer> expected = points(part);
        Map<String, boolean[]> covered = new LinkedHashMap<>();
        long previous = Long.MAX_VALUE;
        for (Units.Pending p : pending) {
            assertEquals(part.id(), p.part());
            assertTrue(p.cost() <= previous, "costliest first: " + pending);
            previous = p.cost();
            Matcher m = NAME.matcher(p.id().substring(part.id().length() + 1));
            assertTrue(m.matches(), p.id());
            boolean[] paths = covered.computeIfAbsent(m.group(1), k -> new boolean[expected.getOrDefault(k, 0)]);
            for (int i = Integer.parseInt(m.group(2)); i <= Integer.parseInt(m.group(3)); i++) {
                assertTrue(i < paths.length && !paths[i], "path " + i + " of " + m.group(1) + " twice or unknown");
                paths[i] = true;
            }
        }
        assertEquals(expected.keySet(), covered.keySet());
        covered.forEach((k, v) -> {
            for (boolean c : v) {
                assertTrue(c, k + ": every path covered");
            }
        });
        assertTrue(pending.size() > expected.size(), "the tiny profile cuts some point: " + pending);
        assertTrue(pending.size() <= expected.size() + 2 * PathUnits.SHARE, "not cut into many tiny units");
    }

    @ParameterizedTest
    @MethodSource("parts")
    void unitsRunApartInAnyOrderGiveTheNumbersOfOneRun(Part part) throws Exception {
        PartContext whole = context(part, out.resolve("whole"));
        part.run(whole);
        PartContext split = context(part, out.resolve("split"));
        List<Unit> units = new ArrayList<>(part.units(split));
        assertTrue(units.stream().noneMatch(Unit::done));
        Collections.reverse(units);
        for (Unit u : units) {
            part.runUnit(split, u.name());
        }
        assertTrue(part.units(split).stream().allMatch(Unit::done));
        part.run(split);
        assertSameOutputs(whole.dir().path(), split.dir().path());
    }

    @ParameterizedTest
    @MethodSource("parts")
    void aFinishedBlockIsNotRecomputed(Part part) throws Exception {
        PartContext ctx = context(part, out);
        part.run(ctx);
        Map<String, FileTime> before = blockTimes(ctx);
        Map<String, byte[]> contents = new TreeMap<>();
        for (String f : before.keySet()) {
            contents.put(f, Files.readAllBytes(ctx.dir().resolve(f)));
        }
        String gone = before.keySet().iterator().next();
        Files.delete(ctx.dir().resolve(gone));
        Thread.sleep(20);
        part.run(ctx);
        Map<String, FileTime> after = blockTimes(ctx);
        assertEquals(before.keySet(), after.keySet(), "the deleted block is written again");
        for (String f : before.keySet()) {
            if (f.equals(gone)) {
                assertNotEquals(before.get(f), after.get(f), f + " recomputed");
                assertEquals(withoutSeconds(OutputDir.JSON.readTree(contents.get(f))),
                    withoutSeconds(OutputDir.JSON.readTree(ctx.dir().resolve(f).toFile())));
            } else {
                assertEquals(before.get(f), after.get(f), f + " not recomputed");
                assertArrayEquals(contents.get(f), Files.readAllBytes(ctx.dir().resolve(f)), f);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("parts")
    void anUnknownUnitIsRefused(Part part) {
        PartContext ctx = context(part, out);
        assertThrows(IllegalArgumentException.class, () -> part.runUnit(ctx, "blocks/nope-paths0-0"));
        assertThrows(IllegalArgumentException.class, () -> part.runUnit(ctx, "runs/fmnist-lenet/sb/rep0"));
    }

    /** @return per point name, its number of paths in the tiny profile */
    private static Map<String, Integer> points(Part part) {
        Profile p = Profile.tiny();
        Map<String, Integer> points = new LinkedHashMap<>();
        if (part instanceof ExitTimePart) {
            for (int c = 0; c < p.exitTimes().curves().size(); c++) {
                Profile.ExitCurve curve = p.exitTimes().curves().get(c);
                for (int k = 0; k < curve.etas().length; k++) {
                    points.put("c" + c + "-eta" + k, curve.paths());
                }
            }
        } else {
            for (String s : List.of("heavy-clipped", "heavy-unclipped", "light-clipped", "light-unclipped")) {
                points.put(s, p.occupancy().paths());
            }
        }
        return points;
    }

    private Reproduction.Settings settings(Part part) {
        return new Reproduction.Settings(Profile.tiny(), out, null, 1, Set.of(part.id()), "htsgd test");
    }

    private static PartContext context(Part part, Path dir) {
        return new PartContext(Profile.tiny(), part.id(), OutputDir.of(dir), null, 1,
            Profile.tiny().seedFor(part.id()));
    }

    private static Map<String, FileTime> blockTimes(PartContext ctx) throws Exception {
        Map<String, FileTime> times = new TreeMap<>();
        try (Stream<Path> s = Files.list(ctx.dir().resolve(PathUnits.DIR))) {
            for (Path f : s.toList()) {
                times.put(PathUnits.DIR + "/" + f.getFileName(), Files.getLastModifiedTime(f));
            }
        }
        return times;
    }

    /** The JSON files equal but for their timings, every other file (CSV) byte for byte. */
    private static void assertSameOutputs(Path expected, Path actual) throws Exception {
        List<String> files;
        try (Stream<Path> s = Files.list(expected)) {
            files = s.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertTrue(files.size() >= 3, "outputs: " + files);
        for (String f : files) {
            if (f.endsWith(".json")) {
                assertEquals(withoutSeconds(OutputDir.JSON.readTree(expected.resolve(f).toFile())),
                    withoutSeconds(OutputDir.JSON.readTree(actual.resolve(f).toFile())), f);
            } else {
                assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f);
            }
        }
    }

    private static JsonNode withoutSeconds(JsonNode n) {
        if (n instanceof ObjectNode o) {
            o.remove("seconds");
            for (Iterator<JsonNode> it = o.elements(); it.hasNext();) {
                withoutSeconds(it.next());
            }
        } else if (n.isArray()) {
            n.forEach(PathUnitsTest::withoutSeconds);
        }
        return n;
    }
}
