package org.htsgd.core.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
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

    /**
     * The lookup grid answers exactly as the distance to every point: 200,000 random points over and around the sets
     * (many within a cell of a circle of radius 0.5), with two sets closer than twice the radius so that both can be
     * within it (the nearer wins), against a brute-force reference written here.
     */
    @Test
    void lookupEqualsBruteForce() {
        double[][] sets = {{0, 0}, {0.7, 0.1}, {3, 0, 3.5, 0, 4, 0, 4.2, 0.3}};
        ProximityLabeller l = ProximityLabeller.of(2, sets, 0.5);
        SplittableRandom rng = new SplittableRandom(3);
        double[] x = new double[2];
        for (int k = 0; k < 200_000; k++) {
            x[0] = rng.nextDouble(-1.5, 5.5);
            x[1] = rng.nextDouble(-1.5, 1.5);
            int best = sets.length;
            double bestD = 0.5;
            for (int i = 0; i < sets.length; i++) {
                for (int p = 0; p < sets[i].length; p += 2) {
                    double dist = Math.hypot(x[0] - sets[i][p], x[1] - sets[i][p + 1]);
                    if (dist < bestD) {
                        bestD = dist;
                        best = i;
                    }
                }
            }
            assertEquals(best, l.field(x), () -> x[0] + ", " + x[1]);
        }
        assertEquals(1, l.field(new double[] {0.4, 0.1})); // within 0.5 of both: the nearer
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> ProximityLabeller.of(2, new double[][] {{1}}, 0.5));
        assertThrows(IllegalArgumentException.class, () -> ProximityLabeller.of(2, new double[][] {{1, 1}}, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> ProximityLabeller.of(0, new double[][] {{1}}, 1));
    }
}
