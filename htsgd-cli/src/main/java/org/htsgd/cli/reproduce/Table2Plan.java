package org.htsgd.cli.reproduce;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.htsgd.train.loop.Task;
import org.htsgd.train.method.Method;
import org.htsgd.train.method.TruncationReading;

/**
 * Which training runs Table 2 makes, with which seeds, and in which order they start.
 *
 * <ul>
 *   <li>Runs: every task given (those of the profile whose data was found) × every method of the profile × every
 *       replication, in that nesting order (the order of {@code table2.json} and {@code runs.csv}).</li>
 *   <li>Seed of replication r: \(((s + 1000 r) \bmod 2^{40}) + 1\) with s the part's seed, shared by all methods
 *       and tasks, so within a replication every method starts from the same weights and sees the same corrupted
 *       labels (the paper's fair comparison, paper.md §4.1).</li>
 *   <li>Directory: {@code runs/<task>/<method>/rep<r>} ({@link #methodDir}: {@code our1-b-on-gradient} for b read on
 *       the gradient).</li>
 *   <li>Schedule: the profile's, or the paper's per task and method ({@link TrainingScale#scheduleOf}: Table 1's,
 *       App. A.3's 10x longer one for SB+Noise).</li>
 *   <li>Start order: longest first by {@link Table2Job#relativeCost()} (iterations, times 10 for a run with a
 *       large-batch gradient every step), otherwise plan order, so that no long run is left alone at the end.</li>
 * </ul>
 */
final class Table2Plan {
    private Table2Plan() {
    }

    /**
     * @param scale the profile's training scale
     * @param tasks the tasks to train (those of the profile whose data was found), in Table 2's row order
     * @param partSeed the part's seed
     * @param runsDir the directory of the run directories
     * @return the runs, in plan order
     */
    static List<Table2Job> jobs(TrainingScale scale, List<Task> tasks, long partSeed, Path runsDir) {
        List<Table2Job> jobs = new ArrayList<>();
        for (Task t : tasks) {
            for (Method m : scale.methods()) {
                for (int r = 0; r < scale.replications(); r++) {
                    jobs.add(new Table2Job(t, m, r, runSeed(partSeed, r), scale.scheduleOf(t, m),
                        runsDir.resolve(t.cliName()).resolve(methodDir(m, scale.bOn(m))).resolve("rep" + r)));
                }
            }
        }
        return jobs;
    }

    /**
     * @param m a method
     * @param bOn what b bounds in its runs ({@link TrainingScale#bOn(Method)}: always the default for a method that
     *     does not truncate, so a row read on the gradient shares the LB, SB and SB+Noise runs of the default row in
     *     the same output directory)
     * @return the directory of the method's runs under the task's: its name ({@code our1}), or with b read on the
     *     gradient its name and the reading ({@code our1-b-on-gradient})
     */
    static String methodDir(Method m, TruncationReading bOn) {
        return bOn == TruncationReading.UPDATE ? m.cliName() : m.cliName() + "-b-on-" + bOn.cliName();
    }

    /**
     * @param partSeed the part's seed
     * @param replication replication index
     * @return the training seed of the replication
     */
    static long runSeed(long partSeed, int replication) {
        return Math.floorMod(partSeed + 1000L * replication, 1L << 40) + 1;
    }

    /**
     * @param jobs runs in plan order
     * @return the indices of the runs in start order: decreasing {@link Table2Job#relativeCost()}, otherwise plan
     *     order (stable)
     */
    static List<Integer> startOrder(List<Table2Job> jobs) {
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < jobs.size(); k++) {
            order.add(k);
        }
        order.sort(Comparator.comparingLong((Integer k) -> jobs.get(k).relativeCost()).reversed());
        return order;
    }
}
