package org.htsgd.core.theory;

import java.util.List;
import org.htsgd.core.analysis.JumpNumber;

/**
 * The predictions of the theory for a 2-D landscape, a truncation threshold b and isotropic noise with tail index
 * \(\alpha\) (paper.md §2.1–2.3, §2.6; S4 Thm 2.8), built by {@link Theory2D}. Plain records, lists and arrays
 * (Jackson-serialisable). Field indices are 0-based in {@link org.htsgd.core.analysis.FlowGrid} order.
 *
 * @param landscape the landscape's name
 * @param b truncation threshold (\(+\infty\) = none)
 * @param alpha tail index \(\alpha\)
 * @param gridSpacing the grid spacing \(h'\) actually used
 * @param cellDiagonal the resolution \(\delta = h'\sqrt2\) of the jump numbers
 * @param fields per field: minimiser (set), jump number, exponent, rate
 * @param edges the typical transition graph: \(i \to j\) iff \(G^{(J_i)|b}\) from field i meets \(\Omega_j\)
 * @param classes its communication classes (from the certain edges)
 * @param irreducible whether there is one class
 * @param jumpsLarge the largest jump number \(J^{large}\) (upper estimates where a field is unresolved)
 * @param widestFields the fields with \(J = J^{large}\) (the widest minima, \(M^{large}\))
 * @param rates \(q_{i,j}\) (rows: from; 0 on the diagonal; NaN where not computed)
 * @param resolved whether every jump number is resolved at this grid resolution
 */
public record Theory2DReport(String landscape, double b, double alpha, double gridSpacing, double cellDiagonal,
        List<FieldReport> fields, List<EdgeReport> edges, List<ClassReport> classes, boolean irreducible,
        int jumpsLarge, int[] widestFields, double[][] rates, boolean resolved) {

    /** Defensive copies. */
    public Theory2DReport {
        fields = List.copyOf(fields);
        edges = List.copyOf(edges);
        classes = List.copyOf(classes);
        widestFields = widestFields.clone();
        rates = TheoryReport.copy(rates);
    }

    /** @return a copy */
    @Override
    public int[] widestFields() {
        return widestFields.clone();
    }

    /** @return a deep copy */
    @Override
    public double[][] rates() {
        return TheoryReport.copy(rates);
    }

    /**
     * One attraction field.
     *
     * @param index 0-based index
     * @param minimiser the representative minimiser (lowest f of the set)
     * @param minimiserSet the minimiser set, flattened (x, y) pairs (one pair for an isolated minimum)
     * @param jump the jump number with its estimates, radius, \(\lceil r/b\rceil\), exit point and contractivity
     * @param predictedExponent \(1 + (\alpha - 1)J_b\): first exit time \(\approx (1/\eta)^{\text{this}}\) (S4 Thm
     *     2.8); NaN if \(J_b\) is unresolved, \(+\infty\) if there is no exit
     * @param rate \(q_i\) and \(q_{i,j}\) with their method and error
     */
    public record FieldReport(int index, double[] minimiser, double[] minimiserSet, JumpNumber jump,
            double predictedExponent, ExitRate rate) {
        /** Defensive copies. */
        public FieldReport {
            minimiser = minimiser.clone();
            minimiserSet = minimiserSet.clone();
        }

        /** @return a copy */
        @Override
        public double[] minimiser() {
            return minimiser.clone();
        }

        /** @return a copy */
        @Override
        public double[] minimiserSet() {
            return minimiserSet.clone();
        }
    }

    /**
     * One edge \(i \to j\) of the typical transition graph.
     *
     * @param from i
     * @param to j
     * @param jumps \(J_b^i\)
     * @param rate \(q_{i,j}\)
     * @param rateError its error (quadrature difference or Monte Carlo standard error)
     * @param certain whether the inner sets (jump radius \(b - \delta\)) reach \(\Omega_j\) and \(J_b^i\) is
     *     resolved; otherwise only the outer sets do and the edge is possible at this resolution
     */
    public record EdgeReport(int from, int to, int jumps, double rate, double rateError, boolean certain) {
    }

    /**
     * One communication class.
     *
     * @param members its fields
     * @param absorbing whether no certain edge leaves it
     */
    public record ClassReport(int[] members, boolean absorbing) {
        /** Defensive copy. */
        public ClassReport {
            members = members.clone();
        }

        /** @return a copy */
        @Override
        public int[] members() {
            return members.clone();
        }
    }
}
