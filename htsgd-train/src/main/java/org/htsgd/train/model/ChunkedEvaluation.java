package org.htsgd.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.htsgd.train.model.DifferentiableModel.Evaluation;

/**
 * Mean loss and accuracy of a block over n examples, inference mode (batch norm running statistics, no dropout),
 * in chunks of at most {@code chunk} examples: \(L = \frac{1}{n}\sum_i -\log \mathrm{softmax}(f_\theta(x_i))_{y_i}\)
 * and the fraction of examples whose largest logit is at \(y_i\). Each chunk's tensors live in a sub-manager closed
 * before the next chunk, so memory is bounded by one chunk whatever n is.
 */
final class ChunkedEvaluation {
    /** Supplies the examples of a chunk as tensors. */
    @FunctionalInterface
    interface Chunks {
        /**
         * @param sub the manager to create the tensors in (closed after the chunk)
         * @param from first example, inclusive
         * @param to last example, exclusive
         * @return the images (to - from, C, H, W) and their int64 labels, in this order
         */
        NDList get(NDManager sub, int from, int to);
    }

    /** Owner of the per-chunk sub-managers. */
    private final NDManager manager;
    /** The network. */
    private final Block block;
    /** Its parameter store. */
    private final ParameterStore store;
    /** Largest chunk. */
    private final int chunk;

    ChunkedEvaluation(NDManager manager, Block block, ParameterStore store, int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk is not >= 1: " + chunk);
        }
        this.manager = manager;
        this.block = block;
        this.store = store;
        this.chunk = chunk;
    }

    /**
     * @param n number of examples, {@code >= 1}
     * @param chunks the examples
     * @return their mean loss and accuracy
     */
    Evaluation run(int n, Chunks chunks) {
        double lossSum = 0;
        long correct = 0;
        for (int from = 0; from < n; from += chunk) {
            int to = Math.min(n, from + chunk);
            try (NDManager sub = manager.newSubManager()) {
                NDList xy = chunks.get(sub, from, to);
                NDArray y = xy.get(1);
                NDArray logits = block.forward(store, new NDList(xy.get(0)), false).singletonOrThrow();
                lossSum += crossEntropy(logits, y).sum().getFloat();
                correct += logits.argMax(1).eq(y).sum().toType(DataType.INT64, false).getLong();
            }
        }
        return new Evaluation(lossSum / n, (double) correct / n);
    }

    /**
     * @param logits (N, K) logits
     * @param y (N) int64 labels
     * @return (N) per-example cross-entropy \(-\log \mathrm{softmax}(\text{logits})_y\)
     */
    static NDArray crossEntropy(NDArray logits, NDArray y) {
        return logits.logSoftmax(1).gather(y.reshape(-1, 1), 1).neg();
    }
}
