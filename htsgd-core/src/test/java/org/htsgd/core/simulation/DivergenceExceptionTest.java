package org.htsgd.core.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.htsgd.core.landscape.Landscapes;
import org.htsgd.core.noise.NoiseLaws;
import org.htsgd.core.truncation.Truncation;
import org.junit.jupiter.api.Test;

/** A 2-D run whose update overflows stops with a DivergenceException, as in 1-D, naming path, step and a remedy. */
class DivergenceExceptionTest {
    @Test
    void twoDimensionalOverflowIsADivergence() {
        // eta (grad f - Z) overflows once |grad f - Z| > 1.8 (within a few steps); without truncation the projection
        // of an infinite iterate onto the disc is NaN
        SgdNd sgd = new SgdNd(Landscapes.parse("expr:x^2+y^2;R=3"), NoiseLaws.paper2d(), 1e308, Truncation.of(
                Double.POSITIVE_INFINITY));
        OccupancyConfigNd c = OccupancyConfigNd.of(sgd, new double[] {1, 1}, ProximityLabeller.of(2,
                new double[][] {{0, 0}}, 0.5), 100, 2, 1);
        DivergenceException e = assertThrows(DivergenceException.class, () -> Occupancy.run(c, Execution.threads(1)));
        assertEquals(0, e.path());
        assertTrue(e.step() >= 1 && e.step() <= 100, "step " + e.step());
        assertTrue(e.getMessage().startsWith("path 0 diverged at step " + e.step() + ": iterate = NaN"),
                e.getMessage());
        assertTrue(e.getMessage().contains("a smaller learning rate or a finite truncation threshold"),
                e.getMessage());
    }
}
