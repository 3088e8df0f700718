package org.htsgd.core.simulation;

import java.util.Arrays;
import org.htsgd.core.analysis.AttractionFields1D;

/**
 * The attraction fields of a 1-D landscape given by their boundaries \(s_1 < \dots < s_{k-1}\) (the local maxima):
 * field \(i\) (0-based) is \([s_i, s_{i+1})\) with \(s_0 = -\infty\), \(s_k = +\infty\), i.e. the field index of
 * \(x\) is the number of boundaries \(\le x\) (paper §2.1: \(\Omega_i = (s_{i-1}, s_i)\); a point exactly on a
 * maximum counts to the right field, as in {@link AttractionFields1D#field(double)}).
 */
public final class Partition1D {
    /** Sorted boundaries. */
    private final double[] boundaries;

    private Partition1D(double[] boundaries) {
        this.boundaries = boundaries;
    }

    /**
     * @param boundaries strictly increasing finite boundaries (may be empty: one field)
     * @return the partition
     * @throws IllegalArgumentException if a boundary is not finite or they are not strictly increasing
     */
    public static Partition1D of(double... boundaries) {
        double[] b = boundaries.clone();
        for (int i = 0; i < b.length; i++) {
            if (!Double.isFinite(b[i])) {
                throw new IllegalArgumentException("boundary is not finite: " + b[i]);
            }
            if (i > 0 && !(b[i] > b[i - 1])) {
                throw new IllegalArgumentException("boundaries are not strictly increasing: " + Arrays.toString(b));
            }
        }
        return new Partition1D(b);
    }

    /**
     * @param fields attraction fields from the analysis
     * @return the partition by their interior boundaries \(s_1, \dots, s_{n-1}\) (same field indices)
     */
    public static Partition1D of(AttractionFields1D fields) {
        double[] b = fields.boundaries();
        return of(Arrays.copyOfRange(b, 1, b.length - 1));
    }

    /** @return the boundaries (a copy) */
    public double[] boundaries() {
        return boundaries.clone();
    }

    /** @return the number of fields, boundaries + 1 */
    public int fieldCount() {
        return boundaries.length + 1;
    }

    /** @param x a point (not NaN) @return its field index, the number of boundaries {@code <= x} */
    public int field(double x) {
        int i = 0;
        while (i < boundaries.length && boundaries[i] <= x) {
            i++;
        }
        return i;
    }

    /** @param i a field index @return its lower end (inclusive), {@code -inf} for the first field */
    public double lower(int i) {
        return i == 0 ? Double.NEGATIVE_INFINITY : boundaries[i - 1];
    }

    /** @param i a field index @return its upper end (exclusive), {@code +inf} for the last field */
    public double upper(int i) {
        return i == boundaries.length ? Double.POSITIVE_INFINITY : boundaries[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Partition1D p && Arrays.equals(boundaries, p.boundaries);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(boundaries);
    }

    @Override
    public String toString() {
        return "Partition1D" + Arrays.toString(boundaries);
    }
}
