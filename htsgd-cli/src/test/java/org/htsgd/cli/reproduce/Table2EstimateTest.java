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
    private static final StepCost COST = new StepCost(Task.FMNIST_LENET, 0.01, 0.3, 1e-4, 1200, 10_000, 1);
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
            Map.of(Task.FMNIST_LENET, List.of(COST)), SCALE, 1);
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
        assertEquals(1, e.costs().get(0).threads(), "a cost written before its thread count was kept: one thread");
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
    void aLoneRunIsGivenEveryCoreAndRunsAtItsTimeOnThem() {
        // Amdahl's law through the two measured times: on all K cores a run takes exactly its time on K
        assertEquals(60, Table2Estimate.wall(List.of(100.0), List.of(60.0), 2, 1), 1e-9);
        assertEquals(0.2, Table2Estimate.serialFraction(100, 60, 2), 1e-12);
        // a run that keeps one thread (the same time on K) gains nothing
        assertEquals(100, Table2Estimate.wall(List.of(100.0), List.of(100.0), 2, 1), 1e-9);
    }

    @Test
    void onceEveryRunHasStartedTheLastRunsShareTheIdleCores() {
        // 2 cores, s = 0.2 (0.6 of the time on 2): 10 | 30 on a core each; at 10 the last run (10) starts, every
        // run has started, two run on two cores; at 20 it ends and the 30 has 10 one-core seconds left, now on
        // both cores at 1 / 0.6: 6 s more, 26 (30 without the shares)
        List<Double> seconds = List.of(10.0, 30.0, 10.0);
        List<Double> shared = List.of(6.0, 18.0, 6.0);
        assertEquals(26, Table2Estimate.wall(seconds, shared, 2, 2), 1e-9);
        assertEquals(30, Table2Estimate.wall(seconds, 2, 2), 1e-9);
        // while a run waits to start nobody gets a second core, even an idle one: 3 cores, 2 at once, three runs
        // of 10 with s = 0 (a third of the time on 3): 10 | 10 on a core each (the third core idle), then the last
        // run alone on all three, 10 / 3
        assertEquals(10 + 10.0 / 3, Table2Estimate.wall(List.of(10.0, 10.0, 10.0),
            List.of(10.0 / 3, 10.0 / 3, 10.0 / 3), 3, 2), 1e-9);
        // CoreShares.split: 3 cores and 2 runs give the first run 2 and the second 1, in start order. With s = 0:
        // the 8 ends at 4 on two cores, the 6 has run 4 on one and its last 2 run on all three: 4 + 2/3
        assertEquals(4 + 2 / 3.0, Table2Estimate.wall(List.of(8.0, 6.0), List.of(8 / 3.0, 2.0), 3, 2), 1e-9);
    }

    @Test
    void theSerialFractionIsClippedAndOneOnOneCore() {
        assertEquals(1, Table2Estimate.serialFraction(100, 120, 2), 1e-12, "slower on more cores: no gain");
        assertEquals(0, Table2Estimate.serialFraction(100, 40, 2), 1e-12, "faster than linear: linear");
        assertEquals(1, Table2Estimate.serialFraction(100, 50, 1), 1e-12);
        assertEquals(0.5, Table2Estimate.serialFraction(90, 60, 3), 1e-12); // (2/3 - 1/3) / (2/3)
        assertEquals(1.5, Table2Estimate.speedUp(0.5, 3), 1e-12);
        assertEquals(1, Table2Estimate.speedUp(1, 8), 1e-12);
    }

    @Test
    void theCostOnMoreThreadsShortensALoneRunAndIsNamedInTheLine() {
        StepCost two = new StepCost(Task.FMNIST_LENET, 0.01, 0.15, 0.6e-4, 1200, 10_000, 2);
        List<Table2Job> jobs = Table2Plan.jobs(SCALE, List.of(Task.FMNIST_LENET), 1, Path.of("runs"));
        Table2Estimate e = Table2Estimate.of(jobs, new boolean[] {true, false}, new long[2],
            Map.of(Task.FMNIST_LENET, List.of(COST, two)), SCALE, 2);
        IterationSchedule s = IterationSchedule.of(1000, 400);
        assertEquals(Table2Estimate.runSeconds(Task.FMNIST_LENET, Method.OUR1, s, 0, COST, SCALE), e.cpuSeconds(),
            1e-9, "core-seconds at one thread");
        assertEquals(Table2Estimate.runSeconds(Task.FMNIST_LENET, Method.OUR1, s, 0, two, SCALE), e.wallSeconds(),
            1e-9, "the lone run on both cores");
        assertTrue(e.line("quick").contains("fmnist-lenet SB gradient 10 ms, LB gradient 300 ms, 150 ms on 2 "
            + "threads; runs side by side"), e.line("quick"));
        // on one thread the cost on two is not used
        Table2Estimate one = Table2Estimate.of(jobs, new boolean[] {true, false}, new long[2],
            Map.of(Task.FMNIST_LENET, List.of(COST, two)), SCALE, 1);
        assertEquals(e.cpuSeconds(), one.wallSeconds(), 1e-9);
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
        Table2Estimate e = Table2Estimate.of(jobs, new boolean[] {true, false}, new long[2],
            Map.of(Task.FMNIST_LENET, List.of(COST)), SCALE, 2);
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
