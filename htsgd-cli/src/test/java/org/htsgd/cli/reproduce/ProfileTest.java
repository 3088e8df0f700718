package org.htsgd.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.htsgd.cli.io.OutputDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileTest {
    @ParameterizedTest
    @ValueSource(strings = {"tiny", "quick", "paper", "QUICK"})
    void builtInProfilesAreValidAndNamed(String name) {
        Profile p = Profile.of(name);
        assertEquals(name.toLowerCase(java.util.Locale.ROOT), p.name());
    }

    @Test
    void unknownProfileIsRejectedNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Profile.of("huge"));
        assertTrue(e.getMessage().contains("tiny") && e.getMessage().contains("huge"), e.getMessage());
    }

    @Test
    void paperProfileHasThePapersScale() {
        Profile p = Profile.paper();
        assertTrue(p.exitTimes().curves().stream().allMatch(c -> c.paths() == 20), "20 samples per eta");
        assertEquals(50_000_000L, p.exitTimes().maxSteps());
        assertEquals(-0.7, p.exitTimes().start());
        assertEquals(List.of(0.28, 0.5, Double.POSITIVE_INFINITY),
            p.exitTimes().curves().stream().map(Profile.ExitCurve::b).toList());
        assertEquals(0.001, p.occupancy().eta());
        assertEquals(10_000_000L, p.occupancy().steps());
        assertEquals(10, p.occupancy().paths());
        assertEquals(0.3, p.occupancy().start());
        assertEquals(5e-4, p.himmelblau().eta());
        assertEquals(30_000_000L, p.himmelblau().steps());
        assertEquals(2.15, p.himmelblau().b());
        assertEquals(10_000L, p.training().iterations());
        assertEquals(5_000L, p.training().noiseOffLast());
        assertEquals(5, p.training().replications());
        assertEquals(100, p.training().expectedSharpnessSamples());
        assertEquals(30_000L, p.training().otherTasksIterations());
        assertEquals(List.of("lb", "sb", "sb-clip", "sb-noise", "our1", "our2"), p.training().methods());
        assertEquals(p.training().methods(), Profile.quick().training().methods());
        assertThrows(IllegalArgumentException.class, () -> new Profile.TrainingScale(List.of("adam"), 100, 50, 1,
            10, false, 100, 10, 10, 10, 10, 10, 10, 10), "unknown method");
        assertEquals(5_000L, p.training().otherTasksNoiseOffLast());
    }

    @Test
    void exitCurveValidation() {
        double inf = Double.POSITIVE_INFINITY;
        assertThrows(IllegalArgumentException.class,
            () -> new Profile.ExitCurve("x", 0.5, new double[] {0.1}, 0.1, 10), "fewer than 2 etas");
        assertThrows(IllegalArgumentException.class,
            () -> new Profile.ExitCurve("x", 0.5, new double[] {0.01, 0.1}, 0.1, 10), "increasing etas");
        assertThrows(IllegalArgumentException.class,
            () -> new Profile.ExitCurve("x", 0.5, new double[] {0.1, 0.1}, 0.1, 10), "repeated eta");
        assertThrows(IllegalArgumentException.class,
            () -> new Profile.ExitCurve("x", 0.5, new double[] {1.5, 0.1}, 2, 10), "eta >= 1");
        assertThrows(IllegalArgumentException.class,
            () -> new Profile.ExitCurve("x", 0.5, new double[] {0.1, 0.05, 0.01}, 0.02, 10), "one fitted eta");
        assertThrows(IllegalArgumentException.class,
            () -> new Profile.ExitCurve("x", Double.NaN, new double[] {0.1, 0.05}, 0.1, 10), "NaN b");
        assertThrows(IllegalArgumentException.class,
            () -> new Profile.ExitCurve("x", 0, new double[] {0.1, 0.05}, 0.1, 10), "b = 0");
        Profile.ExitCurve c = new Profile.ExitCurve("x", inf, new double[] {0.1, 0.05, 0.01}, 0.05, 10);
        assertTrue(c.fitted(0.05) && c.fitted(0.01) && !c.fitted(0.1));
        double[] etas = c.etas();
        etas[0] = 0.9;
        assertEquals(0.1, c.etas()[0], "defensive copy");
    }

    @Test
    void scaleValidation() {
        Profile.ExitCurve c = new Profile.ExitCurve("x", 0.5, new double[] {0.1, 0.05}, 0.1, 10);
        assertThrows(IllegalArgumentException.class, () -> new Profile.ExitTimeScale(List.of(), 100, -0.7));
        assertThrows(IllegalArgumentException.class,
            () -> new Profile.ExitCurve("x", 0.5, new double[] {0.1, 0.05}, 0.1, 1), "one path");
        assertThrows(IllegalArgumentException.class, () -> new Profile.ExitTimeScale(List.of(c), 0, -0.7));
        assertThrows(IllegalArgumentException.class,
            () -> new Profile.ExitTimeScale(List.of(c), 100, Double.NaN));
        assertThrows(IllegalArgumentException.class,
            () -> new Profile.OccupancyScale(Double.NaN, 100, 1, 100, 10, 10, 0.3));
        assertThrows(IllegalArgumentException.class,
            () -> new Profile.OccupancyScale(0.01, 100, 1, 200, 10, 10, 0.3), "trajectory longer than run");
        assertThrows(IllegalArgumentException.class,
            () -> new Profile.HimmelblauScale(5e-4, 100, 1, Double.POSITIVE_INFINITY, 10, 20, 8));
        assertThrows(IllegalArgumentException.class, () -> new Profile.CtmcScale(0.01, 100, 0, 0.5));
        assertThrows(IllegalArgumentException.class,
            () -> new Profile.TrainingScale(List.of("sb"), 100, 101, 1, 10, false, 100, 10, 10, 10, 10, 10, 10, 10),
            "noise-off longer than T");
        assertThrows(IllegalArgumentException.class,
            () -> new Profile.TrainingScale(List.of("sb"), 100, 50, 0, 10, false, 100, 10, 10, 10, 10, 10, 10, 10), "no replication");
    }

    @Test
    void partSeedsDifferAndFollowTheMasterSeed() {
        Profile p = Profile.quick();
        assertNotEquals(p.seedFor("fig1-right"), p.seedFor("fig3"));
        assertEquals(p.seedFor("fig3"), Profile.quick().seedFor("fig3"));
        assertNotEquals(p.seedFor("fig3"), p.withSeed(2).seedFor("fig3"));
    }

    @Test
    void profileRoundTripsThroughJsonIncludingInfiniteB() throws Exception {
        Profile p = Profile.quick();
        String json = OutputDir.JSON.writeValueAsString(p);
        Profile back = OutputDir.JSON.readValue(json, Profile.class);
        assertEquals(p, back);
    }
}
