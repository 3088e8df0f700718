package org.htsgd.core.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Paper1DTest {
    private final Paper1D f = Landscapes.paper1d();

    /** Direct transcription of the paper's formula, independent of the Horner / log-derivative implementation. */
    static double reference(double x) {
        return (x + 1.6) * Math.pow(x + 1.3, 2) * Math.pow(x - 0.2, 2) * Math.pow(x - 0.7, 2) * (x - 1.6)
                * Math.pow(0.05 * Math.abs(1.65 - x), 0.6) * (1 + 1 / (0.01 + 4 * Math.pow(x - 0.5, 2)))
                * (1 + 1 / (0.1 + 4 * Math.pow(x + 1.5, 2))) * (1 - 0.25 * Math.exp(-5 * Math.pow(x + 0.8, 2)));
    }

    @Test
    void valueMatchesFormula() {
        for (int k = 0; k <= 320; k++) {
            double x = -1.6 + 0.01 * k;
            assertEquals(reference(x), f.value(x), 1e-12 * (1 + Math.abs(reference(x))), "x=" + x);
        }
    }

    @Test
    void derivativeMatchesCentralDifferences() {
        // 5-point stencil, h = 1e-4: truncation error ~ h^4 f^(5) and rounding ~ 1e-16 |f| / h, both < 1e-7 here
        double h = 1e-4;
        for (int k = 0; k <= 640; k++) {
            double x = -1.6 + 0.005 * k;
            double fd = (-reference(x + 2 * h) + 8 * reference(x + h) - 8 * reference(x - h) + reference(x - 2 * h))
                    / (12 * h);
            assertEquals(fd, f.derivative(x), 1e-6 * (1 + Math.abs(fd)), "x=" + x);
        }
    }

    @Test
    void maximaAreRootsOfValueAndDerivative() {
        for (double s : new double[] {-1.3, 0.2, 0.7}) {
            assertEquals(0, f.value(s), 1e-15);
            assertEquals(0, f.derivative(s), 1e-12);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, 1.65, 2, Double.NaN})
    void badHalfWidthThrows(double l) {
        assertThrows(IllegalArgumentException.class, () -> Paper1D.of(l));
    }
}
