package org.htsgd.train.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import org.htsgd.train.data.ImageDataset;
import org.htsgd.train.method.StepRecord;
import org.htsgd.train.method.UpdateRule;
import org.htsgd.train.model.Architecture;
import org.htsgd.train.model.Initialization;
import org.htsgd.train.model.Network;
import org.htsgd.train.model.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    static final ImageDataset TRAIN = TestData.synthetic(300, 1, 28, 28, 10, 11);
    static final ImageDataset TEST = TestData.synthetic(200, 1, 28, 28, 10, 12);
    /**
     * A small one-convolution net on 28x28 inputs (conv5x5 1->4, maxpool2, ReLU, FC 576->10). The loop's
     * bit-reproducibility tests use it instead of LeNet because libtorch 2.7.1's backward through a second
     * convolution was not run-to-run reproducible on an earlier machine under oneDNN's AVX2 kernels (see
     * EngineConvBackwardDiagnosticTest); the thread-count test below runs LeNet, under the self-checked setting.
     */
    static final Architecture SMALL = new Architecture("small", 1, 28, 28, 10, () -> new SequentialBlock()
            .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(4).build())
            .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
            .add(Activation::relu)
            .add(Blocks.batchFlattenBlock())
            .add(Linear.builder().setUnits(10).build()), Initialization.TRUNCATED_NORMAL);

    static TrainConfig config(Path out, long iterations) {
        TrainConfig c = TrainConfig.defaults(Task.FMNIST_LENET, org.htsgd.train.method.Method.SB, out, out)
                .withIterations(iterations);
        return c.withHyperparameters(c.hyperparameters().withNoiseOffLast(0).withBatch(20)).withEvalEvery(5)
                .withCheckpointEvery(5).withSeed(42);
    }

    static double[] finalWeights(Path out, ImageDataset train) throws IOException {
        try (Network net = Network.create(SMALL, train, 0)) {
            net.load(out.resolve(Trainer.WEIGHTS));
            double[] w = new double[net.dimension()];
            net.weights(w);
            return w;
        }
    }

    /** metrics.csv without the wall-time column. */
    static List<String> metricsWithoutTime(Path out) throws IOException {
        return Files.readAllLines(out.resolve(Trainer.METRICS)).stream()
                .map(l -> l.substring(0, l.lastIndexOf(','))).collect(Collectors.toList());
    }

    static TrainResult run(TrainConfig cfg, ImageDataset train, ImageDataset test, UpdateRule rule,
                           TrainListener listener) throws IOException {
        return Trainer.run(cfg, SMALL, train, test, rule, listener);
    }

    @Test
    void sameSeedGivesBitIdenticalWeightsAndTrainingLearns(@TempDir Path dir) throws IOException {
        TrainResult a = TrainerTest.run(config(dir.resolve("a"), 20), TRAIN, TEST, new SgdStep(0.05, 20, 0.9),
                TrainListener.NONE);
        TrainResult b = TrainerTest.run(config(dir.resolve("b"), 20), TRAIN, TEST, new SgdStep(0.05, 20, 0.9),
                TrainListener.NONE);
        TrainResult c = TrainerTest.run(config(dir.resolve("c"), 20).withSeed(43), TRAIN, TEST,
                new SgdStep(0.05, 20, 0.9), TrainListener.NONE);
        assertArrayEquals(finalWeights(dir.resolve("a"), TRAIN), finalWeights(dir.resolve("b"), TRAIN));
        assertFalse(java.util.Arrays.equals(finalWeights(dir.resolve("a"), TRAIN),
                finalWeights(dir.resolve("c"), TRAIN)));
        assertEquals(a.testAccuracy(), b.testAccuracy());
        assertEquals(metricsWithoutTime(dir.resolve("a")), metricsWithoutTime(dir.resolve("b")));
        // header + rows at 5, 10, 15, 20
        assertEquals(5, metricsWithoutTime(dir.resolve("a")).size());
        // the synthetic classes are separable: 20 momentum steps take the training loss well below log(10)=2.30
        assertTrue(a.trainLoss() < 2.0, "train loss " + a.trainLoss());
        assertTrue(a.trainAccuracy() > 0.3, "train accuracy " + a.trainAccuracy());
        assertEquals(20, a.iterations());
        assertTrue(Files.size(dir.resolve("a").resolve(Trainer.SUMMARY)) > 0);
        String json = Files.readString(dir.resolve("a").resolve(Trainer.SUMMARY));
        assertTrue(json.contains("\"seed\" : 42"), json);
        assertTrue(c.iterationsPerSecond() > 0);
    }

    @Test
    void aSeededLeNetRunWritesTheSameWeightsAndMetricsOnAnyThreadCount(@TempDir Path dir) throws IOException {
        // Our 2 on LeNet: every step takes an SB gradient of 100 examples (two chunks of ChunkedGradient) and an LB
        // gradient of 700 (three chunks), and the evaluations run on the intra-op threads
        ImageDataset train = TestData.synthetic(700, 1, 28, 28, 10, 13);
        int threadsBefore = org.htsgd.train.model.TorchRuntime.threads();
        List<byte[]> weights = new ArrayList<>();
        List<List<String>> metrics = new ArrayList<>();
        try {
            for (int threads : new int[] {1, 2, 3}) {
                Path out = dir.resolve("t" + threads);
                TrainConfig c = TrainConfig.defaults(Task.FMNIST_LENET, org.htsgd.train.method.Method.OUR2, out, out)
                        .withIterations(6).withEvalEvery(3).withCheckpointEvery(3).withSeed(42).withThreads(threads);
                c = c.withHyperparameters(c.hyperparameters().withNoiseOffLast(2).withBatch(100).withLbBatch(700));
                Trainer.run(c, org.htsgd.train.model.Models.lenet(), train, TEST,
                        org.htsgd.train.method.UpdateRules.create(c.method(), c.hyperparameters()), TrainListener.NONE);
                weights.add(Files.readAllBytes(out.resolve(Trainer.WEIGHTS)));
                metrics.add(metricsWithoutTime(out));
            }
        } finally {
            org.htsgd.train.model.TorchRuntime.setThreads(threadsBefore);
        }
        assertArrayEquals(weights.get(0), weights.get(1), "1 and 2 threads");
        assertArrayEquals(weights.get(0), weights.get(2), "1 and 3 threads");
        assertEquals(metrics.get(0), metrics.get(1));
        assertEquals(metrics.get(0), metrics.get(2));
        assertEquals(3, metrics.get(0).size(), "header + rows at 3 and 6");
    }

    @Test
    void metricsAverageTheStepRecordsOfTheirWindow(@TempDir Path dir) throws IOException {
        List<StepRecord> steps = new ArrayList<>();
        TrainerTest.run(config(dir, 10), TRAIN, TEST, new SgdStep(0.05, 20, 0.9), new TrainListener() {
            @Override
            public void onStep(long iteration, StepRecord step) {
                steps.add(step);
            }
        });
        List<String> lines = Files.readAllLines(dir.resolve(Trainer.METRICS));
        assertEquals(MetricsRow.HEADER, lines.get(0));
        for (int row = 0; row < 2; row++) {
            String[] cells = lines.get(1 + row).split(",");
            double loss = 0;
            double norm = 0;
            for (StepRecord r : steps.subList(5 * row, 5 * row + 5)) {
                loss += r.loss();
                norm += r.rawStepNorm();
            }
            assertEquals(String.valueOf(5 * row + 5), cells[0]);
            assertEquals(String.valueOf(loss / 5), cells[5], "batch_loss");
            assertEquals(String.valueOf(norm / 5), cells[6], "gradient_norm is the mean of eta * ||g||");
            assertEquals("0.0", cells[8], "mean_abs_z: no noise counts as Z = 0");
            assertEquals("0.0", cells[9], "max_abs_z");
        }
    }

    @Test
    void killedAndResumedRunEndsWithTheSameWeights(@TempDir Path dir) throws IOException {
        Path once = dir.resolve("once");
        Path twice = dir.resolve("twice");
        TrainerTest.run(config(once, 20), TRAIN, TEST, new SgdStep(0.05, 20, 0.9), TrainListener.NONE);
        // "kill" the second run right after its checkpoint at iteration 10 (and after 2 more steps of lost work)
        TrainListener killer = new TrainListener() {
            @Override
            public void onStep(long iteration, StepRecord step) {
                if (iteration == 11) {
                    throw new IllegalStateException("killed");
                }
            }
        };
        TrainConfig cfg = config(twice, 20).withCheckpointEvery(10);
        assertThrows(IllegalStateException.class,
                () -> TrainerTest.run(cfg, TRAIN, TEST, new SgdStep(0.05, 20, 0.9), killer));
        assertFalse(Files.exists(twice.resolve(Trainer.WEIGHTS)));
        // a fresh rule object: its momentum must come from the checkpoint
        TrainResult r = TrainerTest.run(cfg.withResume(true), TRAIN, TEST, new SgdStep(0.05, 20, 0.9),
                TrainListener.NONE);
        assertEquals(10, r.resumedFrom());
        assertArrayEquals(finalWeights(once, TRAIN), finalWeights(twice, TRAIN));
        assertEquals(metricsWithoutTime(once), metricsWithoutTime(twice));
        // a checkpoint of another configuration is refused: bad input (one line), and nothing in the directory changes
        Map<String, byte[]> before = files(twice);
        boolean[] started = {false};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainerTest.run(cfg.withResume(true)
                        .withHyperparameters(cfg.hyperparameters().withLr(0.01)), TRAIN, TEST, new SgdStep(0.01, 20, 0.9),
                        new TrainListener() {
                            @Override
                            public void onStart(TrainConfig config, long resumedFrom) {
                                started[0] = true;
                            }
                        }));
        assertTrue(e.getMessage().startsWith(twice.resolve(Trainer.CHECKPOINT) + ": checkpoint belongs to another run"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertFalse(started[0], "a refused run does not start");
        assertFilesEqual(before, files(twice));
    }

    /** @return every regular file under dir (relative name to content) */
    static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    static void assertFilesEqual(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), name);
        }
    }

    @Test
    void resumingFromACheckpointBetweenTwoMetricsRowsWritesTheSameMetrics(@TempDir Path dir) throws IOException {
        Path once = dir.resolve("once");
        Path twice = dir.resolve("twice");
        // rows every 5 iterations, checkpoints every 3: the checkpoint at 9 holds a window of 4 steps (5..8)
        TrainConfig cfg = config(once, 15).withCheckpointEvery(3);
        TrainerTest.run(cfg, TRAIN, TEST, new SgdStep(0.05, 20, 0.9), TrainListener.NONE);
        TrainListener killer = new TrainListener() {
            @Override
            public void onStep(long iteration, StepRecord step) {
                if (iteration == 10) { // after the row at 10, before the checkpoint at 12
                    throw new IllegalStateException("killed");
                }
            }
        };
        TrainConfig second = cfg.withOutDir(twice);
        assertThrows(IllegalStateException.class,
                () -> TrainerTest.run(second, TRAIN, TEST, new SgdStep(0.05, 20, 0.9), killer));
        long[] resumedFrom = {-1};
        TrainResult r = TrainerTest.run(second.withResume(true), TRAIN, TEST, new SgdStep(0.05, 20, 0.9),
                new TrainListener() {
                    @Override
                    public void onStart(TrainConfig config, long from) {
                        resumedFrom[0] = from;
                    }
                });
        assertEquals(9, r.resumedFrom());
        assertEquals(9, resumedFrom[0]);
        assertArrayEquals(finalWeights(once, TRAIN), finalWeights(twice, TRAIN));
        // batch_loss, gradient_norm, truncation_rate, mean_abs_z, max_abs_z of the row at 10 include steps 5..8
        assertEquals(metricsWithoutTime(once), metricsWithoutTime(twice));
    }

    @Test
    void divergenceStopsWithOneLineMessageAndKeepsTheLastGoodCheckpoint(@TempDir Path dir) throws IOException {
        // lr 1e6 with a normal start: the first steps are finite, then the logits overflow. Checkpoint every step.
        TrainConfig c = config(dir, 200);
        TrainConfig cfg = c.withHyperparameters(c.hyperparameters().withLr(1e6)).withCheckpointEvery(1)
                .withEvalEvery(0);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> TrainerTest.run(cfg, TRAIN, TEST, new SgdStep(1e6, 20, 0), TrainListener.NONE));
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(e.getMessage().startsWith("training diverged at iteration " + e.iteration() + ": loss is "),
                e.getMessage());
        Path ckpt = dir.resolve(Trainer.CHECKPOINT);
        if (e.iteration() > 0) {
            assertTrue(e.getMessage().contains("last good checkpoint: " + ckpt), e.getMessage());
            assertTrue(Files.exists(ckpt));
            // the kept checkpoint resumes (finite weights) and diverges again at the same iteration
            TrainingDivergedException again = assertThrows(TrainingDivergedException.class,
                    () -> TrainerTest.run(cfg.withResume(true), TRAIN, TEST, new SgdStep(1e6, 20, 0),
                            TrainListener.NONE));
            assertEquals(e.iteration(), again.iteration());
        }
    }

    /** @param rows {@link #metricsWithoutTime} @return their train_accuracy column, header skipped */
    static double[] trainAccuracies(List<String> rows) {
        return rows.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[2])).toArray();
    }

    @Test
    void stopsAtTheFirstEvaluationOfTheNoiseFreePhaseThatReachesTheTargetAndStaysStoppedWhenResumed(
            @TempDir Path dir) throws IOException {
        // 60 iterations, the last 30 noise-free, rows every 5: the full run, then the same run with a target that
        // the row at 5 already reaches (before the noise-free phase: no stop there)
        TrainConfig c = config(dir.resolve("full"), 60);
        TrainConfig full = c.withHyperparameters(c.hyperparameters().withNoiseOffLast(30));
        TrainerTest.run(full, TRAIN, TEST, new SgdStep(0.05, 20, 0.9), TrainListener.NONE);
        List<String> all = metricsWithoutTime(dir.resolve("full"));
        double[] accuracy = trainAccuracies(all);
        double target = accuracy[0];
        int stopRow = 5; // row k is iteration 5 (k + 1); the noise-free phase starts at 30 = row 5
        while (stopRow < accuracy.length && accuracy[stopRow] < target) {
            stopRow++;
        }
        long expected = 5L * (stopRow + 1);
        assertTrue(expected < 60, "premise: the target is reached before the end (" + target + ")");

        Path out = dir.resolve("stopped");
        TrainConfig stopping = full.withOutDir(out).withStopAtTrainAccuracy(target);
        TrainResult r = TrainerTest.run(stopping, TRAIN, TEST, new SgdStep(0.05, 20, 0.9), TrainListener.NONE);
        assertEquals(expected, r.iterations());
        assertEquals(all.subList(0, stopRow + 2), metricsWithoutTime(out), "the full run's rows up to the stop");
        assertEquals(accuracy[stopRow], r.trainAccuracy());
        assertEquals(expected, Trainer.resumesAt(out), "the final checkpoint is at the stop");

        // resumed with the same target: stopped already, no step taken, the files as they were
        long[] steps = {0};
        TrainResult again = TrainerTest.run(stopping.withResume(true), TRAIN, TEST, new SgdStep(0.05, 20, 0.9),
                new TrainListener() {
                    @Override
                    public void onStep(long iteration, StepRecord step) {
                        steps[0]++;
                    }
                });
        assertEquals(0, steps[0]);
        assertEquals(expected, again.iterations());
        assertEquals(expected, again.resumedFrom());
        assertEquals(all.subList(0, stopRow + 2), metricsWithoutTime(out));

        // resumed without it: continues to T, ending where the run without a target ended
        TrainResult rest = TrainerTest.run(stopping.withStopAtTrainAccuracy(Double.NaN).withResume(true), TRAIN,
                TEST, new SgdStep(0.05, 20, 0.9), TrainListener.NONE);
        assertEquals(60, rest.iterations());
        assertEquals(all, metricsWithoutTime(out));
        assertArrayEquals(finalWeights(dir.resolve("full"), TRAIN), finalWeights(out, TRAIN));
    }

    @Test
    void aTargetNeverReachedRunsAllIterations(@TempDir Path dir) throws IOException {
        TrainConfig c = config(dir, 20);
        TrainResult r = TrainerTest.run(c.withHyperparameters(c.hyperparameters().withNoiseOffLast(20))
                .withStopAtTrainAccuracy(1.0), TRAIN, TEST, new SgdStep(0.05, 20, 0.9), TrainListener.NONE);
        assertTrue(r.trainAccuracy() < 1.0, "premise: 20 steps do not fit the training set");
        assertEquals(20, r.iterations());
    }
}
