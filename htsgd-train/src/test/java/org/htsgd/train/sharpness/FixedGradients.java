package org.htsgd.train.sharpness;

import org.htsgd.train.model.DifferentiableModel;

/**
 * Test model with a linear loss \(\ell_i(\theta) = g_i\cdot\theta\): example i's gradient is the fixed vector
 * \(g_i\), so minibatch gradient noise is \(\bar g_B - \bar g\) with whatever law the \(g_i\) were drawn from.
 */
final class FixedGradients implements DifferentiableModel {
    private final double[][] g;
    private final double[] theta;

    FixedGradients(double[][] perExample) {
        this.g = perExample;
        this.theta = new double[perExample[0].length];
    }

    @Override
    public int dimension() {
        return theta.length;
    }

    @Override
    public int trainingSize() {
        return g.length;
    }

    @Override
    public void weights(double[] out) {
        System.arraycopy(theta, 0, out, 0, theta.length);
    }

    @Override
    public void setWeights(double[] w) {
        System.arraycopy(w, 0, theta, 0, theta.length);
    }

    @Override
    public double lossAndGradient(int[] examples, int count, double[] grad) {
        java.util.Arrays.fill(grad, 0);
        double loss = 0;
        for (int k = 0; k < count; k++) {
            double[] gi = g[examples[k]];
            for (int j = 0; j < gi.length; j++) {
                grad[j] += gi[j] / count;
                loss += gi[j] * theta[j] / count;
            }
        }
        return loss;
    }

    @Override
    public Evaluation evaluate(int[] examples, int count) {
        double[] grad = new double[theta.length];
        return new Evaluation(lossAndGradient(examples, count, grad), 0);
    }
}
