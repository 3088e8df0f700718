package org.htsgd.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PairedDifferenceTest {
    @Test
    void handComputedIntervalBelowZero() {
        // d = x - y = (1-3, 2-5, 3-7, 4-7) = (-2, -3, -4, -3): mean -3; squared deviations 1, 0, 1, 0 sum to 2,
        // s^2 = 2/3, s = 0.8164966, se = s/sqrt(4) = 0.4082483; t(0.975, 3 df) = 3.1824463 (tables),
        // half-width = 3.1824463 * 0.4082483 = 1.2992283: CI [-4.2992283, -1.7007717]
        PairedDifference d = PairedDifference.of(new double[] {1, 2, 3, 4}, new double[] {3, 5, 7, 7});
        assertEquals(4, d.n());
        assertEquals(-3.0, d.mean(), 1e-15);
        assertEquals(Math.sqrt(2.0 / 3), d.sd(), 1e-15);
        assertEquals(-4.2992283, d.lower(), 1e-6);
        assertEquals(-1.7007717, d.upper(), 1e-6);
        assertEquals(0, d.positive());
        assertEquals(4, d.negative());
        assertTrue(d.belowZero());
        assertFalse(d.aboveZero());
        assertEquals("-3.0000 (95% CI -4.2992 to -1.7008)", d.format(4, ""));
    }

    @Test
    void handComputedIntervalAcrossZero() {
        // d = (5-4, 1-3, 4-4) = (1, -2, 0): mean -1/3; deviations 4/3, -5/3, 1/3, squares sum 42/9, s^2 = 7/3,
        // s = 1.5275252, se = s/sqrt(3) = 0.8819171; t(0.975, 2 df) = 4.3026527, half-width 3.7945825:
        // CI [-4.1279158, 3.4612492]
        PairedDifference d = PairedDifference.of(new double[] {5, 1, 4}, new double[] {4, 3, 4});
        assertEquals(-1.0 / 3, d.mean(), 1e-15);
        assertEquals(-4.1279158, d.lower(), 1e-6);
        assertEquals(3.4612492, d.upper(), 1e-6);
        assertEquals(1, d.positive());
        assertEquals(1, d.negative());
        assertFalse(d.belowZero());
        assertFalse(d.aboveZero());
        assertEquals("-0.33 pp (95% CI -4.13 to 3.46)", d.format(2, " pp"));
    }

    @Test
    void onePairHasNoIntervalAndNoPairsNoMean() {
        PairedDifference one = PairedDifference.of(new double[] {70.06}, new double[] {69.20});
        assertEquals(1, one.n());
        assertEquals(0.86, one.mean(), 1e-12);
        assertTrue(Double.isNaN(one.lower()) && Double.isNaN(one.upper()));
        assertFalse(one.aboveZero(), "no interval from one pair, whatever its sign");
        assertEquals("+0.86 pp", one.format(2, " pp"));
        assertEquals("-", PairedDifference.of(new double[0], new double[0]).format(2, ""));
        assertThrows(IllegalArgumentException.class, () -> PairedDifference.of(new double[1], new double[2]));
    }
}
