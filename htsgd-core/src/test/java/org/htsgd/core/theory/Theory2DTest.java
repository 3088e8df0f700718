package org.htsgd.core.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.htsgd.core.analysis.FlowGrid;
import org.htsgd.core.landscape.Landscapes;
import org.htsgd.core.noise.IsotropicNoise;
import org.htsgd.core.noise.NoiseLaws;
import org.junit.jupiter.api.Test;

class Theory2DTest {
    /**
     * The paper's 2-D experiment (§3.2): b = 2.15, alpha = 1.2. The four fields come out in the paper's order
     * (FlowGrid numbers fields by their first cell, x slowest): Omega_1 top, Omega_2 the segment, Omega_3 and
     * Omega_4 the two small fields on the right; J = (2, 2, 1, 1) as the paper states.
     */
    @Test
    void himmelblau() {
        FlowGrid g = FlowGrid.of(Landscapes.himmelblau(), 0.02);
        Theory2DReport r = Theory2D.of(g, 2.15, 1.2, new Theory2D.Settings(0.02, 360, 4000, 3));
        assertEquals(4, r.fields().size());
        assertTrue(r.resolved());
        assertTrue(r.fields().get(0).minimiser()[1] > 3);
        assertEquals(-2.9, r.fields().get(1).minimiser()[1], 1e-3);
        assertTrue(r.fields().get(2).minimiser()[1] > 0 && r.fields().get(3).minimiser()[1] < 0);
        int[] j = r.fields().stream().mapToInt(f -> f.jump().jumps()).toArray();
        assertArrayEquals(new int[] {2, 2, 1, 1}, j);
        double[] exponents = r.fields().stream().mapToDouble(Theory2DReport.FieldReport::predictedExponent).toArray();
        assertArrayEquals(new double[] {1.4, 1.4, 1.2, 1.2}, exponents, 1e-12);
        assertEquals(2, r.jumpsLarge());
        assertArrayEquals(new int[] {0, 1}, r.widestFields());
        for (Theory2DReport.FieldReport f : r.fields()) {
            ExitRate q = f.rate();
            assertEquals(f.jump().jumps() == 1 ? ExitRate.QUADRATURE : ExitRate.MONTE_CARLO, q.method(), q.note());
            assertTrue(q.exitRate() > 0 && q.exitRateError() >= 0, q.toString());
            assertEquals(q.exitRate(), Arrays.stream(q.toField()).sum(), 1e-9 * q.exitRate());
        }
        // the small fields leave for every other field in one jump: all edges out of 2 and 3 are certain
        assertEquals(3, r.edges().stream().filter(e -> e.from() == 2 && e.certain()).count());
        assertTrue(r.irreducible(), r.classes().toString());
    }

    /**
     * At c_x = 0.3 Omega_2's minimiser is a segment whose end is within b of the field's boundary, so J = 1 is
     * reached from that end only: from the representative minimiser no jump of length <= b leaves the field (rate 0,
     * which contradicted J = 1 before the rate was averaged over the set). The reported rate is the average of the
     * per-point quadratures: positive, between their extremes, and equal to their mean.
     */
    @Test
    void jumpNumberOneFromAMinimiserSetHasAPositiveRate() {
        FlowGrid g = FlowGrid.of(Landscapes.parse("himmelblau;cx=0.3"), 0.02);
        Theory2DReport r = Theory2D.of(g, 2.15, 1.2, new Theory2D.Settings(0.02, 360, 4000, 3));
        Theory2DReport.FieldReport omega2 = r.fields().get(1);
        assertEquals(1, omega2.jump().jumps());
        double[] set = omega2.minimiserSet();
        assertTrue(set.length / 2 > 100, "a segment of minimisers: " + set.length / 2 + " points");
        IsotropicExitRates rates = IsotropicExitRates.of(g, 2.15, 1.2);
        assertEquals(0.0, rates.quadrature(1, omega2.minimiser(), 360).exitRate(), "no exit from the representative");
        double sum = 0;
        double max = 0;
        for (int k = 0; k < set.length / 2; k++) {
            double q = rates.quadrature(1, new double[] {set[2 * k], set[2 * k + 1]}, 360).exitRate();
            sum += q;
            max = Math.max(max, q);
        }
        double q2 = omega2.rate().exitRate();
        assertTrue(q2 > 0 && q2 < max, q2 + " vs max " + max);
        assertEquals(sum / (set.length / 2), q2, 1e-12 * max);
        assertEquals(q2, Arrays.stream(omega2.rate().toField()).sum(), 1e-9 * q2);
    }

    @Test
    void badInput() {
        IsotropicNoise noise = NoiseLaws.paper2d();
        Theory2D.Settings s = Theory2D.Settings.defaults();
        assertThrows(IllegalArgumentException.class, () -> Theory2D.of(Landscapes.paper1d(), 1, noise, s));
        assertThrows(IllegalArgumentException.class,
            () -> Theory2D.of(Landscapes.himmelblau(), Double.NaN, noise, s));
        assertThrows(IllegalArgumentException.class, () -> new Theory2D.Settings(0.02, 7, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> new Theory2D.Settings(-1, 8, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> new Theory2D.Settings(0.02, 8, 1, 1));
    }
}
