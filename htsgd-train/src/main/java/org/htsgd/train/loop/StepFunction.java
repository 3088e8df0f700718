package org.htsgd.train.loop;

import org.apache.commons.rng.UniformRandomProvider;
import org.htsgd.train.model.DifferentiableModel;

/**
 * One iteration of an update rule as the training loop drives it: read the weights, evaluate gradients, write the
 * new weights. All randomness (batches, Z) comes from the injected generator, whose state the loop checkpoints;
 * any other mutable state (momentum buffers) is exposed by {@link #saveState} / {@link #restoreState} so a resumed
 * run continues bit-identically.
 */
public interface StepFunction {
    /**
     * Called once by the loop before any step or {@link #restoreState}: binds the rule to the model and the
     * run's generator.
     *
     * @param model the model
     * @param rng the run's generator
     */
    default void bind(DifferentiableModel model, UniformRandomProvider rng) {
    }

    /**
     * @param iteration 0-based iteration index
     * @param model the model (weights are read and replaced)
     * @param rng the run's generator
     * @return what happened
     */
    StepOutcome step(long iteration, DifferentiableModel model, UniformRandomProvider rng);

    /** @return the rule's mutable state (empty if stateless) */
    default double[] saveState() {
        return new double[0];
    }

    /** @param state a value returned by {@link #saveState} */
    default void restoreState(double[] state) {
        if (state.length != 0) {
            throw new IllegalArgumentException("state.length is not 0: " + state.length);
        }
    }
}
