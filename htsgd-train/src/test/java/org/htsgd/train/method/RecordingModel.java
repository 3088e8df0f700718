package org.htsgd.train.method;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.htsgd.train.model.DifferentiableModel;

/** Test wrapper: records every gradient call (batch and weights at the call) of a rule on the wrapped model. */
final class RecordingModel implements DifferentiableModel {
    /** One recorded gradient evaluation. */
    record Call(int[] batch, double[] weights) {
    }

    private final DifferentiableModel inner;
    final List<Call> calls = new ArrayList<>();

    RecordingModel(DifferentiableModel inner) {
        this.inner = inner;
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
        double[] w = new double[dimension()];
        inner.weights(w);
        calls.add(new Call(Arrays.copyOf(examples, count), w));
        return inner.lossAndGradient(examples, count, grad);
    }

    @Override
    public Evaluation evaluate(int[] examples, int count) {
        return inner.evaluate(examples, count);
    }

    double[] weights() {
        double[] w = new double[dimension()];
        inner.weights(w);
        return w;
    }
}
