package org.htsgd.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.htsgd.train.loop.Task;
import org.htsgd.train.method.IterationSchedule;
import org.htsgd.train.method.Method;
import org.junit.jupiter.api.Test;

class Table2EstimateTest {
    /** SB gradient 10 ms, LB gradient 300 ms, forward 0.1 ms per example, 1,200 train and 10,000 test examples. */
    private static final StepCost COST = new StepCost(Task.FMNIST_LENET, 0.01, 0.3, 1e-4, 1200, 10_000);
    /** One evaluation every 100 iterations, and sharpness counts that make the sums below simple. */
    private static final TrainingScale SCALE = new TrainingScale(List.of(Task.FMNIST_LENET),
        List.of(Method.SB, Method.OUR1), IterationSchedule.of(1000, 400), 1, 100, 10, 1, 3, 1, 1, 1);

    @Test
    void runSecondsCountGradientsEvaluationsAndSharpness() {
        IterationSchedule s = IterationSchedule.of(1000, 400);
        // evaluations: 10 x 1e-4 x 11,200 = 11.2 s; sharpness: forwards 10 + (3 + 7) x 1 = 20 passes of 0.12 s
        // = 2.4 s, gradients (3 + 7) x 1 + 2 x (1 + 1) = 14 full gradients of 0.3 s = 4.2 s: 17.8 s besides training
        double other = 11.2 + 2.4 + 4.2;
        assertEquals(1000 * 0.01 + other, Table2Estimate.runSeconds(Task.FMNIST_LENET, Method.SB, s, 0, COST, SCALE),
            1e-9);
        assertEquals(1000 * 0.3 + other, Table2Estimate.runSeconds(Task.FMNIST_LENET, Method.LB, s, 0, COST, SCALE),
            1e-9);
        // Our 2: 600 noise iterations of SB + LB, then 400 LB; Our 1 one more SB gradient per noise iteration
        assertEquals(600 * 0.31 + 400 * 0.3 + other,
            Table2Estimate.runSeconds(Task.FMNIST_LENET, Method.OUR2, s, 0, COST, SCALE), 1e-9);
        assertEquals(600 * 0.32 + 400 * 0.3 + other,
            Table2Estimate.runSeconds(Task.FMNIST_LENET, Method.OUR1, s, 0, COST, SCALE), 1e-9);
    }

    @Test
    void aResumedRunCostsOnlyWhatIsLeft() {
        IterationSchedule s = IterationSchedule.of(1000, 400);
        double measures = 2.4 + 4.2; // as above
        double eval = 1e-4 * 11_200; // one evaluation
        // Our 2 from its checkpoint at 300: 300 noise iterations and the 400 LB ones, evaluations at 400, ..., 1,000
        assertEquals(300 * 0.31 + 400 * 0.3 + 7 * eval + measures,
            Table2Estimate.runSeconds(Task.FMNIST_LENET, Method.OUR2, s, 300, COST, SCALE), 1e-9);
        // from 650, inside the noise-off phase: 350 LB iterations, evaluations at 700, ..., 1,000
        assertEquals(350 * 0.3 + 4 * eval + measures,
            Table2Estimate.runSeconds(Task.FMNIST_LENET, Method.OUR2, s, 650, COST, SCALE), 1e-9);
        // a finished checkpoint: one evaluation of its weights, and the measures
        assertEquals(eval + measures, Table2Estimate.runSeconds(Task.FMNIST_LENET, Method.SB, s, 1000, COST, SCALE),
            1e-9);
        List<Table2Job> jobs = Table2Plan.jobs(SCALE, List.of(Task.FMNIST_LENET), 1, Path.of("runs"));
        Table2Estimate e = Table2Estimate.of(jobs, new boolean[] {false, false}, new long[] {0, 650},
            Map.of(Task.FMNIST_LENET, COST), SCALE, 1);
        assertEquals(1, e.resumed());
        assertEquals(Table2Estimate.runSeconds(Task.FMNIST_LENET, Method.SB, s, 0, COST, SCALE)
            + Table2Estimate.runSeconds(Task.FMNIST_LENET, Method.OUR1, s, 650, COST, SCALE), e.cpuSeconds(), 1e-9);
        assertTrue(e.line("paper").startsWith("Table 2, paper profile: 2 runs (2 to train, 1 of them from a "
            + "checkpoint), estimated "), e.line("paper"));
    }

    @Test
    void anEstimateWrittenBeforeResumedRunsWereCountedIsReadWithNone() throws Exception {
        // estimate.json of the recorded paper row (written before the "resumed" field existed)
        String old = "{\"runs\" : 15, \"toTrain\" : 3, \"cpuSeconds\" : 9662.4, \"wallSeconds\" : 6441.6, "
            + "\"threads\" : 2, \"costs\" : [ {\"task\" : \"FMNIST_LENET\", \"sbSeconds\" : 0.025, "
            + "\"lbSeconds\" : 0.28, \"forwardSeconds\" : 7.7E-5, \"trainSize\" : 1200, \"testSize\" : 10000} ]}";
        Table2Estimate e = org.htsgd.cli.io.OutputDir.JSON.readValue(old, Table2Estimate.class);
        assertEquals(0, e.resumed());
        assertTrue(e.line("paper").startsWith("Table 2, paper profile: 15 runs (3 to train), estimated 1.8 h"),
            e.line("paper"));
    }

    @Test
    void wallTimeWithOneRunPerCoreGivesEachRunToTheFirstFreeCore() {
        // 2 cores, 2 at once: 10 | 8, then 3 goes to the core free at 8 (ends 11), 4 to the one free at 10 (ends 14)
        assertEquals(14, Table2Estimate.wall(List.of(10.0, 8.0, 3.0, 4.0), 2, 2), 1e-12);
        assertEquals(25, Table2Estimate.wall(List.of(10.0, 8.0, 3.0, 4.0), 1, 1), 1e-12);
        assertEquals(0, Table2Estimate.wall(List.of(), 2, 4), 1e-12);
    }

    @Test
    void wallTimeWithMoreRunsThanCoresSharesTheCores() {
        // the quick profile's shape: three runs of 10 and two of 1 on 2 cores. One run per core: 10 | 10, then
        // 10 alone on the core free at 10 while the other takes 1 + 1: 20
        List<Double> quick = List.of(10.0, 10.0, 10.0, 1.0, 1.0);
        assertEquals(20, Table2Estimate.wall(quick, 2, 2), 1e-12);
        // 4 at once: {10, 10, 10, 1} at half a core each until the 1 ends at 2; the second 1 starts: {9, 9, 9, 1}
        // at half until it ends at 4; {8, 8, 8} at 2/3 for 12 more: 16 = (3 x 10 + 2 x 1) / 2, both cores busy
        // throughout. 5 at once: {10, 10, 10, 1, 1} at 0.4 until 2.5, {9, 9, 9} at 2/3 for 13.5: 16 too
        assertEquals(16, Table2Estimate.wall(quick, 2, 4), 1e-12);
        assertEquals(16, Table2Estimate.wall(quick, 2, 5), 1e-12);
        // never faster than the longest run
        assertEquals(10, Table2Estimate.wall(List.of(10.0, 1.0), 4, 8), 1e-12);
        assertEquals(32, Table2Estimate.wall(quick, 1, 1), 1e-12);
    }

    @Test
    void runsAtOncePerThreadButOneOnOneThread() {
        assertEquals(4, TrainingRuns.runsAtOnce(2, 5));
        assertEquals(2, TrainingRuns.runsAtOnce(2, 2));
        assertEquals(1, TrainingRuns.runsAtOnce(1, 5));
        assertEquals(8, TrainingRuns.runsAtOnce(4, 30));
        assertEquals(1, TrainingRuns.runsAtOnce(2, 0));
    }

    @Test
    void finishedRunsAreNotEstimatedAndTheLineSaysWhatWasMeasured() {
        List<Table2Job> jobs = Table2Plan.jobs(SCALE, List.of(Task.FMNIST_LENET), 1, Path.of("runs"));
        Table2Estimate e = Table2Estimate.of(jobs, new boolean[] {true, false}, new long[2], Map.of(Task.FMNIST_LENET, COST),
            SCALE, 2);
        assertEquals(2, e.runs());
        assertEquals(1, e.toTrain());
        double our1 = Table2Estimate.runSeconds(Task.FMNIST_LENET, Method.OUR1, IterationSchedule.of(1000, 400), 0, COST,
            SCALE);
        assertEquals(our1, e.cpuSeconds(), 1e-9);
        assertEquals(our1, e.wallSeconds(), 1e-9);
        assertEquals("Table 2, quick profile: 2 runs (1 to train), estimated " + Table2Estimate.duration(our1)
            + " on 2 threads (measured on one thread: fmnist-lenet SB gradient 10 ms, LB gradient 300 ms; runs side "
            + "by side are slower)", e.line("quick"));
        assertEquals("Table 2, paper profile: 1 run (1 to train), estimated 60 s on 2 threads",
            new Table2Estimate(1, 1, 0, 60, 60, 2, List.of(), false).line("paper"));
        assertTrue(Table2Estimate.duration(41 * 3600).equals("41.0 h"));
        assertEquals("12 min", Table2Estimate.duration(720));
        assertEquals("40 s", Table2Estimate.duration(40));
    }
}
