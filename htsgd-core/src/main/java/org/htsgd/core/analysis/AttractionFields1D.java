package org.htsgd.core.analysis;

import java.util.Arrays;
import org.htsgd.core.validation.Require;

/**
 * The attraction fields \(\Omega_i = (s_{i-1}, s_i)\) of a 1-D landscape (paper §2.1): minima
 * \(m_1 &lt; \dots &lt; m_n\) separated by the local maxima \(s_1 &lt; \dots &lt; s_{n-1}\), with outer ends \(s_0\), \(s_n\).
 * Indices in this API are 0-based (field {@code i} holds minimum {@code m[i]}).
 *
 * <p><b>Ends (the one convention).</b> The paper sets \(s_0 = -\infty\), \(s_n = +\infty\); the iterates are
 * projected onto \([lo, hi]\), so the outer fields are \([lo, s_1)\) and \((s_{n-1}, hi]\) and their outer sides
 * can never be crossed. This type describes the fields as the analysis and the reports see them:
 * {@link #boundaries()} is \(s_0, \dots, s_n\) <em>with</em> the outer ends, and {@link #lower}/{@link #upper} of
 * an outer field return the outer end as given (the domain end for fields from {@code CriticalPoints1D}, or
 * \(\mp\infty\) from {@link #of(double[], double[])}). The outer ends <em>never</em> count as exits: the width
 * (eq. 3) \(r_i = \min\{m_i - s_{i-1}, s_i - m_i\}\) uses \(+\infty\) for an outer side, and a lone field has
 * infinite width. The simulator's lookup, {@link #partition()}, cuts the whole line at the interior boundaries only
 * (its outer ends are \(\mp\infty\)); it has the same field indices and the same tie rule (a point exactly on
 * \(s_i\) counts to the right field), and it is the only conversion between the two.
 *
 * @param minima the \(m_i\), increasing
 * @param boundaries \(s_0, \dots, s_n\) (length {@code n + 1}), increasing and interleaving the minima
 */
public record AttractionFields1D(double[] minima, double[] boundaries) {
    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if the points do not interleave as \(s_0 &lt; m_1 &lt; s_1 &lt; \dots &lt; m_n &lt; s_n\)
     *     (the outer ends may equal the adjacent minimum when a minimum sits on the domain end)
     */
    public AttractionFields1D {
        minima = minima.clone();
        boundaries = boundaries.clone();
        int n = minima.length;
        Require.atLeast(n, 1, "number of minima");
        if (boundaries.length != n + 1) {
            throw new IllegalArgumentException("number of boundaries is not n + 1 = " + (n + 1) + ": "
                    + boundaries.length);
        }
        for (int i = 0; i < n; i++) {
            boolean leftOk = i == 0 ? !(minima[i] < boundaries[i]) : boundaries[i] < minima[i];
            boolean rightOk = i == n - 1 ? !(minima[i] > boundaries[i + 1]) : minima[i] < boundaries[i + 1];
            if (!(leftOk && rightOk) || Double.isNaN(minima[i])) {
                throw new IllegalArgumentException("minima and boundaries do not interleave at field " + i + ": "
                        + Arrays.toString(minima) + " / " + Arrays.toString(boundaries));
            }
        }
    }

    /**
     * Fields with outer ends at \(\mp\infty\), as in the paper's Figure 2 example.
     *
     * @param minima \(m_1 &lt; \dots &lt; m_n\)
     * @param saddles the \(n - 1\) interior boundaries \(s_1 &lt; \dots &lt; s_{n-1}\)
     * @return the fields
     */
    public static AttractionFields1D of(double[] minima, double[] saddles) {
        return of(minima, saddles, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /**
     * @param minima \(m_1 &lt; \dots &lt; m_n\)
     * @param saddles the \(n - 1\) interior boundaries
     * @param lo the lower outer end (domain end or \(-\infty\))
     * @param hi the upper outer end
     * @return the fields
     */
    public static AttractionFields1D of(double[] minima, double[] saddles, double lo, double hi) {
        double[] s = new double[saddles.length + 2];
        s[0] = lo;
        System.arraycopy(saddles, 0, s, 1, saddles.length);
        s[s.length - 1] = hi;
        return new AttractionFields1D(minima, s);
    }

    /** @return a copy of the minima */
    @Override
    public double[] minima() {
        return minima.clone();
    }

    /** @return a copy of the boundaries \(s_0..s_n\) */
    @Override
    public double[] boundaries() {
        return boundaries.clone();
    }

    /** @return the number of fields n */
    public int size() {
        return minima.length;
    }

    /** @param i field index @return \(m_i\) */
    public double minimum(int i) {
        return minima[i];
    }

    /** @param i field index @return left end \(s_{i-1}\) of field i */
    public double lower(int i) {
        return boundaries[i];
    }

    /** @param i field index @return right end \(s_i\) of field i */
    public double upper(int i) {
        return boundaries[i + 1];
    }

    /** @param i field index @return distance to the left exit, \(+\infty\) for the first field */
    public double leftDistance(int i) {
        return i == 0 ? Double.POSITIVE_INFINITY : minima[i] - boundaries[i];
    }

    /** @param i field index @return distance to the right exit, \(+\infty\) for the last field */
    public double rightDistance(int i) {
        return i == minima.length - 1 ? Double.POSITIVE_INFINITY : boundaries[i + 1] - minima[i];
    }

    /** @param i field index @return the width \(r_i\) (eq. 3), outer sides counting as \(+\infty\) */
    public double width(int i) {
        return Math.min(leftDistance(i), rightDistance(i));
    }

    /** @return all widths */
    public double[] widths() {
        double[] r = new double[minima.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = width(i);
        }
        return r;
    }

    /**
     * The field containing x: the number of interior boundaries \(s_1..s_{n-1}\) that are {@code <= x} (a point
     * exactly on \(s_i\) counts to the right field; points beyond the outer ends count to the outer fields), as
     * {@link Partition1D#field} of {@link #partition()}.
     *
     * @param x a point
     * @return the 0-based field index
     */
    public int field(double x) {
        return partition().field(x);
    }

    /**
     * The simulator's lookup of these fields: the line cut at the interior boundaries \(s_1, \dots, s_{n-1}\)
     * (the outer ends become \(\mp\infty\); see the class comment).
     *
     * @return the partition, with the same field indices
     */
    public Partition1D partition() {
        return Partition1D.of(Arrays.copyOfRange(boundaries, 1, boundaries.length - 1));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttractionFields1D a && Arrays.equals(minima, a.minima)
                && Arrays.equals(boundaries, a.boundaries);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(minima) + Arrays.hashCode(boundaries);
    }

    @Override
    public String toString() {
        return "AttractionFields1D[minima=" + Arrays.toString(minima) + ", boundaries=" + Arrays.toString(boundaries)
                + "]";
    }
}
