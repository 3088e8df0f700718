package org.htsgd.core.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.htsgd.core.landscape.Landscape1D;
import org.htsgd.core.landscape.Landscapes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /**
     * Landscapes the analysis cannot answer honestly are refused with the landscape and the reason, never analysed
     * into a wrong answer (issue 14: several of these gave a "minimum" where f is undefined, or one field where
     * there are two).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "expr:x^2/0            | expr:x^2/0: the value is not finite at x = -2 (inside [-2, 2])",
        "expr:sqrt(x)          | expr:sqrt(x): the value is not finite at x = -2 (inside [-2, 2])",
        "expr:log(x);L=2       | expr:log(x): the value is not finite at x = -2 (inside [-2, 2])",
        "expr:1/x;L=2          | expr:1/x: the value is not finite at x = 0 (inside [-2, 2])",
        "expr:x+1/x;lo=0;hi=1  | expr:x+1/x: the value is not finite at x = 0 (inside [0, 1])",
        "expr:sqrt(abs(x));L=1 | expr:sqrt(abs(x)): the derivative is not finite at x = 0",
        "expr:0                | expr:0: has no minimum in [-2, 2]: it is constant",
        "expr:abs(x-1)+abs(x+1) | f' = 0 on the whole stretch [-0.9998, 0.9998]: a flat region",
        "expr:1/(x-0.00001)    | f' is < 0 at both x = 0 and 0.0002 but f increases between them (a pole",
        "expr:tan(x)           | f' is > 0 at both x = -1.5708 and -1.5706 but f decreases between them",
        "expr:1/(x-0.00001)^2  | f' changes sign between x = 0 and 0.0002 through a pole or a jump",
        "expr:x^4-x^2;L=1e308  | the domain [-1e+308, 1e+308] is too wide: its width overflows a double",
        "expr:x^4-x^2;L=1e100  | the value is not finite at x = -1e+100 (inside [-1e+100, 1e+100])",
        "expr:x^4-x^2;L=1e10   | the grid cannot resolve the landscape: f' changes sign 3 times",
        "expr:x^4-x^2;L=1e30   | the grid cannot resolve the landscape: f' changes sign 3 times",
        "expr:x^4-x^2;lo=-1e10;hi=1.3e10 | the grid cannot resolve the landscape: f' changes sign 3 times",
        "expr:x^3/3-0.01*x;lo=-1e10;hi=1.3e10 | f' changes sign 2 times between x = -750000 and 400000 where the "
            + "grid (cell 1150000) sees 0 sign changes; give a narrower domain",
        "expr:sin(x);L=1e300   | (a pole, a jump, or features narrower than the grid cell 1e+296)"})
    void unanalysableLandscapesAreRefusedWithTheReason(String spec, String message) {
        Landscape1D f = (Landscape1D) Landscapes.parse(spec);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> CriticalPoints1D.of(f));
        assertTrue(ex.getMessage().startsWith(f.name() + ": "), ex.getMessage());
        assertTrue(ex.getMessage().contains(message), ex.getMessage());
    }

    @Test
    void resolvedLandscapesAreStillAnalysed() {
        // the same quartic on a domain the grid resolves: both minima and the maximum
        CriticalPoints1D wide = CriticalPoints1D.of((Landscape1D) Landscapes.parse("expr:x^4-x^2;L=20"));
        assertArrayEquals(new double[] {-Math.sqrt(0.5), Math.sqrt(0.5)}, wide.minima(), 1e-11);
        assertArrayEquals(new double[] {0}, wide.maxima(), 1e-11);
        // a kink is a minimum, not a pole
        assertArrayEquals(new double[] {0.3},
                CriticalPoints1D.of((Landscape1D) Landscapes.parse("expr:abs(x-0.3)")).minima(), 1e-11);
        // an end where f' = 0 and f rises away from it is a minimum of the projected flow
        assertArrayEquals(new double[] {0},
                CriticalPoints1D.of((Landscape1D) Landscapes.parse("expr:x^3;lo=0;hi=2")).minima(), 0);
        // a huge domain is fine when the landscape has no feature the grid could miss
        assertArrayEquals(new double[] {0},
                CriticalPoints1D.of((Landscape1D) Landscapes.parse("expr:x^2;L=1e100")).minima(), 0);
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
