package org.htsgd.bench.train;

import java.io.IOException;
import java.nio.file.Path;
import org.htsgd.train.data.FashionMnist;
import org.htsgd.train.loop.Task;
import org.htsgd.train.loop.TrainConfig;
import org.htsgd.train.loop.TrainResult;
import org.htsgd.train.loop.Trainer;
import org.htsgd.train.loop.TrainListener;
import org.htsgd.train.method.Method;

/**
 * One fmnist-lenet run with the paper's defaults through {@link Trainer#run(TrainConfig, TrainListener)}, printing
 * the final accuracies and iterations per second. Usage: {@code FashionMnistRun METHOD ITERATIONS OUT_DIR [SEED]};
 * ITERATIONS scales the noise-free final phase proportionally (10,000 with the last 5,000 noise-free is the paper).
 */
public final class FashionMnistRun {
    private FashionMnistRun() {
    }

    /** @param args method, iterations, output directory, optional seed @throws IOException on output errors */
    public static void main(String[] args) throws IOException {
        Method m = Method.fromCliName(args[0]);
        TrainConfig cfg = TrainConfig.defaults(Task.FMNIST_LENET, m, FashionMnist.DEFAULT_DIR, Path.of(args[2]))
                .withIterations(Long.parseLong(args[1])).withSeed(args.length > 3 ? Long.parseLong(args[3]) : 1);
        TrainResult r = Trainer.run(cfg, TrainListener.NONE);
        System.out.printf("%s %s %d iterations seed %d: train acc %.4f loss %.4f, test acc %.4f loss %.4f,"
                + " truncation rate %.3f, %.2f it/s, wall %.0f s%n", cfg.task().cliName(), m.cliName(), r.iterations(),
                r.seed(), r.trainAccuracy(), r.trainLoss(), r.testAccuracy(), r.testLoss(), r.truncationRate(),
                r.iterationsPerSecond(), r.wallSeconds());
    }
}
