package org.htsgd.cli.reproduce;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;
import org.htsgd.core.validation.Require;

/**
 * The {@code --threads} cores shared among Table 2's running training children. Each child starts with one intra-op
 * thread. Once every run of the plan has started (or been read from its result), the running children are given
 * {@link #split} of the cores, again each time one ends: one each while there are at least as many children as
 * cores, more when fewer remain, so the last runs of a plan (a paper row's SB+Noise, the quick profile's last
 * large-batch run) no longer leave cores idle. A child whose network gives the same numbers on any thread count
 * (LeNet, VGG11: {@code Network.sameOnAnyThreadCount}) applies its share between two steps and so trains the same
 * run, only sooner; another child keeps one thread ({@link TrainingRuns#trainAndMeasure}).
 *
 * <p>Thread-safe: the children's runner threads call it.
 */
final class CoreShares {
    /** The cores to share. */
    private final int threads;
    /** Runs not started (or read) yet: no child gets more than one thread before they all have. */
    private int waiting;
    /** Each running child's way to be told its share, in start order. */
    private final Map<Object, IntConsumer> running = new LinkedHashMap<>();
    /** The share each running child was last told (1 at its start). */
    private final Map<Object, Integer> told = new LinkedHashMap<>();

    /**
     * @param threads the cores to share, {@code >= 1}
     * @param runs the runs of the plan, {@code >= 0}: each will be {@link #started} or {@link #skipped}
     * @throws IllegalArgumentException if {@code threads < 1} or {@code runs < 0}
     */
    CoreShares(int threads, int runs) {
        Require.atLeast(threads, 1, "threads");
        Require.atLeast(runs, 0, "runs");
        this.threads = threads;
        this.waiting = runs;
    }

    /**
     * @param threads cores
     * @param children running children, {@code >= 1}
     * @return each child's share in start order: {@code threads / children} each, the first {@code threads %
     *     children} one more, and at least 1 each (more children than cores share them through the operating system)
     */
    static int[] split(int threads, int children) {
        Require.atLeast(children, 1, "children");
        int[] shares = new int[children];
        for (int k = 0; k < children; k++) {
            shares[k] = Math.max(1, threads / children + (k < threads % children ? 1 : 0));
        }
        return shares;
    }

    /**
     * A child has started with one thread.
     *
     * @param child its key (its process)
     * @param tell how to give it a new share
     */
    synchronized void started(Object child, IntConsumer tell) {
        running.put(child, tell);
        told.put(child, 1);
        waiting = Math.max(0, waiting - 1);
        rebalance();
    }

    /** A run of the plan needs no child (its result was read). */
    synchronized void skipped() {
        waiting = Math.max(0, waiting - 1);
        rebalance();
    }

    /** @param child a child that has ended (its key; unknown keys are ignored) */
    synchronized void ended(Object child) {
        if (running.remove(child) != null) {
            told.remove(child);
            rebalance();
        }
    }

    /** @return the share each running child was last told, in start order */
    synchronized int[] shares() {
        return told.values().stream().mapToInt(Integer::intValue).toArray();
    }

    private void rebalance() {
        if (running.isEmpty() || waiting > 0) {
            return;
        }
        int[] shares = split(threads, running.size());
        int k = 0;
        for (Map.Entry<Object, IntConsumer> e : running.entrySet()) {
            int share = shares[k++];
            if (told.get(e.getKey()) != share) {
                told.put(e.getKey(), share);
                e.getValue().accept(share);
            }
        }
    }
}
