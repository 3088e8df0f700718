package org.htsgd.train.model;

/**
 * A trainable model seen as a function of one flat weight vector \(\theta \in \mathbb{R}^d\), bound to its training
 * set: the plain-Java boundary between the paper's update rules / sharpness measures and the tensor engine (DJL).
 *
 * <p>Examples are addressed by their index in the training set. The loss is the mean cross-entropy (or the model's
 * own loss) over the given examples. Weights are held by the model; {@link #setWeights} replaces them, so a rule
 * can evaluate gradients at perturbed weights (SAM) and sharpness measures can probe \(\theta + \nu\).
 * Implementations are not thread-safe.
 */
public interface DifferentiableModel {
    /** @return the number of weights d */
    int dimension();

    /** @return the number of training examples n (indices are in {@code [0, n)}) */
    int trainingSize();

    /** @param out receives a copy of the current weights, {@code out.length == dimension()} */
    void weights(double[] out);

    /** @param w the new weights (copied), {@code w.length == dimension()} */
    void setWeights(double[] w);

    /**
     * @param examples training-set indices; the first {@code count} are used
     * @param count number of examples
     * @param grad receives the gradient of the mean loss over those examples at the current weights
     * @return the mean loss over those examples
     */
    double lossAndGradient(int[] examples, int count, double[] grad);

    /**
     * @param examples training-set indices; the first {@code count} are used
     * @param count number of examples
     * @return mean loss and accuracy over those examples at the current weights
     */
    Evaluation evaluate(int[] examples, int count);

    /**
     * Mean loss and accuracy (fraction of correct top-1 predictions).
     *
     * @param loss mean loss
     * @param accuracy fraction in [0, 1]
     */
    record Evaluation(double loss, double accuracy) {
        /** @return 1 - accuracy */
        public double error() {
            return 1 - accuracy;
        }
    }
}
