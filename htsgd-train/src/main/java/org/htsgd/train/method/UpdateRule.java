package org.htsgd.train.method;

import org.apache.commons.rng.UniformRandomProvider;
import org.htsgd.train.model.DifferentiableModel;

/**
 * One of the paper's update rules (S1 §4, eq. 47; paper.md §4.1) acting on a {@link DifferentiableModel}.
 *
 * <p><b>Lifecycle:</b> {@code init(model, rng)} once, then {@code step(t)} for t = 0, 1, ..., T-1.
 * A rule holds immutable {@link Hyperparameters} and mutable per-run state (the bound model and generators, the
 * momentum buffer, work buffers sized at {@code init}); {@link #copy()} returns the same configuration with fresh,
 * uninitialised state. {@code init} may be called again to start over (the momentum buffer is zeroed).
 * {@code step} before {@code init} throws {@link IllegalStateException}. Not thread-safe.
 *
 * <p><b>One step at iteration t</b> with \(\eta = \eta_t\) from the schedule:
 * <ol>
 *   <li>the rule draws its batches (SB, SB*, LB as needed, in this order) from the batch generator and Z from the
 *       noise generator, and forms its raw direction g at the current weights \(\theta\);</li>
 *   <li>truncation (SB+Clip, Our 1, Our 2): \(s = \varphi_b(\eta g) = \min(1, b/\|\eta g\|)\,\eta g\), global L2
 *       norm over all weights; other rules \(s = \eta g\);</li>
 *   <li>weight decay and heavy-ball momentum in PyTorch's {@code SGD} convention applied to the truncated step
 *       (as {@code clip_grad_norm_} followed by {@code optimizer.step()} in S1 App. A.4):
 *       \(u = s/\eta + \lambda\theta\), \(v \leftarrow \mu v + u\) (v starts at 0),
 *       \(\theta \leftarrow \theta - \eta v\); with \(\mu = \lambda = 0\) this is \(\theta \leftarrow \theta - s\);</li>
 *   <li>if {@code weightLinfClip} is finite, each weight is clipped to \([-r, r]\) (projection on the L-infinity
 *       ball; SB+Noise, App. A.3).</li>
 * </ol>
 * Noise-injecting rules (SB+Noise, Our 1, Our 2) inject no noise in the last K = {@code noiseOffLast} iterations
 * and take LB (or SB, see {@link NoiseOffPhase}) steps instead; truncation still applies (paper.md §6 item 5).
 */
public interface UpdateRule {
    /** @return the method this rule implements */
    Method method();

    /** @return the immutable configuration */
    Hyperparameters hyperparameters();

    /**
     * Binds the rule to a model and one generator used for batches and Z.
     *
     * @param model the model (its current weights are the starting point)
     * @param rng the generator (never created inside)
     * @throws IllegalArgumentException if a batch size exceeds {@code model.trainingSize()}
     */
    default void init(DifferentiableModel model, UniformRandomProvider rng) {
        init(model, rng, rng);
    }

    /**
     * Binds the rule to a model, a generator for the batches and one for Z (separate streams let two methods share
     * the same Z sequence).
     *
     * @param model the model (its current weights are the starting point)
     * @param batchRng generator of the batch indices
     * @param noiseRng generator of Z
     * @throws IllegalArgumentException if a batch size exceeds {@code model.trainingSize()}
     */
    void init(DifferentiableModel model, UniformRandomProvider batchRng, UniformRandomProvider noiseRng);

    /**
     * Performs the update of iteration t on the model's weights.
     *
     * @param iteration t, {@code >= 0}; selects \(\eta_t\) and whether the noise is on
     * @return what the step did
     * @throws IllegalStateException if the rule is not initialised
     */
    StepRecord step(long iteration);

    /**
     * @return a copy of the mutable optimiser state beyond the model's weights and the generators (the momentum
     *         buffer, length d; empty when momentum is 0), for checkpoints
     * @throws IllegalStateException if the rule is not initialised
     */
    double[] saveState();

    /**
     * @param state a state from {@link #saveState()} of a rule with the same configuration and model dimension
     * @throws IllegalStateException if the rule is not initialised
     * @throws IllegalArgumentException if the length does not match
     */
    void restoreState(double[] state);

    /** @return the same configuration with fresh, uninitialised state */
    UpdateRule copy();
}
