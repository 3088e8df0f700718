package org.htsgd.core.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The one check of a sweep's learning rates, and the grid most runs use. */
class EtaGridTest {
    @Test
    void testOfGivesEveryEtaTheSeedAndFitsTheSmallest() {
        EtaGrid g = EtaGrid.of(new double[] {0.1, 0.3, 0.05, 0.2}, 2, 10, 100, 7);
        assertArrayEquals(new long[] {7, 7, 7, 7}, g.seeds());
        assertArrayEquals(new boolean[] {true, false, true, false}, g.fitted());
        assertEquals(2, g.fittedCount());
        assertEquals(4, g.size());
        assertEquals(7, g.fitSeed());
    }

    @Test
    void testArraysAreCopiedInAndOut() {
        double[] etas = {0.1, 0.2};
        EtaGrid g = EtaGrid.of(etas, 2, 10, 100, 1);
        etas[0] = 9;
        g.etas()[1] = 9;
        assertArrayEquals(new double[] {0.1, 0.2}, g.etas());
    }

    @Test
    void testARepeatedEtaIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> EtaGrid.of(new double[] {0.1, 0.05, 0.1}, 2, 10, 100, 1));
        assertEquals("eta repeats 0.1: give each learning rate once", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new EtaGrid(new double[] {0.1, 0.2}, new long[] {1},
            new boolean[] {true, true}, 10, 100, 1));
        assertThrows(IllegalArgumentException.class, () -> EtaGrid.of(new double[] {0.1, 0.2}, 1, 10, 100, 1));
        assertThrows(IllegalArgumentException.class, () -> EtaGrid.of(new double[] {0.1}, 1, 10, 0, 1));
    }
}
