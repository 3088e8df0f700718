package org.htsgd.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.train.data.DataSpec;
import org.htsgd.train.loop.Task;
import org.htsgd.train.method.IterationSchedule;
import org.htsgd.train.method.Method;
import org.htsgd.train.method.TruncationReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Table2ReportTest {
    @Test
    void aMethodLeftOutByMethodsIsNotCalledOutsideTheProfile(@TempDir Path dir) {
        Profile paper = Profile.of("paper");
        Profile lbSb = paper.withTraining(paper.training().withMethods(List.of(Method.LB, Method.SB)));
        PartContext ctx = new PartContext(lbSb, "table2", OutputDir.of(dir), null, 1, 1);
        assertTrue(Table2Report.leftOutByMethods(ctx, Method.SB_NOISE)); // the paper profile trains it
        assertTrue(Table2Report.leftOutByMethods(ctx, Method.OUR1));
        assertFalse(Table2Report.leftOutByMethods(ctx, Method.SB));
        Profile quick = Profile.of("quick");
        PartContext q = new PartContext(quick, "table2", OutputDir.of(dir), null, 1, 1);
        assertFalse(Table2Report.leftOutByMethods(q, Method.SB_NOISE)); // the quick profile never trains it
    }

    @Test
    void theScheduleSaysWhereRunsMayStop() {
        List<Table2Run> runs = List.of(Table2ClaimTest.run(Method.SB, 0, 0.7, 0.01),
            Table2ClaimTest.run(Method.OUR2, 0, 0.7, 0.01));
        assertEquals("1,000 iterations (noise off in the last 500)", Table2Report.schedules(runs, Double.NaN));
        assertEquals("1,000 iterations at most (noise off in the last 500; each run stops at its first evaluation "
            + "from iteration 500 on with at least 99% training accuracy) (where each run ended: the premises table "
            + "below)", Table2Report.schedules(runs, 0.99));
        assertEquals("", Table2Report.stopCaveat(Task.FMNIST_LENET, Double.NaN));
        assertEquals("Fashion-MNIST, LeNet: what this schedule can and cannot show. Each run stops as soon as it fits "
            + "the training set (99%), so its sharpness is measured at a minimum, as the paper's is; but the paper's "
            + "runs go on for thousands of iterations at 100% training accuracy (Table 1: 10,000 in all) after a "
            + "longer noise phase, so the values here describe the minima at the stop, not the paper's endpoint; the "
            + "runs also end at different iterations (the premises table).",
            Table2Report.stopCaveat(Task.FMNIST_LENET, 0.99));
    }

    @Test
    void settingsAreReadFromTheCatalogue() {
        TruncationReading u = TruncationReading.UPDATE;
        assertEquals("Settings of Fashion-MNIST, LeNet: Table 1 (lr 0.05, batch 100, LB batch 1,200, b = 5 on the "
            + "update ‖η g‖ (eq. 1), Z = 0.5 W with W Lomax(1.4)); every method of a replication shares its seed "
            + "(initial weights, corrupted labels). SB+Noise uses App. A.3's lr 0.005 and L-infinity weight clip 1 "
            + "on App. A.3's schedule (100,000 iterations, noise off in the last 50,000).",
            Table2Report.settings(Task.FMNIST_LENET, IterationSchedule.of(100_000, 50_000), u));
        assertTrue(Table2Report.settings(Task.FMNIST_LENET, IterationSchedule.of(1_000, 500), u)
            .endsWith("on this profile's schedule (the paper ran it for 100,000 iterations, which this profile does "
                + "not)."));
        assertTrue(Table2Report.settings(Task.FMNIST_LENET, null, u)
            .endsWith("(not run here; the paper ran it for 100,000 iterations, noise off in the last 50,000)."));
        assertTrue(Table2Report.settings(Task.SVHN_VGG11, null, u).contains("LB batch 1,024, b = 20 on the update"));
        assertTrue(Table2Report.settings(Task.SVHN_VGG11, null, u).contains("ran it for 150,000 iterations"));
        assertTrue(Table2Report.settings(Task.FMNIST_LENET, null, TruncationReading.GRADIENT).contains("b = 5 on the "
            + "gradient ‖g‖ (--b-on gradient: SB+Clip, Our 1, Our 2 truncate the update at η b = 0.25), Z = "));
        assertTrue(Table2Report.settings(Task.SVHN_VGG11, null, TruncationReading.GRADIENT).contains("at η b = 1),"));
    }

    @Test
    void csvHasOneRowPerRunWithNamedNumbers(@TempDir Path dir) throws Exception {
        Table2Job job = new Table2Job(Task.FMNIST_LENET, Method.OUR2, 1, 1002, IterationSchedule.of(12, 4), dir);
        Table2Run ok = Table2Run.finished(job, new Table2Run.Training(0.5, 0.75, 1.5, 0.5, 0.25, 3),
            new Table2Run.Measures(0.01, 0.002, 0.3, 0.4, 5, 60, 7), new Table2Course(600, 8, 8, 2, 0.75, 0));
        Table2Run bad = Table2Run.diverged(job, "training diverged at iteration 3: loss is NaN");
        Table2Report.writeCsv(OutputDir.of(dir), List.of(ok, bad));
        List<String> lines = Files.readAllLines(dir.resolve("runs.csv"));
        assertEquals(String.join(",", Table2Report.CSV_HEADER), lines.get(0));
        assertEquals("fmnist-lenet,our2,1,1002,12,0.5,0.75,0.01,0.002,0.3,0.4,5.0,60.0,0.25,3.0,7.0,", lines.get(1));
        assertTrue(lines.get(2).startsWith("fmnist-lenet,our2,1,1002,12,NaN,NaN,"), lines.get(2));
        // a run round-trips through result.json by name
        String json = OutputDir.JSON.writeValueAsString(ok);
        assertEquals(ok, OutputDir.JSON.readValue(json, Table2Run.class));
        assertTrue(json.contains("\"testAccuracy\" : 0.5"), json);
    }

    @Test
    void aDamagedCopyInDataDirIsRefusedNotReplaced(@TempDir Path d) throws IOException {
        Files.createDirectories(d.resolve("fashion-mnist"));
        Files.write(d.resolve("fashion-mnist/train-images-idx3-ubyte.gz"), new byte[] {1, 2, 3});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Table2Data.locate(Task.FMNIST_LENET, d, 1));
        // refused, naming the user's copy (not replaced by the system's)
        assertTrue(e.getMessage().contains(d.resolve("fashion-mnist").toString()), e.getMessage());
    }

    @Test
    void aDataDirWithoutTheDatasetFallsBackToTheDefaultDirectory(@TempDir Path d) {
        Table2Data.Location l = Table2Data.locate(Task.CIFAR10_VGG11, d, 1);
        // no CIFAR-10 here, and none in its default directory on a test machine: not run, saying where it looked
        assertTrue(!l.found() || l.dir().equals(DataSpec.CIFAR10.defaultDirectory()), String.valueOf(l));
        if (!l.found()) {
            assertTrue(l.problem().contains(DataSpec.CIFAR10.defaultDirectory().toString()), l.problem());
        }
    }
}
