package org.htsgd.bench.sim;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.htsgd.core.simulation.Execution;
import org.htsgd.core.simulation.Occupancy;
import org.htsgd.core.simulation.OccupancyResult;

/**
 * The Java half of {@code bench/sim_side_by_side.sh}: runs {@link PaperProblem} with the given paths, steps and
 * threads after a warm-up, and prints one line of key=value pairs in the format of {@code bench/sim_numpy.py}.
 *
 * <p>Usage: {@code SideBySide --paths N --steps S --threads T [--eta 0.001] [--b 0.5] [--seed 1] [--reps 3]}: after
 * a warm-up the run is repeated {@code reps} times and the fastest wall-clock and CPU times are reported.
 */
public final class SideBySide {
    private SideBySide() {
    }

    /** @param args see the class comment */
    public static void main(String[] args) {
        int paths = 10_000;
        long steps = 2_000;
        int threads = 1;
        double eta = 0.001;
        double b = 0.5;
        long seed = 1;
        int reps = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--paths" -> paths = Integer.parseInt(v);
                case "--steps" -> steps = Long.parseLong(v);
                case "--threads" -> threads = Integer.parseInt(v);
                case "--eta" -> eta = Double.parseDouble(v);
                case "--b" -> b = v.equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--reps" -> reps = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("Unknown option: " + args[i]);
            }
        }
        Execution execution = Execution.threads(threads);
        // warm-up: the JIT compiles the kernel (about 2 x 10^7 steps)
        for (int i = 0; i < 2; i++) {
            Occupancy.run(PaperProblem.config(eta, b, 1_000_000, 2 * threads * 4, seed + 1), execution);
        }
        com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        // the same run reps times; the fastest (by wall clock and by CPU time, separately) is reported
        double wall = Double.POSITIVE_INFINITY;
        double cpu = Double.POSITIVE_INFINITY;
        OccupancyResult r = null;
        for (int i = 0; i < reps; i++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            r = Occupancy.run(PaperProblem.config(eta, b, steps, paths, seed), execution);
            wall = Math.min(wall, (System.nanoTime() - t0) * 1e-9);
            cpu = Math.min(cpu, (os.getProcessCpuTime() - c0) * 1e-9);
        }
        double total = (double) paths * steps;
        double[] f = Arrays.stream(r.fractions()).map(x -> Math.round(x * 1e5) / 1e5).toArray();
        System.out.printf("impl=java threads=%d paths=%d steps=%d total_steps=%.0f wall_s=%.3f cpu_s=%.3f "
                + "steps_per_s=%.4g steps_per_cpu_s=%.4g reps=%d fractions=%s%n", threads, paths, steps, total, wall, cpu,
            total / wall, total / cpu, reps, Arrays.toString(f));
    }
}
