package org.htsgd.train.sharpness;

import java.util.Objects;
import org.htsgd.core.validation.Require;
import org.htsgd.train.model.DifferentiableModel;
import org.htsgd.train.model.DifferentiableModel.Evaluation;

/**
 * The full training loss \( L(\theta) = \frac1n \sum_{i<n} \ell_i(\theta) \) of a {@link DifferentiableModel}, its
 * gradient and the training accuracy, computed over the whole training set in chunks of at most {@code chunkSize}
 * examples (to bound the engine's memory) and recombined as count-weighted means.
 */
public final class TrainingObjective {
    /** The model (its current weights are the point of evaluation). */
    private final DifferentiableModel model;
    /** Example indices of each chunk. */
    private final int[][] chunks;
    /** Per-chunk gradient buffer. */
    private final double[] chunkGradient;
    /** n. */
    private final int n;

    private TrainingObjective(DifferentiableModel model, int chunkSize) {
        this.model = model;
        this.n = model.trainingSize();
        int count = (n + chunkSize - 1) / chunkSize;
        this.chunks = new int[count][];
        for (int c = 0; c < count; c++) {
            int from = c * chunkSize;
            int[] idx = new int[Math.min(chunkSize, n - from)];
            for (int k = 0; k < idx.length; k++) {
                idx[k] = from + k;
            }
            chunks[c] = idx;
        }
        this.chunkGradient = chunks.length > 1 ? new double[model.dimension()] : null;
    }

    /**
     * @param model the model
     * @param chunkSize the largest number of examples passed to the model at once
     * @return the objective
     * @throws IllegalArgumentException if {@code !(chunkSize > 0)} or the model has no training examples
     */
    public static TrainingObjective of(DifferentiableModel model, int chunkSize) {
        Objects.requireNonNull(model, "model");
        Require.positive(chunkSize, "chunkSize");
        Require.positive(model.trainingSize(), "trainingSize");
        return new TrainingObjective(model, chunkSize);
    }

    /** @return the model */
    public DifferentiableModel model() {
        return model;
    }

    /** @return the number of weights d */
    public int dimension() {
        return model.dimension();
    }

    /** @return the number of training examples n */
    public int trainingSize() {
        return n;
    }

    /**
     * @param grad receives \(\nabla L(\theta)\) at the model's current weights
     * @return \(L(\theta)\)
     */
    public double lossAndGradient(double[] grad) {
        if (chunks.length == 1) {
            return model.lossAndGradient(chunks[0], chunks[0].length, grad);
        }
        java.util.Arrays.fill(grad, 0);
        double loss = 0;
        for (int[] chunk : chunks) {
            double w = (double) chunk.length / n;
            loss += w * model.lossAndGradient(chunk, chunk.length, chunkGradient);
            for (int j = 0; j < grad.length; j++) {
                grad[j] += w * chunkGradient[j];
            }
        }
        return loss;
    }

    /** @return mean loss and accuracy over the whole training set at the current weights */
    public Evaluation evaluate() {
        double loss = 0;
        double accuracy = 0;
        for (int[] chunk : chunks) {
            double w = (double) chunk.length / n;
            Evaluation e = model.evaluate(chunk, chunk.length);
            loss += w * e.loss();
            accuracy += w * e.accuracy();
        }
        return new Evaluation(loss, accuracy);
    }

    /** @param quantity loss or error @return that quantity over the whole training set at the current weights */
    public double value(TargetQuantity quantity) {
        return quantity.of(evaluate());
    }
}
