package org.htsgd.core.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.htsgd.core.analysis.FlowGrid;
import org.htsgd.core.landscape.Landscape;
import org.htsgd.core.landscape.Landscapes;
import org.htsgd.core.noise.IsotropicNoise;
import org.htsgd.core.noise.NoiseLaws;
import org.htsgd.core.noise.SymmetricLomax;
import org.htsgd.core.stats.LogLogFit;
import org.htsgd.core.theory.Theory2D;
import org.htsgd.core.theory.Theory2DReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The 2-D exit-time sweep against S4 Theorem 2.8 (paper.md §2.6): the mean exit time from a field with jump number
 * \(J_b\) grows like \((1/\eta)^{1 + (\alpha-1)J_b}\).
 */
class ExitTimeSweep2DTest {
    /** Narrow field radius a (J = 1 at b = 1) and wide field radius c (J = 2). */
    private static final Landscape WELLS = TestProblems.cuspWells2D(0.6, 1.5, 1);
    /** Isotropic Lomax radius, alpha = 1.5: exponents 1.5 (J = 1) and 2.0 (J = 2). */
    private static final IsotropicNoise NOISE = IsotropicNoise.of(2, SymmetricLomax.of(1.5, 1));
    private static final Theory2D.Settings SETTINGS = new Theory2D.Settings(0.02, 360, 4000, 1);

    private static ExitTimeSweep2D.Config config(Landscape f, IsotropicNoise noise, double b, double[] start,
            double[] etas, int paths, long maxSteps) {
        return new ExitTimeSweep2D.Config(f, noise, b, start, EtaGrid.of(etas, etas.length, paths, maxSteps, 5));
    }

    /**
     * For the J = 1 field (start at its minimiser (-0.6, 0)) and the J = 2 field ((1.5, 0)) of two cusp wells at
     * b = 1, with alpha = 1.5, the bootstrap 95% CI of the slope of log mean exit time on log(1/eta) contains
     * 1 + (alpha - 1) J_b (1.5 and 2.0). The etas are where the local slope has settled, found by a scan (the J = 2
     * local slope is 1.60 from 0.1 to 0.05 and 1.64 from 0.05 to 0.025, then 2.15 and 2.04); 200 paths each, about
     * 2 s (J = 1) and 15 s (J = 2) of compute on one core. Seeded; under the limit law the CI misses with
     * probability 5% per field (finite-eta bias aside), so a failure after a change of the simulation code is a
     * signal, not a proof. The CI must also be narrower than 0.5, so it cannot pass by being wide.
     */
    @ParameterizedTest(name = "J = {2}")
    @CsvSource({"-0.6, 0.02;0.01;0.005, 1", "1.5, 0.025;0.0125;0.00625, 2"})
    void fittedSlopeCoversOnePlusAlphaMinusOneTimesJ(double x0, String etaList, int jumps) {
        double[] etas = Arrays.stream(etaList.split(";")).mapToDouble(Double::parseDouble).toArray();
        ExitTimeSweep2D sweep = ExitTimeSweep2D.of(config(WELLS, NOISE, 1, new double[] {x0, 0}, etas, 200,
            100_000_000L), SETTINGS);
        Theory2DReport.FieldReport t = sweep.fieldTheory();
        assertEquals(jumps, t.jump().jumps());
        assertEquals(jumps, t.jump().radiusJumps());
        assertTrue(t.jump().contractive());
        double predicted = 1 + 0.5 * jumps;
        assertEquals(predicted, t.predictedExponent(), 1e-12);
        EtaSweepResult r = sweep.run(Execution.threads(2));
        r.points().forEach(p -> assertEquals(0, p.exits().censoredCount()));
        LogLogFit fit = r.fit();
        assertTrue(fit.covers(predicted), fit + " vs " + predicted);
        assertTrue(fit.ciHigh() - fit.ciLow() < 0.5, fit.toString());
    }

    /** The same sweep gives the same numbers on 1 and 2 threads; the prediction is the theory's mean. */
    @Test
    void bitIdenticalForAnyThreadCountAndPredictionFromTheRate() {
        double[] etas = {0.1, 0.05};
        ExitTimeSweep2D sweep = ExitTimeSweep2D.of(config(WELLS, NOISE, 1, new double[] {-0.6, 0}, etas, 7, 100_000),
            SETTINGS);
        EtaSweepResult one = sweep.run(Execution.threads(1));
        EtaSweepResult two = sweep.run(Execution.threads(2));
        for (int k = 0; k < etas.length; k++) {
            assertArrayEquals(one.points().get(k).exits().exitSteps(), two.points().get(k).exits().exitSteps());
        }
        assertEquals(one.fit().slope(), two.fit().slope());
        double q = sweep.fieldTheory().rate().exitRate();
        double h = Math.pow(1 + 1 / 0.05, -1.5); // H(1/eta) of the Lomax radius, J = 1
        assertEquals(1 / (q * h), sweep.predictedMean(0.05), 1e-9 / (q * h));
        // every path left for the other field
        assertEquals(7, one.points().get(0).exits().targetCounts()[1]);
    }

    @Test
    void badInput() {
        double[] etas = {0.1};
        double[] start = {-0.6, 0};
        IsotropicNoise paper = NoiseLaws.paper2d();
        assertThrows(IllegalArgumentException.class,
            () -> config(Landscapes.paper1d(), paper, 1, new double[] {0.3}, etas, 2, 10));
        assertThrows(IllegalArgumentException.class, () -> config(WELLS, NOISE, 1, new double[] {5, 0}, etas, 2, 10));
        assertThrows(IllegalArgumentException.class, () -> config(WELLS, NOISE, 1, new double[] {0}, etas, 2, 10));
        assertThrows(IllegalArgumentException.class, () -> new ExitTimeSweep2D.Config(WELLS,
            TestProblems.lomaxNd(2, 1.5, 1), 1, start, new EtaGrid(etas, new long[] {1}, new boolean[] {true}, 2, 10,
            1)));
        assertThrows(IllegalArgumentException.class,
            () -> config(WELLS, NOISE, 1, start, new double[] {0.1, 0.1}, 2, 10));
        // a grid and theory of another b are refused
        FlowGrid grid = FlowGrid.of(WELLS, 0.05);
        Theory2DReport other = Theory2D.of(grid, 0.7, 1.5, SETTINGS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ExitTimeSweep2D.of(config(WELLS, NOISE, 1, start, etas, 2, 10), grid, other));
        assertTrue(e.getMessage().startsWith("flow grid and theory are not those"), e.getMessage());
    }
}
