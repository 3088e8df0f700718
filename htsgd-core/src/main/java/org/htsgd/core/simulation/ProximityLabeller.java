package org.htsgd.core.simulation;

import java.util.Arrays;
import org.htsgd.core.validation.Require;

/**
 * Labels a point by the minimiser it is close to, as in the paper's Figure 3(c) (§3.2): a point is "in" field
 * {@code i} when its distance to the minimiser set of field {@code i} is below a radius (0.5 in the paper), and
 * "Out" (label {@code n}) otherwise. A minimiser set is given as points (a segment as a dense sample of it).
 * Allocation-free per call.
 */
public final class ProximityLabeller implements FieldLabeller {
    /** Per field, the minimiser set as flattened coordinates (d per point). */
    private final double[][] sets;
    /** Dimension. */
    private final int d;
    /** Squared radius. */
    private final double r2;

    private ProximityLabeller(double[][] sets, int d, double radius) {
        this.sets = sets;
        this.d = d;
        this.r2 = radius * radius;
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
        Require.positive(radius, "radius");
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
        int best = sets.length;
        double bestD = r2;
        for (int i = 0; i < sets.length; i++) {
            double[] s = sets[i];
            for (int k = 0; k < s.length; k += d) {
                double dist = 0;
                for (int j = 0; j < d; j++) {
                    double t = x[j] - s[k + j];
                    dist += t * t;
                }
                if (dist < bestD) {
                    bestD = dist;
                    best = i;
                }
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "ProximityLabeller[fields=" + sets.length + ", radius=" + Math.sqrt(r2) + ", sets="
                + Arrays.deepToString(sets).length() + " chars]";
    }
}
