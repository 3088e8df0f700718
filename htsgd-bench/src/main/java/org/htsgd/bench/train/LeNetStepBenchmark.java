package org.htsgd.bench.train;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.htsgd.train.data.ImageDataset;
import org.htsgd.train.model.Models;
import org.htsgd.train.model.Network;
import org.htsgd.train.model.TorchRuntime;

/**
 * Times one plain-SGD step of the paper's LeNet on the DJL/PyTorch {@link Network}: draw a batch without
 * replacement, {@code lossAndGradient}, \(\theta \leftarrow \theta - \eta g\) in Java doubles, {@code setWeights}.
 * The same work as {@code bench/lenet_step_pytorch.py}. Also times the parts: the gradient evaluation alone and the
 * weight conversion (weights + setWeights) alone.
 *
 * <p>Usage: {@code java -cp ... org.htsgd.bench.train.LeNetStepBenchmark [threads=2] [batches=100,1200]
 * [steps=200] [repeats=5]}. Prints one line per batch size.
 */
public final class LeNetStepBenchmark {
    private LeNetStepBenchmark() {
    }

    /** @param args threads, comma-separated batch sizes, steps per repeat, repeats */
    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int[] batches = Arrays.stream((args.length > 1 ? args[1] : "100,1200").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 5;
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
            for (int b : batches) {
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
        for (int i = 0; i < Math.max(10, steps / 10); i++) {
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
