package org.htsgd.train.model.reference;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.htsgd.train.model.DifferentiableModel;

/**
 * Multinomial logistic (softmax) regression on a small in-memory dataset, in plain Java: a reference
 * {@link DifferentiableModel} with an exact, hand-computable loss and gradient for testing update rules.
 *
 * <p>With K classes and p features, the weights are \(\theta = (W, \beta)\), \(W \in \mathbb{R}^{K \times p}\)
 * row-major at {@code theta[k*p + j]}, then the biases \(\beta_k\) at {@code theta[K*p + k]}; d = K(p+1).
 * For an example (x, y): logits \(a = W x + \beta\), \(\pi = \mathrm{softmax}(a)\), loss
 * \(\ell = \log \sum_k e^{a_k} - a_y\), gradient \(\partial \ell/\partial W_{kj} = (\pi_k - [k=y]) x_j\),
 * \(\partial \ell/\partial \beta_k = \pi_k - [k=y]\). The model's loss is the mean over the given examples.
 * Not thread-safe (one scratch buffer).
 */
public final class SoftmaxRegression implements DifferentiableModel {
    /** Features, n x p (copied). */
    private final double[][] features;
    /** Labels in [0, K). */
    private final int[] labels;
    /** Number of classes K. */
    private final int classes;
    /** Number of features p. */
    private final int p;
    /** Weights, length K(p+1). */
    private final double[] theta;
    /** Scratch: logits / probabilities, length K. */
    private final double[] scratch;

    private SoftmaxRegression(double[][] features, int[] labels, int classes) {
        this.features = features;
        this.labels = labels;
        this.classes = classes;
        this.p = features[0].length;
        this.theta = new double[classes * (p + 1)];
        this.scratch = new double[classes];
    }

    /**
     * @param features n x p feature matrix (copied), n &gt; 0, p &gt; 0, all rows of length p, finite
     * @param labels n labels in [0, classes) (copied)
     * @param classes K, {@code >= 2}
     * @return the model with zero weights
     * @throws IllegalArgumentException if the shapes or labels are invalid
     */
    public static SoftmaxRegression of(double[][] features, int[] labels, int classes) {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        if (classes < 2) {
            throw new IllegalArgumentException("classes is not >= 2: " + classes);
        }
        if (features.length == 0) {
            throw new IllegalArgumentException("n is not > 0: 0");
        }
        if (labels.length != features.length) {
            throw new IllegalArgumentException("labels.length is not n (" + features.length + "): " + labels.length);
        }
        final int p = features[0].length;
        if (p == 0) {
            throw new IllegalArgumentException("p is not > 0: 0");
        }
        final double[][] x = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != p) {
                throw new IllegalArgumentException("features[" + i + "].length is not p (" + p + "): "
                    + features[i].length);
            }
            for (double v : features[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("features[" + i + "] is not finite: " + v);
                }
            }
            x[i] = features[i].clone();
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("labels[" + i + "] is not in [0, " + classes + "): " + labels[i]);
            }
        }
        return new SoftmaxRegression(x, labels.clone(), classes);
    }

    /**
     * A synthetic classification problem: K Gaussian blobs in p dimensions with standard-normal centres scaled by
     * {@code separation} and unit-variance noise; labels cycle 0, 1, ..., K-1.
     *
     * @param rng generator
     * @param n number of examples
     * @param p number of features
     * @param classes K
     * @param separation scale of the class centres
     * @return the model with zero weights
     */
    public static SoftmaxRegression gaussianBlobs(UniformRandomProvider rng, int n, int p, int classes,
                                                  double separation) {
        final ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        final double[][] centres = new double[classes][p];
        for (double[] c : centres) {
            for (int j = 0; j < p; j++) {
                c[j] = separation * normal.sample();
            }
        }
        final double[][] x = new double[n][p];
        final int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % classes;
            for (int j = 0; j < p; j++) {
                x[i][j] = centres[y[i]][j] + normal.sample();
            }
        }
        return of(x, y, classes);
    }

    /** @return K */
    public int classes() {
        return classes;
    }

    /** @return p */
    public int features() {
        return p;
    }

    /** {@inheritDoc} */
    @Override
    public int dimension() {
        return theta.length;
    }

    /** {@inheritDoc} */
    @Override
    public int trainingSize() {
        return features.length;
    }

    /** {@inheritDoc} */
    @Override
    public void weights(double[] out) {
        checkLength(out);
        System.arraycopy(theta, 0, out, 0, theta.length);
    }

    /** {@inheritDoc} */
    @Override
    public void setWeights(double[] w) {
        checkLength(w);
        System.arraycopy(w, 0, theta, 0, theta.length);
    }

    private void checkLength(double[] w) {
        if (w.length != theta.length) {
            throw new IllegalArgumentException("weights length is not " + theta.length + ": " + w.length);
        }
    }

    /**
     * Writes the softmax probabilities of example i into {@link #scratch}.
     *
     * @return \(\log \sum_k e^{a_k} - a_y\), the example's cross-entropy
     */
    private double probabilities(int i) {
        final double[] x = features[i];
        final int bias = classes * p;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            double a = theta[bias + k];
            final int row = k * p;
            for (int j = 0; j < p; j++) {
                a += theta[row + j] * x[j];
            }
            scratch[k] = a;
            max = Math.max(max, a);
        }
        // log-sum-exp shifted by the max logit: no overflow.
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            sum += Math.exp(scratch[k] - max);
        }
        final double logSum = max + Math.log(sum);
        final double loss = logSum - scratch[labels[i]];
        for (int k = 0; k < classes; k++) {
            scratch[k] = Math.exp(scratch[k] - logSum);
        }
        return loss;
    }

    /** {@inheritDoc} */
    @Override
    public double lossAndGradient(int[] examples, int count, double[] grad) {
        checkLength(grad);
        checkCount(examples, count);
        java.util.Arrays.fill(grad, 0);
        final int bias = classes * p;
        double loss = 0;
        for (int e = 0; e < count; e++) {
            final int i = examples[e];
            loss += probabilities(i);
            final double[] x = features[i];
            for (int k = 0; k < classes; k++) {
                final double r = scratch[k] - (k == labels[i] ? 1 : 0);
                final int row = k * p;
                for (int j = 0; j < p; j++) {
                    grad[row + j] += r * x[j];
                }
                grad[bias + k] += r;
            }
        }
        final double inv = 1.0 / count;
        for (int q = 0; q < grad.length; q++) {
            grad[q] *= inv;
        }
        return loss * inv;
    }

    /** {@inheritDoc} */
    @Override
    public Evaluation evaluate(int[] examples, int count) {
        checkCount(examples, count);
        double loss = 0;
        int correct = 0;
        for (int e = 0; e < count; e++) {
            final int i = examples[e];
            loss += probabilities(i);
            int best = 0;
            for (int k = 1; k < classes; k++) {
                if (scratch[k] > scratch[best]) {
                    best = k;
                }
            }
            if (best == labels[i]) {
                correct++;
            }
        }
        return new Evaluation(loss / count, (double) correct / count);
    }

    private void checkCount(int[] examples, int count) {
        if (count <= 0 || count > examples.length) {
            throw new IllegalArgumentException("count is not in (0, " + examples.length + "]: " + count);
        }
    }

    @Override
    public String toString() {
        return "SoftmaxRegression[n=" + features.length + ", p=" + p + ", K=" + classes + "]";
    }
}
