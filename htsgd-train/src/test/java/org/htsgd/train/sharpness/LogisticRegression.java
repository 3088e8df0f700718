package org.htsgd.train.sharpness;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.htsgd.train.model.DifferentiableModel;

/**
 * Test model: binary logistic regression \(\ell_i = \log(1 + e^{-y_i x_i\cdot\theta})\), a non-quadratic loss with
 * an exact Hessian \(H = \frac1n\sum_i p_i(1-p_i) x_i x_i^\top\), \(p_i = \sigma(x_i\cdot\theta)\). Optionally
 * rounds gradients to float, to mimic a float32 engine.
 */
final class LogisticRegression implements DifferentiableModel {
    private final double[][] x;
    private final double[] y;
    private final double[] theta;
    private final boolean floatGradients;

    LogisticRegression(long seed, int n, int d, boolean floatGradients) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        this.x = new double[n][d];
        this.y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                x[i][j] = g.sample() * (1 + j % 3);
                s += x[i][j] * (j % 2 == 0 ? 0.3 : -0.2);
            }
            y[i] = s + g.sample() > 0 ? 1 : -1;
        }
        this.theta = new double[d];
        for (int j = 0; j < d; j++) {
            theta[j] = 0.4 * g.sample();
        }
        this.floatGradients = floatGradients;
    }

    @Override
    public int dimension() {
        return theta.length;
    }

    @Override
    public int trainingSize() {
        return y.length;
    }

    @Override
    public void weights(double[] out) {
        System.arraycopy(theta, 0, out, 0, theta.length);
    }

    @Override
    public void setWeights(double[] w) {
        System.arraycopy(w, 0, theta, 0, theta.length);
    }

    private double margin(int i) {
        double s = 0;
        for (int j = 0; j < theta.length; j++) {
            s += x[i][j] * theta[j];
        }
        return y[i] * s;
    }

    @Override
    public double lossAndGradient(int[] examples, int count, double[] grad) {
        java.util.Arrays.fill(grad, 0);
        double loss = 0;
        for (int k = 0; k < count; k++) {
            int i = examples[k];
            double m = margin(i);
            loss += Math.log1p(Math.exp(-m));
            double c = -y[i] / (1 + Math.exp(m));
            for (int j = 0; j < theta.length; j++) {
                grad[j] += c * x[i][j] / count;
            }
        }
        if (floatGradients) {
            for (int j = 0; j < grad.length; j++) {
                grad[j] = (float) grad[j];
            }
        }
        return loss / count;
    }

    @Override
    public Evaluation evaluate(int[] examples, int count) {
        double loss = 0;
        int correct = 0;
        for (int k = 0; k < count; k++) {
            double m = margin(examples[k]);
            loss += Math.log1p(Math.exp(-m));
            correct += m > 0 ? 1 : 0;
        }
        return new Evaluation(loss / count, (double) correct / count);
    }

    /** @return the exact Hessian of the full loss at the current weights */
    double[][] hessian() {
        int d = theta.length;
        double[][] h = new double[d][d];
        for (int i = 0; i < y.length; i++) {
            double p = 1 / (1 + Math.exp(-margin(i)));
            double w = p * (1 - p) / y.length;
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    h[a][b] += w * x[i][a] * x[i][b];
                }
            }
        }
        return h;
    }
}
