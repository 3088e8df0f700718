package org.htsgd.train.sharpness;

/**
 * Progress callback of {@link Sharpness#measure}: called from the measuring thread after each unit of work (a
 * Monte Carlo sample, a search evaluation, a Hessian-vector product, a batch), with a total that is an upper bound
 * (a search may stop early).
 */
@FunctionalInterface
public interface SharpnessProgress {
    /** A callback that ignores progress. */
    SharpnessProgress NONE = (measure, done, total) -> { };

    /**
     * @param measure the measure being computed
     * @param done units finished for that measure
     * @param total units planned for that measure (upper bound)
     */
    void update(Measure measure, long done, long total);
}
