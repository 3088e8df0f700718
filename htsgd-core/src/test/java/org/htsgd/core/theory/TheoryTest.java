package org.htsgd.core.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.htsgd.core.noise.NoiseLaw;
import org.junit.jupiter.api.Test;

class TheoryTest {
    static final NoiseLaw LOMAX = TestLaws.lomax(1.2, 0.1, 0.5);

    @Test
    void scaleAndMeanExitTime() {
        double eta = 0.01;
        double h = Math.pow(1 + 10 / eta, -1.2);
        assertEquals(h, Theory.scale(LOMAX, 1, eta), 1e-15 * h);
        assertEquals(h * h / eta, Theory.scale(LOMAX, 2, eta), 1e-15 * h * h / eta);
        assertEquals(1 / (3 * h * h / eta), Theory.meanExitTime(3, LOMAX, 2, eta), 1e-9 / (3 * h * h / eta));
        // regular variation: lambda_i(eta) ~ eta^{1 + (alpha-1) l*}; the local log-log slope approaches 1.4
        double slope = Math.log(Theory.scale(LOMAX, 2, 1e-6) / Theory.scale(LOMAX, 2, 1e-7)) / Math.log(10);
        assertEquals(1.4, slope, 1e-4);
        assertThrows(IllegalArgumentException.class, () -> Theory.scale(LOMAX, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Theory.scale(LOMAX, 0, 0.1));
    }

    @Test
    void reportOfPaper1dAtHalf() {
        TheoryReport r = Theory.of(org.htsgd.core.landscape.Landscapes.paper1d(), 0.5, LOMAX);
        assertEquals("paper1d", r.landscape());
        assertEquals(4, r.minima().size());
        assertArrayEquals(new int[] {1, 3}, r.widestMinima());
        assertEquals(2, r.lLarge());
        assertTrue(r.irreducible());
        assertEquals(6, r.edges().size());
        for (TheoryReport.EdgeReport e : r.edges()) {
            assertTrue(e.rate() > 0, e.toString());
            assertEquals(r.minima().get(e.from()).lStar(), e.jumps());
        }
        assertEquals(1.4, r.minima().get(3).predictedExponent(), 1e-12);
    }

    @Test
    void figure2WithoutLandscapeLeavesMultiJumpRatesUnknown() {
        TheoryReport r = Theory.of(TypicalTransitionGraphTest.FIGURE2, null, 0.5, LOMAX, "fields");
        assertEquals(0.5 * Math.pow(0.45, -1.2), r.minima().get(0).exitRate(), 1e-12);
        assertTrue(Double.isNaN(r.minima().get(1).exitRate()));
        assertTrue(r.irreducible());
    }

    @Test
    void lightTailedLawIsRejected() {
        NoiseLaw gauss = TestLaws.lomax(Double.POSITIVE_INFINITY, 1, 0.5);
        assertThrows(IllegalArgumentException.class,
                () -> Theory.of(org.htsgd.core.landscape.Landscapes.paper1d(), 0.5, gauss));
    }
}
