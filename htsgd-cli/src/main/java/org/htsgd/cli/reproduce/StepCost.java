package org.htsgd.cli.reproduce;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.core.validation.Require;
import org.htsgd.train.data.TaskData;
import org.htsgd.train.loop.Task;
import org.htsgd.train.method.Hyperparameters;
import org.htsgd.train.model.Network;
import org.htsgd.train.model.TorchRuntime;

/**
 * The measured cost of a task's building blocks on a number of PyTorch threads, as a Table 2 run uses them
 * ({@link TrainingRuns}: one thread per run, more once fewer runs than cores remain, {@link CoreShares}): a
 * small-batch gradient (batch B), a large-batch gradient (the LB batch) and the forward pass of one example
 * (evaluation and most sharpness measures). Measured in a child JVM ({@link #main}) after one warm-up call of each,
 * for at least {@link #MIN_TIMED_SECONDS}; {@link Table2Estimate} turns them into the time of each run.
 *
 * @param task the task
 * @param sbSeconds one gradient at the small batch B
 * @param lbSeconds one gradient at the LB batch
 * @param forwardSeconds the forward pass (inference mode) of one training example
 * @param trainSize training examples
 * @param testSize test examples
 * @param threads the intra-op threads it was measured on (1 in a cost written before this field existed)
 */
record StepCost(Task task, double sbSeconds, double lbSeconds, double forwardSeconds, int trainSize, int testSize,
                int threads) {
    /** Small-batch gradients timed at least. */
    static final int SB_REPEATS = 5;
    /** Large-batch gradients timed at least. */
    static final int LB_REPEATS = 2;
    /**
     * Least seconds each building block is timed for: a cheap one is called until they have passed (a LeNet gradient
     * of 1,200 images about ten times; two calls varied by 30% on two threads).
     */
    static final double MIN_TIMED_SECONDS = 1;
    /** Examples of the timed forward pass (at most the training set). */
    static final int FORWARD_EXAMPLES = 1_000;

    /** Validates; a missing {@code threads} (0, a cost written before it existed) reads as 1. */
    StepCost {
        threads = threads == 0 ? 1 : threads;
        Require.atLeast(threads, 1, "threads");
        Require.nonNull(task, "task");
        Require.finitePositive(sbSeconds, "sbSeconds");
        Require.finitePositive(lbSeconds, "lbSeconds");
        Require.finitePositive(forwardSeconds, "forwardSeconds");
        Require.atLeast(trainSize, 1, "trainSize");
        Require.atLeast(testSize, 0, "testSize");
    }

    /**
     * Times the building blocks on the task's data with one thread and, if {@code threads > 1}, again with
     * {@code threads} (the most a run is given, {@link CoreShares}).
     *
     * @param task the task
     * @param dataDir its data directory
     * @param seed seed of the label corruption and of the initial weights
     * @param threads the most threads a run of the task is given, {@code >= 1}
     * @return the costs on one thread, then on {@code threads} if more
     * @throws IOException if the data cannot be read
     */
    static List<StepCost> measure(Task task, Path dataDir, long seed, int threads) throws IOException {
        Require.atLeast(threads, 1, "threads");
        TaskData data = task.data().load(dataDir, seed);
        Hyperparameters h = task.hyperparameters();
        int n = data.train().size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        List<StepCost> costs = new ArrayList<>();
        try (Network net = Network.create(task.architecture(), data.train(), seed)) {
            double[] grad = new double[net.dimension()];
            int sb = Math.min(h.batch(), n);
            int lb = Math.min(h.lbBatch(), n);
            int forward = Math.min(FORWARD_EXAMPLES, n);
            for (int t : threads == 1 ? new int[] {1} : new int[] {1, threads}) {
                TorchRuntime.setThreads(t);
                double sbSeconds = time(SB_REPEATS, () -> net.lossAndGradient(order, sb, grad));
                double lbSeconds = time(LB_REPEATS, () -> net.lossAndGradient(order, lb, grad));
                double forwardSeconds = time(1, () -> net.evaluate(order, forward)) / forward;
                costs.add(new StepCost(task, sbSeconds, lbSeconds, forwardSeconds, n, data.test().size(), t));
            }
        }
        return costs;
    }

    /**
     * @return the mean seconds of the calls after one warm-up call: at least {@code repeats}, and more until
     *     {@link #MIN_TIMED_SECONDS} have passed
     */
    private static double time(int repeats, Runnable call) {
        call.run();
        long t0 = System.nanoTime();
        int calls = 0;
        long elapsed;
        do {
            call.run();
            calls++;
            elapsed = System.nanoTime() - t0;
        } while (calls < repeats || elapsed < MIN_TIMED_SECONDS * 1e9);
        return elapsed * 1e-9 / calls;
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
     * @param args task name, data directory, seed, output file, the most threads a run is given
     * @throws Exception on failure (non-zero exit)
     */
    public static void main(String[] args) throws Exception {
        List<StepCost> c = measure(Task.parse(args[0]), Path.of(args[1]), Long.parseLong(args[2]),
            Integer.parseInt(args[4]));
        OutputDir.writeAtomically(Path.of(args[3]), OutputDir.JSON.writeValueAsBytes(c));
        System.exit(0);
    }
}
