package org.htsgd.core.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.htsgd.core.landscape.Landscape1D;
import org.htsgd.core.landscape.Landscapes;
import org.junit.jupiter.api.Test;

class CriticalPoints1DTest {
    @Test
    void paper1dCriticalPoints() {
        CriticalPoints1D c = CriticalPoints1D.of(Landscapes.paper1d());
        // paper.md §3.1 derived numbers (4 decimals)
        assertArrayEquals(new double[] {-1.5115, -0.6993, 0.4962, 1.3221}, c.minima(), 1e-4);
        assertArrayEquals(new double[] {-1.3, 0.2, 0.7}, c.maxima(), 1e-9);
        AttractionFields1D f = c.fields();
        assertEquals(4, f.size());
        assertEquals(-1.6, f.lower(0));
        assertEquals(1.6, f.upper(3));
        // widths: outer sides never count
        assertEquals(-1.3 - c.minima()[0], f.width(0), 1e-12);
        assertEquals(c.minima()[1] + 1.3, f.width(1), 1e-12);
        assertEquals(0.7 - c.minima()[2], f.width(2), 1e-12);
        assertEquals(c.minima()[3] - 0.7, f.width(3), 1e-12);
    }

    @Test
    void boundaryMinimaOfProjectedFlow() {
        // f = -x^2 on [-1, 1]: the flow runs into both ends, one maximum at 0
        Landscape1D f = (Landscape1D) Landscapes.parse("expr:-x^2;L=1");
        CriticalPoints1D c = CriticalPoints1D.of(f, 1000);
        assertArrayEquals(new double[] {-1, 1}, c.minima(), 0);
        assertArrayEquals(new double[] {0}, c.maxima(), 1e-12);
    }

    @Test
    void fieldLookupByBinarySearch() {
        AttractionFields1D f = CriticalPoints1D.of(Landscapes.paper1d()).fields();
        assertEquals(0, f.field(-1.6));
        assertEquals(0, f.field(-1.3000001));
        assertEquals(1, f.field(-1.3));
        assertEquals(1, f.field(0.1999));
        assertEquals(2, f.field(0.5));
        assertEquals(3, f.field(0.7 + 1e-9));
        assertEquals(3, f.field(1.6));
        assertEquals(3, f.field(5));
    }

    @Test
    void figure2FieldsFromGivenPoints() {
        AttractionFields1D f = AttractionFields1D.of(new double[] {-0.45, 0.6, 1.95}, new double[] {0, 1.5});
        assertEquals(0.45, f.width(0), 1e-15);
        assertEquals(0.6, f.leftDistance(1), 1e-15);
        assertEquals(0.9, f.rightDistance(1), 1e-15);
        assertEquals(0.6, f.width(1), 1e-15);
        assertEquals(0.45, f.width(2), 1e-15);
        assertEquals(Double.NEGATIVE_INFINITY, f.lower(0));
        assertEquals(Double.POSITIVE_INFINITY, f.width(0) + f.leftDistance(0));
    }

    @Test
    void badFieldsThrow() {
        assertThrows(IllegalArgumentException.class,
                () -> AttractionFields1D.of(new double[] {0, 1}, new double[] {2}));
        assertThrows(IllegalArgumentException.class,
                () -> AttractionFields1D.of(new double[] {0, 1}, new double[] {}));
        assertThrows(IllegalArgumentException.class, () -> AttractionFields1D.of(new double[] {}, new double[] {}));
        assertThrows(IllegalArgumentException.class,
                () -> AttractionFields1D.of(new double[] {0, Double.NaN}, new double[] {0.5}));
    }
}
