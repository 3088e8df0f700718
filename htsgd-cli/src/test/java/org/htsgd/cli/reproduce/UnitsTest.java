package org.htsgd.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.htsgd.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The units of work of {@code reproduce}: what {@code --master} would run (Table 2's training runs, Figure 1's blocks
 * of paths, every other part whole), a whole part run as a unit is skipped by the local pass, and the refusals of
 * {@code --unit} and of {@code --master} without the Spark jar.
 */
class UnitsTest {
    @TempDir
    Path out;

    private static Reproduction.Settings settings(Path out, String... parts) {
        return new Reproduction.Settings(Profile.tiny(), out, null, 1, parts.length == 0 ? null : java.util.Set.of(parts),
            "htsgd reproduce --profile tiny");
    }

    @Test
    void table2AndFigure1AreSplitIntoUnitsAndTheOtherPartsRunWhole() {
        List<Units.Pending> pending = Units.prepare(Parts.all(), settings(out));
        List<String> ids = pending.stream().map(Units.Pending::id).toList();
        // the tiny profile trains SB and Our 2 once: Our 2's large-batch steps make it the costlier, so it starts first
        String our2 = "table2/runs/fmnist-lenet/our2/rep0";
        String sb = "table2/runs/fmnist-lenet/sb/rep0";
        assertTrue(ids.indexOf(our2) >= 0 && ids.indexOf(our2) < ids.indexOf(sb), ids.toString());
        // Figure 1's blocks of paths (PathUnitsTest), then the parts without units, whole, in report order
        assertEquals(List.of("fig2", "fig3", "theory-vs-sim"), ids.subList(ids.size() - 3, ids.size()));
        for (String id : ids.subList(0, ids.size() - 3)) {
            assertTrue(id.equals(our2) || id.equals(sb) || id.startsWith("fig1-right/blocks/")
                || id.startsWith("fig1-left/blocks/"), id);
        }
        // the directories of the parts with units are prepared (fingerprint written), nothing else is written
        assertEquals(Reproduction.resumeFingerprint(new Table2Part(), settings(out)),
            Reproduction.readFingerprint(out.resolve("table2")));
        assertEquals(Reproduction.resumeFingerprint(new ExitTimePart(), settings(out)),
            Reproduction.readFingerprint(out.resolve("fig1-right")));
        assertFalse(Files.exists(out.resolve("fig2")));
    }

    @Test
    void aWholePartRunAsAUnitIsSkippedByTheLocalPass() throws Exception {
        assertEquals(0, run("reproduce", "--profile", "tiny", "--out", out.toString(), "--unit", "fig2").code);
        assertTrue(Files.isRegularFile(out.resolve("fig2").resolve(Reproduction.DONE)));
        assertFalse(Files.exists(out.resolve(Reproduction.INDEX)), "a unit writes no report");
        List<Units.Pending> pending = Units.prepare(Parts.all(), settings(out, "fig2", "fig3"));
        assertEquals(List.of("fig3"), pending.stream().map(Units.Pending::id).toList());
        StringWriter log = new StringWriter();
        Reproduction.Outcome o = Reproduction.runOne(new TransitionGraphPart(), settings(out), new PrintWriter(log));
        assertEquals(Reproduction.Status.SKIPPED, o.status());
    }

    @Test
    void badUnitsAndAMasterWithoutSparkAreRefused() {
        Result noPart = run("reproduce", "--profile", "tiny", "--out", out.toString(), "--unit", "fig9");
        assertEquals(Main.EXIT_BAD_INPUT, noPart.code);
        assertTrue(noPart.err.contains("--unit: no part 'fig9'"), noPart.err);
        Result unprepared = run("reproduce", "--profile", "tiny", "--out", out.toString(), "--unit",
            "table2/runs/fmnist-lenet/sb/rep0");
        assertEquals(Main.EXIT_BAD_INPUT, unprepared.code);
        assertTrue(unprepared.err.contains("is not prepared for these settings"), unprepared.err);
        Result master = run("reproduce", "--profile", "tiny", "--out", out.resolve("m").toString(), "--master",
            "local[2]");
        assertEquals(Main.EXIT_BAD_INPUT, master.code);
        assertTrue(master.err.contains("htsgd-spark jar"), master.err);
        assertFalse(Files.exists(out.resolve("m")), "a refused command writes nothing");
    }

    private record Result(int code, String err) {
    }

    private static Result run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        return new Result(cl.execute(args), err.toString());
    }
}
