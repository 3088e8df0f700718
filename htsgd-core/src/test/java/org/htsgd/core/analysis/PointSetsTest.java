package org.htsgd.core.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Centroid, polyline and densified polyline of flat x,y point sets. */
class PointSetsTest {
    @Test
    void centroidIsTheMeanOfThePoints() {
        assertArrayEquals(new double[] {1, 2}, PointSets.centroid(new double[] {0, 0, 2, 4, 1, 2}), 1e-15);
    }

    /** Shuffled points of the segment y = 2x, some closer than 0.05: ordered along it, near-duplicates dropped. */
    @Test
    void polylineOrdersAlongTheMainDirectionAndDropsNearDuplicates() {
        double[] set = {0.3, 0.6, 0, 0, 0.1, 0.2, 0.31, 0.62, 0.2, 0.4};
        double[] line = PointSets.polyline(set);
        assertEquals(8, line.length);
        double[] xs = {line[0], line[2], line[4], line[6]};
        boolean up = xs[1] > xs[0];
        for (int k = 1; k < xs.length; k++) {
            assertTrue(up ? xs[k] > xs[k - 1] : xs[k] < xs[k - 1], "monotone along the segment");
        }
    }

    @Test
    void densifyKeepsTheVerticesAndSpacesPointsAtMostTheSpacing() {
        double[] dense = PointSets.densify(new double[] {0, 0, 1, 0}, 0.3);
        // ceil(1 / 0.3) = 4 segments: 5 points
        assertEquals(10, dense.length);
        assertArrayEquals(new double[] {0, 0}, new double[] {dense[0], dense[1]}, 0);
        assertArrayEquals(new double[] {1, 0}, new double[] {dense[8], dense[9]}, 1e-15);
        for (int k = 2; k < dense.length; k += 2) {
            assertTrue(Math.hypot(dense[k] - dense[k - 2], dense[k + 1] - dense[k - 1]) <= 0.3);
        }
        assertArrayEquals(new double[] {2, 3}, PointSets.densify(new double[] {2, 3}, 0.1), 0);
    }
}
