package org.htsgd.train.model;

import java.util.Objects;

/**
 * Test base for wrappers of a {@link DifferentiableModel}: every method forwards to the wrapped model, so a wrapper
 * overrides only the calls it observes (records, counts, fails on).
 */
public abstract class ForwardingModel implements DifferentiableModel {
    /** The wrapped model. */
    protected final DifferentiableModel inner;

    /** @param inner the model every call is forwarded to */
    protected ForwardingModel(DifferentiableModel inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    @Override
    public int dimension() {
        return inner.dimension();
    }

    @Override
    public int trainingSize() {
        return inner.trainingSize();
    }

    @Override
    public void weights(double[] out) {
        inner.weights(out);
    }

    @Override
    public void setWeights(double[] w) {
        inner.setWeights(w);
    }

    @Override
    public double lossAndGradient(int[] examples, int count, double[] grad) {
        return inner.lossAndGradient(examples, count, grad);
    }

    @Override
    public Evaluation evaluate(int[] examples, int count) {
        return inner.evaluate(examples, count);
    }
}
