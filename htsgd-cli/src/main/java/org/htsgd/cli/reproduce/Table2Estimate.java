package org.htsgd.cli.reproduce;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.htsgd.core.validation.Require;
import org.htsgd.train.loop.Task;
import org.htsgd.train.method.Hyperparameters;
import org.htsgd.train.method.IterationSchedule;
import org.htsgd.train.method.Method;
import org.htsgd.train.method.NoiseOffPhase;

/**
 * How long Table 2's runs take, from measured step costs ({@link StepCost}), printed before the runs start and kept
 * in {@code estimate.json}. A run costs its gradients, its evaluations and its sharpness measures:
 *
 * <ul>
 *   <li>Gradients per iteration: LB one large-batch gradient; SB and SB+Clip one small-batch; SB+Noise and Our 2
 *       one small- and one large-batch while the noise is on, Our 1 two small and one large (eq. 47, paper.md
 *       §4.1), then one large-batch gradient (or small, {@link NoiseOffPhase#SB}) in the last K.</li>
 *   <li>Evaluations: one forward pass over the training and test sets every {@code evalEvery} iterations.</li>
 *   <li>Sharpness: forward passes over the training set (expected sharpness: its samples; PAC-Bayes: samples per
 *       bisection step, depth + {@link #REFINE_STEPS} steps) and training-set gradients (maximal sharpness: ascent
 *       steps per bisection step; the Hessian: two per power iteration and per Hutchinson probe).</li>
 * </ul>
 * The runs then start in start order ({@link Table2Plan#startOrder}), {@link TrainingRuns#runsAtOnce} at a time, a
 * run starting when one ends, and the running runs share the {@code threads} cores equally (one core each at most),
 * as the operating system shares them, until every run has started; from then on, as {@link CoreShares} does, the
 * running runs are given {@link CoreShares#split} of the cores, and a run given k of them runs at
 * \(t(k) = t_1 (s + (1 - s)/k)\) (Amdahl's law through its times on one thread, \(t_1\), and on all
 * {@code threads}, \(t_K\), both from measured costs: \(s = (t_K/t_1 - 1/K)/(1 - 1/K)\), clipped to [0, 1]; a LeNet
 * run gains 1.4-2x from a second core in its large-batch gradients, nothing in its small-batch ones). A task whose
 * runs keep one thread ({@link TrainingRuns#mostThreads}) has no cost on more threads and \(s = 1\). The costs are
 * measured with one run alone: two runs side by side each run slower (memory bandwidth shared; BENCHMARKS.md), so
 * the estimate is a lower bound on a busy machine.
 *
 * <p>A run resumed from a checkpoint costs only what is left: its remaining iterations and their evaluations, and
 * its measures.
 *
 * @param runs planned runs
 * @param toTrain runs without a result yet (the others are read, not trained)
 * @param resumed those of them that continue from a checkpoint
 * @param cpuSeconds the sum of the estimated times of the runs to train
 * @param wallSeconds their estimated wall time on {@code threads} cores
 * @param threads cores used
 * @param costs the measured costs used: per task trained, on one thread and, if its runs can be given more, on
 *     {@code threads}
 * @param mayStop whether the runs stop at a training-accuracy target ({@link TrainingScale#stopAtTrainAccuracy()}):
 *     the estimate assumes every run goes to T, an upper bound (false in an estimate written before)
 */
record Table2Estimate(int runs, int toTrain, int resumed, double cpuSeconds, double wallSeconds, int threads,
                      List<StepCost> costs, boolean mayStop) {
    /** Radius-search steps beyond the bisection depth that the refinement may add (sharpness package notes). */
    static final int REFINE_STEPS = 7;

    /** Validates. */
    Table2Estimate {
        costs = List.copyOf(costs);
        Require.atLeast(threads, 1, "threads");
    }

    /**
     * @param jobs every planned run, in plan order
     * @param finished whether each run (plan order) already has a result
     * @param resumesAt iterations each run (plan order) has done by its checkpoint, 0 if none
     * @param costs measured costs of every task with a run to train: on one thread and, if its runs can be given
     *     more ({@link TrainingRuns#mostThreads}), on {@code threads}
     * @param scale the training scale
     * @param threads cores used
     * @return the estimate
     * @throws IllegalArgumentException if a task to train has no cost on one thread
     */
    static Table2Estimate of(List<Table2Job> jobs, boolean[] finished, long[] resumesAt,
                             Map<Task, List<StepCost>> costs, TrainingScale scale, int threads) {
        List<Double> seconds = new ArrayList<>();
        List<Double> sharedSeconds = new ArrayList<>();
        double cpu = 0;
        int resumed = 0;
        for (int k : Table2Plan.startOrder(jobs)) {
            if (!finished[k]) {
                Table2Job j = jobs.get(k);
                List<StepCost> c = costs.get(j.task());
                StepCost one = c.stream().filter(x -> x.threads() == 1).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("no one-thread cost of " + j.task().cliName()));
                StepCost most = c.stream().filter(x -> x.threads() == threads).findFirst().orElse(one);
                double s = runSeconds(j.task(), j.method(), j.schedule(), resumesAt[k], one, scale);
                seconds.add(s);
                sharedSeconds.add(most == one ? s
                    : runSeconds(j.task(), j.method(), j.schedule(), resumesAt[k], most, scale));
                cpu += s;
                resumed += resumesAt[k] > 0 ? 1 : 0;
            }
        }
        return new Table2Estimate(jobs.size(), seconds.size(), resumed, cpu,
            wall(seconds, sharedSeconds, threads, TrainingRuns.runsAtOnce(threads, seconds.size())), threads,
            costs.values().stream().flatMap(List::stream).toList(), !Double.isNaN(scale.stopAtTrainAccuracy()));
    }

    /**
     * @param task the task
     * @param method the method
     * @param schedule its T and K
     * @param from iterations already done (its checkpoint's), 0 for a fresh run
     * @param c the task's costs
     * @param s the training scale (evaluation period, sharpness settings)
     * @return the estimated seconds of the run's iterations from {@code from} on one thread: training, evaluations
     *     and sharpness measures
     */
    static double runSeconds(Task task, Method method, IterationSchedule schedule, long from, StepCost c,
                             TrainingScale s) {
        Hyperparameters h = task.hyperparameters(method);
        long t = schedule.iterations();
        long start = Math.min(Math.max(from, 0), t);
        long noiseEnd = t - schedule.noiseOffLast();
        long noisyLeft = Math.max(0, noiseEnd - start);
        long quietLeft = t - Math.max(start, noiseEnd);
        double training;
        if (method.injectsNoise()) {
            double noisy = (method == Method.OUR1 ? 2 : 1) * c.sbSeconds() + c.lbSeconds();
            double quiet = h.noiseOffPhase() == NoiseOffPhase.LB ? c.lbSeconds() : c.sbSeconds();
            training = noisyLeft * noisy + quietLeft * quiet;
        } else if (method == Method.LB) {
            training = (t - start) * c.lbSeconds();
        } else {
            training = (t - start) * c.sbSeconds() * (method == Method.SAM ? 2 : 1);
        }
        long e = s.evalEvery();
        // every e iterations and at the end; a run resumed from its final checkpoint evaluates its weights once
        long evaluationsLeft = start == t ? 1 : t / e - start / e + (t % e == 0 ? 0 : 1);
        double evaluations = evaluationsLeft * c.forwardSeconds() * (c.trainSize() + c.testSize());
        int steps = s.searchDepth() + REFINE_STEPS;
        double forwards = s.expectedSharpnessSamples() + (double) steps * s.pacBayesSamples();
        double gradients = (double) steps * s.maximalAscentSteps() + 2.0 * (s.hessianIterations() + s.hessianProbes());
        return training + evaluations + forwards * c.trainForwardSeconds() + gradients * c.trainGradientSeconds();
    }

    /**
     * @param seconds run times on one core, in start order
     * @param threads cores
     * @param atOnce runs at once ({@code >= 1})
     * @return {@link #wall(List, List, int, int)} for runs that gain nothing from more than one core
     */
    static double wall(List<Double> seconds, int threads, int atOnce) {
        return wall(seconds, seconds, threads, atOnce);
    }

    /**
     * @param seconds run times on one core, in start order
     * @param sharedSeconds their times on {@code threads} cores (equal to {@code seconds} for a run that keeps one)
     * @param threads cores
     * @param atOnce runs at once ({@code >= 1})
     * @return when the last run ends if each run starts as soon as fewer than {@code atOnce} run, the running runs
     *     share the cores equally, each at most one (processor sharing; with {@code atOnce == threads} each run has
     *     its own core: list scheduling), until every run has started, and from then on fewer runs than cores are
     *     given {@link CoreShares#split} of them, each running at its {@link #speedUp}
     */
    static double wall(List<Double> seconds, List<Double> sharedSeconds, int threads, int atOnce) {
        Require.atLeast(atOnce, 1, "atOnce");
        Require.atLeast(threads, 1, "threads");
        int n = seconds.size();
        if (sharedSeconds.size() != n) {
            throw new IllegalArgumentException("sharedSeconds has " + sharedSeconds.size() + " runs, seconds " + n);
        }
        double[] left = new double[n]; // one-core seconds still to run
        double[] serial = new double[n];
        for (int i = 0; i < n; i++) {
            left[i] = seconds.get(i);
            serial[i] = serialFraction(seconds.get(i), sharedSeconds.get(i), threads);
        }
        List<Integer> running = new ArrayList<>();
        int next = 0;
        double now = 0;
        while (next < n || !running.isEmpty()) {
            while (running.size() < atOnce && next < n) {
                running.add(next++);
            }
            double[] speed = new double[running.size()]; // one-core seconds per second
            if (next < n || running.size() >= threads) {
                Arrays.fill(speed, Math.min(1.0, (double) threads / running.size()));
            } else {
                int[] shares = CoreShares.split(threads, running.size());
                for (int k = 0; k < speed.length; k++) {
                    speed[k] = speedUp(serial[running.get(k)], shares[k]);
                }
            }
            int first = 0;
            for (int k = 1; k < speed.length; k++) {
                if (left[running.get(k)] / speed[k] < left[running.get(first)] / speed[first]) {
                    first = k;
                }
            }
            double dt = left[running.get(first)] / speed[first];
            now += dt;
            List<Integer> still = new ArrayList<>();
            for (int k = 0; k < speed.length; k++) {
                int r = running.get(k);
                left[r] -= speed[k] * dt;
                if (k != first && left[r] > 1e-9 * seconds.get(r)) {
                    still.add(r);
                }
            }
            running = still;
        }
        return now;
    }

    /**
     * @param oneCore a run's time on one core
     * @param onThreads its time on {@code threads} cores
     * @param threads cores
     * @return Amdahl's serial fraction through the two times, \((t_K/t_1 - 1/K)/(1 - 1/K)\), clipped to [0, 1];
     *     1 (no gain) on one core
     */
    static double serialFraction(double oneCore, double onThreads, int threads) {
        if (threads == 1 || !(oneCore > 0)) {
            return 1;
        }
        double k = threads;
        return Math.min(1, Math.max(0, (onThreads / oneCore - 1 / k) / (1 - 1 / k)));
    }

    /**
     * @param serial a run's serial fraction s
     * @param cores cores it is given, {@code >= 1}
     * @return its speed relative to one core, \(1/(s + (1 - s)/k)\)
     */
    static double speedUp(double serial, int cores) {
        return 1 / (serial + (1 - serial) / cores);
    }

    /**
     * @param profile the profile's name
     * @return e.g. {@code Table 2, paper profile: 1 run (1 to train), estimated 2.2 h on 2 threads (measured on one
     *     thread: fmnist-lenet SB gradient 13 ms, LB gradient 113 ms, 65 ms on 2 threads; runs side by side are
     *     slower)}
     */
    String line(String profile) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Table 2, %s profile: %d run%s (%d to train%s), "
            + "estimated %s%s on %d thread%s", profile, runs, runs == 1 ? "" : "s", toTrain, resumed == 0 ? ""
            : ", " + resumed + " of them from a checkpoint", mayStop ? "at most " : "", duration(wallSeconds),
            threads, threads == 1 ? "" : "s"));
        int atOnce = TrainingRuns.runsAtOnce(threads, toTrain);
        if (atOnce > threads) {
            sb.append(", ").append(atOnce).append(" runs at a time sharing them");
        }
        if (!costs.isEmpty()) {
            sb.append(" (measured on one thread:");
            for (StepCost c : costs) {
                if (c.threads() == 1) {
                    sb.append(String.format(Locale.ROOT, " %s SB gradient %.0f ms, LB gradient %.0f ms", c.task()
                        .cliName(), 1e3 * c.sbSeconds(), 1e3 * c.lbSeconds()));
                    for (StepCost more : costs) {
                        if (more.task() == c.task() && more.threads() > 1) {
                            sb.append(String.format(Locale.ROOT, ", %.0f ms on %d threads", 1e3 * more.lbSeconds(),
                                more.threads()));
                        }
                    }
                    sb.append(';');
                }
            }
            sb.setLength(sb.length() - 1);
            sb.append("; runs side by side are slower)");
        }
        return sb.toString();
    }

    /** @param seconds a duration @return e.g. {@code 40 s}, {@code 12 min}, {@code 3.4 h} */
    static String duration(double seconds) {
        if (seconds < 90) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        if (seconds < 90 * 60) {
            return String.format(Locale.ROOT, "%.0f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
}
