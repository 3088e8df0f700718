package org.htsgd.train.sharpness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.htsgd.train.model.DifferentiableModel;
import org.htsgd.train.model.ForwardingModel;
import org.htsgd.train.model.reference.LeastSquares;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SharpnessTest {
    /** All measures, small settings; loss targets so that the least-squares answers are smooth. */
    static SharpnessConfig quick(long seed) {
        SearchSettings loss = SearchSettings.jiang().withQuantity(TargetQuantity.LOSS);
        return SharpnessConfig.paper(seed).withChunkSize(128)
                .withPacBayes(PacBayesSharpness.Config.jiang().withSearch(loss))
                .withMaximal(MaximalSharpness.Config.jiang().withSearch(loss))
                .withHessian(HessianSpectrum.Config.defaults().withProbes(20))
                .withTail(GradientNoiseTail.Config.defaults().withBatches(20, 100));
    }

    private static LeastSquares model() {
        return Quadratics.correlated(1, 500, Quadratics.geometricScales(8, 2, 0.8));
    }

    @Test
    void measuresEverythingAndRestoresWeights() {
        LeastSquares m = model();
        double[] theta = Quadratics.weights(m);
        List<Measure> seen = new ArrayList<>();
        SharpnessResult r = Sharpness.measure(m, quick(1), (measure, done, total) -> {
            assertTrue(done >= 1 && done <= total);
            if (!seen.contains(measure)) {
                seen.add(measure);
            }
        });
        assertArrayEquals(theta, Quadratics.weights(m));
        assertEquals(List.of(Measure.values()), seen);
        assertEquals(8, r.dimension());
        assertEquals(500, r.trainingSize());
        assertEquals(1, r.config().seed());
        double[] numbers = {r.trainingLoss(), r.expected().sharpness().mean(), r.expected().sharpness().standardError(),
            r.pacBayes().sigma(), r.pacBayes().sharpness(), r.maximal().alpha(), r.maximal().sharpness(),
            r.hessian().topEigenvalue(), r.hessian().trace().mean(), r.tail().hill().alpha(), r.tail().mohammadi().alpha()};
        for (double x : numbers) {
            assertTrue(Double.isFinite(x) && x >= 0, "finite: " + x);
        }
        // the measures agree with each other on a quadratic: tr H >= lambda_max, sigma' ~ sqrt(0.2 / tr H)
        assertTrue(r.hessian().trace().mean() > r.hessian().topEigenvalue());
    }

    @Test
    void sameSeedSameNumbersAndSelectedMeasuresOnly() {
        SharpnessConfig cfg = quick(9).withMeasures(EnumSet.of(Measure.EXPECTED, Measure.PAC_BAYES));
        SharpnessResult a = Sharpness.measure(model(), cfg, SharpnessProgress.NONE);
        SharpnessResult b = Sharpness.measure(model(), cfg, SharpnessProgress.NONE);
        assertEquals(a.expected(), b.expected());
        assertEquals(a.pacBayes(), b.pacBayes());
        assertNull(a.maximal());
        assertNull(a.hessian());
        assertNull(a.tail());
        // a stream depends on (seed, measure, index) only: the expected sharpness is the same alone
        SharpnessResult alone = Sharpness.measure(model(), cfg.withMeasures(Set.of(Measure.EXPECTED)),
                SharpnessProgress.NONE);
        assertEquals(a.expected(), alone.expected());
        SharpnessResult other = Sharpness.measure(model(), cfg.withSeed(10), SharpnessProgress.NONE);
        assertTrue(other.expected().sharpness().mean() != a.expected().sharpness().mean());
    }

    @Test
    void weightsAreRestoredWhenTheModelFails() {
        LeastSquares inner = model();
        double[] theta = Quadratics.weights(inner);
        DifferentiableModel failing = new DelegatingModel(inner, 30);
        for (Measure measure : Measure.values()) {
            assertThrows(IllegalStateException.class,
                    () -> Sharpness.measure(failing, quick(2).withMeasures(Set.of(measure)), SharpnessProgress.NONE));
            assertArrayEquals(theta, Quadratics.weights(inner), measure.name());
        }
    }

    @Test
    void badConfigThrows() {
        assertThrows(IllegalArgumentException.class, () -> quick(1).withMeasures(Set.of()));
        assertThrows(IllegalArgumentException.class, () -> quick(1).withChunkSize(0));
        assertThrows(IllegalArgumentException.class, () -> quick(1).withExpected(null));
        assertThrows(IllegalArgumentException.class, () -> new ExpectedSharpness.Config(0.01, 0));
        assertThrows(IllegalArgumentException.class, () -> new PacBayesSharpness.Config(null, 10,
                PerturbationScale.SIGMA));
        assertThrows(IllegalArgumentException.class,
                () -> new MaximalSharpness.Config(SearchSettings.jiang(), 10, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> new HessianSpectrum.Config(0, 1e-3, 10, 1e-3));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.01, Double.NaN, Double.POSITIVE_INFINITY})
    void badRealsThrow(double x) {
        assertThrows(IllegalArgumentException.class, () -> new ExpectedSharpness.Config(x, 10));
        assertThrows(IllegalArgumentException.class, () -> SearchSettings.jiang().withDisplacement(x));
        assertThrows(IllegalArgumentException.class, () -> SearchSettings.jiang().withUpper(x));
        assertThrows(IllegalArgumentException.class, () -> SearchSettings.jiang().withPrecision(15, x));
        assertThrows(IllegalArgumentException.class, () -> HessianSpectrum.Config.defaults().withRelativeStep(x));
    }

    @Test
    void searchReportsItsBracketWhenTheUpperEndIsTooSmall() {
        LeastSquares m = model();
        SearchSettings s = SearchSettings.jiang().withQuantity(TargetQuantity.LOSS).withUpper(1e-4);
        PacBayesSharpness.Result r = PacBayesSharpness.estimate(TrainingObjective.of(m, 500),
                PacBayesSharpness.Config.jiang().withSearch(s), 1, SharpnessProgress.NONE);
        assertEquals(1e-4, r.search().upper());
        assertEquals(15, r.search().steps());
        assertTrue(r.search().displacement() < 0.1 - 0.01 && !r.search().withinTolerance());
    }

    @Test
    void errorTargetOnRegressionAccuracy() {
        // error is piecewise constant but still rises with the perturbation: sigma' is positive and finite
        LeastSquares m = model();
        PacBayesSharpness.Result r = PacBayesSharpness.estimate(TrainingObjective.of(m, 500),
                PacBayesSharpness.Config.jiang(), 1, SharpnessProgress.NONE);
        assertNotNull(r.search());
        assertTrue(r.sigma() > 0 && r.sigma() < 2);
        assertTrue(Math.abs(r.search().displacement() - 0.1) < 0.1, "rise near the target: " + r.search());
    }

    /** Delegates to a model and throws once the given number of model calls is exceeded. */
    private static final class DelegatingModel extends ForwardingModel {
        private final int budget;
        private int calls;

        DelegatingModel(DifferentiableModel inner, int budget) {
            super(inner);
            this.budget = budget;
        }

        private void tick() {
            if (++calls > budget) {
                calls = 0;
                throw new IllegalStateException("engine failure");
            }
        }

        @Override
        public double lossAndGradient(int[] examples, int count, double[] grad) {
            tick();
            return inner.lossAndGradient(examples, count, grad);
        }

        @Override
        public Evaluation evaluate(int[] examples, int count) {
            tick();
            return inner.evaluate(examples, count);
        }
    }
}
