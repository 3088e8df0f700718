package org.htsgd.core.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Single linkage joins chains of close points, not only direct neighbours, and keeps the input order. */
class SingleLinkageTest {
    @Test
    void chainsOfClosePointsFormOneCluster() {
        // 0 - 1 - 2 form a chain with steps 0.2 (< 0.25) though 0 and 2 are 0.4 apart; 3 is alone
        List<double[]> points = List.of(new double[] {0, 0}, new double[] {5, 5}, new double[] {0.2, 0},
            new double[] {0.4, 0});
        List<double[]> clusters = SingleLinkage.clusters(points, 0.25);
        assertEquals(2, clusters.size());
        assertArrayEquals(new double[] {0, 0, 0.2, 0, 0.4, 0}, clusters.get(0), 0);
        assertArrayEquals(new double[] {5, 5}, clusters.get(1), 0);
    }

    @Test
    void pointsFartherThanTheLinkageStaySeparate() {
        List<double[]> clusters = SingleLinkage.clusters(List.of(new double[] {0, 0}, new double[] {0.3, 0}), 0.25);
        assertEquals(2, clusters.size());
    }
}
