package org.htsgd.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.htsgd.core.landscape.Landscape;
import org.htsgd.core.landscape.Landscapes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReachableSetsTest {
    /** \(f = -(|x|^2 - 1.3^2)^2\): a disc field of radius 1.3 around 0 and an annulus whose minimiser set is the circle |x| = 2.5. */
    private static final Landscape DISC = Landscapes.parse("expr:-(x^2+y^2-1.69)^2;R=2.5");
    /** \((x^2-1)^2 + y^2\): two half-disc fields, minimisers (+-1, 0), r = 1. */
    private static final Landscape DOUBLE_WELL = Landscapes.parse("expr:(x^2-1)^2+y^2;R=2.5");
    /** Shared grids (built once: the machine is small). */
    private static final FlowGrid DISC_GRID = FlowGrid.of(DISC, 0.02);
    /** Shared grid. */
    private static final FlowGrid WELL_GRID = FlowGrid.of(DOUBLE_WELL, 0.02);

    private static int fieldContaining(FlowGrid g, double x, double y) {
        return g.field(new double[] {x, y});
    }

    /** Contractive radial drift: J = ceil(r/b) for the disc (r = 1.3) and for the annulus around its circle (r = 1.2). */
    @ParameterizedTest
    @CsvSource({"0.5, 3, 3", "1.0, 2, 2", "2.0, 1, 1", "0.7, 2, 2"})
    void radialWellMatchesCeilRadiusOverB(double b, int jDisc, int jAnnulus) {
        assertEquals(2, DISC_GRID.fieldCount());
        ReachableSets sets = ReachableSets.of(DISC_GRID);
        int disc = fieldContaining(DISC_GRID, 0.1, 0.2);
        int annulus = 1 - disc;
        JumpNumber d = sets.jumpNumber(disc, b);
        JumpNumber a = sets.jumpNumber(annulus, b);
        assertEquals(jDisc, d.jumps(), d.toString());
        assertEquals(jAnnulus, a.jumps(), a.toString());
        assertEquals(d.radiusJumps(), d.jumps());
        assertEquals(a.radiusJumps(), a.jumps());
        assertTrue(d.contractive(), d.toString());
        assertTrue(a.contractive(), a.toString());
        assertEquals(1.3, d.radius(), 2 * d.cellDiagonal());
        assertEquals(1.2, a.radius(), 2 * a.cellDiagonal());
        assertEquals(annulus, d.exitField());
    }

    /** The annulus' minimiser set is the whole circle of radius 2.5 (the projected flow stops on the boundary). */
    @Test
    void minimiserCurveIsOneSet() {
        int annulus = 1 - fieldContaining(DISC_GRID, 0.1, 0.2);
        double[] set = DISC_GRID.minimiserSet(annulus);
        assertTrue(set.length / 2 > 500, "points: " + set.length / 2);
        boolean[] octant = new boolean[8];
        for (int k = 0; k < set.length; k += 2) {
            assertEquals(2.5, Math.hypot(set[k], set[k + 1]), 0.02);
            octant[(int) ((Math.atan2(set[k + 1], set[k]) + Math.PI) / (Math.PI / 4)) % 8] = true;
        }
        for (boolean o : octant) {
            assertTrue(o);
        }
    }

    /** The double well in 2-D: r = 1 on both sides, contractive, J = ceil(1/b). */
    @ParameterizedTest
    @CsvSource({"0.45, 3", "0.6, 2", "1.5, 1"})
    void doubleWellMatchesCeilRadiusOverB(double b, int expected) {
        assertEquals(2, WELL_GRID.fieldCount());
        for (JumpNumber j : ReachableSets.of(WELL_GRID).jumpNumbers(b)) {
            assertEquals(expected, j.jumps(), j.toString());
            assertEquals(expected, j.radiusJumps());
            assertTrue(j.contractive());
            assertEquals(1, j.radius(), 0.03);
            assertEquals(1 - j.field(), j.exitField());
            // the first exit is on the line x = 0, straight from the minimiser's side
            assertEquals(0, j.exitPoint()[0], 0.03);
            assertEquals(0, j.exitPoint()[1], 0.05 + 0.5 * (expected - 1));
        }
    }

    /**
     * The flow carries the iterate outward: J = 2 where ceil(r/b) = 3.
     *
     * <p>By hand (b = 1, see {@link ShallowValley}): the field of 0 is \(\{x &lt; X\}\), \(r = X = 2.05\), so
     * \(\lceil r/b\rceil = 3\). With \(\varepsilon = 0\) the orbit from \((x_0, y_0)\) with \(0 \le x_0\) ends on the
     * floor at \(x_0 + y_0^2/(4\ell) = x_0 + y_0^2\); over the unit disc this is largest at \(x_0 = 2\ell = 1/2\),
     * \(y_0^2 = 3/4\): \(\ell + b^2/(4\ell) = 1.25 &lt; x_c\), so the orbit stays in the band. The floor term slows
     * the slide by at most \(\varepsilon \max_x a'(x)\,T \le 10^{-4}\cdot 0.51 \cdot 343 \approx 0.02\), with
     * \(T = \ln(100)/(2c(1.25)) \approx 343\) the time for \(y^2\) to drop to 1% (when 0.0075 of the slide is
     * left). So \(G^{(1)}\) reaches \(x \ge 1.22\) on the floor, and one more jump of length 1 along the floor
     * reaches \(2.22 &gt; X\): \(J_1 = 2\) (\(J \ge 2\) as \(b &lt; r\)).
     */
    @Test
    void shallowValleyNeedsFewerJumpsThanCeilRadiusOverB() {
        for (double h : new double[] {0.02, 0.01}) {
            FlowGrid g = FlowGrid.of(new ShallowValley(), h);
            assertEquals(2, g.fieldCount(), g.toString());
            int field = g.field(new double[] {0, 0});
            JumpNumber j = ReachableSets.of(g).jumpNumber(field, 1.0);
            assertEquals(2, j.jumps(), "h = " + h + ": " + j);
            assertEquals(ShallowValley.X, j.radius(), 2 * j.cellDiagonal());
            assertEquals(3, j.radiusJumps());
            assertNotEquals(j.radiusJumps(), j.jumps());
            assertFalse(j.contractive());
            // G^(1) ends near x = 1.22..1.25 on the floor: the exiting jump starts there
            assertEquals(ShallowValley.X, j.exitPoint()[0], 2 * j.cellDiagonal());
            assertTrue(j.exitFrom()[0] > 1.1 && j.exitFrom()[0] < 1.3, j.toString());
        }
    }

    /** Refinement: the double well's and the disc's jump numbers are the same at h and h/2. */
    @Test
    void stableUnderRefinement() {
        FlowGrid coarse = FlowGrid.of(DOUBLE_WELL, 0.04);
        for (double b : new double[] {0.45, 0.6, 1.5}) {
            for (int i = 0; i < 2; i++) {
                int fine = WELL_GRID.field(coarse.minimiser(i));
                assertEquals(ReachableSets.of(WELL_GRID).jumpNumber(fine, b).jumps(),
                    ReachableSets.of(coarse).jumpNumber(i, b).jumps());
            }
        }
    }

    /** The paper's Figure 3 landscape at b = 2.15: (2, 2, 1, 1) for Omega_1..4, at h = 0.04 and 0.02. */
    @Test
    void himmelblauJumpNumbers() {
        for (double h : new double[] {0.04, 0.02}) {
            FlowGrid g = FlowGrid.of(Landscapes.himmelblau(), h);
            assertEquals(4, g.fieldCount());
            int top = g.field(new double[] {-1.0, 3.1});
            int segment = g.field(new double[] {-1.5, -2.9});
            int upperRight = g.field(new double[] {2.3, 0.53});
            int lowerRight = g.field(new double[] {2.41, -0.47});
            assertEquals(4, java.util.stream.IntStream.of(top, segment, upperRight, lowerRight).distinct().count());
            ReachableSets sets = ReachableSets.of(g);
            assertEquals(2, sets.jumpNumber(top, 2.15).jumps());
            assertEquals(2, sets.jumpNumber(segment, 2.15).jumps());
            assertEquals(1, sets.jumpNumber(upperRight, 2.15).jumps());
            assertEquals(1, sets.jumpNumber(lowerRight, 2.15).jumps());
            // the segment of minimisers y = -2.9, x in [-3.03, -0.5] is one set
            double[] seg = g.minimiserSet(segment);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < seg.length; k += 2) {
                assertEquals(-2.9, seg[k + 1], 1e-3);
                lo = Math.min(lo, seg[k]);
                hi = Math.max(hi, seg[k]);
            }
            assertEquals(-3.03, lo, 0.05);
            assertEquals(-0.5, hi, 0.05);
        }
    }

    @Test
    void badInputThrowsOneLine() {
        ReachableSets sets = ReachableSets.of(WELL_GRID);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sets.jumpNumber(0, 0));
        assertEquals("b is not > 0: 0.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sets.jumpNumber(0, Double.NaN));
        e = assertThrows(IllegalArgumentException.class, () -> sets.jumpNumber(0, 0.01));
        assertTrue(e.getMessage().startsWith("b is not > the grid's cell diagonal"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sets.jumpNumber(2, 1.0));
        e = assertThrows(IllegalArgumentException.class, () -> FlowGrid.of(DOUBLE_WELL, 1e-4));
        assertTrue(e.getMessage().startsWith("grid spacing h is too small for memory"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FlowGrid.of(DOUBLE_WELL, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> FlowGrid.of(Landscapes.paper1d(), 0.01));
    }

    /** b = infinity: a single jump reaches everything. */
    @Test
    void unclippedNeedsOneJump() {
        for (JumpNumber j : ReachableSets.of(DISC_GRID).jumpNumbers(Double.POSITIVE_INFINITY)) {
            assertEquals(1, j.jumps());
        }
    }
}
