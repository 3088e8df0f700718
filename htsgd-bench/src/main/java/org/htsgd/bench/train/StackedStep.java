package org.htsgd.bench.train;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.htsgd.train.data.ImageDataset;
import org.htsgd.train.model.Models;
import org.htsgd.train.model.Network;
import org.htsgd.train.model.StackedLeNet;
import org.htsgd.train.model.TorchRuntime;

/**
 * Side by side, in one run: the gradients of K LeNets as K separate {@link Network#lossAndGradient} calls vs one
 * {@link StackedLeNet} call, at a shared batch (every network on the same images, as the 1,200-image large batch of
 * LB / Our 1 / Our 2) and at own batches (each network its own images, as the small-batch steps), for each intra-op
 * thread count given. Each network has its own paper-initialised weights ({@code Network.create(..., seed k)}); the
 * training set is 1,200 random images (the timings do not depend on the pixel values).
 *
 * <p>Usage: {@code java -cp ... org.htsgd.bench.train.StackedStep [ks=3,5] [batches=1200:shared,100:own]
 * [steps=20] [repeats=3] [threads=2,1]}. Prints one line per (threads, K, batch): per-network milliseconds (wall
 * clock, median of the repeats) and process CPU milliseconds (all threads) for separate and stacked, and the ratio
 * stacked / separate (&lt; 1: stacking pays), with the minor page faults per network (fresh zeroed pages: a tensor
 * above glibc's largest mmap threshold, 32 MiB, is mapped and unmapped at every call).
 */
public final class StackedStep {
    /** Training-set size, the paper's Fashion-MNIST subset. */
    private static final int N = 1_200;

    private StackedStep() {
    }

    /**
     * One batch setting.
     *
     * @param size images per network
     * @param shared whether every network sees the same images
     */
    private record Batch(int size, boolean shared) {
        static Batch parse(String s) {
            String[] p = s.split(":");
            boolean shared = p.length > 1 && p[1].equals("shared");
            if (p.length > 1 && !shared && !p[1].equals("own")) {
                throw new IllegalArgumentException("batch is not <size>:shared or <size>:own: " + s);
            }
            int size = Integer.parseInt(p[0]);
            if (!(size >= 1 && size <= N)) {
                throw new IllegalArgumentException("batch size is not in [1, " + N + "]: " + s);
            }
            return new Batch(size, shared);
        }
    }

    /** Wall and process-CPU milliseconds and minor page faults per call. */
    private record Timing(double wall, double cpu, double faults) {
    }

    /** @param args K list, batch list, steps per repeat, repeats, intra-op thread list */
    public static void main(String[] args) {
        int[] ks = ints(args.length > 0 ? args[0] : "3,5");
        List<Batch> batches = new ArrayList<>();
        for (String b : (args.length > 1 ? args[1] : "1200:shared,100:own").split(",")) {
            batches.add(Batch.parse(b));
        }
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int[] threads = ints(args.length > 4 ? args[4] : "2,1");
        ImageDataset data = LeNetStepBenchmark.randomImages(N, RandomSource.XO_RO_SHI_RO_128_PP.create(2));
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3);
        System.out.printf("%-7s %2s %-12s %12s %12s %12s %13s %11s %11s %7s%n", "threads", "K", "batch",
                "sep ms/net", "stack ms/net", "sep cpu/net", "stack cpu/net", "sep flt/net", "stk flt/net", "ratio");
        for (int t : threads) {
            TorchRuntime.setThreads(t);
            for (int k : ks) {
                Network[] nets = new Network[k];
                try (StackedLeNet stacked = StackedLeNet.of(Models.lenet(), data, k)) {
                    double[] w = new double[Models.LENET_PARAMETERS];
                    for (int i = 0; i < k; i++) {
                        nets[i] = Network.create(Models.lenet(), data, 1 + i);
                        nets[i].weights(w);
                        stacked.setWeights(i, w);
                    }
                    double[][] grads = new double[k][Models.LENET_PARAMETERS];
                    for (Batch b : batches) {
                        int[][] examples = new int[k][];
                        for (int i = 0; i < k; i++) {
                            examples[i] = b.shared() && i > 0 ? examples[0] : draw(rng, b.size());
                        }
                        Runnable separate = () -> {
                            for (int i = 0; i < k; i++) {
                                nets[i].lossAndGradient(examples[i], b.size(), grads[i]);
                            }
                        };
                        Runnable together = b.shared()
                                ? () -> stacked.lossAndGradient(examples[0], b.size(), grads)
                                : () -> stacked.lossAndGradient(examples, b.size(), grads);
                        Timing sep = time(separate, steps, repeats);
                        Timing st = time(together, steps, repeats);
                        System.out.printf("%-7d %2d %-12s %12.3f %12.3f %12.3f %13.3f %11.0f %11.0f %7.2f%n",
                                TorchRuntime.threads(), k, b.size() + (b.shared() ? " shared" : " own"),
                                sep.wall() / k, st.wall() / k, sep.cpu() / k, st.cpu() / k, sep.faults() / k,
                                st.faults() / k, st.wall() / sep.wall());
                    }
                } finally {
                    for (Network net : nets) {
                        if (net != null) {
                            net.close();
                        }
                    }
                }
            }
        }
    }

    private static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    /** @return {@code size} distinct indices in [0, N) (a partial Fisher-Yates shuffle) */
    private static int[] draw(UniformRandomProvider rng, int size) {
        int[] perm = new int[N];
        for (int i = 0; i < N; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < size; i++) {
            int j = i + rng.nextInt(N - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return Arrays.copyOf(perm, size);
    }

    /** Median wall and process-CPU milliseconds per call over the repeats, after a warm-up of a few calls. */
    private static Timing time(Runnable r, int steps, int repeats) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < Math.max(3, steps / 5); i++) {
            r.run();
        }
        double[] wall = new double[repeats];
        double[] cpu = new double[repeats];
        double[] faults = new double[repeats];
        for (int k = 0; k < repeats; k++) {
            long f0 = minorFaults();
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                r.run();
            }
            wall[k] = (System.nanoTime() - t0) / 1e6 / steps;
            cpu[k] = (os.getProcessCpuTime() - c0) / 1e6 / steps;
            faults[k] = (double) (minorFaults() - f0) / steps;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        Arrays.sort(faults);
        return new Timing(wall[repeats / 2], cpu[repeats / 2], faults[repeats / 2]);
    }

    /** @return the process's minor page faults so far ({@code /proc/self/stat} field 10), or 0 where unreadable */
    private static long minorFaults() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[7]);
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }
}
