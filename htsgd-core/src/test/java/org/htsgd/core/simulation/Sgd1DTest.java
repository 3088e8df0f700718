package org.htsgd.core.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.htsgd.core.truncation.Truncation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Sgd1DTest {
    @ParameterizedTest
    @ValueSource(doubles = {0, -0.1, Double.NaN, Double.POSITIVE_INFINITY})
    void testInvalidEtaThrows(double eta) {
        assertThrows(IllegalArgumentException.class,
            () -> new Sgd1D(TestProblems.quadratic(1), TestProblems.zero(), eta, Truncation.NONE));
    }

    @Test
    void testStepIsEquationTwo() {
        Sgd1D sgd = Sgd1D.of(TestProblems.doubleWell(), TestProblems.zero(), 0.1, 0.05);
        // f'(1.5) = 1.5 * 1.25 = 1.875; eta (f' - z) = 0.1 * (1.875 - (-3)) = 0.4875 -> clipped to 0.05
        assertEquals(1.45, sgd.step(1.5, -3), 1e-15);
        // small update is not clipped: 0.1 * (1.875 - 1.6) = 0.0275
        assertEquals(1.5 - 0.0275, sgd.step(1.5, 1.6), 1e-15);
        // projection onto [-2, 2]: a huge positive noise pushes right, projected to 2
        assertEquals(2, sgd.withTruncation(Truncation.NONE).step(1.5, 1e6), 0);
    }
}
