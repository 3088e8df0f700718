package org.htsgd.train.loop;

import java.nio.file.Path;
import org.htsgd.train.method.Method;
import org.htsgd.train.method.StepRecord;
import org.htsgd.train.method.UpdateRules;

/**
 * The child JVM of {@link KillAndResumeTest}: trains {@link TrainerTest#SMALL} with Our 2 (heavy-tailed noise,
 * truncation, a noise-free final phase) on the synthetic data for 200 iterations, metrics rows every 7 and
 * checkpoints every 5 (so checkpoints fall between rows), printing {@code step N} after every step.
 */
public final class KilledTrainingChild {
    /** Iterations of the run. */
    static final long ITERATIONS = 200;
    /** Prefix of a progress line. */
    static final String STEP = "step ";

    private KilledTrainingChild() {
    }

    static TrainConfig config(Path out) {
        TrainConfig c = TrainConfig.defaults(Task.FMNIST_LENET, Method.OUR2, out, out).withIterations(ITERATIONS);
        return c.withHyperparameters(c.hyperparameters().withNoiseOffLast(40).withBatch(20).withLbBatch(100))
                .withEvalEvery(7).withCheckpointEvery(5).withSeed(42).withThreads(1);
    }

    /**
     * @param args the output directory, then {@code fresh} or {@code resume}
     * @throws Exception on failure (non-zero exit)
     */
    public static void main(String[] args) throws Exception {
        TrainConfig cfg = config(Path.of(args[0])).withResume(args[1].equals("resume"));
        Trainer.run(cfg, TrainerTest.SMALL, TrainerTest.TRAIN, TrainerTest.TEST,
                UpdateRules.create(cfg.method(), cfg.hyperparameters()), new TrainListener() {
                    @Override
                    public void onStep(long iteration, StepRecord step) {
                        System.out.println(STEP + iteration);
                        System.out.flush();
                    }
                });
        System.exit(0);
    }
}
