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
    void signTestCountsTheNonZeroDifferencesOnOneSide() {
        // 4 of 4 below 0: P(X >= 4), X ~ Bin(4, 1/2), = 1/16; above: P(X >= 0) = 1
        PairedDifference four = PairedDifference.of(new double[] {1, 2, 3, 4}, new double[] {3, 5, 7, 7});
        assertEquals(1.0 / 16, four.signTest(false), 1e-15);
        assertEquals(1.0, four.signTest(true), 1e-15);
        // (1, -2, 0): the tie is dropped, m = 2; one on each side: P(X >= 1), X ~ Bin(2, 1/2), = 3/4 either way
        PairedDifference tie = PairedDifference.of(new double[] {5, 1, 4}, new double[] {4, 3, 4});
        assertEquals(0.75, tie.signTest(true), 1e-15);
        assertEquals(0.75, tie.signTest(false), 1e-15);
        // 5 of 5 above: 1/32; 4 of 5 above: (C(5,4) + C(5,5)) / 32 = 6/32
        double[] sb = {68.0, 68.0, 68.0, 68.0, 68.0};
        assertEquals(1.0 / 32, PairedDifference.of(new double[] {69, 69.5, 68.1, 70, 68.5}, sb).signTest(true), 1e-15);
        assertEquals(6.0 / 32, PairedDifference.of(new double[] {69, 69.5, 67.9, 70, 68.5}, sb).signTest(true), 1e-15);
        assertEquals(1.0, PairedDifference.of(new double[] {1, 2}, new double[] {1, 2}).signTest(true),
            "no non-zero difference: no evidence either way");
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
