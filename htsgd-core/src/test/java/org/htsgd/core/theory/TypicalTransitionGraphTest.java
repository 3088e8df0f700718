package org.htsgd.core.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.htsgd.core.analysis.AttractionFields1D;
import org.htsgd.core.analysis.CriticalPoints1D;
import org.htsgd.core.landscape.Landscapes;
import org.junit.jupiter.api.Test;

class TypicalTransitionGraphTest {
    /** Figure 2: three fields, Omega_2 with m2 - s1 = 0.6 and s2 - m2 = 0.9. */
    static final AttractionFields1D FIGURE2 =
            AttractionFields1D.of(new double[] {-0.45, 0.6, 1.95}, new double[] {0, 1.5});
    static final AttractionFields1D PAPER1D = CriticalPoints1D.of(Landscapes.paper1d()).fields();

    static String edges(TypicalTransitionGraph g) {
        return g.edges().stream().map(e -> "m" + (e[0] + 1) + "->m" + (e[1] + 1)).collect(Collectors.joining(" "));
    }

    @Test
    void figure2IrreducibleAtHalf() {
        TypicalTransitionGraph g = TypicalTransitionGraph.of(FIGURE2, 0.5);
        assertArrayEquals(new int[] {1, 2, 1}, g.lStar());
        assertEquals("m1->m2 m2->m1 m2->m3 m3->m2", edges(g));
        assertTrue(g.isIrreducible());
        assertArrayEquals(new int[] {1}, g.widestMinima());
    }

    @Test
    void figure2TwoClassesAtPointFour() {
        TypicalTransitionGraph g = TypicalTransitionGraph.of(FIGURE2, 0.4);
        assertArrayEquals(new int[] {2, 2, 2}, g.lStar());
        assertEquals(3, g.jumps(1, 2));
        assertEquals("m1->m2 m2->m1 m3->m2", edges(g));
        assertFalse(g.isIrreducible());
        List<int[]> c = g.classes();
        assertEquals(2, c.size());
        assertArrayEquals(new int[] {0, 1}, c.get(0));
        assertTrue(g.isAbsorbing(0));
        assertArrayEquals(new int[] {2}, c.get(1));
        assertFalse(g.isAbsorbing(1));
    }

    @Test
    void paper1dAtHalf() {
        TypicalTransitionGraph g = TypicalTransitionGraph.of(PAPER1D, 0.5);
        assertArrayEquals(new int[] {1, 2, 1, 2}, g.lStar());
        assertArrayEquals(new int[] {1, 3}, g.widestMinima());
        assertEquals(2, g.lLarge());
        // paper.md §3.1: m1->m2, m2->m1, m2->m3, m3->m2, m3->m4, m4->m3
        assertEquals("m1->m2 m2->m1 m2->m3 m3->m2 m3->m4 m4->m3", edges(g));
        assertTrue(g.isIrreducible());
        assertEquals(1.4, g.predictedExponent(1, 1.2), 1e-12);
        assertEquals(1.2, g.predictedExponent(0, 1.2), 1e-12);
    }

    @Test
    void paper1dAtPointTwoEightAndInfinity() {
        TypicalTransitionGraph g = TypicalTransitionGraph.of(PAPER1D, 0.28);
        assertEquals(3, g.lStar(1));
        assertEquals(1.6, g.predictedExponent(1, 1.2), 1e-12);
        TypicalTransitionGraph u = TypicalTransitionGraph.of(PAPER1D, Double.POSITIVE_INFINITY);
        assertArrayEquals(new int[] {1, 1, 1, 1}, u.lStar());
        assertEquals(12, u.edges().size());
        assertArrayEquals(new int[] {0, 1, 2, 3}, u.widestMinima());
    }

    @Test
    void assumption3() {
        assertTrue(TypicalTransitionGraph.of(FIGURE2, 0.5).satisfiesAssumption3());
        // r_2 = 0.6 = 2 * 0.3
        assertFalse(TypicalTransitionGraph.of(FIGURE2, 0.3).satisfiesAssumption3());
        assertTrue(TypicalTransitionGraph.of(FIGURE2, Double.POSITIVE_INFINITY).satisfiesAssumption3());
    }

    @Test
    void loneFieldHasNoExit() {
        TypicalTransitionGraph g = TypicalTransitionGraph.of(AttractionFields1D.of(new double[] {0}, new double[] {}),
                0.5);
        assertEquals(TypicalTransitionGraph.NO_EXIT, g.lStar(0));
        assertTrue(g.edges().isEmpty());
        assertTrue(g.isAbsorbing(0));
    }

    @Test
    void badThresholdThrows() {
        assertThrows(IllegalArgumentException.class, () -> TypicalTransitionGraph.of(FIGURE2, 0));
        assertThrows(IllegalArgumentException.class, () -> TypicalTransitionGraph.of(FIGURE2, Double.NaN));
    }
}
