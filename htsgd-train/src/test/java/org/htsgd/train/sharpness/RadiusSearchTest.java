package org.htsgd.train.sharpness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bisection of {@link SearchSettings}, on rises with a known crossing: D(r) = r / r*, displacement 1. */
class RadiusSearchTest {
    /** Loss target 1, bracket [0, 2], 10 steps, tolerance 1e-3. */
    private static final SearchSettings SETTINGS = new SearchSettings(TargetQuantity.LOSS, 1.0, 2.0, 10, 1e-3);

    private static RadiusSearch search(double crossing, List<Double> radii) {
        return RadiusSearch.run(SETTINGS, r -> {
            radii.add(r);
            return new MonteCarloEstimate(r / crossing, 0, 1);
        }, step -> { });
    }

    @Test
    void testCrossingInsideTheBracketIsBracketedAtTheBisectionResolution() {
        List<Double> radii = new ArrayList<>();
        RadiusSearch s = search(0.3, radii);
        assertTrue(s.lower() <= 0.3 && 0.3 <= s.upper(), s.toString());
        assertEquals(2.0 / 1024, s.upper() - s.lower(), 1e-15, "10 halvings of [0, 2]");
        assertEquals(10, s.steps());
        assertEquals(radii.size(), s.steps());
    }

    @Test
    void testSearchStopsWhenTheRiseIsWithinTolerance() {
        // D(0.5) = 0.5 / 0.50025 is within 1e-3 of 1: the second midpoint stops the search
        RadiusSearch s = search(0.50025, new ArrayList<>());
        assertTrue(s.withinTolerance());
        assertEquals(0.5, s.radius());
        assertEquals(2, s.steps());
    }

    @Test
    void testPlainBisectionWhenSearchBelowIsOff() {
        RadiusSearch s = RadiusSearch.run(SETTINGS.withSearchBelow(false),
            r -> new MonteCarloEstimate(r / 5e-5, 0, 1), step -> { });
        assertEquals(10, s.steps());
        assertEquals(0.0, s.lower());
        assertEquals(2.0 / 1024, s.radius(), 0.0, "the floor of the reference code's bisection");
    }

    @Test
    void testCrossingBelowTheBisectionFloorIsStillMeasured() {
        // 2 / 2^10 ~ 0.00195 is the smallest midpoint of the plain bisection; the crossing is 40x below it
        double crossing = 5e-5;
        List<Double> radii = new ArrayList<>();
        RadiusSearch s = search(crossing, radii);
        assertTrue(s.lower() > 0, "a radius that passes was found: " + s);
        assertTrue(s.lower() <= crossing && crossing <= s.upper() || s.withinTolerance(), s.toString());
        // the refinement bisects [r, 2r] for up to 10 steps: within tolerance or a bracket 2^-10 of its size
        assertTrue(s.withinTolerance() || s.upper() - s.lower() <= s.upper() / 1000, s.toString());
        assertEquals(crossing, s.radius(), crossing * 2e-3);
    }

    @Test
    void testEverythingTooMuchEndsAfterTheHalvingLimit() {
        List<Double> radii = new ArrayList<>();
        RadiusSearch s = RadiusSearch.run(SETTINGS, r -> {
            radii.add(r);
            return new MonteCarloEstimate(Double.NaN, 0, 1);
        }, step -> { });
        assertFalse(s.withinTolerance());
        assertEquals(0.0, s.lower());
        assertEquals(10 + RadiusSearch.MAX_HALVINGS, s.steps());
        assertEquals(2.0 / Math.pow(2, 10 + RadiusSearch.MAX_HALVINGS), s.radius(), 0.0);
    }

    @Test
    void testCrossingAboveTheBracketEndsNearUpper() {
        List<Double> radii = new ArrayList<>();
        RadiusSearch s = search(50, radii);
        assertFalse(s.withinTolerance());
        assertEquals(2.0, s.upper());
        assertEquals(10, s.steps(), "no extension upwards: the bracket shows upper was too small");
        assertEquals(2.0 * (1 - Math.pow(2, -10)), s.radius(), 1e-12);
    }
}
