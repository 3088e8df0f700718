package org.htsgd.train.model.reference;

import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.htsgd.train.model.DifferentiableModel;

/**
 * Linear regression with squared loss: a reference {@link DifferentiableModel} whose Hessian is known exactly, used
 * to check the sharpness measures against closed forms.
 *
 * <p>With design rows \(x_i \in \mathbb{R}^d\) and targets \(y_i\), the loss over a set \(S\) of examples is
 * \( L_S(\theta) = \frac{1}{2|S|} \sum_{i \in S} (x_i \cdot \theta - y_i)^2 \), its gradient
 * \( \frac{1}{|S|} \sum_{i \in S} (x_i \cdot \theta - y_i)\, x_i \), and the Hessian of the full training loss is the
 * constant \( H = X^\top X / n \), so \( L(\theta + u) - L(\theta) = \nabla L(\theta)\cdot u + u^\top H u / 2 \)
 * exactly.
 *
 * <p><b>Accuracy</b> of a regression model is defined here as the fraction of examples whose residual is small,
 * \( |x_i \cdot \theta - y_i| < \tau \) with a tolerance \(\tau\) given at construction; error is one minus that.
 * This keeps {@link #evaluate} meaningful, but it is piecewise constant in \(\theta\): closed-form tests of the
 * PAC-Bayes and maximal sharpness use the loss as their target quantity.
 *
 * <p>Not thread-safe (like every {@link DifferentiableModel}).
 */
public final class LeastSquares implements DifferentiableModel {
    /** Row-major n*d design matrix. */
    private final double[] design;
    /** n targets. */
    private final double[] targets;
    /** Number of examples n. */
    private final int n;
    /** Number of weights d. */
    private final int d;
    /** Residual tolerance \(\tau\) that defines a "correct" prediction. */
    private final double accuracyTolerance;
    /** Current weights. */
    private final double[] theta;

    private LeastSquares(double[] design, double[] targets, int d, double accuracyTolerance) {
        this.design = design;
        this.targets = targets;
        this.n = targets.length;
        this.d = d;
        this.accuracyTolerance = accuracyTolerance;
        this.theta = new double[d];
    }

    /**
     * @param x n rows of d features (copied)
     * @param y n targets (copied)
     * @param accuracyTolerance \(\tau\): an example counts as correct when its absolute residual is below it
     * @return the model, with weights 0
     * @throws IllegalArgumentException if {@code x} is empty or ragged, {@code y.length != x.length}, any entry is
     *     not finite, or {@code !(accuracyTolerance > 0)}
     */
    public static LeastSquares of(double[][] x, double[] y, double accuracyTolerance) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length == 0 || x[0].length == 0) {
            throw new IllegalArgumentException("x is not a non-empty matrix");
        }
        if (y.length != x.length) {
            throw new IllegalArgumentException("y length is not the number of rows " + x.length + ": " + y.length);
        }
        if (!(accuracyTolerance > 0)) {
            throw new IllegalArgumentException("accuracyTolerance is not > 0: " + accuracyTolerance);
        }
        int d = x[0].length;
        double[] flat = new double[x.length * d];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException("row " + i + " length is not " + d + ": " + x[i].length);
            }
            for (int j = 0; j < d; j++) {
                requireFinite(x[i][j], "x[" + i + "][" + j + "]");
            }
            System.arraycopy(x[i], 0, flat, i * d, d);
            requireFinite(y[i], "y[" + i + "]");
        }
        return new LeastSquares(flat, y.clone(), d, accuracyTolerance);
    }

    private static void requireFinite(double v, String name) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " is not finite: " + v);
        }
    }

    /** {@inheritDoc} */
    @Override
    public int dimension() {
        return d;
    }

    /** {@inheritDoc} */
    @Override
    public int trainingSize() {
        return n;
    }

    /** {@inheritDoc} */
    @Override
    public void weights(double[] out) {
        requireLength(out, "out");
        System.arraycopy(theta, 0, out, 0, d);
    }

    /** {@inheritDoc} */
    @Override
    public void setWeights(double[] w) {
        requireLength(w, "w");
        System.arraycopy(w, 0, theta, 0, d);
    }

    /** {@inheritDoc} */
    @Override
    public double lossAndGradient(int[] examples, int count, double[] grad) {
        requireCount(examples, count);
        requireLength(grad, "grad");
        java.util.Arrays.fill(grad, 0);
        double sum = 0;
        for (int k = 0; k < count; k++) {
            int i = examples[k];
            double r = residual(i);
            sum += r * r;
            int off = i * d;
            for (int j = 0; j < d; j++) {
                grad[j] += r * design[off + j];
            }
        }
        for (int j = 0; j < d; j++) {
            grad[j] /= count;
        }
        return sum / (2.0 * count);
    }

    /** {@inheritDoc} Accuracy is the fraction of examples with absolute residual below the tolerance. */
    @Override
    public Evaluation evaluate(int[] examples, int count) {
        requireCount(examples, count);
        double sum = 0;
        int correct = 0;
        for (int k = 0; k < count; k++) {
            double r = residual(examples[k]);
            sum += r * r;
            if (Math.abs(r) < accuracyTolerance) {
                correct++;
            }
        }
        return new Evaluation(sum / (2.0 * count), (double) correct / count);
    }

    /** @return the exact Hessian \( X^\top X / n \) of the full training loss, a new d*d array */
    public double[][] hessian() {
        double[][] h = new double[d][d];
        for (int i = 0; i < n; i++) {
            int off = i * d;
            for (int a = 0; a < d; a++) {
                double xa = design[off + a];
                for (int b = 0; b < d; b++) {
                    h[a][b] += xa * design[off + b];
                }
            }
        }
        for (double[] row : h) {
            for (int b = 0; b < d; b++) {
                row[b] /= n;
            }
        }
        return h;
    }

    /**
     * @return a minimiser of the full training loss (the least-squares solution, by QR decomposition)
     * @throws org.apache.commons.math3.linear.SingularMatrixException if X has not full column rank
     */
    public double[] minimiser() {
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(design, i * d, x[i], 0, d);
        }
        return new QRDecomposition(new Array2DRowRealMatrix(x, false)).getSolver()
                .solve(new ArrayRealVector(targets, false)).toArray();
    }

    /** @return the residual tolerance that defines accuracy */
    public double accuracyTolerance() {
        return accuracyTolerance;
    }

    private double residual(int i) {
        int off = i * d;
        double s = 0;
        for (int j = 0; j < d; j++) {
            s += design[off + j] * theta[j];
        }
        return s - targets[i];
    }

    private void requireLength(double[] a, String name) {
        if (a.length != d) {
            throw new IllegalArgumentException(name + " length is not " + d + ": " + a.length);
        }
    }

    private void requireCount(int[] examples, int count) {
        if (!(count > 0) || count > examples.length) {
            throw new IllegalArgumentException("count is not in [1, " + examples.length + "]: " + count);
        }
    }

    /** @return a description with the sizes */
    @Override
    public String toString() {
        return "LeastSquares[n=" + n + ", d=" + d + ", accuracyTolerance=" + accuracyTolerance + "]";
    }
}
