package org.htsgd.bench.train;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.htsgd.train.data.TaskData;
import org.htsgd.train.loop.Task;
import org.htsgd.train.method.Hyperparameters;
import org.htsgd.train.method.Method;
import org.htsgd.train.method.StepRecord;
import org.htsgd.train.method.UpdateRule;
import org.htsgd.train.method.UpdateRules;
import org.htsgd.train.model.Models;
import org.htsgd.train.model.Network;
import org.htsgd.train.model.TorchRuntime;

/**
 * Iterations per second of each update rule on fmnist-lenet (the real corrupted Fashion-MNIST subset, the paper's
 * LeNet and Table 1 hyperparameters), and the split of a step into (a) the time inside the model (gradient
 * evaluations and weight transfers, timed by {@link TimedModel}) and (b) the rest: batch draws, the draw of Z, the
 * combination \(g_{heavy} = g_{SB} + Z(g_{SB^*} - g_{LB})\) (eq. 47), the truncation \(\varphi_b(\eta g)\) and the
 * update, i.e. the cost of the method beyond the gradient evaluations it needs.
 *
 * <p>Each method has its own {@link Network} (same initial weights) and rule, stepped at t = 0, 1, ... inside the
 * noise-on phase of the paper's Table 1 run ({@link #PAPER_ITERATIONS} iterations). After a warm-up of every method, the methods run in
 * interleaved rounds (A B C ... then B C ... A, the order rotated each round), so a change of machine load affects
 * all methods alike. The split is reported in wall time and in the measuring thread's CPU time; the latter is
 * insensitive to other processes and complete when the engine runs on one intra-op thread (the default here).
 *
 * <p>Usage: {@code java -Doffline=true -cp ... org.htsgd.bench.train.MethodThroughput [steps=30] [rounds=3]
 * [threads=1] [methods=lb,sb,sb-clip,sb-noise,our1,our2,sam] [warmup=5] [seed=1] [b=NaN]}, NaN meaning the paper's
 * b = 5; a tiny {@code b} (e.g. 1e-6, every step of a truncating rule is then truncated) checks that an active
 * truncation costs the same. Prints a Markdown table.
 */
public final class MethodThroughput {
    /** Run length the hyperparameters are scaled to (Table 1's fmnist-lenet T); the noise is on for t &lt; T/2. */
    public static final long PAPER_ITERATIONS = Task.FMNIST_LENET.schedule().iterations();

    private MethodThroughput() {
    }

    /** @param args steps per round, rounds, intra-op threads, comma-separated methods, warm-up steps, seed, b */
    public static void main(String[] args) {
        final int steps = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        final int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        final int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        final String methods = args.length > 3 ? args[3] : "lb,sb,sb-clip,sb-noise,our1,our2,sam";
        final int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        final long seed = args.length > 5 ? Long.parseLong(args[5]) : 1;
        final double b = args.length > 6 ? Double.parseDouble(args[6]) : Double.NaN;
        if (!(steps >= 1 && rounds >= 1 && warmup >= 0)) {
            throw new IllegalArgumentException("steps, rounds are not >= 1 or warmup is not >= 0: " + steps + ", "
                    + rounds + ", " + warmup);
        }
        TorchRuntime.setThreads(threads);
        final double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        final TaskData data = Task.FMNIST_LENET.data().load(null, seed);
        final List<Lane> lanes = new ArrayList<>();
        try {
            for (String name : methods.split(",")) {
                lanes.add(new Lane(Method.fromCliName(name.trim()), data, seed, b, rounds,
                        warmup + (long) steps * rounds));
            }
            for (Lane lane : lanes) {
                lane.run(warmup, null);
            }
            final long processCpu0 = processCpuNanos();
            final long t0 = System.nanoTime();
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < lanes.size(); k++) {
                    Lane lane = lanes.get((k + r) % lanes.size());
                    lane.rounds[r] = new Tally();
                    lane.run(steps, lane.rounds[r]);
                }
                System.err.printf("round %d/%d done%n", r + 1, rounds);
            }
            final double processCpu = (processCpuNanos() - processCpu0) / 1e9;
            final double wall = (System.nanoTime() - t0) / 1e9;
            print(lanes, steps, rounds, warmup, seed, threads, loadBefore, processCpu, wall);
        } finally {
            for (Lane lane : lanes) {
                lane.network.close();
            }
        }
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private static void print(List<Lane> lanes, int steps, int rounds, int warmup, long seed, int threads,
                              double loadBefore, double processCpu, double wall) {
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf("fmnist-lenet (real corrupted Fashion-MNIST subset), libtorch %s, %d intra-op thread(s),"
                + " %d rounds x %d steps per method after %d warm-up steps, seed %d; 1-min load average %.1f before,"
                + " %.1f after; b = %s%n%n", TorchRuntime.version(), TorchRuntime.threads(), rounds, steps, warmup,
                seed, loadBefore, loadAfter, lanes.get(0).rule.hyperparameters().b());
        System.out.println("| method | it/s | grad evals/step | examples/step | ms/step | ms in model | ms rest"
                + " | rest % | CPU ms in model | CPU ms rest | rest % CPU (rounds min-max) | truncated |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        double threadCpu = 0;
        for (Lane lane : lanes) {
            Tally all = new Tally();
            double[] restCpu = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                all.add(lane.rounds[r]);
                restCpu[r] = lane.rounds[r].restCpuPercent();
            }
            Arrays.sort(restCpu);
            double n = all.steps;
            threadCpu += all.cpuStep / 1e9;
            System.out.printf("| %s | %.2f | %.0f | %.0f | %.1f | %.1f | %.3f | %.2f | %.1f | %.3f | %.2f (%.2f-%.2f)"
                    + " | %.0f%% |%n", lane.method.cliName(), n / (all.wallStep / 1e9), all.evaluations / n,
                    all.examples / n, all.wallStep / 1e6 / n, all.wallModel / 1e6 / n,
                    (all.wallStep - all.wallModel) / 1e6 / n, all.restWallPercent(), all.cpuModel / 1e6 / n,
                    (all.cpuStep - all.cpuModel) / 1e6 / n, all.restCpuPercent(), restCpu[0], restCpu[rounds - 1],
                    100.0 * all.truncated / n);
        }
        System.out.printf("%nMeasured section: %.1f s wall; the measuring thread used %.1f s CPU in the steps, the"
                + " whole process %.1f s CPU (%.0f%%; the rest is JIT/GC/engine threads)%n", wall, threadCpu,
                processCpu, 100 * threadCpu / processCpu);
    }

    /** Time and work of a number of steps of one method. */
    private static final class Tally {
        /** Steps. */
        long steps;
        /** Wall nanoseconds of the whole steps. */
        long wallStep;
        /** Thread-CPU nanoseconds of the whole steps. */
        long cpuStep;
        /** Wall nanoseconds inside the model. */
        long wallModel;
        /** Thread-CPU nanoseconds inside the model. */
        long cpuModel;
        /** Gradient evaluations. */
        long evaluations;
        /** Examples in those evaluations. */
        long examples;
        /** Steps whose truncation was active. */
        long truncated;

        void add(Tally o) {
            steps += o.steps;
            wallStep += o.wallStep;
            cpuStep += o.cpuStep;
            wallModel += o.wallModel;
            cpuModel += o.cpuModel;
            evaluations += o.evaluations;
            examples += o.examples;
            truncated += o.truncated;
        }

        double restWallPercent() {
            return 100.0 * (wallStep - wallModel) / wallStep;
        }

        double restCpuPercent() {
            return 100.0 * (cpuStep - cpuModel) / cpuStep;
        }
    }

    /** One method: its own network, timed model, rule and iteration counter. */
    private static final class Lane {
        /** The method. */
        final Method method;
        /** Its network. */
        final Network network;
        /** The timing decorator the rule sees. */
        final TimedModel model;
        /** Its rule, initialised on {@link #model}. */
        final UpdateRule rule;
        /** Per-round tallies. */
        final Tally[] rounds;
        /** Next iteration index. */
        long t;

        Lane(Method method, TaskData data, long seed, double b, int rounds, long totalSteps) {
            Hyperparameters paper = Task.FMNIST_LENET.hyperparameters(method).scaledTo(PAPER_ITERATIONS);
            Hyperparameters hp = Double.isNaN(b) ? paper : paper.withB(b);
            if (method.injectsNoise() && !hp.noiseOn(totalSteps - 1)) {
                throw new IllegalArgumentException("warm-up + rounds x steps is not inside the noise-on phase ("
                        + (hp.totalIterations() - hp.noiseOffLast()) + " iterations): " + totalSteps);
            }
            this.method = method;
            this.rounds = new Tally[rounds];
            this.network = Network.create(Models.lenet(), data.train(), seed);
            this.model = TimedModel.of(network);
            this.rule = UpdateRules.create(method, hp);
            rule.init(model, RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
        }

        /** Runs {@code steps} steps, adding their times to {@code tally} (null: not recorded). */
        void run(int steps, Tally tally) {
            for (int i = 0; i < steps; i++) {
                final long wallModel0 = model.wallNanos();
                final long cpuModel0 = model.cpuNanos();
                final long evaluations0 = model.gradientEvaluations();
                final long examples0 = model.gradientExamples();
                final long cpu0 = model.threadCpuNow();
                final long wall0 = System.nanoTime();
                StepRecord record = rule.step(t++);
                final long wall1 = System.nanoTime();
                final long cpu1 = model.threadCpuNow();
                if (tally != null) {
                    tally.steps++;
                    tally.wallStep += wall1 - wall0;
                    tally.cpuStep += cpu1 - cpu0;
                    tally.wallModel += model.wallNanos() - wallModel0;
                    tally.cpuModel += model.cpuNanos() - cpuModel0;
                    tally.evaluations += model.gradientEvaluations() - evaluations0;
                    tally.examples += model.gradientExamples() - examples0;
                    tally.truncated += record.truncated() ? 1 : 0;
                }
            }
        }
    }
}
