package org.htsgd.core.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DoubleWellTest {
    @Test
    void symmetricIsQuartic() {
        DoubleWell w = Landscapes.doubleWell();
        for (double x = -2; x <= 2; x += 0.125) {
            assertEquals(Math.pow(x * x - 1, 2), w.value(x), 1e-12);
            assertEquals(4 * x * (x * x - 1), w.derivative(x), 1e-12);
        }
    }

    @Test
    void asymmetricDerivativeMatchesFiniteDifferences() {
        DoubleWell w = Landscapes.doubleWell(-0.8, 0.1, 1.3, 2.5, 2);
        double h = 1e-5;
        for (double x = -2; x <= 2; x += 0.05) {
            double fd = (w.value(x + h) - w.value(x - h)) / (2 * h);
            assertEquals(fd, w.derivative(x), 1e-7 * (1 + Math.abs(fd)));
        }
        assertEquals(0, w.value(-0.8), 1e-14);
        assertEquals(0, w.derivative(0.1), 1e-14);
    }

    @Test
    void badParametersThrow() {
        assertThrows(IllegalArgumentException.class, () -> DoubleWell.of(1, 0, 2, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> DoubleWell.of(-1, 0, 1, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> DoubleWell.of(-1, 0, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> DoubleWell.of(-1, 0, 1, Double.NaN, 2));
    }
}
