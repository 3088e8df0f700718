package org.htsgd.core.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.htsgd.core.analysis.Partition1D;
import org.htsgd.core.truncation.Truncation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExitTimesTest {
    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.01, 0.003})
    void testDeterministicContractionExitsAtClosedFormStep(double eta) {
        // f = x^2/2, Z = 0: X_n = (1 - eta)^n, first n with X_n <= 1/2 is ceil(ln(1/2) / ln(1 - eta)).
        Sgd1D sgd = new Sgd1D(TestProblems.quadratic(10), TestProblems.zero(), eta, Truncation.NONE);
        ExitTimeResult r = ExitTimes.run(new ExitTimeConfig1D(sgd, 1, 0.5, Double.POSITIVE_INFINITY, 100_000,
            3, 1), Execution.threads(1));
        long expected = (long) Math.ceil(Math.log(0.5) / Math.log(1 - eta));
        assertArrayEquals(new long[] {expected, expected, expected}, r.exitSteps());
        assertEquals(0, r.censoredCount());
        assertArrayEquals(new long[] {3, 0}, r.targetCounts());
        assertTrue(r.exitPoints()[0] <= 0.5 && r.exitPoints()[0] > 0.5 * (1 - eta));
    }

    @Test
    void testDeterministicContractionInTwoDimensions() {
        // f = |x|^2/2 in 2-D, Z = 0: |X_n| = sqrt(2) (1 - eta)^n; label 1 inside the ball of radius 1/2.
        double eta = 0.05;
        SgdNd sgd = new SgdNd(TestProblems.quadraticNd(2, 10), TestProblems.gaussianNd(2, 0), eta, Truncation.NONE);
        FieldLabeller inner = new FieldLabeller() {
            @Override
            public int fieldCount() {
                return 2;
            }

            @Override
            public int field(double[] x) {
                return x[0] * x[0] + x[1] * x[1] <= 0.25 ? 1 : 0;
            }
        };
        ExitTimeResult r = ExitTimes.run(new ExitTimeConfigNd(sgd, new double[] {1, 1}, inner, 10_000, 2, 1));
        long expected = (long) Math.ceil(Math.log(0.5 / Math.sqrt(2)) / Math.log(1 - eta));
        assertArrayEquals(new long[] {expected, expected}, r.exitSteps());
        assertArrayEquals(new long[] {0, 2}, r.targetCounts());
    }

    @Test
    void testCensoredPathsAreReportedNotDropped() {
        Sgd1D sgd = new Sgd1D(TestProblems.cuspWell(5), TestProblems.lomax(2, 1), 0.016, Truncation.NONE);
        long cap = 3000; // about half the mean exit time (~7000 steps): some paths exit, some are censored
        ExitTimeResult r = ExitTimes.run(new ExitTimeConfig1D(sgd, -1, Double.NEGATIVE_INFINITY, 0, cap, 60,
            11), Execution.threads(2));
        assertEquals(60, r.paths());
        assertTrue(r.censoredCount() > 0 && r.censoredCount() < 60, "censored " + r.censoredCount());
        long[] steps = r.exitSteps();
        boolean[] censored = r.censored();
        int count = 0;
        for (int p = 0; p < 60; p++) {
            if (censored[p]) {
                count++;
                assertEquals(cap, steps[p]);
                assertEquals(-1, r.exitTargets()[p]);
                assertTrue(r.exitPoints()[p] < 0, "a censored path is still in the field");
            } else {
                assertTrue(steps[p] <= cap && r.exitPoints()[p] >= 0);
            }
        }
        assertEquals(count, r.censoredCount());
        assertEquals(60 - count, r.uncensoredExitSteps().length);
        assertEquals(60 - count, r.targetCounts()[1]);
    }

    @Test
    void testExitTimeOfUnclippedHeavyTailedWellScalesLikeEtaToMinusAlpha() {
        // Corollary 6 (l* = 1): the mean exit time is of order 1/H(1/eta) ~ (1/eta)^alpha. Well (|x|-1)^2 * 5/2,
        // start at the minimum -1, field (-inf, 0), Lomax(alpha = 2, scale 1), no truncation. 200 paths per eta:
        // the standard error of each log-mean is ~1/sqrt(200) (exit times are ~exponential); the slope must lie
        // within 3 standard errors of alpha (false alarm 0.3% for an unbiased fit). The approach to the limit
        // is from below (two-jump exits, relative weight ~eta^(alpha-1)), so the etas are the smallest that keep
        // the test around a second.
        double alpha = 2;
        double[] etas = {0.032, 0.016, 0.008, 0.004};
        long[][] times = new long[etas.length][];
        for (int i = 0; i < etas.length; i++) {
            Sgd1D sgd = new Sgd1D(TestProblems.cuspWell(5), TestProblems.lomax(alpha, 1), etas[i], Truncation.NONE);
            ExitTimeResult r = ExitTimes.run(new ExitTimeConfig1D(sgd, -1, Double.NEGATIVE_INFINITY, 0,
                100_000_000L, 200, 2022 + i));
            assertEquals(0, r.censoredCount());
            times[i] = r.exitSteps();
        }
        SlopeFit fit = SlopeFit.of(etas, times);
        assertTrue(Math.abs(fit.slope - alpha) < 3 * fit.standardError, fit.toString());
        assertTrue(fit.standardError < 0.1, fit.toString());
    }

    @Test
    void testResultIsBitIdenticalForAnyThreadCount() {
        Sgd1D sgd = new Sgd1D(TestProblems.cuspWell(5), TestProblems.lomax(1.2, 0.5), 0.05, Truncation.of(0.8));
        ExitTimeConfig1D c = new ExitTimeConfig1D(sgd, -1, Double.NEGATIVE_INFINITY, 0, 1_000_000, 37, 5);
        ExitTimeResult one = ExitTimes.run(c, Execution.threads(1));
        ExitTimeResult three = ExitTimes.run(c, Execution.threads(3));
        assertArrayEquals(one.exitSteps(), three.exitSteps());
        assertArrayEquals(one.exitPoints(), three.exitPoints());
        assertArrayEquals(one.exitTargets(), three.exitTargets());
        ExitTimeResult other = ExitTimes.run(new ExitTimeConfig1D(sgd, -1, Double.NEGATIVE_INFINITY, 0,
            1_000_000, 37, 6), Execution.threads(3));
        assertTrue(!java.util.Arrays.equals(one.exitSteps(), other.exitSteps()), "another seed, other paths");
    }

    @Test
    void testProgressCountsPaths() {
        Sgd1D sgd = new Sgd1D(TestProblems.cuspWell(5), TestProblems.lomax(1.2, 0.5), 0.05, Truncation.NONE);
        AtomicLong last = new AtomicLong();
        ExitTimes.run(new ExitTimeConfig1D(sgd, -1, Double.NEGATIVE_INFINITY, 0, 1_000_000, 25, 5),
            Execution.threads(2).withProgress(n -> last.accumulateAndGet(n, Math::max)));
        assertEquals(25, last.get());
    }

    @Test
    void testNanIterateIsReportedWithPathAndStep() {
        Sgd1D sgd = new Sgd1D(TestProblems.quadratic(1), TestProblems.nan(), 0.1, Truncation.of(0.5));
        for (int threads : new int[] {1, 3}) {
            DivergenceException e = assertThrows(DivergenceException.class, () -> ExitTimes.run(
                new ExitTimeConfig1D(sgd, 0, -0.5, 0.5, 1000, 10, 1), Execution.threads(threads)));
            assertEquals(0, e.path());
            assertEquals(1, e.step());
            assertTrue(e.getMessage().contains("path 0") && e.getMessage().contains("step 1"), e.getMessage());
        }
    }

    @Test
    void testFirstDivergedPathIsTheSameForAnyThreadCount() {
        // The derivative is NaN beyond 2.5 (reachable only by a big jump): which paths diverge depends on their
        // streams only, and the reported one is the lowest index.
        org.htsgd.core.landscape.Landscape1D well = TestProblems.cuspWell(1);
        org.htsgd.core.landscape.Landscape1D broken = new org.htsgd.core.landscape.Landscape1D() {
            @Override
            public double value(double x) {
                return well.value(x);
            }

            @Override
            public double derivative(double x) {
                return x > 2.5 ? Double.NaN : well.derivative(x);
            }

            @Override
            public org.htsgd.core.landscape.Domain.Interval domain() {
                return well.domain();
            }

            @Override
            public String name() {
                return "broken";
            }
        };
        Sgd1D sgd = new Sgd1D(broken, TestProblems.lomax(1.2, 1), 0.1, Truncation.NONE);
        ExitTimeConfig1D c = new ExitTimeConfig1D(sgd, -1, Double.NEGATIVE_INFINITY, 3, 20_000, 12, 3);
        DivergenceException one = assertThrows(DivergenceException.class, () -> ExitTimes.run(c,
            Execution.threads(1)));
        DivergenceException three = assertThrows(DivergenceException.class, () -> ExitTimes.run(c,
            Execution.threads(3)));
        assertEquals(one.path(), three.path());
        assertEquals(one.step(), three.step());
        assertTrue(one.step() > 1);
    }

    @Test
    void testInvalidConfigThrows() {
        Sgd1D sgd = new Sgd1D(TestProblems.quadratic(1), TestProblems.zero(), 0.1, Truncation.NONE);
        assertThrows(IllegalArgumentException.class, () -> new ExitTimeConfig1D(sgd, 0.6, -0.5, 0.5, 10, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ExitTimeConfig1D(sgd, 0, -0.5, 0.5, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ExitTimeConfig1D(sgd, 0, -0.5, 0.5, 10, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ExitTimeConfig1D(sgd, 2, 1, 3, 10, 1, 1),
            "start outside the domain [-1, 1]");
        assertThrows(IllegalArgumentException.class, () -> Execution.threads(0));
    }

    @Test
    void testStartOnAFieldBoundaryIsRejectedLikeOccupancy() {
        Sgd1D sgd = new Sgd1D(TestProblems.quadratic(1), TestProblems.zero(), 0.1, Truncation.NONE);
        Partition1D p = Partition1D.of(-0.5, 0.5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ExitTimeConfig1D.of(sgd, 0.5, p, 10, 1, 1));
        assertEquals("start is not inside a field (on the boundary 0.5 between fields 2 and 3): 0.5", e.getMessage());
        IllegalArgumentException o = assertThrows(IllegalArgumentException.class,
            () -> OccupancyConfig1D.of(sgd, 0.5, p, 10, 1, 1));
        assertEquals(e.getMessage(), o.getMessage());
        ExitTimeConfig1D inside = ExitTimeConfig1D.of(sgd, 0.49, p, 10, 1, 1);
        assertEquals(-0.5, inside.lo());
        assertEquals(0.5, inside.hi());
        ExitTimeConfig1D outer = ExitTimeConfig1D.of(sgd, -0.9, p, 10, 1, 1);
        assertEquals(Double.NEGATIVE_INFINITY, outer.lo(), "an outer field is open towards -inf");
    }
}
