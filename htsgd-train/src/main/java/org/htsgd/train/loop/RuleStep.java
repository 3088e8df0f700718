package org.htsgd.train.loop;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.htsgd.train.method.StepRecord;
import org.htsgd.train.method.UpdateRule;
import org.htsgd.train.model.DifferentiableModel;

/**
 * Adapts one of the paper's {@link UpdateRule}s to the loop: {@link #bind} calls {@code init(model, rng)} (batches
 * and Z from the run's one checkpointed generator), a step reports the batch loss, the pre-truncation step norm
 * \(\eta_t \|g\|\), whether it was truncated and Z (0 when no noise was injected); the rule's momentum buffer is the
 * checkpointed state.
 */
public final class RuleStep implements StepFunction {
    /** The adapted rule. */
    private final UpdateRule rule;

    private RuleStep(UpdateRule rule) {
        this.rule = rule;
    }

    /** @param rule an uninitialised rule @return the adapter */
    public static RuleStep of(UpdateRule rule) {
        return new RuleStep(Objects.requireNonNull(rule, "rule"));
    }

    /** {@inheritDoc} */
    @Override
    public void bind(DifferentiableModel model, UniformRandomProvider rng) {
        rule.init(model, rng);
    }

    /** {@inheritDoc} */
    @Override
    public StepOutcome step(long iteration, DifferentiableModel model, UniformRandomProvider rng) {
        StepRecord r = rule.step(iteration);
        double eta = rule.hyperparameters().learningRate(iteration);
        return new StepOutcome(r.loss(), eta * r.gradNorm(), r.truncated(), r.noiseOn() ? r.z() : 0);
    }

    /** {@inheritDoc} */
    @Override
    public double[] saveState() {
        return rule.saveState();
    }

    /** {@inheritDoc} */
    @Override
    public void restoreState(double[] state) {
        rule.restoreState(state);
    }

    @Override
    public String toString() {
        return "RuleStep[" + rule + "]";
    }
}
