package org.htsgd.train.sharpness;

import org.htsgd.core.validation.Require;
import org.htsgd.train.model.DifferentiableModel;

/**
 * Hessian-vector products of the full training loss at fixed weights \(\theta\) by a central difference of two
 * gradients (DJL exposes no second backward pass):
 * \[ H v \approx \frac{\nabla L(\theta + \varepsilon v) - \nabla L(\theta - \varepsilon v)}{2\varepsilon},
 * \qquad \varepsilon = \frac{c\,(1 + \|\theta\|_2)}{\|v\|_2} \]
 * with c = {@code relativeStep}. The step moves the weights by \(c(1+\|\theta\|)\), relative to their size.
 *
 * <p>Implementation notes. The error is \(O(\varepsilon^2 \|\nabla^3 L\|)\) (truncation; zero for a quadratic) plus
 * \(O(u_{\rm mach}\|\nabla L_i\| / \varepsilon)\) (rounding of the gradients, \(u_{\rm mach} \approx 10^{-16}\) in
 * double, \(10^{-7}\) for a float32 network). The balance point is \(\varepsilon \approx u_{\rm mach}^{1/3}\):
 * about \(5\cdot10^{-6}\) for doubles and \(5\cdot10^{-3}\) for floats. The default c = 1e-3 is a compromise that
 * keeps both errors below about 1e-4 relative for either precision; HessianVectorProductTest measures the error
 * against an exact Hessian for several c, with double and float-rounded gradients.
 */
public final class HessianVectorProduct {
    /** The objective. */
    private final TrainingObjective objective;
    /** \(\theta\) (owned copy). */
    private final double[] theta;
    /** \(c(1 + \|\theta\|)\): the weight-space length of the difference step. */
    private final double stepLength;
    /** Work buffers. */
    private final double[] shifted;
    private final double[] gradMinus;

    private HessianVectorProduct(TrainingObjective objective, double[] theta, double relativeStep) {
        this.objective = objective;
        this.theta = theta;
        double norm = 0;
        for (double t : theta) {
            norm += t * t;
        }
        this.stepLength = relativeStep * (1 + Math.sqrt(norm));
        this.shifted = new double[theta.length];
        this.gradMinus = new double[theta.length];
    }

    /**
     * @param objective the full training loss
     * @param relativeStep c
     * @return the operator at the model's current weights
     * @throws IllegalArgumentException if relativeStep is not finite and positive
     */
    public static HessianVectorProduct of(TrainingObjective objective, double relativeStep) {
        Require.finitePositive(relativeStep, "relativeStep");
        double[] theta = new double[objective.dimension()];
        objective.model().weights(theta);
        return new HessianVectorProduct(objective, theta, relativeStep);
    }

    /** @return \(c(1+\|\theta\|)\), the distance the weights move in each gradient evaluation */
    public double stepLength() {
        return stepLength;
    }

    /**
     * Computes \(H v\); the model's weights are \(\theta\) again on return.
     *
     * @param v the direction (not modified; must be non-zero)
     * @param out receives \(Hv\) (may not alias v)
     */
    public void apply(double[] v, double[] out) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        double eps = stepLength / Math.sqrt(norm);
        DifferentiableModel model = objective.model();
        try {
            for (int j = 0; j < theta.length; j++) {
                shifted[j] = theta[j] + eps * v[j];
            }
            model.setWeights(shifted);
            objective.lossAndGradient(out);
            for (int j = 0; j < theta.length; j++) {
                shifted[j] = theta[j] - eps * v[j];
            }
            model.setWeights(shifted);
            objective.lossAndGradient(gradMinus);
            double scale = 1 / (2 * eps);
            for (int j = 0; j < theta.length; j++) {
                out[j] = (out[j] - gradMinus[j]) * scale;
            }
        } finally {
            model.setWeights(theta);
        }
    }
}
