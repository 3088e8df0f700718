package org.htsgd.bench.train;

import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;
import org.htsgd.train.data.ImageDataset;
import org.htsgd.train.model.Models;
import org.htsgd.train.model.Network;
import org.htsgd.train.model.TorchRuntime;

/**
 * Where the time of one LeNet gradient goes: times {@link Network#lossAndGradient} on 1,200 random images (the
 * timings do not depend on the pixel values), then records the same calls with libtorch's profiler
 * ({@code JniUtils.startProfile}, a Chrome trace) and prints each operator's self time (its time minus that of the
 * operators it called) per gradient, summed over threads, by operator and input shape, largest first. Which oneDNN
 * kernel ran and for how long: the same command with {@code ONEDNN_VERBOSE=1} in the environment.
 *
 * <p>Usage: {@code java -cp ... org.htsgd.bench.train.GradientProfile [threads=1] [batch=1200] [calls=20]
 * [trace=none]} (trace: also keep the Chrome trace in that file).
 */
public final class GradientProfile {
    /** Training-set size, the paper's Fashion-MNIST subset. */
    private static final int N = 1_200;
    /** Operators printed. */
    private static final int ROWS = 14;

    private GradientProfile() {
    }

    /** One operator of the trace: name, input shapes, start and duration in microseconds, thread. */
    private record Op(String key, double start, double duration, String thread) {
        double end() {
            return start + duration;
        }
    }

    /** @param args threads, batch, calls, trace file */
    public static void main(String[] args) throws IOException {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : N;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        if (!(batch >= 1 && batch <= N) || calls < 1 || threads < 1) {
            throw new IllegalArgumentException("need threads >= 1, batch in [1, " + N + "], calls >= 1");
        }
        Path trace = args.length > 3 ? Path.of(args[3]) : Files.createTempFile("htsgd-profile", ".json");
        TorchRuntime.setThreads(threads);
        ImageDataset data = LeNetStepBenchmark.randomImages(N, RandomSource.XO_RO_SHI_RO_128_PP.create(2));
        try (Network net = Network.create(Models.lenet(), data, 1)) {
            int[] examples = new int[N];
            for (int i = 0; i < N; i++) {
                examples[i] = i;
            }
            double[] g = new double[net.dimension()];
            for (int i = 0; i < 10; i++) {
                net.lossAndGradient(examples, batch, g);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                net.lossAndGradient(examples, batch, g);
            }
            System.out.printf("batch=%d threads=%d ms_per_gradient=%.1f (%d calls, not profiled)%n", batch, threads,
                (System.nanoTime() - t0) / 1e6 / calls, calls);
            JniUtils.startProfile(false, true, false);
            for (int i = 0; i < calls; i++) {
                net.lossAndGradient(examples, batch, g);
            }
            JniUtils.stopProfile(trace.toString());
        }
        print(selfTimes(read(trace)), calls);
        if (args.length <= 3) {
            Files.delete(trace);
        }
    }

    private static List<Op> read(Path trace) throws IOException {
        JsonNode root = new ObjectMapper().readTree(trace.toFile());
        JsonNode events = root.isArray() ? root : root.path("traceEvents");
        List<Op> ops = new ArrayList<>();
        for (JsonNode e : events) {
            if ("X".equals(e.path("ph").asText())) {
                ops.add(new Op(e.path("name").asText() + " " + e.path("shape").path(0),
                    e.path("ts").asDouble(), e.path("dur").asDouble(), e.path("tid").asText()));
            }
        }
        return ops;
    }

    /** Self time per key: each operator's duration minus that of the operators nested in it on its thread. */
    private static Map<String, Double> selfTimes(List<Op> ops) {
        ops.sort(Comparator.comparing(Op::thread).thenComparingDouble(Op::start)
            .thenComparing(Comparator.comparingDouble(Op::duration).reversed()));
        Map<String, Double> self = new HashMap<>();
        Deque<Op> open = new ArrayDeque<>();
        String thread = null;
        for (Op op : ops) {
            if (!op.thread().equals(thread)) {
                open.clear();
                thread = op.thread();
            }
            while (!open.isEmpty() && open.peek().end() <= op.start()) {
                open.pop();
            }
            if (!open.isEmpty()) {
                self.merge(open.peek().key(), -op.duration(), Double::sum);
            }
            self.merge(op.key(), op.duration(), Double::sum);
            open.push(op);
        }
        return self;
    }

    private static void print(Map<String, Double> self, int calls) {
        double total = self.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf("profiled: %.1f ms of operator time per gradient (all threads); self time, largest first:%n",
            total / 1e3 / calls);
        self.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(ROWS)
            .forEach(e -> System.out.printf("%8.2f ms  %5.1f%%  %s%n", e.getValue() / 1e3 / calls,
                100 * e.getValue() / total, e.getKey()));
    }
}
