package org.htsgd.train.method;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.htsgd.train.model.DifferentiableModel;
import org.htsgd.train.model.ForwardingModel;

/** Test wrapper: records every gradient call (batch and weights at the call) of a rule on the wrapped model. */
final class RecordingModel extends ForwardingModel {
    /** One recorded gradient evaluation. */
    record Call(int[] batch, double[] weights) {
    }

    final List<Call> calls = new ArrayList<>();

    RecordingModel(DifferentiableModel inner) {
        super(inner);
    }

    @Override
    public double lossAndGradient(int[] examples, int count, double[] grad) {
        calls.add(new Call(Arrays.copyOf(examples, count), weights()));
        return inner.lossAndGradient(examples, count, grad);
    }

    double[] weights() {
        double[] w = new double[dimension()];
        inner.weights(w);
        return w;
    }
}
