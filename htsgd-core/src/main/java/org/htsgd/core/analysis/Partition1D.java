package org.htsgd.core.analysis;

import java.util.Arrays;

/**
 * The simulator's field lookup in 1-D: the real line cut at \(c_1 &lt; \dots &lt; c_{k-1}\) into \(k\) fields, field
 * \(i\) (0-based) being \([c_i, c_{i+1})\) with \(c_0 = -\infty\), \(c_k = +\infty\). The field of \(x\) is the
 * number of cuts \(\le x\) (paper §2.1: \(\Omega_i = (s_{i-1}, s_i)\); a point exactly on a cut counts to the field
 * on its right).
 *
 * <p><b>Ends.</b> The fields cover the whole line: {@link #cuts()} holds only the interior cuts, and the ends of the
 * first and last field are \(\mp\infty\) ({@link #lowerCut}, {@link #upperCut}). The iterates are projected onto the
 * landscape's domain, so an outer field's outer side is never crossed, whichever value it has. The attraction fields
 * of a landscape, whose outer ends are the domain's, are {@link AttractionFields1D}; their lookup is
 * {@link AttractionFields1D#partition()} (cuts = the local maxima), the only conversion between the two. Besides
 * attraction fields, a partition can measure occupation by any intervals (then the cuts need not be maxima).
 *
 * <p>Immutable; {@link #field}, {@link #lowerCut} and {@link #upperCut} allocate nothing (the simulator's hot loops
 * call them).
 */
public final class Partition1D {
    /**
     * Relative distance to a cut within which a start point counts as on the cut, hence in no field:
     * \(|x - c| \le 10^{-9} \max(1, |c|)\). Cuts computed as local maxima are accurate to about \(10^{-12}\)
     * ({@code CriticalPoints1D}), so a start typed as a maximum (0.2 for a computed 0.19999999999999996) is caught.
     */
    public static final double ON_CUT_TOLERANCE = 1e-9;

    /** Sorted interior cuts. */
    private final double[] cuts;

    private Partition1D(double[] cuts) {
        this.cuts = cuts;
    }

    /**
     * @param cuts strictly increasing finite cuts (may be empty: one field, the whole line)
     * @return the partition
     * @throws IllegalArgumentException if a cut is not finite or they are not strictly increasing
     */
    public static Partition1D of(double... cuts) {
        double[] c = cuts.clone();
        for (int i = 0; i < c.length; i++) {
            if (!Double.isFinite(c[i])) {
                throw new IllegalArgumentException("cut is not finite: " + c[i]);
            }
            if (i > 0 && !(c[i] > c[i - 1])) {
                throw new IllegalArgumentException("cuts are not strictly increasing: " + Arrays.toString(c));
            }
        }
        return new Partition1D(c);
    }

    /** @return the interior cuts \(c_1, \dots, c_{k-1}\) (a copy; no infinite ends) */
    public double[] cuts() {
        return cuts.clone();
    }

    /** @return the number of fields k, cuts + 1 */
    public int fieldCount() {
        return cuts.length + 1;
    }

    /** @param x a point (not NaN) @return its field index, the number of cuts {@code <= x} */
    public int field(double x) {
        int i = 0;
        while (i < cuts.length && cuts[i] <= x) {
            i++;
        }
        return i;
    }

    /**
     * The field of a start point, which must lie inside a field: a start on a cut (within
     * {@link #ON_CUT_TOLERANCE}) belongs to neither neighbour, and the exit time or the first transition from it
     * would be an artefact of the tie rule.
     *
     * @param start a start point
     * @return its field index
     * @throws IllegalArgumentException if {@code start} is NaN or on a cut
     */
    public int startField(double start) {
        if (Double.isNaN(start)) {
            throw new IllegalArgumentException("start is not a number: " + start);
        }
        for (int j = 0; j < cuts.length; j++) {
            if (Math.abs(start - cuts[j]) <= ON_CUT_TOLERANCE * Math.max(1, Math.abs(cuts[j]))) {
                throw new IllegalArgumentException("start is not inside a field (on the boundary " + cuts[j]
                    + " between fields " + (j + 1) + " and " + (j + 2) + "): " + start);
            }
        }
        return field(start);
    }

    /** @param i a field index @return its lower end \(c_i\) (inclusive), {@code -inf} for the first field */
    public double lowerCut(int i) {
        return i == 0 ? Double.NEGATIVE_INFINITY : cuts[i - 1];
    }

    /** @param i a field index @return its upper end \(c_{i+1}\) (exclusive), {@code +inf} for the last field */
    public double upperCut(int i) {
        return i == cuts.length ? Double.POSITIVE_INFINITY : cuts[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Partition1D p && Arrays.equals(cuts, p.cuts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(cuts);
    }

    @Override
    public String toString() {
        return "Partition1D" + Arrays.toString(cuts);
    }
}
