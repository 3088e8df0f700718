package org.htsgd.core.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.htsgd.core.landscape.Landscapes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one 1-D field contract: {@link Partition1D} and the {@link AttractionFields1D} it is built from. */
class Partition1DTest {
    /** paper1d's fields as located: interior boundaries -1.3, 0.19999999999999996, 0.7000000000000002. */
    private static final AttractionFields1D PAPER = CriticalPoints1D.of(Landscapes.paper1d()).fields();

    @Test
    void testFieldIsNumberOfCutsAtOrBelow() {
        Partition1D p = Partition1D.of(-1.3, 0.2, 0.7);
        assertEquals(4, p.fieldCount());
        assertEquals(0, p.field(-1.5));
        assertEquals(1, p.field(-1.3));
        assertEquals(0, p.field(Math.nextDown(-1.3)));
        assertEquals(1, p.field(-0.7));
        assertEquals(3, p.field(1.5));
        assertEquals(Double.NEGATIVE_INFINITY, p.lowerCut(0));
        assertEquals(0.2, p.upperCut(1));
        assertEquals(Double.POSITIVE_INFINITY, p.upperCut(3));
    }

    @Test
    void testUnsortedOrNonFiniteCutsThrow() {
        assertThrows(IllegalArgumentException.class, () -> Partition1D.of(0.2, -1.3));
        assertThrows(IllegalArgumentException.class, () -> Partition1D.of(0.2, 0.2));
        assertThrows(IllegalArgumentException.class, () -> Partition1D.of(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Partition1D.of(0, Double.POSITIVE_INFINITY));
    }

    @Test
    void testEndsConvention() {
        // the analysis's fields carry the domain ends [-1.6, 1.6]; the lookup built from them covers the line
        double[] s = PAPER.boundaries();
        assertEquals(5, s.length);
        assertEquals(-1.6, s[0]);
        assertEquals(1.6, s[4]);
        assertEquals(-1.6, PAPER.lower(0));
        assertEquals(1.6, PAPER.upper(3));
        Partition1D p = PAPER.partition();
        assertArrayEquals(Arrays.copyOfRange(s, 1, 4), p.cuts());
        assertEquals(PAPER.size(), p.fieldCount());
        assertEquals(Double.NEGATIVE_INFINITY, p.lowerCut(0));
        assertEquals(Double.POSITIVE_INFINITY, p.upperCut(3));
        for (int i = 0; i < PAPER.size(); i++) {
            if (i > 0) {
                assertEquals(PAPER.lower(i), p.lowerCut(i), "interior lower end of field " + i);
            }
            if (i < PAPER.size() - 1) {
                assertEquals(PAPER.upper(i), p.upperCut(i), "interior upper end of field " + i);
            }
            assertEquals(i, p.field(PAPER.minimum(i)), "the field of m_" + i);
        }
        // fields with infinite outer ends (the paper's s_0 = -inf, s_n = +inf) give the same lookup
        AttractionFields1D unbounded = AttractionFields1D.of(PAPER.minima(), p.cuts());
        assertEquals(p, unbounded.partition());
        assertEquals(Double.NEGATIVE_INFINITY, unbounded.lower(0));
    }

    @Test
    void testLookupAgreesWithALinearSearchOnRandomPoints() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20_221_203L);
        for (int trial = 0; trial < 200; trial++) {
            int k = rng.nextInt(8);
            double[] cuts = new double[k];
            for (int j = 0; j < k; j++) {
                cuts[j] = (j == 0 ? -5 : cuts[j - 1]) + 0.001 + rng.nextDouble();
            }
            double[] minima = new double[k + 1];
            for (int i = 0; i <= k; i++) {
                double lo = i == 0 ? cuts.length == 0 ? -1 : cuts[0] - 1 : cuts[i - 1];
                double hi = i == k ? lo + 2 : cuts[i];
                minima[i] = 0.5 * (lo + hi);
            }
            Partition1D p = Partition1D.of(cuts);
            AttractionFields1D fields = AttractionFields1D.of(minima, cuts, -10, 10);
            assertEquals(p, fields.partition());
            for (int m = 0; m < 100; m++) {
                double x;
                int pick = rng.nextInt(4);
                if (k > 0 && pick == 0) {
                    x = cuts[rng.nextInt(k)]; // exactly on a cut
                } else if (k > 0 && pick == 1) {
                    double c = cuts[rng.nextInt(k)];
                    x = rng.nextBoolean() ? Math.nextUp(c) : Math.nextDown(c);
                } else {
                    x = -12 + 24 * rng.nextDouble(); // beyond the outer ends too
                }
                int expected = linearSearch(cuts, x);
                assertEquals(expected, p.field(x), () -> Arrays.toString(cuts) + " at " + x);
                assertEquals(expected, fields.field(x), () -> Arrays.toString(cuts) + " at " + x);
                int f = expected;
                assertTrue(p.lowerCut(f) <= x && x < p.upperCut(f), "x in [lowerCut, upperCut) of its field");
            }
        }
    }

    /** @return the field of x by the definition: the number of cuts at or below x */
    private static int linearSearch(double[] cuts, double x) {
        int n = 0;
        for (double c : cuts) {
            if (c <= x) {
                n++;
            }
        }
        return n;
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1.3, 0.2, 0.19999999999999996, 0.7, 0.7000000000000002, 0.2000000001})
    void testStartOnABoundaryIsRejected(double start) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> PAPER.partition().startField(start));
        assertTrue(e.getMessage().startsWith("start is not inside a field (on the boundary "), e.getMessage());
        assertTrue(e.getMessage().endsWith("): " + start), e.getMessage());
    }

    @Test
    void testStartBoundaryMessageNamesTheFields() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> PAPER.partition().startField(0.2));
        assertEquals("start is not inside a field (on the boundary 0.19999999999999996 between fields 2 and 3): 0.2",
            e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PAPER.partition().startField(Double.NaN));
    }

    @Test
    void testStartInsideAFieldIsAccepted() {
        Partition1D p = PAPER.partition();
        assertEquals(1, p.startField(-0.7));
        assertEquals(2, p.startField(0.2000001)); // 1e-7 away: farther than the tolerance
        assertEquals(0, p.startField(-1.6)); // a domain end is not a boundary between fields
        assertEquals(3, p.startField(1.6));
        assertEquals(0, Partition1D.of().startField(0)); // one field, no boundary
    }
}
