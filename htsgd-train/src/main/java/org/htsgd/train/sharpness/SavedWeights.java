package org.htsgd.train.sharpness;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.htsgd.train.model.DifferentiableModel;

/**
 * The weights \(\theta\) a model had when a measurement started, and points near them: the model can be moved to
 * \(\theta + u\) or to \(\theta + s\,z\) with \(z \sim N(0, I)\) from the replayable stream (seed, measure, index)
 * (common random numbers: the same z at every s). Closing restores \(\theta\), so every measure leaves the model's
 * weights as it found them, also when the model throws ({@code try (SavedWeights w = SavedWeights.of(model))}).
 */
final class SavedWeights implements AutoCloseable {
    /** The model. */
    private final DifferentiableModel model;
    /** The saved weights \(\theta\). */
    private final double[] theta;
    /** Work buffer for the moved weights. */
    private final double[] moved;

    private SavedWeights(DifferentiableModel model) {
        this.model = model;
        this.theta = new double[model.dimension()];
        this.moved = new double[theta.length];
        model.weights(theta);
    }

    /** @param model a model @return its current weights, saved */
    static SavedWeights of(DifferentiableModel model) {
        return new SavedWeights(model);
    }

    /** @return \(\theta\) itself (not a copy: read it, do not write it) */
    double[] theta() {
        return theta;
    }

    /**
     * Sets the model's weights to \(\theta_j + u_j\).
     *
     * @param u the displacement (length d)
     */
    void shift(double[] u) {
        for (int j = 0; j < theta.length; j++) {
            moved[j] = theta[j] + u[j];
        }
        model.setWeights(moved);
    }

    /**
     * Sets the model's weights to \(\theta_j + s z_j\), z the standard normal draws of one stream.
     *
     * @param s the standard deviation
     * @param seed the user's seed
     * @param measure the measure
     * @param index the draw's index (the same index gives the same z)
     */
    void gaussian(double s, long seed, Measure measure, long index) {
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(Streams.of(seed, measure, index));
        for (int j = 0; j < theta.length; j++) {
            moved[j] = theta[j] + s * z.sample();
        }
        model.setWeights(moved);
    }

    /** Restores \(\theta\). */
    @Override
    public void close() {
        model.setWeights(theta);
    }
}
