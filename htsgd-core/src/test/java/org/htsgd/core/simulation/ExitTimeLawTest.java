package org.htsgd.core.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.htsgd.core.analysis.CriticalPoints1D;
import org.htsgd.core.landscape.Landscape1D;
import org.htsgd.core.landscape.Landscapes;
import org.htsgd.core.noise.NoiseLaw;
import org.htsgd.core.noise.NoiseLaws;
import org.htsgd.core.stats.ExponentialKs;
import org.htsgd.core.theory.Theory;
import org.htsgd.core.theory.TheoryReport;
import org.junit.jupiter.api.Test;

/**
 * Theorem 1, part 1: \(q_k\lambda_k(\eta)\sigma_k(\eta) \Rightarrow \mathrm{Exp}(1)\). Checked on the paper's
 * landscape without truncation, where \(l^* = 1\) and \(q\) is in closed form (paper.md §2.5).
 */
class ExitTimeLawTest {
    @Test
    void scaledExitTimesFromTheWideFieldAreStandardExponential() {
        Landscape1D f = Landscapes.paper1d();
        NoiseLaw law = NoiseLaws.paper1d();
        double b = Double.POSITIVE_INFINITY;
        double eta = 0.004;
        TheoryReport theory = Theory.of(f, b, law);
        TheoryReport.MinimumReport m2 = theory.minima().get(1);
        assertEquals(1, m2.lStar());
        double mean = Theory.meanExitTime(m2.exitRate(), law, m2.lStar(), eta);
        int paths = 400;
        ExitTimeResult r = ExitTimes.run(ExitTimeConfig1D.of(Sgd1D.of(f, law, eta, b), -0.7,
                CriticalPoints1D.of(f).fields().partition(), 100 * (long) mean, paths, 7L));
        assertEquals(0, r.censoredCount());
        double[] t = Arrays.stream(r.exitSteps()).asDoubleStream().toArray();
        ExponentialKs ks = ExponentialKs.test(t, 1 / mean);
        // Seeded; a false rejection at level 1e-3 has probability 1e-3 under the limit law. The finite-eta bias of
        // the mean (a few percent here) moves the KS statistic by about bias/e, far below the 1e-3 critical value
        // 1.95/sqrt(400) = 0.098.
        assertTrue(ks.pValue() > 1e-3, "KS rejects Exp(1): " + ks);
        // and the test has power: the same times scaled by a wrong rate (x 1.5) are rejected
        assertTrue(ExponentialKs.test(t, 1.5 / mean).pValue() < 1e-3);
    }
}
