package org.htsgd.core.theory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.htsgd.core.analysis.AttractionFields1D;
import org.htsgd.core.validation.Require;

/**
 * The typical transition graph of paper Def. 1 (§2.3) for attraction fields and a truncation threshold \(b\)
 * (possibly \(+\infty\)): minimal jump numbers \(l^*_i = \lceil r_i/b\rceil\) (§2.1), jump numbers
 * \(l_{i,j} = \lceil (s_{j-1} - m_i)/b\rceil\) for \(j &gt; i\) and \(\lceil (m_i - s_j)/b\rceil\) for \(j &lt; i\)
 * (eq. 11), edges \(m_i \to m_j\) iff \(l_{i,j} = l^*_i\), communication classes (absorbing if no edge leaves),
 * irreducibility and the widest minima \(M^{large} = \{m_i : l^*_i = \max_j l^*_j\}\).
 *
 * <p>Jump numbers are at least 1 (with \(b = \infty\), \(\lceil d/b\rceil = 0\) is read as one unclipped jump). A
 * field with no exit (a lone field) has \(l^* = \) {@link #NO_EXIT}. Indices are 0-based.
 */
public final class TypicalTransitionGraph {
    /** Jump number of an impossible transition (no exit). */
    public static final int NO_EXIT = Integer.MAX_VALUE;

    /** The fields. */
    private final AttractionFields1D fields;
    /** The threshold. */
    private final double b;
    /** \(l^*_i\). */
    private final int[] lStar;
    /** \(l_{i,j}\), 0 on the diagonal. */
    private final int[][] l;
    /** Adjacency. */
    private final boolean[][] edge;
    /** Classes, each sorted, ordered by smallest member. */
    private final List<int[]> classes;
    /** Absorbing flag per class. */
    private final boolean[] absorbing;

    private TypicalTransitionGraph(AttractionFields1D fields, double b) {
        this.fields = fields;
        this.b = b;
        int n = fields.size();
        lStar = new int[n];
        l = new int[n][n];
        edge = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            lStar[i] = jumps(fields.width(i), b);
            for (int j = 0; j < n; j++) {
                if (j > i) {
                    l[i][j] = jumps(fields.lower(j) - fields.minimum(i), b);
                } else if (j < i) {
                    l[i][j] = jumps(fields.minimum(i) - fields.upper(j), b);
                }
            }
            for (int j = 0; j < n; j++) {
                edge[i][j] = j != i && lStar[i] != NO_EXIT && l[i][j] == lStar[i];
            }
        }
        CommunicationClasses cc = CommunicationClasses.of(edge);
        classes = cc.classes();
        absorbing = new boolean[classes.size()];
        for (int c = 0; c < classes.size(); c++) {
            absorbing[c] = cc.isAbsorbing(c);
        }
    }

    /**
     * @param fields the attraction fields
     * @param b the truncation threshold, {@code b > 0}, possibly infinite
     * @return the graph
     * @throws IllegalArgumentException if {@code !(b > 0)}
     */
    public static TypicalTransitionGraph of(AttractionFields1D fields, double b) {
        Require.positive(b, "b");
        return new TypicalTransitionGraph(fields, b);
    }

    /**
     * @param distance a distance to travel (may be infinite)
     * @param b the threshold
     * @return \(\max(1, \lceil d/b\rceil)\), or {@link #NO_EXIT} for an infinite distance
     */
    public static int jumps(double distance, double b) {
        if (distance == Double.POSITIVE_INFINITY) {
            return NO_EXIT;
        }
        double q = Math.ceil(distance / b);
        return q < 1 ? 1 : (int) q;
    }

    /** @return the fields */
    public AttractionFields1D fields() {
        return fields;
    }

    /** @return b */
    public double b() {
        return b;
    }

    /** @return number of minima */
    public int size() {
        return lStar.length;
    }

    /** @return a copy of \(l^*_i\) */
    public int[] lStar() {
        return lStar.clone();
    }

    /** @param i field @return \(l^*_i\) */
    public int lStar(int i) {
        return lStar[i];
    }

    /** @param i from @param j to @return \(l_{i,j}\) (eq. 11) */
    public int jumps(int i, int j) {
        return l[i][j];
    }

    /** @param i from @param j to @return whether \(m_i \to m_j\) is an edge of the typical graph */
    public boolean hasEdge(int i, int j) {
        return edge[i][j];
    }

    /** @return the edges as {@code {i, j}} pairs in lexicographic order */
    public List<int[]> edges() {
        List<int[]> e = new ArrayList<>();
        for (int i = 0; i < lStar.length; i++) {
            for (int j = 0; j < lStar.length; j++) {
                if (edge[i][j]) {
                    e.add(new int[] {i, j});
                }
            }
        }
        return e;
    }

    /** @return the communication classes (copies), ordered by smallest member */
    public List<int[]> classes() {
        List<int[]> c = new ArrayList<>();
        for (int[] m : classes) {
            c.add(m.clone());
        }
        return c;
    }

    /** @param c class index @return whether no edge leaves class c */
    public boolean isAbsorbing(int c) {
        return absorbing[c];
    }

    /**
     * Assumption 3 of the paper: no width \(r_i\) is an integer multiple of b (relative tolerance 1e-9). When it
     * fails, some \(l^*_i\) sits exactly on a jump-count boundary, the theory does not apply, and the rates of that
     * field are degenerate (0 or \(+\infty\)).
     *
     * @return whether Assumption 3 holds
     */
    public boolean satisfiesAssumption3() {
        if (b == Double.POSITIVE_INFINITY) {
            return true;
        }
        for (int i = 0; i < lStar.length; i++) {
            double ratio = fields.width(i) / b;
            if (Double.isFinite(ratio) && Math.abs(ratio - Math.rint(ratio)) <= 1e-9 * Math.max(1, ratio)) {
                return false;
            }
        }
        return true;
    }

    /** @return whether all minima communicate */
    public boolean isIrreducible() {
        return classes.size() == 1;
    }

    /** @return \(l^{large} = \max_i l^*_i\) */
    public int lLarge() {
        return Arrays.stream(lStar).max().orElseThrow();
    }

    /** @return the widest minima \(M^{large}\) (indices) */
    public int[] widestMinima() {
        int ll = lLarge();
        return java.util.stream.IntStream.range(0, lStar.length).filter(i -> lStar[i] == ll).toArray();
    }

    /**
     * @param i field
     * @param alpha tail index
     * @return the predicted first-exit-time exponent \(1 + (\alpha - 1)l^*_i\) (Theorem 1)
     */
    public double predictedExponent(int i, double alpha) {
        return lStar[i] == NO_EXIT ? Double.POSITIVE_INFINITY : 1 + (alpha - 1) * lStar[i];
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("TypicalTransitionGraph[b=" + b + ", l*=" + Arrays.toString(lStar)
                + ", edges=");
        for (int[] e : edges()) {
            sb.append(" m").append(e[0] + 1).append("->m").append(e[1] + 1);
        }
        return sb.append(']').toString();
    }
}
