package org.htsgd.core.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.htsgd.core.landscape.Landscape1D;
import org.htsgd.core.landscape.Landscapes;
import org.htsgd.core.noise.NoiseLaw;
import org.junit.jupiter.api.Test;

class LimitingChainTest {
    static final NoiseLaw LOMAX = TestLaws.lomax(1.2, 0.1, 0.5);

    static void assertStationary(double[][] q, double[] pi) {
        double sum = 0;
        for (double v : pi) {
            assertTrue(v >= 0);
            sum += v;
        }
        assertEquals(1, sum, 1e-12);
        for (int j = 0; j < q.length; j++) {
            double s = 0;
            for (int i = 0; i < q.length; i++) {
                s += pi[i] * q[i][j];
            }
            assertEquals(0, s, 1e-12);
        }
    }

    @Test
    void clippedPaper1dChainOnWidestMinima() {
        Landscape1D f = Landscapes.paper1d();
        TheoryReport r = Theory.of(f, 0.5, LOMAX);
        assertEquals(1, r.classes().size());
        LimitingChain.ClassChain c = r.classes().get(0);
        assertTrue(c.absorbing());
        assertArrayEquals(new int[] {1, 3}, c.large());
        assertArrayEquals(new int[] {0, 2}, c.small());
        double[][] q = r.rates();
        // absorption from m3: P(m3 -> m2) = q32/q3, P(m3 -> m4) = q34/q3 (both large, one DTMC step)
        double q3 = q[2][1] + q[2][3];
        assertEquals(q[2][1] / q3, c.absorption()[1][1], 1e-12);
        assertEquals(q[2][3] / q3, c.absorption()[1][3], 1e-12);
        // eq. 39: q~(m2, m4) = q(m2, m3) p(m3, m4); the jump via m1 returns to m2 (a dummy self-jump, not in Q)
        assertEquals(q[1][2] * q[2][3] / q3, c.generator()[0][1], 1e-12);
        assertEquals(q[3][2] * q[2][1] / q3, c.generator()[1][0], 1e-12);
        assertEquals(-c.generator()[0][1], c.generator()[0][0], 0);
        assertStationary(c.generator(), c.stationary());
        assertArrayEquals(new double[] {0, 0}, c.killingRates(), 0);
    }

    @Test
    void unclippedPaper1dChainOnAllMinima() {
        // Corollary 6: Q_ii = -q_i, Q_ij = q_ij on all minima
        TheoryReport r = Theory.of(Landscapes.paper1d(), Double.POSITIVE_INFINITY, LOMAX);
        LimitingChain.ClassChain c = r.classes().get(0);
        assertArrayEquals(new int[] {0, 1, 2, 3}, c.large());
        for (int i = 0; i < 4; i++) {
            assertEquals(-r.minima().get(i).exitRate(), c.generator()[i][i], 1e-12);
            for (int j = 0; j < 4; j++) {
                if (j != i) {
                    assertEquals(r.rates()[i][j], c.generator()[i][j], 0);
                }
            }
        }
        assertStationary(c.generator(), c.stationary());
        for (double v : c.stationary()) {
            assertTrue(v > 0.01, "unclipped chain visits every minimum");
        }
    }

    @Test
    void transientClassHasKillingAndNoStationaryLaw() {
        // Figure 2 at b = 0.4 with a landscape realising it: f' = (x+0.45) x (x-0.6)(x-1.5)(x-1.95)
        Landscape1D f = (Landscape1D) Landscapes.parse(
                "expr:x^6/6 - 3.6*x^5/5 + (-0.45*0.6 - 0.45*1.5 - 0.45*1.95 + 0.6*1.5 + 0.6*1.95 + 1.5*1.95)*x^4/4"
                        + " - (-0.45*0.6*1.5 - 0.45*0.6*1.95 - 0.45*1.5*1.95 + 0.6*1.5*1.95)*x^3/3"
                        + " + (-0.45*0.6*1.5*1.95)*x^2/2;L=3");
        TheoryReport r = Theory.of(f, 0.4, LOMAX);
        assertEquals(3, r.minima().size());
        assertEquals(0.6, r.minima().get(1).location() - r.minima().get(1).fieldLower(), 1e-9);
        assertEquals(2, r.classes().size());
        LimitingChain.ClassChain abs = r.classes().get(0);
        LimitingChain.ClassChain tr = r.classes().get(1);
        assertTrue(abs.absorbing());
        assertFalse(tr.absorbing());
        assertArrayEquals(new int[] {2}, tr.members());
        assertTrue(tr.killingRates()[0] > 0);
        assertEquals(-tr.killingRates()[0], tr.generator()[0][0], 0);
        assertNull(tr.stationary());
        assertStationary(abs.generator(), abs.stationary());
    }

    @Test
    void stationaryOfTwoStateChain() {
        double[] pi = LimitingChain.stationary(new double[][] {{-2, 2}, {1, -1}});
        assertArrayEquals(new double[] {1.0 / 3, 2.0 / 3}, pi, 1e-15);
        assertNull(LimitingChain.stationary(new double[][] {{Double.NaN}}));
        List<LimitingChain.ClassChain> none = LimitingChain.of(
                TypicalTransitionGraph.of(TypicalTransitionGraphTest.FIGURE2, 0.5), new double[3][3]);
        assertEquals(1, none.size());
    }
}
