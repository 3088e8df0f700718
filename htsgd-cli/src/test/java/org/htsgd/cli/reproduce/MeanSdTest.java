package org.htsgd.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MeanSdTest {
    @Test
    void handComputedExample() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 40/8 = 5, squared deviations 9+1+1+1+0+0+4+16 = 32, sd = sqrt(32/7)
        MeanSd m = MeanSd.of(2, 4, 4, 4, 5, 5, 7, 9);
        assertEquals(8, m.n());
        assertEquals(5.0, m.mean(), 1e-15);
        assertEquals(Math.sqrt(32.0 / 7), m.sd(), 1e-15);
        assertEquals("5.00 ± 2.14", m.format(2));
        assertEquals("5.00 ± 2.14", m.formatSignificant());
    }

    @Test
    void twoValues() {
        // 68.5, 70.5: mean 69.5, sd = sqrt((1 + 1) / 1) = sqrt(2)
        MeanSd m = MeanSd.of(68.5, 70.5);
        assertEquals(69.5, m.mean(), 1e-13);
        assertEquals(Math.sqrt(2), m.sd(), 1e-13);
        assertEquals("69.50 ± 1.41%", m.format(2) + "%");
    }

    @Test
    void fewerThanTwoValuesHaveNoSd() {
        MeanSd one = MeanSd.of(0.25);
        assertEquals(0.25, one.mean());
        assertTrue(Double.isNaN(one.sd()));
        assertEquals("0.2500", one.format(4));
        MeanSd none = MeanSd.of();
        assertTrue(Double.isNaN(none.mean()));
        assertEquals("-", none.format(2));
        assertEquals("-", none.formatSignificant());
    }
}
