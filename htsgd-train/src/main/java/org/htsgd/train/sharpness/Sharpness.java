package org.htsgd.train.sharpness;

import java.time.Instant;
import java.util.Objects;
import org.htsgd.train.model.DifferentiableModel;
import org.htsgd.train.model.DifferentiableModel.Evaluation;

/**
 * Entry point of the sharpness and heavy-tail measures (issue 5; paper.md §4.4–4.7): computes the selected measures
 * of a {@link DifferentiableModel} at its current weights on its whole training set. Works on any model (a DJL
 * network or a plain-Java reference model).
 *
 * <pre>
 * SharpnessResult r = Sharpness.measure(model, SharpnessConfig.paper(42), SharpnessProgress.NONE);
 * </pre>
 *
 * <p>The model's weights are the same on return (also after an exception). Results depend only on the config and
 * the weights: each random stream is addressed by (seed, measure, index).
 */
public final class Sharpness {
    private Sharpness() {
    }

    /**
     * @param model the model, at the weights to measure
     * @param config the measures and their settings
     * @return as {@link #measure(DifferentiableModel, SharpnessConfig, SharpnessProgress)} without progress
     */
    public static SharpnessResult measure(DifferentiableModel model, SharpnessConfig config) {
        return measure(model, config, SharpnessProgress.NONE);
    }

    /**
     * @param model the model, at the weights to measure
     * @param config the measures and their settings
     * @param progress progress callback ({@link SharpnessProgress#NONE} for none)
     * @return every number with its standard error where it is a Monte Carlo estimate, and the config
     */
    public static SharpnessResult measure(DifferentiableModel model, SharpnessConfig config,
                                          SharpnessProgress progress) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(progress, "progress");
        long start = System.nanoTime();
        Instant startedAt = Instant.now();
        SavedWeights saved = SavedWeights.of(model); // restored on leaving the try
        try (saved) {
            TrainingObjective objective = TrainingObjective.of(model, config.chunkSize());
            Evaluation base = objective.evaluate();
            long seed = config.seed();
            var m = config.measures();
            ExpectedSharpness.Result expected = m.contains(Measure.EXPECTED)
                    ? ExpectedSharpness.estimate(objective, config.expected(), seed, progress) : null;
            PacBayesSharpness.Result pacBayes = m.contains(Measure.PAC_BAYES)
                    ? PacBayesSharpness.estimate(objective, config.pacBayes(), seed, progress) : null;
            MaximalSharpness.Result maximal = m.contains(Measure.MAXIMAL)
                    ? MaximalSharpness.estimate(objective, config.maximal(), seed, progress) : null;
            HessianSpectrum.Result hessian = m.contains(Measure.HESSIAN)
                    ? HessianSpectrum.estimate(objective, config.hessian(), seed, progress) : null;
            GradientNoiseTail.Result tail = m.contains(Measure.TAIL)
                    ? GradientNoiseTail.estimate(objective, config.tail(), seed, progress) : null;
            return new SharpnessResult(config, model.toString(), model.dimension(), model.trainingSize(),
                    base.loss(), base.accuracy(), expected, pacBayes, maximal, hessian, tail, startedAt.toString(),
                    (System.nanoTime() - start) * 1e-9);
        }
    }
}
