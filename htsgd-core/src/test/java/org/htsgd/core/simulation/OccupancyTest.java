package org.htsgd.core.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.htsgd.core.analysis.Partition1D;
import org.htsgd.core.truncation.Truncation;
import org.junit.jupiter.api.Test;

class OccupancyTest {
    /** AR(1) reference: f = x^2/2, Z ~ N(0,1), no truncation: X_{n+1} = (1 - eta) X_n + eta Z. */
    private static final double ETA = 0.1;
    /** Stationary variance eta^2 / (1 - (1 - eta)^2) = eta / (2 - eta). */
    private static final double VARIANCE = ETA / (2 - ETA);

    @Test
    void testStationaryVarianceOfGaussianAr1() {
        // Thinned by 20 the lag-one correlation is rho = 0.9^20 = 0.12; the variance of the sample variance is
        // 2 sigma^4 / N * (1 + rho^2) / (1 - rho^2) (Gaussian AR(1)). 4 standard errors: false alarm < 1e-4.
        int paths = 8;
        int length = 50_000;
        int every = 20;
        Sgd1D sgd = new Sgd1D(TestProblems.quadratic(100), TestProblems.gaussian(1), ETA, Truncation.NONE);
        OccupancyResult r = Occupancy.run(OccupancyConfig1D.of(sgd, 0, Partition1D.of(), (long) length * every,
            paths, 3).withTrajectory(every, length));
        double s = 0;
        long n = 0;
        for (double[] t : r.trajectories()) {
            assertEquals(length, t.length);
            for (int i = 1; i < t.length; i++) { // skip X_0 = 0
                s += t[i] * t[i];
                n++;
            }
        }
        double variance = s / n;
        double rho = Math.pow(1 - ETA, every);
        double se = VARIANCE * Math.sqrt(2.0 / n * (1 + rho * rho) / (1 - rho * rho));
        assertEquals(VARIANCE, variance, 4 * se);
    }

    @Test
    void testStationaryOccupationOfGaussianAr1() {
        // Fields (-inf, -sd], (-sd, sd], (sd, inf): stationary mass outside is 2 (1 - Phi(1)). By Gebelein's
        // inequality the lag-k correlation of the indicator is at most (1 - eta)^k, so its integrated
        // autocorrelation time is at most (2 - eta)/eta; 5 standard errors: false alarm < 1e-6.
        double sd = Math.sqrt(VARIANCE);
        int paths = 8;
        long steps = 1_000_000;
        Sgd1D sgd = new Sgd1D(TestProblems.quadratic(100), TestProblems.gaussian(1), ETA, Truncation.NONE);
        OccupancyResult r = Occupancy.run(OccupancyConfig1D.of(sgd, 0, Partition1D.of(-sd, sd), steps, paths, 4));
        double[] f = r.fractions();
        double p = 2 * NormalDistribution.of(0, 1).survivalProbability(1);
        double tau = (2 - ETA) / ETA;
        double se = Math.sqrt(p * (1 - p) * tau / (steps * paths));
        assertEquals(p, f[0] + f[2], 5 * se);
        assertEquals(f[0], f[2], 5 * se * 2);
    }

    @Test
    void testTruncationBoundsEveryStep() {
        // |X_{n+1} - X_n| <= b for every step of a heavy-tailed run; the bound is attained (truncation active).
        double b = 0.1;
        Sgd1D sgd = new Sgd1D(TestProblems.doubleWell(), TestProblems.lomax(1.2, 1), 0.05, Truncation.of(b));
        OccupancyResult r = Occupancy.run(OccupancyConfig1D.of(sgd, 0.3, Partition1D.of(0), 100_000, 2, 9)
            .withTrajectory(1, 200_000));
        double max = 0;
        int clipped = 0;
        for (double[] t : r.trajectories()) {
            assertEquals(100_001, t.length);
            for (int i = 1; i < t.length; i++) {
                double d = Math.abs(t[i] - t[i - 1]);
                max = Math.max(max, d);
                if (d > 0.999 * b) {
                    clipped++;
                }
            }
        }
        assertTrue(max <= b * (1 + 1e-12), "max step " + max);
        assertTrue(clipped > 10, "clipped steps " + clipped);
    }

    @Test
    void testNormTruncationBoundsEveryStepInTwoDimensions() {
        double b = 0.2;
        SgdNd sgd = new SgdNd(TestProblems.quadraticNd(2, 3), TestProblems.lomaxNd(2, 1.2, 1), 0.05,
            Truncation.of(b));
        FieldLabeller half = new FieldLabeller() {
            @Override
            public int fieldCount() {
                return 2;
            }

            @Override
            public int field(double[] x) {
                return x[0] > 0 ? 1 : 0;
            }
        };
        OccupancyResult r = Occupancy.run(OccupancyConfigNd.of(sgd, new double[] {0, 0}, half, 50_000, 2, 9)
            .withTrajectory(1, 100_000));
        int clipped = 0;
        for (double[] t : r.trajectories()) {
            assertEquals(2 * 50_001, t.length);
            for (int i = 1; i < t.length / 2; i++) {
                double d = Math.hypot(t[2 * i] - t[2 * i - 2], t[2 * i + 1] - t[2 * i - 1]);
                assertTrue(d <= b * (1 + 1e-12), "step " + d);
                if (d > 0.999 * b) {
                    clipped++;
                }
            }
        }
        assertTrue(clipped > 10, "clipped steps " + clipped);
        assertEquals(100_000, Arrays.stream(r.fieldSteps()).sum());
    }

    @Test
    void testStationaryVarianceOfGaussianAr1InTwoDimensions() {
        // Each coordinate is the 1-D AR(1); both coordinates pooled, thinned by 20 (see the 1-D test).
        int length = 20_000;
        int every = 20;
        SgdNd sgd = new SgdNd(TestProblems.quadraticNd(2, 100), TestProblems.gaussianNd(2, 1), ETA, Truncation.NONE);
        FieldLabeller one = new FieldLabeller() {
            @Override
            public int fieldCount() {
                return 1;
            }

            @Override
            public int field(double[] x) {
                return 0;
            }
        };
        OccupancyResult r = Occupancy.run(OccupancyConfigNd.of(sgd, new double[] {0, 0}, one,
            (long) length * every, 4, 3).withTrajectory(every, length));
        double s = 0;
        long n = 0;
        for (double[] t : r.trajectories()) {
            for (int i = 2; i < t.length; i++) {
                s += t[i] * t[i];
                n++;
            }
        }
        double rho = Math.pow(1 - ETA, every);
        double se = VARIANCE * Math.sqrt(2.0 / n * (1 + rho * rho) / (1 - rho * rho));
        assertEquals(VARIANCE, s / n, 4 * se);
    }

    @Test
    void testCountsAreConsistent() {
        Sgd1D sgd = new Sgd1D(TestProblems.doubleWell(), TestProblems.lomax(1.2, 1), 0.05, Truncation.of(0.6));
        int paths = 5;
        long steps = 200_001;
        AtomicLong progress = new AtomicLong();
        OccupancyResult r = Occupancy.run(OccupancyConfig1D.of(sgd, -1, Partition1D.of(-0.5, 0, 0.5), steps,
            paths, 2).withHistogram(40), Execution.threads(2).withProgress(n -> progress.accumulateAndGet(n, Math::max)));
        assertEquals(steps * paths, progress.get());
        assertEquals(steps * paths, Arrays.stream(r.fieldSteps()).sum());
        assertEquals(steps * paths, Arrays.stream(r.histogram()).sum());
        assertEquals(41, r.histogramEdges().length);
        assertEquals(-2, r.histogramEdges()[0]);
        assertEquals(2, r.histogramEdges()[40]);
        for (long[] p : r.pathFieldSteps()) {
            assertEquals(steps, Arrays.stream(p).sum());
        }
        long[][] t = r.transitions();
        assertTrue(r.transitionCount() > 100, "transitions " + r.transitionCount());
        for (int i = 0; i < 4; i++) {
            assertEquals(0, t[i][i]);
            long out = Arrays.stream(t[i]).sum();
            long in = 0;
            for (int j = 0; j < 4; j++) {
                in += t[j][i];
            }
            // each path enters and leaves a field alternately: imbalance at most one per path
            assertTrue(Math.abs(out - in) <= paths, "field " + i + " out " + out + " in " + in);
        }
        // histogram mass in bins left of -0.5 equals the steps in field 0 (edges -0.5 and 0 are bin edges)
        long left = 0;
        for (int i = 0; i < 15; i++) {
            left += r.histogram()[i];
        }
        assertEquals(r.fieldSteps()[0], left, 0.0005 * steps * paths, "points exactly on -0.5 count to field 1, the histogram bin edge is -0.5 too");
    }

    @Test
    void testResultIsBitIdenticalForAnyThreadCount() {
        Sgd1D sgd = new Sgd1D(TestProblems.doubleWell(), TestProblems.lomax(1.2, 1), 0.05, Truncation.of(0.6));
        OccupancyConfig1D c = OccupancyConfig1D.of(sgd, -1, Partition1D.of(0), 50_000, 7, 2).withHistogram(16)
            .withTrajectory(100, 100);
        OccupancyResult one = Occupancy.run(c, Execution.threads(1));
        OccupancyResult three = Occupancy.run(c, Execution.threads(3));
        assertArrayEquals(one.pathFieldSteps(), three.pathFieldSteps());
        assertArrayEquals(one.transitions(), three.transitions());
        assertArrayEquals(one.histogram(), three.histogram());
        assertArrayEquals(one.trajectories(), three.trajectories());
    }

    @Test
    void testNanIterateIsReported() {
        Sgd1D sgd = new Sgd1D(TestProblems.quadratic(1), TestProblems.nan(), 0.1, Truncation.NONE);
        DivergenceException e = assertThrows(DivergenceException.class,
            () -> Occupancy.run(OccupancyConfig1D.of(sgd, 0, Partition1D.of(), 100, 4, 1)));
        assertEquals(0, e.path());
        assertEquals(1, e.step());
    }

    @Test
    void testInvalidConfigThrows() {
        Sgd1D sgd = new Sgd1D(TestProblems.quadratic(1), TestProblems.zero(), 0.1, Truncation.NONE);
        Partition1D p = Partition1D.of(0);
        assertThrows(IllegalArgumentException.class, () -> OccupancyConfig1D.of(sgd, 1.5, p, 10, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> OccupancyConfig1D.of(sgd, 0, p, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> OccupancyConfig1D.of(sgd, 0, p, 10, 1, 1)
            .withTrajectory(0, 10));
        assertThrows(IllegalArgumentException.class, () -> OccupancyConfig1D.of(sgd, 0, p, 10, 1, 1)
            .withHistogram(-1));
    }
}
