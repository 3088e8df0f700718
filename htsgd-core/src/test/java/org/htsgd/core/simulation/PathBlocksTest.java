package org.htsgd.core.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.htsgd.core.analysis.Partition1D;
import org.htsgd.core.truncation.Truncation;
import org.junit.jupiter.api.Test;

/**
 * A run cut into blocks of paths and merged equals the run in one go, value for value: exit times and occupancy, in
 * 1-D and d-D. The blocks are uneven and merged out of order, each run on another thread count.
 */
class PathBlocksTest {
    /** Blocks of a 37-path run: uneven sizes, deliberately listed out of path order. */
    private static final int[][] BLOCKS = {{20, 17}, {0, 7}, {7, 13}};
    private static final int PATHS = 37;

    private static final Sgd1D SGD = new Sgd1D(TestProblems.cuspWell(5), TestProblems.lomax(1.2, 0.5), 0.05,
        Truncation.of(0.8));
    private static final FieldLabeller DISC = FieldLabeller.of(2, x -> x[0] * x[0] + x[1] * x[1] < 0.25 ? 0 : 1);
    private static final SgdNd SGD2 = new SgdNd(TestProblems.quadraticNd(2, 3), TestProblems.lomaxNd(2, 1.2, 0.2),
        0.05, Truncation.of(1));

    @Test
    void testStreamsOfABlockAreThoseOfTheWholeRun() {
        UniformRandomProvider[] all = PathStreams.of(7, 9);
        UniformRandomProvider[] block = PathStreams.of(7, 4, 3);
        for (int i = 0; i < 3; i++) {
            assertEquals(all[4 + i].nextLong(), block[i].nextLong());
            assertEquals(all[4 + i].nextLong(), block[i].nextLong());
        }
        assertNotEquals(PathStreams.of(7, 1, 1)[0].nextLong(), PathStreams.of(7, 0, 1)[0].nextLong());
    }

    @Test
    void testExitTimesMergedEqualTheWholeRun1D() {
        // about half the mean exit time (~7000 steps) as the cap: some paths exit, some are censored
        Sgd1D sgd = new Sgd1D(TestProblems.cuspWell(5), TestProblems.lomax(2, 1), 0.016, Truncation.NONE);
        ExitTimeConfig1D whole = new ExitTimeConfig1D(sgd, -1, Double.NEGATIVE_INFINITY, 0, 3000, PATHS, 5);
        ExitTimeResult one = ExitTimes.run(whole, Execution.threads(2));
        assertTrue(one.censoredCount() > 0 && one.censoredCount() < PATHS, "censored " + one.censoredCount());
        List<ExitTimeResult> parts = new ArrayList<>();
        for (int[] b : BLOCKS) {
            parts.add(ExitTimes.run(whole.withBlock(b[0], b[1]), Execution.threads(1 + b[1] % 3)));
        }
        assertSameExits(one, ExitTimeResult.merge(parts));
    }

    @Test
    void testExitTimesMergedEqualTheWholeRunND() {
        ExitTimeConfigNd whole = new ExitTimeConfigNd(SGD2, new double[] {0, 0}, DISC, 2000, PATHS, 8);
        ExitTimeResult one = ExitTimes.run(whole, Execution.threads(3));
        List<ExitTimeResult> parts = new ArrayList<>();
        for (int[] b : BLOCKS) {
            parts.add(ExitTimes.run(whole.withBlock(b[0], b[1]), Execution.threads(1)));
        }
        assertSameExits(one, ExitTimeResult.merge(parts));
    }

    private static void assertSameExits(ExitTimeResult one, ExitTimeResult merged) {
        assertEquals(one.config(), merged.config());
        assertArrayEquals(one.exitSteps(), merged.exitSteps());
        assertArrayEquals(one.censored(), merged.censored());
        assertEquals(one.censoredCount(), merged.censoredCount());
        assertArrayEquals(one.exitTargets(), merged.exitTargets());
        assertArrayEquals(one.targetCounts(), merged.targetCounts());
        assertArrayEquals(one.exitPoints(), merged.exitPoints());
    }

    @Test
    void testOccupancyMergedEqualsTheWholeRun1D() {
        OccupancyConfig1D whole = OccupancyConfig1D.of(SGD.withEta(0.2), -1, Partition1D.of(-0.5, 0), 20_000,
            PATHS, 3).withHistogram(16).withTrajectory(1000, 15);
        OccupancyResult one = Occupancy.run(whole, Execution.threads(2));
        assertTrue(one.transitionCount() > 0, "no transition: a weak test");
        List<OccupancyResult> parts = new ArrayList<>();
        for (int[] b : BLOCKS) {
            parts.add(Occupancy.run(whole.withBlock(b[0], b[1]), Execution.threads(1 + b[1] % 3)));
        }
        assertSameOccupancy(one, OccupancyResult.merge(parts));
    }

    @Test
    void testOccupancyMergedEqualsTheWholeRunND() {
        OccupancyConfigNd whole = OccupancyConfigNd.of(SGD2, new double[] {0, 0}, DISC, 5000, PATHS, 4)
            .withTrajectory(500, 20);
        OccupancyResult one = Occupancy.run(whole, Execution.threads(3));
        assertTrue(one.transitionCount() > 0, "no transition: a weak test");
        List<OccupancyResult> parts = new ArrayList<>();
        for (int[] b : BLOCKS) {
            parts.add(Occupancy.run(whole.withBlock(b[0], b[1]), Execution.threads(1)));
        }
        assertSameOccupancy(one, OccupancyResult.merge(parts));
    }

    private static void assertSameOccupancy(OccupancyResult one, OccupancyResult merged) {
        assertEquals(one.config(), merged.config());
        assertArrayEquals(one.fieldSteps(), merged.fieldSteps());
        assertArrayEquals(one.pathFieldSteps(), merged.pathFieldSteps());
        assertArrayEquals(one.transitions(), merged.transitions());
        assertArrayEquals(one.trajectories(), merged.trajectories());
        assertArrayEquals(one.histogram(), merged.histogram());
        assertArrayEquals(one.histogramEdges(), merged.histogramEdges());
        assertArrayEquals(one.fractions(), merged.fractions());
    }

    @Test
    void testMergeRefusesGapsOverlapsAndOtherRuns() {
        ExitTimeConfig1D whole = new ExitTimeConfig1D(SGD, -1, Double.NEGATIVE_INFINITY, 0, 1000, 10, 5);
        ExitTimeResult a = ExitTimes.run(whole.withBlock(0, 4), Execution.threads(1));
        ExitTimeResult b = ExitTimes.run(whole.withBlock(4, 6), Execution.threads(1));
        ExitTimeResult late = ExitTimes.run(whole.withBlock(5, 5), Execution.threads(1));
        ExitTimeResult seed = ExitTimes.run(new ExitTimeConfig1D(SGD, -1, Double.NEGATIVE_INFINITY, 0, 1000, 6, 6,
            4), Execution.threads(1));
        assertEquals(10, ExitTimeResult.merge(List.of(b, a)).paths());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExitTimeResult.merge(List.of(a, late)))
            .getMessage().contains("(gap)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExitTimeResult.merge(List.of(a, b, late)))
            .getMessage().contains("(overlap)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExitTimeResult.merge(List.of(a, seed)))
            .getMessage().startsWith("parts are not of the same run"));
        assertThrows(IllegalArgumentException.class, () -> ExitTimeResult.merge(Collections.emptyList()));
    }

    @Test
    void testBlockBoundsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new ExitTimeConfig1D(SGD, -1, Double.NEGATIVE_INFINITY,
            0, 10, 3, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> new ExitTimeConfig1D(SGD, -1, Double.NEGATIVE_INFINITY,
            0, 10, 2, 1, Integer.MAX_VALUE));
        // the last path index Integer.MAX_VALUE itself is fine
        assertEquals(Integer.MAX_VALUE, new ExitTimeConfig1D(SGD, -1, Double.NEGATIVE_INFINITY, 0, 10, 1, 1,
            Integer.MAX_VALUE).firstPath());
        assertThrows(IllegalArgumentException.class, () -> OccupancyConfig1D.of(SGD, -1, Partition1D.of(0), 10, 3, 1)
            .withBlock(Integer.MAX_VALUE - 1, 3));
    }

    @Test
    void testDivergenceInABlockNamesThePathOfTheWholeRun() {
        Sgd1D nan = new Sgd1D(TestProblems.quadratic(1), TestProblems.nan(), 0.1, Truncation.of(0.5));
        DivergenceException e = assertThrows(DivergenceException.class, () -> ExitTimes.run(
            new ExitTimeConfig1D(nan, 0, -0.5, 0.5, 1000, 10, 1, 30), Execution.threads(2)));
        assertEquals(30, e.path());
    }

    @Test
    void testResultOfDerivesFlagsAndCountsAndChecksThem() {
        ExitTimeConfig1D c = new ExitTimeConfig1D(SGD, -1, Double.NEGATIVE_INFINITY, 0, 100, 3, 1);
        ExitTimeResult r = ExitTimeResult.of(c, new long[] {5, 100, 7}, new int[] {1, -1, 0},
            new double[] {0.1, -1, -3});
        assertArrayEquals(new boolean[] {false, true, false}, r.censored());
        assertEquals(1, r.censoredCount());
        assertArrayEquals(new long[] {1, 1}, r.targetCounts());
        assertThrows(IllegalArgumentException.class, () -> ExitTimeResult.of(c, new long[] {5, 99, 7},
            new int[] {1, -1, 0}, new double[] {0.1, -1, -3}), "censored below the cap");
        assertThrows(IllegalArgumentException.class, () -> ExitTimeResult.of(c, new long[] {5, 100, 7},
            new int[] {1, 2, 0}, new double[] {0.1, -1, -3}), "target out of range");
        assertThrows(IllegalArgumentException.class, () -> ExitTimeResult.of(c, new long[] {5, 100},
            new int[] {1, 2}, new double[] {0.1, -1}), "too few paths");
    }
}
