package org.htsgd.train.sharpness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The central-difference Hessian-vector product against the exact Hessian of a non-quadratic loss (logistic
 * regression), in double precision and with gradients rounded to float (a float32 engine). Deterministic.
 */
class HessianVectorProductTest {
    private static double relativeError(LogisticRegression m, double c) {
        double[][] h = m.hessian();
        int d = m.dimension();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(8);
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = rng.nextDouble() - 0.5;
        }
        double[] exact = new double[d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                exact[a] += h[a][b] * v[b];
            }
        }
        double[] approx = new double[d];
        HessianVectorProduct.of(TrainingObjective.of(m, 500), c).apply(v, approx);
        double num = 0;
        double den = 0;
        for (int j = 0; j < d; j++) {
            num += (approx[j] - exact[j]) * (approx[j] - exact[j]);
            den += exact[j] * exact[j];
        }
        return Math.sqrt(num / den);
    }

    @Test
    void truncationErrorIsSecondOrderInTheStep() {
        LogisticRegression m = new LogisticRegression(1, 1000, 10, false);
        double coarse = relativeError(m, 1e-2);
        double fine = relativeError(m, 1e-3);
        // O(eps^2): a 10x smaller step cuts the error ~100x (rounding ~1e-13 is negligible at both steps)
        assertEquals(100, coarse / fine, 10);
        assertTrue(fine < 1e-4, "default step in double: " + fine);
    }

    @Test
    void defaultStepIsAccurateWithFloatGradients() {
        LogisticRegression m = new LogisticRegression(1, 1000, 10, true);
        double atDefault = relativeError(m, 1e-3);
        double tiny = relativeError(m, 1e-7);
        // rounding to float (~6e-8 relative) divided by a 2*eps step dominates at tiny steps
        assertTrue(atDefault < 1e-3, "default step with float gradients: " + atDefault);
        assertTrue(tiny > 10 * atDefault, "tiny step is rounding-dominated: " + tiny + " vs " + atDefault);
    }

    @Test
    void powerIterationAndHutchinsonOnNonQuadraticLoss() {
        LogisticRegression m = new LogisticRegression(2, 1000, 10, false);
        double[][] h = m.hessian();
        double[] theta = Quadratics.weights(m);
        HessianSpectrum.Result r = HessianSpectrum.estimate(TrainingObjective.of(m, 1000),
                HessianSpectrum.Config.defaults().withProbes(400), 3, SharpnessProgress.NONE);
        double lambda = Quadratics.topEigenvalue(h);
        assertEquals(lambda, r.topEigenvalue(), 0.01 * lambda);
        assertEquals(Quadratics.trace(h), r.trace().mean(), 3 * r.trace().standardError());
        assertTrue(r.trace().standardError() < 0.01 * Quadratics.trace(h));
        assertArrayEquals(theta, Quadratics.weights(m));
    }

    @Test
    void weightsAreRestoredAfterEachProduct() {
        LogisticRegression m = new LogisticRegression(1, 100, 4, false);
        double[] theta = Quadratics.weights(m);
        HessianVectorProduct.of(TrainingObjective.of(m, 50), 1e-3).apply(new double[] {1, 0, 0, 0}, new double[4]);
        assertArrayEquals(theta, Quadratics.weights(m));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1e-3, Double.NaN, Double.POSITIVE_INFINITY})
    void badStepThrows(double c) {
        LogisticRegression m = new LogisticRegression(1, 10, 2, false);
        assertThrows(IllegalArgumentException.class, () -> HessianVectorProduct.of(TrainingObjective.of(m, 5), c));
    }
}
