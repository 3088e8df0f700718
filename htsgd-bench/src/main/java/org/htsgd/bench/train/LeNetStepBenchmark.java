package org.htsgd.bench.train;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.htsgd.train.data.ImageDataset;
import org.htsgd.train.data.TaskData;
import org.htsgd.train.loop.Task;
import org.htsgd.train.method.Method;
import org.htsgd.train.method.UpdateRule;
import org.htsgd.train.method.UpdateRules;
import org.htsgd.train.model.Models;
import org.htsgd.train.model.Network;
import org.htsgd.train.model.TorchRuntime;

/**
 * Times one plain-SGD step of the paper's LeNet on the DJL/PyTorch {@link Network}: draw a batch without
 * replacement, {@code lossAndGradient}, \(\theta \leftarrow \theta - \eta g\) in Java doubles, {@code setWeights}.
 * The same work as {@code bench/lenet_step_pytorch.py}. Also times the parts: the gradient evaluation alone and the
 * weight conversion (weights + setWeights) alone.
 *
 * <p>The batch list may also hold {@code our2}: one full Our 2 iteration on fmnist-lenet as {@code htsgd train}
 * runs it (the real corrupted Fashion-MNIST subset, the paper's Table 1 hyperparameters, {@code rule.step(t)} of
 * the {@link Method#OUR2} rule inside the noise-on phase: an SB gradient at batch 100, an LB gradient at 1,200,
 * one Z, \(g_{heavy} = (1+Z) g_{SB} - Z g_{LB}\), the truncation \(\varphi_b(\eta g)\) and the update), the same
 * work as {@code bench/lenet_step_pytorch.py --batches our2}; "lossAndGradient" is then the SB + LB gradients.
 *
 * <p>Usage: {@code java -cp ... org.htsgd.bench.train.LeNetStepBenchmark [threads=2] [batches=100,1200,our2]
 * [steps=200] [repeats=5] [warmup=max(10, steps/10)]}. Prints one line per entry, e.g. {@code djl 2.7.1 batch=100 threads=2
 * ms_per_step=...}; {@code bench/lenet_side_by_side.sh} reads them.
 */
public final class LeNetStepBenchmark {
    /** Untimed steps before each timing (default max(10, steps / 10)). */
    private static int warmup;

    private LeNetStepBenchmark() {
    }

    /** @param args threads, comma-separated batch sizes (or {@code our2}), steps per repeat, repeats, warm-up steps */
    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        String[] entries = (args.length > 1 ? args[1] : "100,1200,our2").split(",");
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        warmup = args.length > 4 ? Integer.parseInt(args[4]) : Math.max(10, steps / 10);
        TorchRuntime.setThreads(threads);
        int n = 1200;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2);
        ImageDataset data = randomImages(n, rng);
        try (Network net = Network.create(Models.lenet(), data, 1)) {
            double[] w = new double[net.dimension()];
            double[] g = new double[net.dimension()];
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            for (String entry : entries) {
                if (entry.trim().equals(Method.OUR2.cliName())) {
                    our2(steps, repeats);
                    continue;
                }
                int b = Integer.parseInt(entry.trim());
                Runnable step = () -> {
                    for (int i = 0; i < b; i++) { // partial Fisher-Yates: a batch without replacement
                        int j = i + rng.nextInt(n - i);
                        int t = perm[i];
                        perm[i] = perm[j];
                        perm[j] = t;
                    }
                    net.lossAndGradient(perm, b, g);
                    net.weights(w);
                    for (int i = 0; i < w.length; i++) {
                        w[i] -= 0.05 * g[i];
                    }
                    net.setWeights(w);
                };
                Runnable gradOnly = () -> net.lossAndGradient(perm, b, g);
                Runnable convert = () -> {
                    net.weights(w);
                    net.setWeights(w);
                };
                double full = time(step, steps, repeats);
                double grad = time(gradOnly, steps, repeats);
                double conv = time(convert, steps, repeats);
                System.out.printf("djl %s batch=%d threads=%d ms_per_step=%.3f (median of %d repeats of %d steps;"
                        + " lossAndGradient %.3f ms, weights+setWeights %.3f ms)%n", TorchRuntime.version(), b,
                        TorchRuntime.threads(), full, repeats, steps, grad, conv);
            }
        }
    }

    /** Times full Our 2 iterations ({@code rule.step(t)}, t = 0, 1, ... in the noise-on phase) on fmnist-lenet. */
    private static void our2(int steps, int repeats) {
        final long seed = 1;
        TaskData data = Task.FMNIST_LENET.data().load(null, seed);
        UpdateRule rule = UpdateRules.create(Method.OUR2,
                Task.FMNIST_LENET.hyperparameters(Method.OUR2).scaledTo(MethodThroughput.PAPER_ITERATIONS));
        long last = warmup + (long) steps * repeats;
        if (!rule.hyperparameters().noiseOn(last)) {
            throw new IllegalArgumentException("steps x repeats leave the noise-on phase: " + steps + " x " + repeats);
        }
        try (Network net = Network.create(Models.lenet(), data.train(), seed)) {
            TimedModel model = TimedModel.of(net);
            rule.init(model, RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
            long[] t = {0};
            long model0 = model.wallNanos();
            long wall0 = System.nanoTime();
            double full = time(() -> rule.step(t[0]++), steps, repeats);
            double inModel = 100.0 * (model.wallNanos() - model0) / (System.nanoTime() - wall0);
            System.out.printf("djl %s batch=our2 threads=%d ms_per_step=%.3f (median of %d repeats of %d Our 2"
                    + " iterations on fmnist-lenet; %.2f%% of the time in the model: gradients, weight transfers)%n",
                    TorchRuntime.version(), TorchRuntime.threads(), full, repeats, steps, inModel);
        }
    }

    /**
     * @param n images
     * @param rng draws pixels U(-1, 1) and labels uniform over 10 classes, in this order
     * @return n random 1x28x28 images (a step's time does not depend on the pixel values)
     */
    static ImageDataset randomImages(int n, UniformRandomProvider rng) {
        float[] pixels = new float[n * 784];
        int[] labels = new int[n];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) (2 * rng.nextDouble() - 1);
        }
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(10);
        }
        return new ImageDataset("random", 1, 28, 28, 10, pixels, labels);
    }

    private static double time(Runnable r, int steps, int repeats) {
        for (int i = 0; i < warmup; i++) {
            r.run();
        }
        double[] ms = new double[repeats];
        for (int k = 0; k < repeats; k++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                r.run();
            }
            ms[k] = (System.nanoTime() - t0) / 1e6 / steps;
        }
        Arrays.sort(ms);
        return ms[repeats / 2];
    }
}
