package org.htsgd.train.sharpness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.simple.RandomSource;
import org.htsgd.train.model.reference.SoftmaxRegression;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The measures with Jiang et al.'s error target on a trained classifier (softmax regression, plain Java). */
class SoftmaxSharpnessTest {
    private static SoftmaxRegression model;

    @BeforeAll
    static void train() {
        model = SoftmaxRegression.gaussianBlobs(RandomSource.XO_RO_SHI_RO_128_PP.create(1), 600, 10, 4, 1.0);
        int[] all = new int[600];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        double[] w = new double[model.dimension()];
        double[] g = new double[model.dimension()];
        for (int step = 0; step < 300; step++) {
            model.lossAndGradient(all, all.length, g);
            model.weights(w);
            for (int j = 0; j < w.length; j++) {
                w[j] -= 0.5 * g[j];
            }
            model.setWeights(w);
        }
    }

    @Test
    void pacBayesRadiusReproducesItsTargetWithFreshDraws() {
        double[] theta = Quadratics.weights(model);
        TrainingObjective objective = TrainingObjective.of(model, 256);
        PacBayesSharpness.Result r = PacBayesSharpness.estimate(objective, PacBayesSharpness.Config.jiang(), 1,
                SharpnessProgress.NONE);
        assertArrayEquals(theta, Quadratics.weights(model));
        assertTrue(r.search().withinTolerance(), r.search().toString());
        // fresh draws (another seed, 100 samples) at the standard deviation found: the mean error rise is the
        // target up to the search tolerance and both Monte Carlo errors (3 SE of the difference)
        PacBayesSharpness.Result fresh = PacBayesSharpness.estimate(objective,
                PacBayesSharpness.Config.jiang().withSamples(100).withSearch(
                        SearchSettings.jiang().withUpper(2 * r.sigma()).withPrecision(1, 1e-2)
                                .withRefine(false)), 2,
                SharpnessProgress.NONE);
        assertEquals(r.sigma(), fresh.sigma(), 1e-15); // one step at the midpoint of [0, 2 sigma'] is sigma'
        double se = Math.hypot(r.search().displacementStandardError(), fresh.search().displacementStandardError());
        assertEquals(0.1, fresh.search().displacement(), 0.01 + 3 * se);
        assertTrue(se < 0.03, "SE " + se);
    }

    @Test
    void largerTargetGivesLargerRadius() {
        TrainingObjective objective = TrainingObjective.of(model, 256);
        SearchSettings s = SearchSettings.jiang();
        double small = PacBayesSharpness.estimate(objective, PacBayesSharpness.Config.jiang().withSearch(s), 3,
                SharpnessProgress.NONE).sigma();
        double large = PacBayesSharpness.estimate(objective,
                PacBayesSharpness.Config.jiang().withSearch(s.withDisplacement(0.3)), 3, SharpnessProgress.NONE).sigma();
        assertTrue(large > small, large + " > " + small);
        double alphaSmall = MaximalSharpness.estimate(objective, MaximalSharpness.Config.jiang().withSearch(s), 3,
                SharpnessProgress.NONE).alpha();
        double alphaLarge = MaximalSharpness.estimate(objective,
                MaximalSharpness.Config.jiang().withSearch(s.withDisplacement(0.3)), 3, SharpnessProgress.NONE).alpha();
        assertTrue(alphaLarge > alphaSmall, alphaLarge + " > " + alphaSmall);
    }

    @Test
    void allMeasuresWithPaperSettings() {
        double[] theta = Quadratics.weights(model);
        SharpnessConfig cfg = SharpnessConfig.paper(4).withChunkSize(256)
                .withHessian(HessianSpectrum.Config.defaults().withProbes(30))
                .withTail(GradientNoiseTail.Config.defaults().withBatches(20, 400));
        SharpnessResult r = Sharpness.measure(model, cfg, SharpnessProgress.NONE);
        assertArrayEquals(theta, Quadratics.weights(model));
        assertTrue(r.trainingAccuracy() > 0.8, "trained: " + r.trainingAccuracy());
        assertTrue(r.expected().sharpness().mean() > 0);
        assertTrue(r.pacBayes().sigma() > 0 && r.pacBayes().sigma() < 2);
        assertTrue(r.maximal().alpha() > 0 && r.maximal().alpha() < 2);
        // softmax cross-entropy is convex: H is positive semi-definite, so tr H >= lambda_max >= 0
        assertTrue(r.hessian().topEigenvalue() > 0);
        assertTrue(r.hessian().trace().mean() + 3 * r.hessian().trace().standardError()
                >= r.hessian().topEigenvalue());
        assertTrue(Double.isFinite(r.tail().hill().alpha()) && Double.isFinite(r.tail().mohammadi().alpha()));
    }
}
