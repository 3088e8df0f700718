package org.htsgd.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.htsgd.core.analysis.JumpNumber;
import org.htsgd.core.noise.IsotropicNoise;
import org.htsgd.core.noise.SymmetricLomax;
import org.htsgd.core.theory.ExitRate;
import org.htsgd.core.theory.Theory2DReport;
import org.junit.jupiter.api.Test;

/** Figure 3's bookkeeping: the two rules from one combined label, and the chain on the fields. */
class HimmelblauTimesTest {
    /**
     * Two fields, labels basin * 3 + proximity (2 = Out); two paths of 10 steps. Path 0: 6 steps in basin 0 (4 near
     * its minimiser, 2 Out), 4 in basin 1 (all near). Path 1: 10 steps in basin 0 (5 near, 5 Out).
     */
    @Test
    void marginalsAndStandardErrorsOverPaths() {
        long[][] steps = {{4, 0, 2, 0, 4, 0}, {5, 0, 5, 0, 0, 0}};
        double[][] basin = HimmelblauTimes.marginal(steps, 2, true, 10);
        assertArrayEquals(new double[] {0.8, 0.2}, basin[0], 1e-12);
        // per-path basin-0 fractions 0.6 and 1.0: sd 0.2828, se 0.2
        assertArrayEquals(new double[] {0.2, 0.2}, basin[1], 1e-12);
        double[][] prox = HimmelblauTimes.marginal(steps, 2, false, 10);
        assertArrayEquals(new double[] {0.45, 0.2, 0.35}, prox[0], 1e-12);
    }

    /**
     * Three fields with J = (2, 1, 1): at a finite eta the chain with rates q_ij s_i(eta), s = H (H/eta)^(J-1), has
     * the stationary law pi_i proportional to 1/(q_i s_i) when every exit goes to the other fields uniformly (the
     * embedded chain is then uniform); computed by hand here. As eta -> 0 the J = 1 fields lose their time.
     */
    @Test
    void chainOnTheFields() {
        double[][] q = {{0, 0.1, 0.1}, {1, 0, 1}, {0.5, 0.5, 0}};
        int[] jumps = {2, 1, 1};
        Theory2DReport r = report(q, jumps);
        IsotropicNoise noise = IsotropicNoise.of(2, SymmetricLomax.of(1.5, 1));
        double eta = 0.01;
        double h = Math.pow(1 + 1 / eta, -1.5);
        double[] hold = {1 / (0.2 * h * h / eta), 1 / (2 * h), 1 / (1 * h)};
        double total = hold[0] + hold[1] + hold[2];
        double[] pi = HimmelblauTimes.chain(r, noise, eta);
        for (int i = 0; i < 3; i++) {
            assertEquals(hold[i] / total, pi[i], 1e-9);
        }
        double[] limit = HimmelblauTimes.chain(r, noise, 0);
        assertEquals(1, limit[0], 1e-9);
        assertEquals(0, limit[1] + limit[2], 1e-9);
    }

    private static Theory2DReport report(double[][] q, int[] jumps) {
        int n = q.length;
        List<Theory2DReport.FieldReport> fields = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            JumpNumber jn = new JumpNumber(i, 1, jumps[i], jumps[i], jumps[i], 0.01, 1, jumps[i], 0.5, null, null,
                -1, new int[0], new int[0], true, 0);
            ExitRate rate = new ExitRate(i, ExitRate.QUADRATURE, new double[2], jumps[i], 0, 0, q[i], new double[n],
                4, Double.NaN, "");
            fields.add(new Theory2DReport.FieldReport(i, new double[2], new double[2], jn, 1, rate));
        }
        return new Theory2DReport("test", 1, 1.5, 0.01, 0.014, fields, List.of(),
            List.of(new Theory2DReport.ClassReport(new int[] {0, 1, 2}, true)), true, 2, new int[] {0}, q, true);
    }
}
