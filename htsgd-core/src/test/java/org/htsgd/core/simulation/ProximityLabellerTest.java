package org.htsgd.core.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProximityLabellerTest {
    private final ProximityLabeller labels = ProximityLabeller.of(2,
            new double[][] {{0, 0}, {3, 0, 3.5, 0, 4, 0}}, 0.5);

    @Test
    void labelsByDistanceToTheNearestMinimiserPoint() {
        assertEquals(3, labels.fieldCount());
        assertEquals(0, labels.field(new double[] {0.3, 0.3}));
        assertEquals(1, labels.field(new double[] {3.6, 0.2}));
        assertEquals(labels.outLabel(), labels.field(new double[] {0.4, 0.4})); // distance 0.566 > 0.5
        assertEquals(labels.outLabel(), labels.field(new double[] {1.5, 0}));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> ProximityLabeller.of(2, new double[][] {{1}}, 0.5));
        assertThrows(IllegalArgumentException.class, () -> ProximityLabeller.of(2, new double[][] {{1, 1}}, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> ProximityLabeller.of(0, new double[][] {{1}}, 1));
    }
}
