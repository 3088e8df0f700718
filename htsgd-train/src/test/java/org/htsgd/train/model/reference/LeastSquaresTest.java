package org.htsgd.train.model.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.htsgd.train.model.DifferentiableModel.Evaluation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LeastSquaresTest {
    private static final double[][] X = {{1, 2}, {3, -1}, {0.5, 0.5}, {-2, 1}};
    private static final double[] Y = {1, 2, 0, -1};
    private static final int[] ALL = {0, 1, 2, 3};

    @Test
    void lossAndGradientMatchTheFormula() {
        LeastSquares m = LeastSquares.of(X, Y, 0.1);
        m.setWeights(new double[] {0.5, -0.25});
        double[] g = new double[2];
        double loss = m.lossAndGradient(ALL, 4, g);
        // residuals: 0.5-0.5-1=-1, 1.5+0.25-2=-0.25, 0.25-0.125-0=0.125, -1-0.25+1=-0.25
        double[] r = {-1, -0.25, 0.125, -0.25};
        double expectedLoss = 0;
        double[] expectedGrad = new double[2];
        for (int i = 0; i < 4; i++) {
            expectedLoss += r[i] * r[i] / 8;
            expectedGrad[0] += r[i] * X[i][0] / 4;
            expectedGrad[1] += r[i] * X[i][1] / 4;
        }
        assertEquals(expectedLoss, loss, 1e-15);
        assertArrayEquals(expectedGrad, g, 1e-15);
        Evaluation e = m.evaluate(ALL, 4);
        assertEquals(expectedLoss, e.loss(), 1e-15);
        assertEquals(0, e.accuracy()); // no |residual| < 0.1
        LeastSquares wider = LeastSquares.of(X, Y, 0.2);
        wider.setWeights(new double[] {0.5, -0.25});
        assertEquals(0.25, wider.evaluate(ALL, 4).accuracy()); // only |0.125| < 0.2
    }

    @Test
    void subsetUsesTheFirstCountIndices() {
        LeastSquares m = LeastSquares.of(X, Y, 0.1);
        double[] g = new double[2];
        // at theta = 0: loss over examples {1} is y1^2/2 = 2, gradient -y1 x1 = (-6, 2)
        assertEquals(2, m.lossAndGradient(new int[] {1, 0, 3}, 1, g));
        assertArrayEquals(new double[] {-6, 2}, g);
    }

    @Test
    void hessianIsXtXOverN() {
        double[][] h = LeastSquares.of(X, Y, 0.1).hessian();
        double h00 = (1 + 9 + 0.25 + 4) / 4.0;
        double h01 = (2 - 3 + 0.25 - 2) / 4.0;
        double h11 = (4 + 1 + 0.25 + 1) / 4.0;
        assertArrayEquals(new double[] {h00, h01}, h[0], 1e-15);
        assertArrayEquals(new double[] {h01, h11}, h[1], 1e-15);
    }

    @Test
    void minimiserHasZeroGradient() {
        LeastSquares m = LeastSquares.of(X, Y, 0.1);
        m.setWeights(m.minimiser());
        double[] g = new double[2];
        m.lossAndGradient(ALL, 4, g);
        assertArrayEquals(new double[2], g, 1e-14);
    }

    @Test
    void weightsAreCopied() {
        LeastSquares m = LeastSquares.of(X, Y, 0.1);
        double[] w = {1, 2};
        m.setWeights(w);
        w[0] = 99;
        double[] out = new double[2];
        m.weights(out);
        assertArrayEquals(new double[] {1, 2}, out);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN})
    void badToleranceThrows(double tol) {
        assertThrows(IllegalArgumentException.class, () -> LeastSquares.of(X, Y, tol));
    }

    @Test
    void badShapesThrow() {
        assertThrows(IllegalArgumentException.class, () -> LeastSquares.of(new double[][] {{1, 2}, {1}}, Y, 1));
        assertThrows(IllegalArgumentException.class, () -> LeastSquares.of(X, new double[] {1}, 1));
        assertThrows(IllegalArgumentException.class,
                () -> LeastSquares.of(new double[][] {{Double.NaN}}, new double[] {1}, 1));
        LeastSquares m = LeastSquares.of(X, Y, 0.1);
        assertThrows(IllegalArgumentException.class, () -> m.setWeights(new double[3]));
        assertThrows(IllegalArgumentException.class, () -> m.evaluate(ALL, 0));
    }
}
