package org.htsgd.train.sharpness;

import org.htsgd.train.model.DifferentiableModel.Evaluation;

/**
 * The training-set quantity whose rise under a weight perturbation defines the PAC-Bayes and maximal sharpness
 * radii: the error rate (Jiang et al. 2020, the default) or the mean loss (smooth, so it has closed forms on a
 * quadratic).
 */
public enum TargetQuantity {
    /** Training error \(1 - \text{accuracy}\) over the whole training set. */
    ERROR,
    /** Mean training loss over the whole training set. */
    LOSS;

    /** @param e an evaluation over the whole training set @return this quantity of it */
    public double of(Evaluation e) {
        return switch (this) {
            case ERROR -> e.error();
            case LOSS -> e.loss();
        };
    }
}
