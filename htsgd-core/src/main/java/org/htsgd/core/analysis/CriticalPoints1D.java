package org.htsgd.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.htsgd.core.landscape.Domain;
import org.htsgd.core.landscape.Landscape1D;

/**
 * The local minima and maxima of a 1-D landscape on its domain \([lo, hi]\): sign changes of \(f'\) on a fine grid,
 * each refined by Brent's method (commons-math3) to absolute accuracy 1e-12. A domain end where the projected
 * gradient flow pushes outward (\(f'(lo) &gt; 0\) or \(f'(hi) &lt; 0\)) is a minimum of the projected dynamics and is
 * listed as one. Zeros of \(f'\) without a sign change (inflections) are not critical points here.
 *
 * @param minima the minima, increasing
 * @param maxima the interior local maxima, increasing (they interleave the minima)
 * @param lo lower domain end
 * @param hi upper domain end
 */
public record CriticalPoints1D(double[] minima, double[] maxima, double lo, double hi) {
    /** Default grid size of {@link #of(Landscape1D)}. */
    public static final int DEFAULT_GRID = 20_000;

    /** Copies the arrays. */
    public CriticalPoints1D {
        minima = minima.clone();
        maxima = maxima.clone();
    }

    /** @param f the landscape @return its critical points on a grid of {@value #DEFAULT_GRID} cells */
    public static CriticalPoints1D of(Landscape1D f) {
        return of(f, DEFAULT_GRID);
    }

    /**
     * @param f the landscape
     * @param grid number of grid cells
     * @return the critical points
     * @throws IllegalArgumentException if {@code grid < 10} or the domain is unbounded
     */
    public static CriticalPoints1D of(Landscape1D f, int grid) {
        if (grid < 10) {
            throw new IllegalArgumentException("grid is not >= 10: " + grid);
        }
        Domain.Interval d = f.domain();
        double lo = d.lo();
        double hi = d.hi();
        if (!(Double.isFinite(lo) && Double.isFinite(hi))) {
            throw new IllegalArgumentException("domain is not bounded: " + d);
        }
        BrentSolver brent = new BrentSolver(1e-14, 1e-12);
        List<Double> mins = new ArrayList<>();
        List<Double> maxs = new ArrayList<>();
        double h = (hi - lo) / grid;
        double xPrev = lo;
        double dPrev = f.derivative(lo);
        if (dPrev > 0) {
            mins.add(lo);
        }
        for (int k = 1; k <= grid; k++) {
            double x = k == grid ? hi : lo + k * h;
            double dx = f.derivative(x);
            if (dPrev < 0 && dx >= 0 || dPrev > 0 && dx <= 0) {
                boolean isMin = dPrev < 0;
                double root;
                if (dx == 0) {
                    // exact zero at the grid point: classify by the next sign change, record the point itself
                    root = x;
                } else {
                    root = brent.solve(10_000, f::derivative, xPrev, x);
                }
                if (root < hi || !isMin) {
                    (isMin ? mins : maxs).add(root);
                }
                if (dx == 0 && k < grid) {
                    // continue from the zero with the sign it is heading to
                    double xn = Math.min(hi, x + h * 1e-3);
                    dx = f.derivative(xn);
                    if (dx == 0) {
                        dx = isMin ? 1 : -1;
                    }
                }
            }
            xPrev = x;
            dPrev = dx;
        }
        if (f.derivative(hi) < 0) {
            mins.add(hi);
        }
        // a maximum exactly at an end is a field boundary, not an interior maximum
        maxs.removeIf(m -> m <= lo || m >= hi);
        return new CriticalPoints1D(toArray(mins), toArray(maxs), lo, hi);
    }

    private static double[] toArray(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /** @return a copy of the minima */
    @Override
    public double[] minima() {
        return minima.clone();
    }

    /** @return a copy of the maxima */
    @Override
    public double[] maxima() {
        return maxima.clone();
    }

    /**
     * @return the attraction fields \(\Omega_i = (s_{i-1}, s_i)\), outer ends at the domain ends
     * @throws IllegalStateException if minima and maxima do not interleave
     */
    public AttractionFields1D fields() {
        if (maxima.length != minima.length - 1) {
            throw new IllegalStateException("minima and maxima do not interleave: " + Arrays.toString(minima)
                    + " / " + Arrays.toString(maxima));
        }
        return AttractionFields1D.of(minima, maxima, lo, hi);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CriticalPoints1D c && Arrays.equals(minima, c.minima) && Arrays.equals(maxima, c.maxima)
                && lo == c.lo && hi == c.hi;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(minima) * 31 + Arrays.hashCode(maxima);
    }

    @Override
    public String toString() {
        return "CriticalPoints1D[minima=" + Arrays.toString(minima) + ", maxima=" + Arrays.toString(maxima) + "]";
    }
}
