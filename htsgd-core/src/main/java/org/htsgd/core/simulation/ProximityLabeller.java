package org.htsgd.core.simulation;

import java.util.Arrays;
import org.htsgd.core.validation.Require;

/**
 * Labels a point by the minimiser it is close to, as in the paper's Figure 3(c) (§3.2): a point is "in" field
 * {@code i} when its distance to the minimiser set of field {@code i} is below a radius (0.5 in the paper), and
 * "Out" (label {@code n}) otherwise; within the radius of two sets, the nearer wins. A minimiser set is given as
 * points (a segment as a dense sample of it). Allocation-free per call.
 *
 * <p>Implementation notes: the exact label costs one distance per set point (about 260 for the modified
 * Himmelblau's segment, ten times the cost of an SGD step). A lookup grid over the sets' bounding box dilated by the
 * radius answers most calls in O(1): a cell of diagonal \(\delta\) is <em>certain</em> when, for every set, the
 * distance from the cell's centre differs from the radius by more than \(\delta/2\) (distance is 1-Lipschitz, so no
 * point of the cell is on the other side) and at most one set is within the radius; a certain cell stores its label,
 * any other falls back to the exact computation. Outside the box every set is farther than the radius: "Out". The
 * labels are exactly those of the exact computation.
 */
public final class ProximityLabeller implements FieldLabeller {
    /** Largest number of lookup cells. */
    private static final int MAX_CELLS = 1 << 20;
    /** Marks a lookup cell whose label is not constant. */
    private static final int UNCERTAIN = -1;

    /** Per field, the minimiser set as flattened coordinates (d per point). */
    private final double[][] sets;
    /** Dimension. */
    private final int d;
    /** Squared radius. */
    private final double r2;
    /** Lower corner of the lookup box, per axis. */
    private final double[] lo;
    /** Cells per axis of the lookup box. */
    private final int n;
    /** Cell side of the lookup box. */
    private final double side;
    /** Label of each lookup cell, or {@link #UNCERTAIN}. */
    private final int[] cells;

    private ProximityLabeller(double[][] sets, int d, double radius) {
        this.sets = sets;
        this.d = d;
        this.r2 = radius * radius;
        this.lo = new double[d];
        double[] hi = new double[d];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (double[] s : sets) {
            for (int k = 0; k < s.length; k += d) {
                for (int j = 0; j < d; j++) {
                    lo[j] = Math.min(lo[j], s[k + j] - radius);
                    hi[j] = Math.max(hi[j], s[k + j] + radius);
                }
            }
        }
        double width = 0;
        for (int j = 0; j < d; j++) {
            width = Math.max(width, hi[j] - lo[j]);
        }
        int perAxis = (int) Math.floor(Math.pow(MAX_CELLS, 1.0 / d));
        this.side = Math.max(radius / 8, width / perAxis);
        this.n = (int) Math.ceil(width / side);
        this.cells = new int[(int) Math.pow(n, d)];
        double half = side * Math.sqrt(d) / 2;
        double[] centre = new double[d];
        for (int c = 0; c < cells.length; c++) {
            int rest = c;
            for (int j = d - 1; j >= 0; j--) {
                centre[j] = lo[j] + (rest % n + 0.5) * side;
                rest /= n;
            }
            int label = sets.length;
            int inside = 0;
            for (int i = 0; i < sets.length && label != UNCERTAIN; i++) {
                double dist = Math.sqrt(nearest(sets[i], centre));
                if (Math.abs(dist - radius) <= half) {
                    label = UNCERTAIN;
                } else if (dist < radius) {
                    label = ++inside > 1 ? UNCERTAIN : i;
                }
            }
            cells[c] = label;
        }
    }

    /**
     * @param dimension d
     * @param minimiserSets per field, its minimiser points flattened ({@code d} coordinates per point)
     * @param radius visit radius, {@code > 0}
     * @return the labeller with {@code minimiserSets.length + 1} labels (the last is "Out")
     * @throws IllegalArgumentException on an empty set, a length not a multiple of d, or a bad radius
     */
    public static ProximityLabeller of(int dimension, double[][] minimiserSets, double radius) {
        Require.atLeast(dimension, 1, "dimension");
        Require.finitePositive(radius, "radius");
        double[][] copy = new double[minimiserSets.length][];
        for (int i = 0; i < copy.length; i++) {
            if (minimiserSets[i].length == 0 || minimiserSets[i].length % dimension != 0) {
                throw new IllegalArgumentException("minimiser set " + i + " has " + minimiserSets[i].length
                        + " coordinates, not a positive multiple of " + dimension);
            }
            copy[i] = minimiserSets[i].clone();
        }
        return new ProximityLabeller(copy, dimension, radius);
    }

    @Override
    public int fieldCount() {
        return sets.length + 1;
    }

    /** @return the label of "Out" */
    public int outLabel() {
        return sets.length;
    }

    @Override
    public int field(double[] x) {
        int c = 0;
        for (int j = 0; j < d; j++) {
            double u = (x[j] - lo[j]) / side;
            if (!(u >= 0 && u < n)) {
                return sets.length; // outside the box (or NaN): farther than the radius from every set
            }
            c = c * n + (int) u;
        }
        int label = cells[c];
        return label != UNCERTAIN ? label : exact(x);
    }

    /** The label by the distance to every set point. */
    private int exact(double[] x) {
        int best = sets.length;
        double bestD = r2;
        for (int i = 0; i < sets.length; i++) {
            double dist = nearest(sets[i], x);
            if (dist < bestD) {
                bestD = dist;
                best = i;
            }
        }
        return best;
    }

    /** @return the squared distance from x to the nearest point of s */
    private double nearest(double[] s, double[] x) {
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < s.length; k += d) {
            double dist = 0;
            for (int j = 0; j < d; j++) {
                double t = x[j] - s[k + j];
                dist += t * t;
            }
            best = Math.min(best, dist);
        }
        return best;
    }

    @Override
    public String toString() {
        return "ProximityLabeller[fields=" + sets.length + ", radius=" + Math.sqrt(r2) + ", sets="
                + Arrays.deepToString(sets).length() + " chars]";
    }
}
