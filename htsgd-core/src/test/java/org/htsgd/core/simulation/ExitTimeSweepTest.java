package org.htsgd.core.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.htsgd.core.landscape.Landscape1D;
import org.htsgd.core.landscape.Landscapes;
import org.htsgd.core.noise.NoiseLaw;
import org.htsgd.core.noise.NoiseLaws;
import org.htsgd.core.stats.LogLogFit;
import org.junit.jupiter.api.Test;

/**
 * The eta sweep shared by {@code htsgd exit-time} and the report. The expected numbers are those that the code
 * before the sweep existed ({@code ExitTimeCommand.ExitTimeRun}) wrote for the same settings: {@code htsgd exit-time
 * --landscape paper1d --start -0.7 --noise lomax:alpha=1.2,scale=0.1 --paths 50 --seed 7 --b 0.5 --eta 0.3,0.2,0.1}
 * and {@code --b 0.28 --eta 0.2,0.3,0.1 --paths 30 --seed 3 --max-steps 3000 --fit-points 3} (the full JSON files
 * are the CLI's golden files, test resources {@code golden/exit-time-*.json}).
 */
class ExitTimeSweepTest {
    private static final Landscape1D F = Landscapes.paper1d();
    private static final NoiseLaw LAW = NoiseLaws.paper1d();

    private static ExitTimeSweep.Config config(double b, double[] etas, long seed, int fitPoints, int paths,
                                               long maxSteps) {
        return new ExitTimeSweep.Config(F, LAW, b, -0.7, EtaGrid.of(etas, fitPoints, paths, maxSteps, seed));
    }

    @Test
    void testSmallSweepEqualsTheOldCommandsNumbers() {
        ExitTimeSweep sweep = ExitTimeSweep.of(config(0.5, new double[] {0.3, 0.2, 0.1}, 7, 2, 50, 50_000_000));
        assertEquals(1, sweep.field());
        assertEquals(2, sweep.theory().lStar());
        assertEquals(4.080894197129208, sweep.theory().exitRate());
        EtaSweepResult r = sweep.run(Execution.threads(2));
        List<EtaSweepPoint> p = r.points();
        assertArrayEquals(new double[] {579.24, 1212.82, 2076.52},
            p.stream().mapToDouble(x -> x.exits().mean()).toArray());
        assertArrayEquals(new double[] {395.5, 764.0, 1483.0},
            p.stream().mapToDouble(x -> x.exits().median()).toArray());
        assertArrayEquals(new double[] {356.5202869963801, 614.3885070827621, 1583.4923217546218},
            p.stream().mapToDouble(EtaSweepPoint::predictedMean).toArray());
        assertArrayEquals(new double[] {0.225602417213438, 0.25580071238727065, 0.14743454430161168},
            p.stream().mapToDouble(x -> x.ks().statistic()).toArray());
        assertArrayEquals(new long[] {79, 1465, 247, 340, 379}, Arrays.copyOf(p.get(0).exits().exitSteps(), 5));
        assertArrayEquals(new long[] {3496, 4205, 2068, 902, 4097}, Arrays.copyOf(p.get(2).exits().exitSteps(), 5));
        LogLogFit fit = r.fit();
        assertEquals(0.7758023175746465, fit.slope());
        assertEquals(0.26419835350936727, fit.ciLow());
        assertEquals(1.345530033945388, fit.ciHigh());
        assertEquals(5.852097843058432, fit.intercept());
        assertArrayEquals(new double[] {0.2, 0.1}, r.fitEtas());
        assertArrayEquals(new double[] {1.8225652251679556, 0.7758023175746463}, r.all().localSlopes());
        assertArrayEquals(new double[] {0.7400743910966835, 0.23623626254968494}, r.all().localCiLow());
        assertArrayEquals(new double[] {2.863012722310405, 1.3382385076852883}, r.all().localCiHigh());
        assertArrayEquals(new double[] {0.3, 0.2, 0.1}, r.allEtas());
    }

    @Test
    void testCensoredUnsortedSweepEqualsTheOldCommandsNumbers() {
        ExitTimeSweep sweep = ExitTimeSweep.of(config(0.28, new double[] {0.2, 0.3, 0.1}, 3, 3, 30, 3000));
        EtaSweepResult r = sweep.run(Execution.threads(1));
        List<EtaSweepPoint> p = r.points();
        assertArrayEquals(new double[] {0.2, 0.3, 0.1}, p.stream().mapToDouble(EtaSweepPoint::eta).toArray(),
            "points stay in the given order");
        assertArrayEquals(new int[] {22, 17, 26}, p.stream().mapToInt(x -> x.exits().censoredCount()).toArray());
        assertArrayEquals(new double[] {2661.266666666667, 2323.6, 2878.266666666667},
            p.stream().mapToDouble(x -> x.exits().mean()).toArray());
        assertArrayEquals(new double[] {16559.2650677021, 8964.96160994195, 48449.06256779578},
            p.stream().mapToDouble(EtaSweepPoint::predictedMean).toArray());
        p.forEach(x -> assertNull(x.ks(), "no KS test on a point with censored paths"));
        assertEquals(0.18605044559798692, r.fit().slope());
        assertEquals(0.052925002432218864, r.fit().ciLow());
        assertEquals(0.33930663736384853, r.fit().ciHigh());
        assertArrayEquals(new double[] {0.3, 0.2, 0.1}, r.fitEtas(), "fits see decreasing eta");
        assertArrayEquals(new double[] {0.33463913436087295, 0.11308718174408272}, r.all().localSlopes());
    }

    @Test
    void testOneLearningRateHasNoFitAndProgressCountsPaths() {
        java.util.concurrent.atomic.AtomicLong last = new java.util.concurrent.atomic.AtomicLong();
        ExitTimeSweep sweep = ExitTimeSweep.of(config(0.5, new double[] {0.3}, 1, 1, 4, 100_000));
        EtaSweepResult r = sweep.run(Execution.threads(1).withProgress(n -> last.accumulateAndGet(n,
            Math::max)));
        assertNull(r.fit());
        assertNull(r.all());
        assertEquals(1, r.points().size());
        assertEquals(4, last.get());
        assertNotNull(r.points().get(0).exits());
    }

    @Test
    void testPredictedMeanIsTheoremOnesMean() {
        ExitTimeSweep sweep = ExitTimeSweep.of(config(0.5, new double[] {0.3, 0.2}, 1, 2, 2, 10));
        double q = sweep.theory().exitRate();
        double eta = 0.01;
        // lambda(eta) = H(1/eta) (H(1/eta)/eta)^(l* - 1), l* = 2
        double h = LAW.tail(1 / eta);
        assertEquals(1 / (q * h * h / eta), sweep.predictedMean(eta), 1e-9 * sweep.predictedMean(eta));
    }

    @Test
    void testBadSweepsAreRefusedBeforeAnyPathRuns() {
        assertMessage("eta repeats 0.1: give each learning rate once",
            () -> config(0.5, new double[] {0.1, 0.2, 0.1}, 1, 2, 2, 10));
        assertMessage("eta is not finite and > 0: NaN", () -> config(0.5, new double[] {0.1, Double.NaN}, 1, 2, 2,
            10));
        assertMessage("number of fitted etas is not >= 2: 1", () -> config(0.5, new double[] {0.1, 0.2}, 1, 1, 2,
            10));
        assertMessage("b is not > 0: 0.0", () -> config(0, new double[] {0.1}, 1, 1, 2, 10));
        assertMessage("paths is not >= 1: 0", () -> config(0.5, new double[] {0.1}, 1, 1, 0, 10));
        ExitTimeSweep.Config onBoundary = new ExitTimeSweep.Config(F, LAW, 0.5, 0.2,
            new EtaGrid(new double[] {0.1}, new long[] {1}, new boolean[] {true}, 2, 10, 1));
        assertMessage("start is not inside a field (on the boundary 0.19999999999999996 between fields 2 and 3): 0.2",
            () -> ExitTimeSweep.of(onBoundary));
        ExitTimeSweep.Config outside = new ExitTimeSweep.Config(F, LAW, 0.5, 2,
            new EtaGrid(new double[] {0.1}, new long[] {1}, new boolean[] {true}, 2, 10, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExitTimeSweep.of(outside));
        assertTrue(e.getMessage().startsWith("start is not in the domain"), e.getMessage());
    }

    @Test
    void testSmallestChoosesTheSmallestEtas() {
        assertArrayEquals(new boolean[] {false, true, true}, EtaGrid.smallest(new double[] {0.3, 0.2, 0.1}, 2));
        assertArrayEquals(new boolean[] {true, false, true}, EtaGrid.smallest(new double[] {0.2, 0.3, 0.1}, 2));
        assertArrayEquals(new boolean[] {false, false}, EtaGrid.smallest(new double[] {0.2, 0.3}, 0));
        assertThrows(IllegalArgumentException.class, () -> EtaGrid.smallest(new double[] {0.2}, 2));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
