package org.htsgd.core.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TableExpTest {
    /** Grid and random arguments over the table's range, both signs. */
    private static double[] arguments() {
        SplittableRandom rnd = new SplittableRandom(5);
        double[] s = new double[200_000];
        for (int i = 0; i < 100_000; i++) {
            s[i] = -700 + 1400 * i / 99_999.0;
        }
        for (int i = 100_000; i < s.length; i++) {
            // log-uniform magnitudes from 1e-12 to 700: small arguments stress expm1's relative accuracy
            double m = Math.exp(Math.log(1e-12) + rnd.nextDouble() * (Math.log(700) - Math.log(1e-12)));
            s[i] = rnd.nextBoolean() ? m : -m;
        }
        return s;
    }

    @Test
    void testExpWithinTwoUlpOfStrictMath() {
        for (double s : arguments()) {
            double e = StrictMath.exp(s);
            assertEquals(e, TableExp.exp(s), 2 * Math.ulp(e), "s=" + s);
        }
    }

    @Test
    void testExpm1WithinTwoUlpOfExpAndRelativelyAccurateForSmallArguments() {
        for (double s : arguments()) {
            double e = StrictMath.exp(s);
            double m = StrictMath.expm1(s);
            double got = TableExp.expm1(s);
            // absolute: as good as exp itself plus the rounding of the result; relative: a few ulp of the result (exp(s) - 1 would lose all
            // digits at s = 1e-12)
            assertEquals(m, got, 2 * Math.ulp(e) + Math.ulp(m), "s=" + s);
            assertTrue(Math.abs(got - m) <= 4 * Math.ulp(m) || Math.abs(s) > Math.log(2) / 128, "s=" + s + ": " + got + " vs " + m);
        }
    }

    @Test
    void testSpecialValuesAndFallback() {
        assertEquals(1.0, TableExp.exp(0));
        assertEquals(0.0, TableExp.expm1(0));
        assertEquals(Double.NaN, TableExp.exp(Double.NaN));
        assertEquals(Double.NaN, TableExp.expm1(Double.NaN));
        assertEquals(Double.POSITIVE_INFINITY, TableExp.exp(800));
        assertEquals(Double.POSITIVE_INFINITY, TableExp.expm1(Double.POSITIVE_INFINITY));
        assertEquals(0.0, TableExp.exp(-800));
        assertEquals(-1.0, TableExp.expm1(Double.NEGATIVE_INFINITY));
        assertEquals(Math.exp(705.5), TableExp.exp(705.5));
    }
}
