package org.htsgd.train.sharpness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bisection of {@link SearchSettings}, on rises with a known crossing: D(r) = r / r*, displacement 1. */
class RadiusSearchTest {
    /** Loss target 1, bracket [0, 2], 10 steps, tolerance 1e-6 (tight: the searches below end by bracket width). */
    private static final SearchSettings SETTINGS = new SearchSettings(TargetQuantity.LOSS, 1.0, 2.0, 10, 1e-6);

    private static RadiusSearch search(SearchSettings settings, double crossing, List<Double> radii) {
        return RadiusSearch.run(settings, r -> {
            radii.add(r);
            return new MonteCarloEstimate(r / crossing, 0, 1);
        }, step -> { });
    }

    @Test
    void testLargeRadiusNeedsNoStepsBeyondDepth() {
        // after 10 steps the bracket is 2/1024 wide, below 2^-7 of 0.3: already relatively precise
        List<Double> radii = new ArrayList<>();
        RadiusSearch s = search(SETTINGS, 0.3, radii);
        assertTrue(s.lower() <= 0.3 && 0.3 <= s.upper(), s.toString());
        assertEquals(2.0 / 1024, s.upper() - s.lower(), 1e-15, "10 halvings of [0, 2]");
        assertEquals(10, s.steps());
        assertEquals(radii.size(), s.steps());
    }

    @Test
    void testSmallRadiusIsRefinedToRelativePrecision() {
        // plain bisection: 0.003 lies in [2/1024, 4/1024], a factor-2 bracket, and the reference code returns 2/1024
        RadiusSearch plain = search(SETTINGS.withRefine(false), 0.003, new ArrayList<>());
        assertEquals(10, plain.steps());
        assertEquals(2.0 / 1024, plain.radius(), 0.0);
        // refined: the bracket shrinks to 2^-7 of its top and still holds the crossing
        RadiusSearch s = search(SETTINGS, 0.003, new ArrayList<>());
        assertTrue(s.lower() <= 0.003 && 0.003 <= s.upper(), s.toString());
        assertTrue(s.upper() - s.lower() <= RadiusSearch.RELATIVE_WIDTH * s.upper(), s.toString());
        assertEquals(0.003, s.radius(), 0.003 * 2 * RadiusSearch.RELATIVE_WIDTH);
    }

    @Test
    void testRadiusBelowTheBisectionFloorIsMeasured() {
        // 40x below the smallest midpoint of the plain bisection (2/1024): found by halving, then refined
        double crossing = 5e-5;
        RadiusSearch s = search(SETTINGS, crossing, new ArrayList<>());
        assertTrue(s.lower() > 0 && s.lower() <= crossing && crossing <= s.upper(), s.toString());
        assertEquals(crossing, s.radius(), crossing * 2 * RadiusSearch.RELATIVE_WIDTH);
        RadiusSearch plain = search(SETTINGS.withRefine(false), crossing, new ArrayList<>());
        assertEquals(0.0, plain.lower(), "the plain bisection never finds a radius that passes");
    }

    @Test
    void testSearchStopsWhenTheRiseIsWithinTolerance() {
        // D(0.5) = 1 exactly: the second midpoint stops the search
        RadiusSearch s = search(SETTINGS, 0.5, new ArrayList<>());
        assertTrue(s.withinTolerance());
        assertEquals(0.5, s.radius());
        assertEquals(2, s.steps());
    }

    @Test
    void testEverythingTooMuchEndsAfterTheStepLimit() {
        RadiusSearch s = RadiusSearch.run(SETTINGS, r -> new MonteCarloEstimate(Double.NaN, 0, 1), step -> { });
        assertFalse(s.withinTolerance());
        assertEquals(0.0, s.lower());
        assertEquals(10 + RadiusSearch.MAX_EXTRA_STEPS, s.steps());
        assertEquals(2.0 / Math.pow(2, 10 + RadiusSearch.MAX_EXTRA_STEPS), s.radius(), 0.0);
    }

    @Test
    void testCrossingAboveTheBracketEndsNearUpper() {
        RadiusSearch s = search(SETTINGS, 50, new ArrayList<>());
        assertFalse(s.withinTolerance());
        assertEquals(2.0, s.upper());
        assertEquals(10, s.steps(), "no extension upwards: the bracket shows upper was too small");
        assertEquals(2.0 * (1 - Math.pow(2, -10)), s.radius(), 1e-12);
    }
}
