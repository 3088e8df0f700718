package org.htsgd.train.sharpness;

/**
 * All measures computed by {@link Sharpness#measure}, with the full config (seed included) for provenance.
 * Measures not selected are null.
 *
 * @param config the config used
 * @param model the model's {@code toString()}
 * @param dimension number of weights d
 * @param trainingSize number of training examples n
 * @param trainingLoss L(θ) over the whole training set
 * @param trainingAccuracy training accuracy at θ
 * @param expected expected sharpness, or null
 * @param pacBayes PAC-Bayes sharpness, or null
 * @param maximal maximal sharpness, or null
 * @param hessian Hessian top eigenvalue and trace, or null
 * @param tail gradient-noise tail index and histogram, or null
 * @param startedAt ISO-8601 UTC start time
 * @param elapsedSeconds wall-clock seconds
 */
public record SharpnessResult(SharpnessConfig config, String model, int dimension, int trainingSize,
                              double trainingLoss, double trainingAccuracy, ExpectedSharpness.Result expected,
                              PacBayesSharpness.Result pacBayes, MaximalSharpness.Result maximal,
                              HessianSpectrum.Result hessian, GradientNoiseTail.Result tail, String startedAt,
                              double elapsedSeconds) {
}
