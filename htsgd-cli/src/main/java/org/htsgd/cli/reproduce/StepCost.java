package org.htsgd.cli.reproduce;

import java.io.IOException;
import java.nio.file.Path;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.core.validation.Require;
import org.htsgd.train.data.TaskData;
import org.htsgd.train.loop.Task;
import org.htsgd.train.method.Hyperparameters;
import org.htsgd.train.model.Network;
import org.htsgd.train.model.TorchRuntime;

/**
 * The measured cost of a task's building blocks on one PyTorch thread, as a Table 2 run uses them
 * ({@link TrainingRuns}: one thread per run): a small-batch gradient (batch B), a large-batch gradient (the LB
 * batch) and the forward pass of one example (evaluation and most sharpness measures). Measured in a child JVM
 * ({@link #main}) after one warm-up call of each; {@link Table2Estimate} turns them into the time of each run.
 *
 * @param task the task
 * @param sbSeconds one gradient at the small batch B
 * @param lbSeconds one gradient at the LB batch
 * @param forwardSeconds the forward pass (inference mode) of one training example
 * @param trainSize training examples
 * @param testSize test examples
 */
record StepCost(Task task, double sbSeconds, double lbSeconds, double forwardSeconds, int trainSize, int testSize) {
    /** Small-batch gradients timed. */
    static final int SB_REPEATS = 5;
    /** Large-batch gradients timed. */
    static final int LB_REPEATS = 2;
    /** Examples of the timed forward pass (at most the training set). */
    static final int FORWARD_EXAMPLES = 1_000;

    /** Validates. */
    StepCost {
        Require.nonNull(task, "task");
        Require.finitePositive(sbSeconds, "sbSeconds");
        Require.finitePositive(lbSeconds, "lbSeconds");
        Require.finitePositive(forwardSeconds, "forwardSeconds");
        Require.atLeast(trainSize, 1, "trainSize");
        Require.atLeast(testSize, 0, "testSize");
    }

    /**
     * Times the building blocks on the task's data with one thread.
     *
     * @param task the task
     * @param dataDir its data directory
     * @param seed seed of the label corruption and of the initial weights
     * @return the measured costs
     * @throws IOException if the data cannot be read
     */
    static StepCost measure(Task task, Path dataDir, long seed) throws IOException {
        TorchRuntime.setThreads(1);
        TaskData data = task.data().load(dataDir, seed);
        Hyperparameters h = task.hyperparameters();
        int n = data.train().size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        try (Network net = Network.create(task.architecture(), data.train(), seed)) {
            double[] grad = new double[net.dimension()];
            int sb = Math.min(h.batch(), n);
            int lb = Math.min(h.lbBatch(), n);
            int forward = Math.min(FORWARD_EXAMPLES, n);
            double sbSeconds = time(SB_REPEATS, () -> net.lossAndGradient(order, sb, grad));
            double lbSeconds = time(LB_REPEATS, () -> net.lossAndGradient(order, lb, grad));
            double forwardSeconds = time(1, () -> net.evaluate(order, forward)) / forward;
            return new StepCost(task, sbSeconds, lbSeconds, forwardSeconds, n, data.test().size());
        }
    }

    /** @return the mean seconds of {@code repeats} calls after one warm-up call */
    private static double time(int repeats, Runnable call) {
        call.run();
        long t0 = System.nanoTime();
        for (int i = 0; i < repeats; i++) {
            call.run();
        }
        return (System.nanoTime() - t0) * 1e-9 / repeats;
    }

    /** @return seconds of one forward pass over the whole training set */
    double trainForwardSeconds() {
        return forwardSeconds * trainSize;
    }

    /** @return seconds of one gradient of the whole training set (LB gradients, scaled by size) */
    double trainGradientSeconds() {
        return lbSeconds * trainSize / Math.min(task.hyperparameters().lbBatch(), trainSize);
    }

    /**
     * The child process: measures one task and writes the result as JSON.
     *
     * @param args task name, data directory, seed, output file
     * @throws Exception on failure (non-zero exit)
     */
    public static void main(String[] args) throws Exception {
        StepCost c = measure(Task.parse(args[0]), Path.of(args[1]), Long.parseLong(args[2]));
        OutputDir.writeAtomically(Path.of(args[3]), OutputDir.JSON.writeValueAsBytes(c));
        System.exit(0);
    }
}
