package org.htsgd.core.theory;

import java.util.List;

/**
 * The exact predictions of the paper's theory for a 1-D landscape, a truncation threshold b and a noise law (plain
 * records and arrays, Jackson-serialisable). Indices are 0-based ({@code m1} of the paper is index 0);
 * \(l^* = \) {@link TypicalTransitionGraph#NO_EXIT} (Integer.MAX_VALUE) marks a field with no exit.
 *
 * @param landscape the landscape's name (or {@code "fields"} if built from bare fields)
 * @param b truncation threshold (\(+\infty\) = none)
 * @param alpha tail index \(\alpha\)
 * @param pPlus \(p_+\)
 * @param minima per minimum: location, field, width, \(l^*\), exponent, rate
 * @param edges the typical transition graph (Def. 1) with the rates \(q_{i,j}\)
 * @param classes communication classes with their limiting CTMC (Theorems 3–5)
 * @param irreducible whether the typical graph is irreducible
 * @param lLarge \(l^{large}\)
 * @param widestMinima \(M^{large}\)
 * @param rates the full matrix \(q_{i,j} = \mu_i(E_{i,j})\) (eq. 10)
 * @param assumption3 whether no width is an integer multiple of b (paper's Assumption 3); if false the predictions
 *     of the affected fields are not valid
 */
public record TheoryReport(String landscape, double b, double alpha, double pPlus, List<MinimumReport> minima,
        List<EdgeReport> edges, List<LimitingChain.ClassChain> classes, boolean irreducible, int lLarge,
        int[] widestMinima, double[][] rates, boolean assumption3) {

    /** Defensive copies (arrays and lists). */
    public TheoryReport {
        minima = List.copyOf(minima);
        edges = List.copyOf(edges);
        classes = List.copyOf(classes);
        widestMinima = widestMinima.clone();
        rates = copy(rates);
    }

    /** @return a copy of \(M^{large}\) */
    @Override
    public int[] widestMinima() {
        return widestMinima.clone();
    }

    /** @return a deep copy of \(q_{i,j}\) */
    @Override
    public double[][] rates() {
        return copy(rates);
    }

    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /**
     * One minimum.
     *
     * @param index 0-based index
     * @param location \(m_i\)
     * @param fieldLower \(s_{i-1}\) (domain end or \(-\infty\) for the first field)
     * @param fieldUpper \(s_i\)
     * @param width \(r_i\) (eq. 3; outer sides count as \(+\infty\))
     * @param lStar \(l^*_i = \lceil r_i/b\rceil\)
     * @param predictedExponent \(1 + (\alpha - 1)l^*_i\): first exit time \(\approx (1/\eta)^{\text{this}}\)
     * @param exitRate \(q_i\) (eq. 10)
     * @param exitRateError error estimate of \(q_i\) (0 for the closed form)
     */
    public record MinimumReport(int index, double location, double fieldLower, double fieldUpper, double width,
            int lStar, double predictedExponent, double exitRate, double exitRateError) {
    }

    /**
     * One edge \(m_i \to m_j\) of the typical transition graph.
     *
     * @param from i
     * @param to j
     * @param jumps \(l_{i,j} = l^*_i\) (eq. 11)
     * @param rate \(q_{i,j}\)
     */
    public record EdgeReport(int from, int to, int jumps, double rate) {
    }
}
