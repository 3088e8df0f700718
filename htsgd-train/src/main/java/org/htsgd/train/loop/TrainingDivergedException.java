package org.htsgd.train.loop;

/**
 * The loss or the weights became NaN or infinite. The message is one line naming the iteration, the value and the
 * last good checkpoint (kept on disk), e.g. {@code "training diverged at iteration 3: loss is NaN (lr 1000000.0);
 * last good checkpoint: out/checkpoint.bin (iteration 2)"}.
 */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Iteration (0-based) at which the non-finite value appeared. */
    private final long iteration;

    /** @param iteration the iteration @param message the one-line message */
    public TrainingDivergedException(long iteration, String message) {
        super(message);
        this.iteration = iteration;
    }

    /** @return the iteration (0-based) at which the non-finite value appeared */
    public long iteration() {
        return iteration;
    }
}
