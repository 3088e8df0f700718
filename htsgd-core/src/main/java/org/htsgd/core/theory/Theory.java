package org.htsgd.core.theory;

import java.util.ArrayList;
import java.util.List;
import org.htsgd.core.analysis.AttractionFields1D;
import org.htsgd.core.analysis.CriticalPoints1D;
import org.htsgd.core.landscape.Landscape1D;
import org.htsgd.core.noise.NoiseLaw;
import org.htsgd.core.validation.Require;

/**
 * Entry point of the exact theory (paper §2): {@link #of(Landscape1D, double, NoiseLaw)} analyses a 1-D landscape
 * and returns a {@link TheoryReport}; {@link #meanExitTime} gives Theorem 1's mean first exit time
 * \(1/(q_i\lambda_i(\eta))\) with \(\lambda_i(\eta) = H(1/\eta)\,(H(1/\eta)/\eta)^{l^*_i - 1}\) (§2.1).
 */
public final class Theory {
    private Theory() {
    }

    /**
     * @param f a 1-D landscape (fields from {@link CriticalPoints1D})
     * @param b truncation threshold, {@code b > 0}, possibly infinite
     * @param law the noise law (\(\alpha\), \(p_\pm\))
     * @return the report
     * @throws IllegalArgumentException on bad parameters
     */
    public static TheoryReport of(Landscape1D f, double b, NoiseLaw law) {
        return of(CriticalPoints1D.of(f).fields(), f, b, law, f.name());
    }

    /**
     * @param fields attraction fields
     * @param flow the landscape driving the gradient flow for \(l^* \ge 2\) rates; {@code null} leaves those NaN
     * @param b truncation threshold
     * @param law the noise law
     * @param name a label for the report
     * @return the report
     * @throws IllegalArgumentException if {@code !(b > 0)} or the law's alpha is not in (1, inf)
     */
    public static TheoryReport of(AttractionFields1D fields, Landscape1D flow, double b, NoiseLaw law, String name) {
        TypicalTransitionGraph g = TypicalTransitionGraph.of(fields, b);
        double alpha = law.alpha();
        JumpRates.Result r = JumpRates.of(g, flow, alpha, law.pPlus(), JumpRates.DEFAULT_ORDER);
        double[][] q = r.rates();
        double[] qi = r.exitRates();
        double[] err = r.errors();
        List<TheoryReport.MinimumReport> mins = new ArrayList<>();
        for (int i = 0; i < g.size(); i++) {
            mins.add(new TheoryReport.MinimumReport(i, fields.minimum(i), fields.lower(i), fields.upper(i),
                    fields.width(i), g.lStar(i), g.predictedExponent(i, alpha), qi[i], err[i]));
        }
        List<TheoryReport.EdgeReport> edges = new ArrayList<>();
        for (int[] e : g.edges()) {
            edges.add(new TheoryReport.EdgeReport(e[0], e[1], g.jumps(e[0], e[1]), q[e[0]][e[1]]));
        }
        return new TheoryReport(name, b, alpha, law.pPlus(), mins, edges, LimitingChain.of(g, q), g.isIrreducible(),
                g.lLarge(), g.widestMinima(), q, g.satisfiesAssumption3());
    }

    /**
     * \(\lambda(\eta) = H(1/\eta)\,(H(1/\eta)/\eta)^{l-1}\) (§2.1).
     *
     * @param law the noise law (its closed-form tail H)
     * @param lStar \(l^*\), {@code >= 1}
     * @param eta learning rate, {@code eta > 0}
     * @return \(\lambda(\eta)\) (NaN if the law has no closed-form tail)
     * @throws IllegalArgumentException if {@code !(eta > 0)} or {@code lStar < 1}
     */
    public static double scale(NoiseLaw law, int lStar, double eta) {
        Require.positive(eta, "eta");
        Require.atLeast(lStar, 1, "lStar");
        double h = law.tail(1 / eta);
        return h * Math.pow(h / eta, lStar - 1);
    }

    /**
     * Theorem 1: \(q\lambda(\eta)\sigma(\eta) \Rightarrow \mathrm{Exp}(1)\), so the mean exit time is about
     * \(1/(q\lambda(\eta))\) (in steps).
     *
     * @param q the exit rate \(q_i\)
     * @param law the noise law
     * @param lStar \(l^*_i\)
     * @param eta learning rate
     * @return \(1/(q_i\lambda_i(\eta))\)
     */
    public static double meanExitTime(double q, NoiseLaw law, int lStar, double eta) {
        return 1 / (q * scale(law, lStar, eta));
    }
}
