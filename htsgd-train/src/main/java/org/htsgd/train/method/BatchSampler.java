package org.htsgd.train.method;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Draws mini-batches of {@code batch} distinct indices from \([0, n)\): uniform without replacement within a batch,
 * independent across calls, like S7's {@code np.random.choice(n, B, replace=False)} for every iteration.
 *
 * <p>Allocation-free: a partial Fisher–Yates shuffle on a reused identity permutation; the swaps are undone after
 * each draw, so the pool is the identity again and a draw depends only on the generator's state (a checkpoint only
 * has to save the generator). Cost O(batch) per call. The generator is injected. Not thread-safe.
 */
public final class BatchSampler {
    /** Generator. */
    private final UniformRandomProvider rng;
    /** Population size n. */
    private final int n;
    /** Batch size. */
    private final int batch;
    /** Identity permutation of [0, n), restored after each draw. */
    private final int[] pool;
    /** Swap partners of the last draw, to undo them. */
    private final int[] swaps;
    /** The last batch. */
    private final int[] out;

    private BatchSampler(UniformRandomProvider rng, int n, int batch) {
        this.rng = rng;
        this.n = n;
        this.batch = batch;
        this.pool = new int[n];
        for (int i = 0; i < n; i++) {
            pool[i] = i;
        }
        this.swaps = new int[batch];
        this.out = new int[batch];
    }

    /**
     * @param rng generator
     * @param n population size, {@code > 0}
     * @param batch batch size, {@code 0 < batch <= n}
     * @return the sampler
     * @throws IllegalArgumentException if {@code n <= 0} or batch not in (0, n]
     */
    public static BatchSampler of(UniformRandomProvider rng, int n, int batch) {
        Objects.requireNonNull(rng, "rng");
        if (n <= 0) {
            throw new IllegalArgumentException("n is not > 0: " + n);
        }
        if (batch <= 0 || batch > n) {
            throw new IllegalArgumentException("batch is not in (0, n = " + n + "]: " + batch);
        }
        return new BatchSampler(rng, n, batch);
    }

    /** @return n */
    public int n() {
        return n;
    }

    /** @return the batch size */
    public int batch() {
        return batch;
    }

    /**
     * @return the next batch in an internal array (length {@code batch}) that the next call overwrites
     */
    public int[] next() {
        next(out);
        return out;
    }

    /**
     * Writes the next batch into {@code dest[0, batch)}.
     *
     * @param dest destination, {@code dest.length >= batch}
     * @throws IllegalArgumentException if {@code dest} is shorter than the batch
     */
    public void next(int[] dest) {
        if (dest.length < batch) {
            throw new IllegalArgumentException("dest.length is not >= batch (" + batch + "): " + dest.length);
        }
        final int[] p = pool;
        for (int i = 0; i < batch; i++) {
            final int j = i + rng.nextInt(n - i);
            swaps[i] = j;
            final int t = p[j];
            p[j] = p[i];
            p[i] = t;
            dest[i] = t;
        }
        // Undo in reverse order: the pool is the identity again.
        for (int i = batch - 1; i >= 0; i--) {
            final int j = swaps[i];
            final int t = p[j];
            p[j] = p[i];
            p[i] = t;
        }
    }

    @Override
    public String toString() {
        return "BatchSampler[n=" + n + ", batch=" + batch + ", " + rng + "]";
    }
}
