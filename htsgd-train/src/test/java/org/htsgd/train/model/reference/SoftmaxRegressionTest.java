package org.htsgd.train.model.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.rng.simple.RandomSource;
import org.htsgd.train.model.DifferentiableModel;
import org.junit.jupiter.api.Test;

class SoftmaxRegressionTest {
    /** Two classes, one feature: x = 1 (label 0) and x = -2 (label 1). */
    static SoftmaxRegression tiny() {
        return SoftmaxRegression.of(new double[][] {{1}, {-2}}, new int[] {0, 1}, 2);
    }

    @Test
    void handComputedAtZeroWeights() {
        SoftmaxRegression m = tiny();
        assertEquals(4, m.dimension());
        double[] g = new double[4];
        double loss = m.lossAndGradient(new int[] {0, 1}, 2, g);
        assertEquals(Math.log(2), loss, 1e-15);
        // pi = (1/2, 1/2); residuals r = pi - e_y: (-1/2, 1/2) at x = 1 and (1/2, -1/2) at x = -2.
        // dW = mean r x = ((-1/2 - 1)/2, (1/2 + 1)/2), dbeta = mean r = (0, 0).
        assertArrayEquals(new double[] {-0.75, 0.75, 0, 0}, g, 1e-15);
    }

    @Test
    void handComputedAtNonZeroWeights() {
        SoftmaxRegression m = tiny();
        m.setWeights(new double[] {1, -1, 0.5, 0});
        double[] g = new double[4];
        // Example 0 only: logits (1.5, -1), loss = log(1 + e^{-2.5}), pi_1 = 1/(1 + e^{2.5}).
        double loss = m.lossAndGradient(new int[] {0, 1}, 1, g);
        double q = 1 / (1 + Math.exp(2.5));
        assertEquals(Math.log1p(Math.exp(-2.5)), loss, 1e-15);
        assertArrayEquals(new double[] {-q, q, -q, q}, g, 1e-15);
        // Example 1: logits (-1.5, 2), label 1, loss = log(1 + e^{-3.5}), pi_0 = 1/(1 + e^{3.5}).
        double r = 1 / (1 + Math.exp(3.5));
        loss = m.lossAndGradient(new int[] {1}, 1, g);
        assertEquals(Math.log1p(Math.exp(-3.5)), loss, 1e-15);
        assertArrayEquals(new double[] {-2 * r, 2 * r, r, -r}, g, 1e-15);
        DifferentiableModel.Evaluation e = m.evaluate(new int[] {0, 1}, 2);
        assertEquals(1.0, e.accuracy());
        assertEquals((Math.log1p(Math.exp(-2.5)) + Math.log1p(Math.exp(-3.5))) / 2, e.loss(), 1e-15);
        m.setWeights(new double[] {-1, 1, 0, 0});
        assertEquals(0.0, m.evaluate(new int[] {0, 1}, 2).accuracy());
    }

    @Test
    void gradientMatchesCentralDifferences() {
        // Central differences with h = 1e-5: truncation error O(h^2) ~ 1e-10, rounding ~ eps/h ~ 1e-11; tolerance 1e-8.
        SoftmaxRegression m = SoftmaxRegression.gaussianBlobs(RandomSource.XO_RO_SHI_RO_128_PP.create(3L), 30, 4, 3, 1);
        double[] w = new double[m.dimension()];
        for (int i = 0; i < w.length; i++) {
            w[i] = 0.1 * (i % 5) - 0.2;
        }
        int[] batch = {3, 7, 11, 0, 29, 14};
        m.setWeights(w);
        double[] g = new double[w.length];
        m.lossAndGradient(batch, batch.length, g);
        double[] scratch = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            double[] wp = w.clone();
            wp[i] += 1e-5;
            m.setWeights(wp);
            double up = m.lossAndGradient(batch, batch.length, scratch);
            wp[i] -= 2e-5;
            m.setWeights(wp);
            double down = m.lossAndGradient(batch, batch.length, scratch);
            assertEquals((up - down) / 2e-5, g[i], 1e-8, "coordinate " + i);
        }
    }

    @Test
    void largeLogitsDoNotOverflow() {
        SoftmaxRegression m = tiny();
        m.setWeights(new double[] {1000, -1000, 0, 0});
        double[] g = new double[4];
        // Example 1 (x = -2, y = 1): logits (-2000, 2000), loss e^{-4000} -> 0; example 0 likewise; finite.
        assertEquals(0.0, m.lossAndGradient(new int[] {0, 1}, 2, g), 1e-300);
        m.setWeights(new double[] {-1000, 1000, 0, 0});
        assertEquals(3000, m.lossAndGradient(new int[] {0, 1}, 2, g), 1e-9);
    }

    @Test
    void validation() {
        assertThrows(IllegalArgumentException.class, () -> SoftmaxRegression.of(new double[][] {{1}}, new int[] {2}, 2));
        assertThrows(IllegalArgumentException.class, () -> SoftmaxRegression.of(new double[][] {{1}}, new int[] {0}, 1));
        assertThrows(IllegalArgumentException.class,
            () -> SoftmaxRegression.of(new double[][] {{1}, {1, 2}}, new int[] {0, 1}, 2));
        assertThrows(IllegalArgumentException.class,
            () -> SoftmaxRegression.of(new double[][] {{Double.NaN}}, new int[] {0}, 2));
        assertThrows(IllegalArgumentException.class, () -> tiny().setWeights(new double[3]));
        assertThrows(IllegalArgumentException.class, () -> tiny().lossAndGradient(new int[] {0}, 2, new double[4]));
        // inputs are copied
        double[][] x = {{1}, {-2}};
        SoftmaxRegression m = SoftmaxRegression.of(x, new int[] {0, 1}, 2);
        x[0][0] = 100;
        double[] g = new double[4];
        m.lossAndGradient(new int[] {0, 1}, 2, g);
        assertEquals(-0.75, g[0], 1e-15);
    }
}
