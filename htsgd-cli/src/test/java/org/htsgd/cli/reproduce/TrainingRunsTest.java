package org.htsgd.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.train.loop.Task;
import org.htsgd.train.method.IterationSchedule;
import org.htsgd.train.method.Method;
import org.htsgd.train.method.TruncationReading;
import org.htsgd.train.model.TorchRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A killed Table 2 run continues from its last checkpoint (needs Fashion-MNIST, as the end-to-end test). */
class TrainingRunsTest {
    /** The smallest sharpness settings: the measures are not what this test is about. */
    private static final TrainingScale SCALE = new TrainingScale(List.of(Task.FMNIST_LENET), List.of(Method.OUR2),
        IterationSchedule.of(20, 5), 1, 10, 2, 1, 1, 1, 1, 1);

    @Test
    void checkpointEveryTenthOfARunAtMostAThousandIterations() {
        assertEquals(1, TrainingRuns.checkpointEvery(12));
        assertEquals(100, TrainingRuns.checkpointEvery(1_000));
        assertEquals(1_000, TrainingRuns.checkpointEvery(10_000));
        assertEquals(1_000, TrainingRuns.checkpointEvery(100_000), "App. A.3's SB+Noise: at most 1,000 lost");
    }

    @Test
    void aKilledRunResumesFromItsLastCheckpoint(@TempDir Path dir) throws Exception {
        Table2Job job = new Table2Job(Task.FMNIST_LENET, Method.OUR2, 0, 2, IterationSchedule.of(20, 5),
            dir.resolve("run"));
        Path data = Task.FMNIST_LENET.data().defaultDirectory();
        // "kill" the run after iteration 13 (index 12): checkpoints every 2 iterations, the last at 12
        RuntimeException killed = assertThrows(RuntimeException.class, () -> TrainingRuns.trainAndMeasure(job, SCALE,
            data, () -> 1, it -> {
                if (it == 12) {
                    throw new RuntimeException("killed");
                }
            }));
        assertEquals("killed", killed.getMessage());
        assertTrue(Files.isRegularFile(job.dir().resolve("checkpoint.bin")));
        assertEquals(12, org.htsgd.train.loop.Trainer.resumesAt(job.dir()), "what the estimate counts as done");
        assertEquals(0, org.htsgd.train.loop.Trainer.resumesAt(dir), "no checkpoint");
        long[] first = {-1};
        Table2Run run = TrainingRuns.trainAndMeasure(job, SCALE, data, () -> 1, it -> {
            if (first[0] < 0) {
                first[0] = it;
            }
        });
        assertEquals(12, first[0], "the second process starts at the checkpointed iteration");
        JsonNode summary = OutputDir.JSON.readTree(job.dir().resolve("summary.json").toFile());
        assertEquals(12, summary.get("resumedFrom").asLong());
        assertEquals(20, summary.get("iterations").asLong());
        assertEquals(Method.OUR2, run.method());
        // metrics.csv keeps the rows before the checkpoint once and continues: 10 and 20
        assertEquals(List.of(10L, 20L), org.htsgd.train.loop.MetricsFile.read(job.dir().resolve("metrics.csv"))
            .stream().map(r -> r.iteration()).toList());
        assertEquals(15, run.course().windowEnd());
    }

    @Test
    void progressCountsOnlyWhatThisCallTrains(@TempDir Path dir) throws Exception {
        // two runs of 20 iterations: one finished, one killed after its checkpoint at 12
        Path data = Task.FMNIST_LENET.data().defaultDirectory();
        IterationSchedule schedule = IterationSchedule.of(20, 5);
        List<Table2Job> jobs = new ArrayList<>();
        for (String name : List.of("finished", "resumed")) {
            jobs.add(new Table2Job(Task.FMNIST_LENET, Method.OUR2, 0, 2, schedule, dir.resolve(name)));
        }
        int before = TorchRuntime.threads();
        try {
            TrainingRuns.trainAndMeasure(jobs.get(0), SCALE, data, () -> 1, it -> { });
            assertThrows(RuntimeException.class, () -> TrainingRuns.trainAndMeasure(jobs.get(1), SCALE, data,
                () -> 1, it -> {
                    if (it == 12) {
                        throw new RuntimeException("killed");
                    }
                }));
        } finally {
            TorchRuntime.setThreads(before);
        }
        assertEquals(List.of(0L, 8L), jobs.stream().map(TrainingRuns::iterationsLeft).toList());
        assertEquals(20, TrainingRuns.iterationsLeft(new Table2Job(Task.FMNIST_LENET, Method.OUR2, 0, 2, schedule,
            dir.resolve("fresh"))), "a run not started has its whole schedule left");
        org.htsgd.cli.io.Progress bar = org.htsgd.cli.io.Progress.silent();
        List<Table2Run> runs = TrainingRuns.runAll(jobs, java.util.Map.of(Task.FMNIST_LENET, data), SCALE, 1, bar);
        assertEquals(8, bar.done(), "the iterations trained by this call, not the 40 of the two schedules");
        assertEquals(2, runs.size());
        assertEquals(0, TrainingRuns.iterationsLeft(jobs));
    }

    @Test
    void readOnTheGradientOnlyTheTruncatingMethodsThresholdChanges(@TempDir Path dir) throws Exception {
        TrainingScale gradient = SCALE.withBOn(TruncationReading.GRADIENT);
        Path data = Task.FMNIST_LENET.data().defaultDirectory();
        for (Method m : List.of(Method.OUR2, Method.SB)) {
            Table2Job job = new Table2Job(Task.FMNIST_LENET, m, 0, 2, IterationSchedule.of(4, 1),
                dir.resolve(m.cliName()));
            TrainingRuns.trainAndMeasure(job, gradient, data, () -> 1, it -> { });
            JsonNode h = OutputDir.JSON.readTree(job.dir().resolve("summary.json").toFile()).get("config")
                .get("hyperparameters");
            // Our 2: Table 1's b = 5 on ||g|| is 0.05 x 5 on the update; SB keeps the default row's identity (its
            // run directory is shared by both readings, so its checkpoint must resume under either)
            assertEquals(m == Method.OUR2 ? 0.25 : 5.0, h.get("b").get("b").asDouble(), m.cliName());
        }
    }

    @Test
    void aScaleWithATargetStopsEachRunAtItsFirstEvaluationOfTheNoiseFreePhaseThatReachesIt(@TempDir Path dir)
            throws Exception {
        // evaluations at 5, 10, 15, 20; the noise-free phase is [15, 20); any accuracy reaches 1e-6: stop at 15
        TrainingScale stopping = new TrainingScale(List.of(Task.FMNIST_LENET), List.of(Method.OUR2),
            IterationSchedule.of(20, 5), 1, 5, 2, 1, 1, 1, 1, 1, TruncationReading.UPDATE, 1e-6);
        Table2Job job = new Table2Job(Task.FMNIST_LENET, Method.OUR2, 0, 2, IterationSchedule.of(20, 5),
            dir.resolve("run"));
        long[] last = {-1};
        Table2Run run = TrainingRuns.trainAndMeasure(job, stopping, Task.FMNIST_LENET.data().defaultDirectory(), () -> 1,
            it -> last[0] = it);
        assertEquals(14, last[0], "the last step taken is iteration 15's");
        assertEquals(15, OutputDir.JSON.readTree(job.dir().resolve("summary.json").toFile()).get("iterations")
            .asLong());
        assertEquals(15, run.course().iterations());
        assertEquals(15, run.iterationsDone());
        assertEquals(List.of(5L, 10L, 15L), org.htsgd.train.loop.MetricsFile.read(job.dir().resolve("metrics.csv"))
            .stream().map(r -> r.iteration()).toList());
        // the scale's JSON (the child's request, the part's fingerprint) keeps the target; without one, no field
        assertEquals(stopping, OutputDir.JSON.readValue(OutputDir.JSON.writeValueAsString(stopping),
            TrainingScale.class));
        String none = OutputDir.JSON.writeValueAsString(SCALE);
        assertTrue(!none.contains("stopAtTrainAccuracy"), none);
        assertTrue(Double.isNaN(OutputDir.JSON.readValue(none, TrainingScale.class).stopAtTrainAccuracy()));
    }

    @Test
    void aChildReadsItsShareFromItsInputAndIgnoresAnythingElse() {
        java.util.concurrent.atomic.AtomicInteger share = new java.util.concurrent.atomic.AtomicInteger(1);
        TrainingRuns.listen(new java.io.StringReader(TrainingRuns.THREADS + "3\n"), share);
        assertEquals(3, share.get());
        TrainingRuns.listen(new java.io.StringReader("hello\n" + TrainingRuns.THREADS + "two\n"), share);
        assertEquals(3, share.get(), "not a share: kept");
        TrainingRuns.listen(new java.io.StringReader(TrainingRuns.THREADS + "x\n" + TrainingRuns.THREADS + " 2 \n"),
            share);
        assertEquals(2, share.get(), "read on after a bad line");
        TrainingRuns.listen(new java.io.StringReader(TrainingRuns.THREADS + "0\n"), share);
        assertEquals(1, share.get(), "at least one thread");
    }

    @Test
    void aRunGivenMoreThreadsAsOthersEndIsTheSameRun(@TempDir Path dir) throws Exception {
        // Our 2 on LeNet (SB 100, LB 1,200: four chunks): one thread throughout, and one thread for the first 8
        // iterations, two from there and three for the measures, as CoreShares would give them
        Path data = Task.FMNIST_LENET.data().defaultDirectory();
        int before = TorchRuntime.threads();
        Table2Run[] runs = new Table2Run[2];
        byte[][] weights = new byte[2][];
        List<Integer> threadsSeen = new ArrayList<>();
        try {
            for (int k = 0; k < 2; k++) {
                Table2Job job = new Table2Job(Task.FMNIST_LENET, Method.OUR2, 0, 2, IterationSchedule.of(20, 5),
                    dir.resolve("run" + k));
                int[] share = {1};
                boolean changing = k == 1;
                runs[k] = TrainingRuns.trainAndMeasure(job, SCALE, data, () -> share[0], it -> {
                    if (changing) {
                        threadsSeen.add(TorchRuntime.threads());
                        share[0] = it < 7 ? 1 : it < 19 ? 2 : 3;
                    }
                });
                weights[k] = Files.readAllBytes(job.dir().resolve("weights.bin"));
            }
        } finally {
            TorchRuntime.setThreads(before);
        }
        assertEquals(List.of(1, 1, 1, 1, 1, 1, 1, 1, 2, 2), threadsSeen.subList(0, 10),
            "premise: the share is taken before the step after it changed");
        assertEquals(2, threadsSeen.get(19));
        assertArrayEquals(weights[0], weights[1], "the same final weights, bit for bit");
        Table2Run.Training a = runs[0].training();
        Table2Run.Training b = runs[1].training();
        assertEquals(List.of(a.testAccuracy(), a.trainAccuracy(), a.testLoss(), a.trainLoss(), a.truncationRate()),
            List.of(b.testAccuracy(), b.trainAccuracy(), b.testLoss(), b.trainLoss(), b.truncationRate()));
        Table2Run.Measures m = runs[0].sharpness();
        Table2Run.Measures n = runs[1].sharpness();
        assertEquals(List.of(m.expected(), m.expectedSe(), m.pacBayes(), m.maximal(), m.hessianTop(),
            m.hessianTrace()), List.of(n.expected(), n.expectedSe(), n.pacBayes(), n.maximal(), n.hessianTop(),
            n.hessianTrace()), "measured on three threads after training on one and two");
        assertEquals(runs[0].course(), runs[1].course());
    }

    @Test
    void aLoneRunOnTwoCoresIsGivenBothAndTrainsTheSameRun(@TempDir Path dir) throws Exception {
        Path data = Task.FMNIST_LENET.data().defaultDirectory();
        IterationSchedule schedule = IterationSchedule.of(20, 5);
        Table2Job alone = new Table2Job(Task.FMNIST_LENET, Method.OUR2, 0, 2, schedule, dir.resolve("alone"));
        Table2Job inProcess = new Table2Job(Task.FMNIST_LENET, Method.OUR2, 0, 2, schedule, dir.resolve("one"));
        int before = TorchRuntime.threads();
        Table2Run one;
        try {
            one = TrainingRuns.trainAndMeasure(inProcess, SCALE, data, () -> 1, it -> { });
        } finally {
            TorchRuntime.setThreads(before);
        }
        Table2Run run = TrainingRuns.runAll(List.of(alone), java.util.Map.of(Task.FMNIST_LENET, data), SCALE, 2,
            org.htsgd.cli.io.Progress.start("table2", schedule.iterations(), "it")).get(0);
        String log = Files.readString(alone.dir().resolve("child.log"));
        // told at its start, it reads the share before its first step (or, told later, between two steps)
        assertTrue(log.contains("htsgd: 2 intra-op thread(s) from "), log);
        assertArrayEquals(Files.readAllBytes(inProcess.dir().resolve("weights.bin")),
            Files.readAllBytes(alone.dir().resolve("weights.bin")), "the same run as on one thread");
        assertEquals(one.sharpness().expected(), run.sharpness().expected());
        assertEquals(one.training().testAccuracy(), run.training().testAccuracy());
    }

    @Test
    void theStepCostIsMeasuredOnOneThreadAndOnAsManyAsALoneRunIsGiven(@TempDir Path dir) throws Exception {
        Path data = Task.FMNIST_LENET.data().defaultDirectory();
        List<StepCost> costs = TrainingRuns.stepCost(Task.FMNIST_LENET, data, 1, dir, 2);
        assertEquals(List.of(1, 2), costs.stream().map(StepCost::threads).toList());
        for (StepCost c : costs) {
            assertTrue(c.lbSeconds() > c.sbSeconds(), "1,200 images cost more than 100: " + c);
        }
        assertEquals(1, TrainingRuns.stepCost(Task.FMNIST_LENET, data, 1, dir, 1).size());
        assertEquals(3, TrainingRuns.mostThreads(Task.FMNIST_LENET, 3));
        assertEquals(3, TrainingRuns.mostThreads(Task.CIFAR10_VGG11, 3));
        assertEquals(1, TrainingRuns.mostThreads(Task.CIFAR100_VGG16, 3), "VGG16's numbers depend on the threads");
    }
}
