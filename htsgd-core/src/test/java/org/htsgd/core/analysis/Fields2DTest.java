package org.htsgd.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.htsgd.core.landscape.Landscape;
import org.htsgd.core.landscape.Landscapes;
import org.htsgd.core.landscape.ModifiedHimmelblau;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Fields2DTest {
    @Test
    void quarticDoubleWellIn2D() {
        Landscape f = Landscapes.parse("expr:(x^2-1)^2 + y^2;R=2.5");
        Fields2D fl = Fields2D.of(f, 21);
        assertEquals(2, fl.size());
        for (int i = 0; i < 2; i++) {
            double[] m = fl.minimiser(i);
            assertEquals(1, Math.abs(m[0]), 1e-3);
            assertEquals(0, m[1], 1e-3);
            // the field boundary is the line x = 0, at distance 1 from (+-1, 0)
            assertEquals(1, fl.radius(i, 36, 0.05), 0.01);
        }
        assertEquals(fl.field(new double[] {0.3, 1.5}), fl.field(new double[] {1, 0}));
    }

    /**
     * A 2-D landscape the multi-start search cannot analyse is refused with the reason within seconds (issue 14:
     * the first case looped in the descent for good, the NaN gradient at the origin never ending its step halving).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "expr:1/(x*x+y*y);R=2          | the value is not finite at (0, 0) (inside the disc of radius 2)",
        "expr:log(x)+y^2;R=2           | the value is not finite at (-2, 0) (inside the disc of radius 2)",
        "expr:x^4+y^4-x^2-y^2;R=1e100  | the value is not finite at (-1e+100, 0)",
        "expr:x^4+y^4-x^2-y^2;R=1e50   | a descent step of 0.05 is lost to rounding: the disc of radius 1e+50 is "
            + "too large",
        "expr:0*y                      | has no minimum in the disc of radius 5: it is constant",
        "expr:x^2+y^2;R=1e10           | the search for minima did not settle: its descents took more than 8000 "
            + "steps per start point"})
    void unanalysableLandscapesAreRefusedWithinSeconds(String spec, String message) {
        Landscape f = Landscapes.parse(spec);
        IllegalArgumentException ex = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(IllegalArgumentException.class, () -> Fields2D.of(f, 21)));
        assertTrue(ex.getMessage().startsWith(f.name() + ": "), ex.getMessage());
        assertTrue(ex.getMessage().contains(message), ex.getMessage());
    }

    @Test
    void himmelblauLStarWithChosenCx() {
        ModifiedHimmelblau f = Landscapes.himmelblau();
        Fields2D fl = Fields2D.of(f, 31);
        assertEquals(4, fl.size());
        double b = 2.15;
        int[] lStar = new int[4];
        int seg = -1;
        int top = -1;
        int ur = -1;
        int lr = -1;
        for (int i = 0; i < 4; i++) {
            double[] m = fl.minimiser(i);
            // 36 rays: the radii (3.2, 2.6, 0.5, 0.5) are far enough from the multiples of b for a coarse ray set
            lStar[i] = (int) Math.ceil(fl.radius(i, 36, 0.1) / b);
            if (Math.abs(m[1] + 2.9) < 1e-3) {
                seg = i;
            } else if (m[1] > 2) {
                top = i;
            } else if (m[0] > 1.5 && m[1] > 0) {
                ur = i;
            } else if (m[0] > 1.5 && m[1] < 0) {
                lr = i;
            }
        }
        assertTrue(seg >= 0 && top >= 0 && ur >= 0 && lr >= 0, fl.toString());
        // paper §3.2: l1* = l2* = 2 > l3* = l4* = 1 (Omega_2 = the segment field)
        assertEquals(2, lStar[top]);
        assertEquals(2, lStar[seg]);
        assertEquals(1, lStar[ur]);
        assertEquals(1, lStar[lr]);
        // the paper's start (2.9, 1.0) lies in Omega_3
        assertEquals(ur, fl.field(new double[] {2.9, 1.0}));
    }
}
