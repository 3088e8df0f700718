package org.htsgd.core.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.htsgd.core.analysis.AttractionFields1D;
import org.htsgd.core.analysis.CriticalPoints1D;
import org.htsgd.core.analysis.Partition1D;
import org.htsgd.core.landscape.Landscape1D;
import org.htsgd.core.landscape.Landscapes;
import org.htsgd.core.noise.NoiseLaw;
import org.htsgd.core.noise.SymmetricLomax;
import org.htsgd.core.theory.Theory;
import org.htsgd.core.theory.TheoryReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The paper's 1-D experiment (§3.1): exit-time exponents and the elimination of sharp minima. */
class PaperSimulationTest {
    private static final Landscape1D F = Landscapes.paper1d();
    private static final NoiseLaw NOISE = SymmetricLomax.of(1.2, 0.1);
    private static final AttractionFields1D FIELDS = CriticalPoints1D.of(F).fields();
    /** Student-t quantile t_{0.999, 7} (8 paths): one-sided 99.9% bounds, false alarm 1e-3. */
    private static final double T_999_7 = 4.785;

    @ParameterizedTest(name = "b = {0}")
    @CsvSource({"0.5, 300", "Infinity, 300"})
    void testExitTimeExponentFromOmega2MatchesTheory(double b, int paths) {
        // Theorem 1 / Corollary 6: the exit time from Omega_2 = (-1.3, 0.2), started at -0.7, grows like
        // (1/eta)^(1 + (alpha - 1) l*) with l* = 2 (exponent 1.4) for b = 0.5 and l* = 1 (1.2) without truncation.
        // The asymptotics set in slowly for b = 0.5 (local slope ~1.2 between eta = 0.1 and 0.05), so the fit uses
        // eta = 0.01, 0.005, 0.0025 where the local slope has settled. Each log-mean has standard error
        // sd/(mean sqrt(N)); the weighted-LS slope must lie within 3 standard errors of the prediction (false
        // alarm 0.3% for an unbiased fit).
        TheoryReport theory = Theory.of(F, b, NOISE);
        int field = FIELDS.field(-0.7);
        TheoryReport.MinimumReport m = theory.minima().get(field);
        assertEquals(b == 0.5 ? 2 : 1, m.lStar());
        double predicted = m.predictedExponent();
        double[] etas = {0.01, 0.005, 0.0025};
        long[][] times = new long[etas.length][];
        for (int i = 0; i < etas.length; i++) {
            Sgd1D sgd = Sgd1D.of(F, NOISE, etas[i], b);
            ExitTimeResult r = ExitTimes.run(new ExitTimeConfig1D(sgd, -0.7, FIELDS.lower(field),
                FIELDS.upper(field), 100_000_000L, paths, 31 + i));
            assertEquals(0, r.censoredCount());
            times[i] = r.exitSteps();
        }
        SlopeFit fit = SlopeFit.of(etas, times);
        assertTrue(Math.abs(fit.slope - predicted) < 3 * fit.standardError,
            fit + " vs predicted " + predicted);
        assertTrue(fit.standardError < 0.08, fit.toString());
    }

    @Test
    void testClippedRunsAvoidTheNarrowFieldsAndUnclippedRunsVisitAll() {
        // Figure 1 (left), scaled down: X_0 = 0.3, eta = 0.005, 8 paths of 400,000 steps. Omega_1 and Omega_3 are
        // the narrow fields (l* = 1 at b = 0.5). Clipped: the one-sided 99.9% upper bound (t, 7 dof, over the
        // per-path fractions) of the time in the narrow fields is below 5%. Unclipped: every path visits all four
        // fields and the lower bound of the narrow fraction is above 5%.
        int narrow1 = FIELDS.field(-1.51);
        int narrow3 = FIELDS.field(0.49);
        assertEquals(List4.of(0, 2), List4.of(narrow1, narrow3));
        Partition1D partition = FIELDS.partition();
        assertArrayEquals(new double[] {-1.3, 0.2, 0.7}, partition.cuts(), 1e-6);
        long steps = 400_000;
        double[] clipped = narrowFractions(0.5, partition, steps, narrow1, narrow3);
        double[] unclipped = narrowFractions(Double.POSITIVE_INFINITY, partition, steps, narrow1, narrow3);
        assertTrue(mean(clipped) + T_999_7 * sd(clipped) / Math.sqrt(8) < 0.05, Arrays.toString(clipped));
        assertTrue(mean(unclipped) - T_999_7 * sd(unclipped) / Math.sqrt(8) > 0.05, Arrays.toString(unclipped));
    }

    private static double[] narrowFractions(double b, Partition1D partition, long steps, int i, int j) {
        OccupancyResult r = Occupancy.run(OccupancyConfig1D.of(Sgd1D.of(F, NOISE, 0.005, b), 0.3, partition,
            steps, 8, 7));
        long[][] perPath = r.pathFieldSteps();
        double[] f = new double[perPath.length];
        for (int p = 0; p < perPath.length; p++) {
            if (b == Double.POSITIVE_INFINITY) {
                for (long s : perPath[p]) {
                    assertTrue(s > 0, "unclipped path " + p + " visits all fields: " + Arrays.toString(perPath[p]));
                }
            }
            f[p] = (perPath[p][i] + perPath[p][j]) / (double) steps;
        }
        return f;
    }

    private static double mean(double[] x) {
        return Arrays.stream(x).average().orElseThrow();
    }

    private static double sd(double[] x) {
        double m = mean(x);
        return Math.sqrt(Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1));
    }

    /** A tiny pair for readable assertion messages. */
    private record List4(int a, int b) {
        static List4 of(int a, int b) {
            return new List4(a, b);
        }
    }
}
