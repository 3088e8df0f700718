package org.htsgd.cli.reproduce;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.htsgd.train.data.TaskData;
import org.htsgd.train.loop.StepOutcome;
import org.htsgd.train.loop.Task;
import org.htsgd.train.loop.TrainConfig;
import org.htsgd.train.loop.TrainListener;
import org.htsgd.train.loop.TrainResult;
import org.htsgd.train.loop.Trainer;
import org.htsgd.train.method.Method;
import org.htsgd.train.model.Network;
import org.htsgd.train.sharpness.Sharpness;
import org.htsgd.train.sharpness.SharpnessResult;

/** One Table 2 run: train with the library's loop, then measure the final weights' sharpness. */
final class TrainingRuns {
    private TrainingRuns() {
    }

    /**
     * @param task task id, e.g. {@code fmnist-lenet}
     * @param method the method
     * @param replication replication index
     * @param seed training seed (weights, batches, Z, and the label corruption of Fashion-MNIST)
     * @param iterations T
     * @param noiseOffLast K
     * @param s the profile's training scale (evaluation period and sharpness settings)
     * @param dataDir {@code --data}, or {@code null} for the task's default directory
     * @param dir the run's directory (checkpoint, metrics, weights, summary, sharpness)
     * @param threads PyTorch threads
     * @param iterationDone called with each finished iteration index
     * @param message status text for the progress bar
     * @return the run's numbers
     * @throws IOException if an output cannot be written
     */
    static Table2Part.Run trainAndMeasure(String task, Method method, int replication, long seed, long iterations,
                                          long noiseOffLast, Profile.TrainingScale s, Path dataDir, Path dir,
                                          int threads, LongConsumer iterationDone, Consumer<String> message)
        throws IOException {
        Task t = Task.parse(task);
        Path data = dataDir != null ? dataDir : t.data().defaultDirectory();
        TrainConfig config = TrainConfig.defaults(t, method, data, dir).withIterations(iterations)
            .withNoiseOffLast(noiseOffLast).withSeed(seed).withThreads(threads).withEvalEvery(s.evalEvery())
            .withCheckpointEvery(Math.max(1, iterations / 10)).withResume(true);
        TrainResult result = Trainer.run(config, new TrainListener() {
            @Override
            public void onStep(long iteration, StepOutcome outcome) {
                iterationDone.accept(iteration);
            }
        });
        message.accept(task + " " + method.cliName() + " rep " + (replication + 1) + ": sharpness");
        long t0 = System.nanoTime();
        TaskData taskData = t.data().load(data, seed);
        SharpnessResult sharpness;
        try (Network net = Network.create(t.architecture(), taskData.train(), seed)) {
            net.load(dir.resolve(result.weightsFile()));
            sharpness = Sharpness.measure(net, Table2Part.sharpnessConfig(s, seed));
        }
        double sharpnessSeconds = (System.nanoTime() - t0) * 1e-9;
        org.htsgd.cli.io.OutputDir.of(dir).writeJson("sharpness.json", sharpness);
        double[] n = Table2Part.numbers(sharpness);
        return new Table2Part.Run(task, method.cliName(), replication, seed, iterations, noiseOffLast,
            result.testAccuracy(), result.trainAccuracy(), result.testLoss(), result.trainLoss(),
            result.truncationRate(), result.wallSeconds(), n[0], n[1], n[2], n[3], n[4], n[5], sharpnessSeconds, "");
    }
}
