package org.htsgd.core.theory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * The limiting continuous-time Markov chains of Theorems 3–5 and Corollary 6 (paper §2.4–2.5, construction of
 * §2.6, eqs. 34–40), one per communication class \(G\) of the typical transition graph:
 * <ol>
 *   <li>embedded DTMC on all minima, \(P(m_i, m_j) = q_{i,j}/q_i\);</li>
 *   <li>absorption probabilities \(p_{k,j}\) from a small field \(k\) of \(G\) (\(l^*_k &lt; l^*_G\)) into the large
 *       fields of \(G\) or out of \(G\): \((I - P_{SS})\,p = P_{S,T}\) (LU solve, commons-math3);</li>
 *   <li>\(\tilde q_{i,j} = 1\{i \ne j\}q_{i,j} + \sum_{k \in G_{small}} q_{i,k}\,p_{k,j}\) (eq. 39) for large i, j;</li>
 *   <li>generator on the large minima of \(G\): \(Q_{i,j} = \tilde q_{i,j}\), \(Q_{i,i} = -\sum_{k \ne i}\tilde q_{i,k}
 *       - \kappa_i\), where the killing rate \(\kappa_i\) (rate of leaving \(G\), the cemetery of Theorem 4) is 0 for an
 *       absorbing class, so \(Q\) is then exactly the paper's generator;</li>
 *   <li>stationary law \(\pi Q = 0\), \(\sum\pi = 1\) for absorbing classes (for an irreducible graph this is the law
 *       on \(M^{large}\) of Theorem 5; with \(b = \infty\) all \(l^* = 1\), all minima are large and this is the
 *       chain of Corollary 6).</li>
 * </ol>
 * Indices are 0-based minima indices.
 */
public final class LimitingChain {
    private LimitingChain() {
    }

    /**
     * The chain of one class.
     *
     * @param members minima of the class
     * @param absorbing whether no typical edge leaves it
     * @param lStar \(l^*_G\), the largest \(l^*\) in the class
     * @param large the large minima (state space of the CTMC)
     * @param small the small minima of the class
     * @param generator \(Q\) on {@code large} (rows/columns in that order)
     * @param killingRates \(\kappa_i\) per large minimum (zero for an absorbing class)
     * @param stationary the stationary law on {@code large}, or {@code null} for a transient class or unknown rates
     * @param absorption rows for each small minimum: \(p_{k,j}\) over all minima j (to large minima of G) plus
     *     the last column = probability of leaving G; these also give the random initial map \(\pi_G\) (eq. 40)
     */
    public record ClassChain(int[] members, boolean absorbing, int lStar, int[] large, int[] small,
            double[][] generator, double[] killingRates, double[] stationary, double[][] absorption) {
        /** Defensive copies. */
        public ClassChain {
            members = members.clone();
            large = large.clone();
            small = small.clone();
            generator = TheoryReport.copy(generator);
            killingRates = killingRates.clone();
            stationary = stationary == null ? null : stationary.clone();
            absorption = TheoryReport.copy(absorption);
        }

        /** @return a copy */
        @Override
        public int[] members() {
            return members.clone();
        }

        /** @return a copy */
        @Override
        public int[] large() {
            return large.clone();
        }

        /** @return a copy */
        @Override
        public int[] small() {
            return small.clone();
        }

        /** @return a deep copy */
        @Override
        public double[][] generator() {
            return TheoryReport.copy(generator);
        }

        /** @return a copy */
        @Override
        public double[] killingRates() {
            return killingRates.clone();
        }

        /** @return a copy, or {@code null} */
        @Override
        public double[] stationary() {
            return stationary == null ? null : stationary.clone();
        }

        /** @return a deep copy */
        @Override
        public double[][] absorption() {
            return TheoryReport.copy(absorption);
        }
    }

    /**
     * @param graph the typical transition graph
     * @param rates the rates \(q_{i,j}\) (may contain NaN, then the chain's numbers are NaN)
     * @return one chain per class, in the graph's class order
     */
    public static List<ClassChain> of(TypicalTransitionGraph graph, double[][] rates) {
        int n = graph.size();
        double[] qi = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    qi[i] += rates[i][j];
                }
            }
        }
        List<ClassChain> out = new ArrayList<>();
        List<int[]> classes = graph.classes();
        for (int c = 0; c < classes.size(); c++) {
            int[] g = classes.get(c);
            boolean[] inG = new boolean[n];
            int lg = 0;
            for (int i : g) {
                inG[i] = true;
                lg = Math.max(lg, graph.lStar(i));
            }
            final int lgf = lg;
            int[] large = Arrays.stream(g).filter(i -> graph.lStar(i) == lgf).toArray();
            int[] small = Arrays.stream(g).filter(i -> graph.lStar(i) != lgf).toArray();
            // absorption: columns 0..n-1 = target minimum j (large of G, or outside G), column n = "left G"
            double[][] absorb = new double[small.length][n + 1];
            if (small.length > 0) {
                RealMatrix a = new Array2DRowRealMatrix(small.length, small.length);
                RealMatrix rhs = new Array2DRowRealMatrix(small.length, n);
                for (int r = 0; r < small.length; r++) {
                    int k = small[r];
                    a.setEntry(r, r, 1);
                    for (int s = 0; s < small.length; s++) {
                        a.addToEntry(r, s, -rates[k][small[s]] / qi[k]);
                    }
                    for (int j = 0; j < n; j++) {
                        boolean target = !inG[j] || graph.lStar(j) == lg;
                        if (target && j != k) {
                            rhs.setEntry(r, j, rates[k][j] / qi[k]);
                        }
                    }
                }
                RealMatrix x = solveOrNaN(a, rhs);
                for (int r = 0; r < small.length; r++) {
                    for (int j = 0; j < n; j++) {
                        absorb[r][j] = x.getEntry(r, j);
                        if (!inG[j]) {
                            absorb[r][n] += x.getEntry(r, j);
                        }
                    }
                }
            }
            int nl = large.length;
            double[][] gen = new double[nl][nl];
            double[] kill = new double[nl];
            for (int a = 0; a < nl; a++) {
                int i = large[a];
                double[] qt = new double[n];
                for (int j = 0; j < n; j++) {
                    qt[j] = j != i ? rates[i][j] : 0;
                }
                for (int r = 0; r < small.length; r++) {
                    for (int j = 0; j < n; j++) {
                        qt[j] += rates[i][small[r]] * absorb[r][j];
                    }
                }
                for (int j = 0; j < n; j++) {
                    if (!inG[j]) {
                        kill[a] += qt[j];
                    }
                }
                double diag = -kill[a];
                for (int bIdx = 0; bIdx < nl; bIdx++) {
                    if (bIdx != a) {
                        gen[a][bIdx] = qt[large[bIdx]];
                        diag -= qt[large[bIdx]];
                    }
                }
                gen[a][a] = diag;
            }
            double[] pi = graph.isAbsorbing(c) ? stationary(gen) : null;
            out.add(new ClassChain(g, graph.isAbsorbing(c), lg, large, small, gen, kill, pi, absorb));
        }
        return out;
    }

    /** LU solve; unknown (NaN) rates or a singular system give NaN entries instead of an exception. */
    private static RealMatrix solveOrNaN(RealMatrix a, RealMatrix rhs) {
        try {
            RealMatrix x = new LUDecomposition(a).getSolver().solve(rhs);
            return x;
        } catch (org.apache.commons.math3.linear.SingularMatrixException e) {
            RealMatrix x = rhs.copy();
            for (int r = 0; r < x.getRowDimension(); r++) {
                for (int c = 0; c < x.getColumnDimension(); c++) {
                    x.setEntry(r, c, Double.NaN);
                }
            }
            return x;
        }
    }

    /**
     * @param q a conservative generator (rows sum to 0) of an irreducible chain
     * @return \(\pi\) with \(\pi Q = 0\), \(\sum \pi = 1\) (LU solve of \(Q^T\) with its last row replaced by ones);
     *     {@code null} if Q contains NaN
     */
    public static double[] stationary(double[][] q) {
        int n = q.length;
        for (double[] row : q) {
            for (double v : row) {
                if (Double.isNaN(v)) {
                    return null;
                }
            }
        }
        if (n == 1) {
            return new double[] {1};
        }
        RealMatrix a = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a.setEntry(i, j, i == n - 1 ? 1 : q[j][i]);
            }
        }
        RealVector rhs = new ArrayRealVector(n);
        rhs.setEntry(n - 1, 1);
        return new LUDecomposition(a).getSolver().solve(rhs).toArray();
    }
}
