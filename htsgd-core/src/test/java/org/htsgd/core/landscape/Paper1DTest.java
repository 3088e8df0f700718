package org.htsgd.core.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.htsgd.core.numeric.TableExp;
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

    /**
     * The derivative as implemented before the table-driven pow/exp (Math.log/Math.exp), kept as an independent
     * reference: the fast one must agree to rounding.
     */
    static double previousDerivative(double x) {
        double p = x + 1.6;
        double dp = 1;
        for (double r : new double[] {-1.3, -1.3, 0.2, 0.2, 0.7, 0.7, 1.6}) {
            dp = dp * (x - r) + p;
            p *= x - r;
        }
        double a = 1.65 - x;
        double q1 = Math.exp(0.6 * Math.log(0.05 * Math.abs(a)));
        double u = x - 0.5;
        double d1 = 0.01 + 4 * u * u;
        double v = x + 1.5;
        double d2 = 0.1 + 4 * v * v;
        double w = x + 0.8;
        double e = 0.25 * Math.exp(-5 * w * w);
        double q = q1 * (1 + 1 / d1) * (1 + 1 / d2) * (1 - e);
        double logDerivative = -0.6 / a - 8 * u / (d1 * (d1 + 1)) - 8 * v / (d2 * (d2 + 1)) + 10 * w * e / (1 - e);
        return q * (dp + p * logDerivative);
    }

    @Test
    void derivativeAgreesWithLogExpFormToRounding() {
        // Tolerance: 1e-13 of the sum of the magnitudes of the two terms Q P' and Q P (log Q)', i.e. of the size of
        // the quantities that cancel at the minima (each implementation rounds to ~1e-15 of that).
        for (int k = 0; k <= 320_000; k++) {
            double x = -1.6 + 1e-5 * k;
            double pa = Math.abs(x + 1.6);
            double dpa = 1;
            for (double r : new double[] {-1.3, -1.3, 0.2, 0.2, 0.7, 0.7, 1.6}) {
                dpa = dpa * Math.abs(x - r) + pa;
                pa *= Math.abs(x - r);
            }
            double q = Math.pow(0.05 * Math.abs(1.65 - x), 0.6) * (1 + 1 / (0.01 + 4 * Math.pow(x - 0.5, 2)))
                    * (1 + 1 / (0.1 + 4 * Math.pow(x + 1.5, 2)));
            double scale = q * (dpa + 100 * pa);
            assertEquals(previousDerivative(x), f.derivative(x), 1e-13 * scale, "x=" + x);
        }
    }

    @Test
    void tablePowAndExpWithinTwoUlp() {
        // t^0.6 on the cells' range [2^-9, 2^-2) and beyond (fallback), e^s on [-700, 0] and beyond (fallback)
        for (int k = 0; k <= 100_000; k++) {
            double t = 0.001 + 0.3 * k / 100_000.0 + 1e-7 * (k % 7);
            assertEquals(StrictMath.pow(t, 0.6), Paper1D.pow06(t), 2 * Math.ulp(StrictMath.pow(t, 0.6)), "t=" + t);
            double s = -30 * k / 100_000.0 - 1e-9 * (k % 11);
            assertEquals(StrictMath.exp(s), TableExp.exp(s), 2 * Math.ulp(StrictMath.exp(s)), "s=" + s);
            double s2 = -710 * k / 100_000.0 + 1;
            assertEquals(StrictMath.exp(s2), TableExp.exp(s2), 2 * Math.ulp(StrictMath.exp(s2)), "s=" + s2);
        }
        assertEquals(0, Paper1D.pow06(0));
        assertEquals(1, TableExp.exp(0));
        assertEquals(Double.NaN, TableExp.exp(Double.NaN));
        assertEquals(Double.NaN, Paper1D.pow06(Double.NaN));
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
