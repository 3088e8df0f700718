package org.htsgd.train.sharpness;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.htsgd.core.validation.Require;

/**
 * Everything {@link Sharpness#measure} needs besides the model: which measures, the seed, the chunk size of
 * full-training-set passes, and the settings of each measure (all present, used only if selected).
 *
 * @param seed master seed; every random stream is addressed by (seed, measure, index)
 * @param measures the measures to compute (non-empty)
 * @param chunkSize largest number of examples per model call in full-training-set passes
 * @param expected expected-sharpness settings
 * @param pacBayes PAC-Bayes settings
 * @param maximal maximal-sharpness settings
 * @param hessian Hessian settings
 * @param tail gradient-noise tail settings
 */
public record SharpnessConfig(long seed, Set<Measure> measures, int chunkSize, ExpectedSharpness.Config expected,
                              PacBayesSharpness.Config pacBayes, MaximalSharpness.Config maximal,
                              HessianSpectrum.Config hessian, GradientNoiseTail.Config tail) {
    /** @throws IllegalArgumentException if measures is null or empty, chunkSize is not positive or a setting is null */
    public SharpnessConfig {
        if (measures == null || measures.isEmpty()) {
            throw new IllegalArgumentException("measures is not a non-empty set: " + measures);
        }
        measures = Collections.unmodifiableSet(EnumSet.copyOf(measures));
        Require.positive(chunkSize, "chunkSize");
        Require.nonNull(expected, "expected");
        Require.nonNull(pacBayes, "pacBayes");
        Require.nonNull(maximal, "maximal");
        Require.nonNull(hessian, "hessian");
        Require.nonNull(tail, "tail");
    }

    /**
     * @param seed master seed
     * @return all measures with the paper's / Jiang et al.'s settings (δ = 0.01 × 100 samples; error target 0.1,
     *     [0, 2], depth 15, tol 1e-2, 10 samples; 10 ascent steps; 100 power iterations, 100 probes; 1000 batches
     *     of 100), chunks of 1000 examples
     */
    public static SharpnessConfig paper(long seed) {
        return new SharpnessConfig(seed, EnumSet.allOf(Measure.class), 1000, ExpectedSharpness.Config.paper(),
                PacBayesSharpness.Config.jiang(), MaximalSharpness.Config.jiang(), HessianSpectrum.Config.defaults(),
                GradientNoiseTail.Config.defaults());
    }

    /** @param m the measures @return a copy computing only them */
    public SharpnessConfig withMeasures(Set<Measure> m) {
        return new SharpnessConfig(seed, m, chunkSize, expected, pacBayes, maximal, hessian, tail);
    }

    /** @param s the seed @return a copy with it */
    public SharpnessConfig withSeed(long s) {
        return new SharpnessConfig(s, measures, chunkSize, expected, pacBayes, maximal, hessian, tail);
    }

    /** @param c the chunk size @return a copy with it */
    public SharpnessConfig withChunkSize(int c) {
        return new SharpnessConfig(seed, measures, c, expected, pacBayes, maximal, hessian, tail);
    }

    /** @param c settings @return a copy with them */
    public SharpnessConfig withExpected(ExpectedSharpness.Config c) {
        return new SharpnessConfig(seed, measures, chunkSize, c, pacBayes, maximal, hessian, tail);
    }

    /** @param c settings @return a copy with them */
    public SharpnessConfig withPacBayes(PacBayesSharpness.Config c) {
        return new SharpnessConfig(seed, measures, chunkSize, expected, c, maximal, hessian, tail);
    }

    /** @param c settings @return a copy with them */
    public SharpnessConfig withMaximal(MaximalSharpness.Config c) {
        return new SharpnessConfig(seed, measures, chunkSize, expected, pacBayes, c, hessian, tail);
    }

    /** @param c settings @return a copy with them */
    public SharpnessConfig withHessian(HessianSpectrum.Config c) {
        return new SharpnessConfig(seed, measures, chunkSize, expected, pacBayes, maximal, c, tail);
    }

    /** @param c settings @return a copy with them */
    public SharpnessConfig withTail(GradientNoiseTail.Config c) {
        return new SharpnessConfig(seed, measures, chunkSize, expected, pacBayes, maximal, hessian, c);
    }
}
