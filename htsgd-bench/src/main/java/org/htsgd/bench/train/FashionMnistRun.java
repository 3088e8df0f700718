package org.htsgd.bench.train;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.commons.rng.UniformRandomProvider;
import org.htsgd.train.data.FashionMnist;
import org.htsgd.train.data.TaskData;
import org.htsgd.train.loop.Task;
import org.htsgd.train.loop.TrainConfig;
import org.htsgd.train.loop.TrainListener;
import org.htsgd.train.loop.TrainResult;
import org.htsgd.train.loop.Trainer;
import org.htsgd.train.method.Hyperparameters;
import org.htsgd.train.method.Method;
import org.htsgd.train.method.StepRecord;
import org.htsgd.train.method.UpdateRule;
import org.htsgd.train.method.UpdateRules;
import org.htsgd.train.model.DifferentiableModel;

/**
 * One fmnist-lenet run with the paper's defaults through {@link Trainer#run(TrainConfig, org.htsgd.train.data
 * .ImageDataset, org.htsgd.train.data.ImageDataset, UpdateRule, TrainListener)} (the loop {@code htsgd train} runs),
 * printing the final accuracies and iterations per second, and where the loop's time goes: the rule is wrapped in a
 * timing decorator and the listener stamps each iteration, so after the first {@code WARMUP} iterations
 * <b>loop overhead = wall time between consecutive iterations − time inside {@code rule.step}</b> (everything the
 * Trainer does per iteration beyond the update rule: metrics window, listener, clock, evaluation and checkpoint
 * writes when they fall due). The same process, the same load: the overhead does not suffer from the noise of a
 * shared machine the way two separate runs would.
 *
 * <p>Usage: {@code FashionMnistRun METHOD ITERATIONS OUT_DIR [SEED=1] [THREADS=1] [EVAL_EVERY=100]
 * [CHECKPOINT_EVERY=1000] [NOISE_OFF_LAST=the paper's, scaled] [WARMUP=10]}; ITERATIONS scales the noise-free final
 * phase proportionally (10,000 with the last 5,000 noise-free is the paper) unless NOISE_OFF_LAST is given.
 */
public final class FashionMnistRun {
    private FashionMnistRun() {
    }

    /**
     * @param args method, iterations, output directory, then optionally seed, threads, evalEvery, checkpointEvery,
     *     noiseOffLast (-1: the scaled paper value), warm-up iterations left out of the loop timing
     * @throws IOException on output errors
     */
    public static void main(String[] args) throws IOException {
        Method m = Method.fromCliName(args[0]);
        TrainConfig cfg = TrainConfig.defaults(Task.FMNIST_LENET, m, FashionMnist.DEFAULT_DIR, Path.of(args[2]))
                .withIterations(Long.parseLong(args[1])).withSeed(args.length > 3 ? Long.parseLong(args[3]) : 1)
                .withThreads(args.length > 4 ? Integer.parseInt(args[4]) : 1)
                .withEvalEvery(args.length > 5 ? Long.parseLong(args[5]) : TrainConfig.DEFAULT_EVAL_EVERY)
                .withCheckpointEvery(args.length > 6 ? Long.parseLong(args[6]) : TrainConfig.DEFAULT_CHECKPOINT_EVERY);
        if (args.length > 7 && Long.parseLong(args[7]) >= 0) {
            cfg = cfg.withHyperparameters(cfg.hyperparameters().withNoiseOffLast(Long.parseLong(args[7])));
        }
        final long warmup = args.length > 8 ? Long.parseLong(args[8]) : 10;
        TaskData data = cfg.task().data().load(cfg.dataDir(), cfg.seed());
        TimedRule rule = new TimedRule(UpdateRules.create(m, cfg.hyperparameters()));
        long[] loop = {0, 0}; // [wall nanos of the iterations after the warm-up, their count]
        long[] last = {0};
        long[] ruleAtWarmup = {0};
        TrainResult r = Trainer.run(cfg, data.train(), data.test(), rule, new TrainListener() {
            @Override
            public void onStep(long iteration, StepRecord step) {
                long now = System.nanoTime();
                if (iteration == warmup - 1 || warmup == 0 && iteration == 0) {
                    ruleAtWarmup[0] = rule.nanos;
                } else if (iteration >= warmup) {
                    loop[0] += now - last[0];
                    loop[1]++;
                }
                last[0] = now;
            }
        });
        System.out.printf("%s %s %d iterations seed %d: train acc %.4f loss %.4f, test acc %.4f loss %.4f,"
                + " truncation rate %.3f, %.2f it/s, wall %.0f s%n", cfg.task().cliName(), m.cliName(), r.iterations(),
                r.seed(), r.trainAccuracy(), r.trainLoss(), r.testAccuracy(), r.testLoss(), r.truncationRate(),
                r.iterationsPerSecond(), r.wallSeconds());
        if (loop[1] > 0) {
            double perIteration = loop[0] / 1e6 / loop[1];
            double inRule = (rule.nanos - ruleAtWarmup[0]) / 1e6 / loop[1];
            System.out.printf("loop its_per_s=%.3f after %d warm-up iterations (%d iterations): %.3f ms per iteration,"
                    + " %.3f ms in rule.step, loop overhead %.3f ms (%.2f%%)%n", 1e3 / perIteration, warmup, loop[1],
                    perIteration, inRule, perIteration - inRule, 100 * (perIteration - inRule) / perIteration);
        }
    }

    /** An {@link UpdateRule} decorator summing the wall time of {@code step}. */
    private static final class TimedRule implements UpdateRule {
        /** The timed rule. */
        private final UpdateRule delegate;
        /** Wall nanoseconds inside {@code step}. */
        private long nanos;

        TimedRule(UpdateRule delegate) {
            this.delegate = delegate;
        }

        @Override
        public Method method() {
            return delegate.method();
        }

        @Override
        public Hyperparameters hyperparameters() {
            return delegate.hyperparameters();
        }

        @Override
        public void init(DifferentiableModel model, UniformRandomProvider batchRng, UniformRandomProvider noiseRng) {
            delegate.init(model, batchRng, noiseRng);
        }

        @Override
        public StepRecord step(long iteration) {
            long t0 = System.nanoTime();
            StepRecord s = delegate.step(iteration);
            nanos += System.nanoTime() - t0;
            return s;
        }

        @Override
        public double[] saveState() {
            return delegate.saveState();
        }

        @Override
        public void restoreState(double[] state) {
            delegate.restoreState(state);
        }

        @Override
        public UpdateRule copy() {
            return new TimedRule(delegate.copy());
        }
    }
}
