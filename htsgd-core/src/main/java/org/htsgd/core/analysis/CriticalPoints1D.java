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
 * <p>The search refuses ({@link IllegalArgumentException}, message "&lt;landscape&gt;: &lt;reason&gt;") what it cannot
 * analyse honestly instead of returning a wrong answer: a value or derivative that is not finite at a grid point
 * (log or sqrt of a negative number, a pole on the grid, an overflow); a cell where \(f\) moves against the sign of
 * \(f'\) at both ends (a pole or jump between grid points); a sign change of \(f'\) through a pole rather than a
 * zero; no minimum (a constant); and features narrower than the grid cell, found by {@link Resolution1D} (a
 * finer look inside each cell where \(f'\) changes sign, and a logarithmic grid around the origin, where the
 * features of a formula written at unit scale sit when the domain is wide).
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
     * @throws IllegalArgumentException if {@code grid < 10}, the domain is unbounded, or the landscape cannot be
     *     analysed (see the class comment); the message names the landscape, the problem and where
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
        if (!Double.isFinite(hi - lo)) {
            throw LandscapeRefusal.of(f, "the domain [" + fmt(lo) + ", " + fmt(hi) + "] is too wide: its width "
                    + "overflows a double");
        }
        double h = (hi - lo) / grid;
        double[] xs = new double[grid + 1];
        double[] ds = new double[grid + 1];
        double scale = 0;
        for (int k = 0; k <= grid; k++) {
            double x = k == grid ? hi : lo + k * h;
            xs[k] = x;
            ds[k] = f.derivative(x);
            scale = Math.max(scale, Math.abs(requireFinite(f, x, d)));
        }
        BrentSolver brent = new BrentSolver(1e-14, 1e-12);
        List<Double> mins = new ArrayList<>();
        List<Double> maxs = new ArrayList<>();
        double xPrev = lo;
        double dPrev = ds[0];
        double fPrev = f.value(lo);
        if (dPrev > 0 || dPrev == 0 && firstNonZero(ds, 1) > 0) {
            mins.add(lo);
        }
        for (int k = 1; k <= grid; k++) {
            double x = xs[k];
            double dx = ds[k];
            double fx = f.value(x);
            requireContinuous(f, xPrev, x, dPrev, dx, fx - fPrev, scale);
            if (dPrev < 0 && dx >= 0 || dPrev > 0 && dx <= 0) {
                boolean isMin = dPrev < 0;
                double root;
                if (dx == 0) {
                    // exact zero at the grid point: classify by the next sign change, record the point itself
                    root = x;
                } else {
                    root = brent.solve(10_000, f::derivative, xPrev, x);
                    requireZero(f, root, xPrev, x, dPrev, dx);
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
            fPrev = fx;
        }
        if (ds[grid] < 0 || ds[grid] == 0 && firstNonZero(ds, -1) < 0) {
            mins.add(hi);
        }
        Resolution1D.check(f, xs, ds);
        if (mins.isEmpty()) {
            throw LandscapeRefusal.of(f, "has no minimum in [" + fmt(lo) + ", " + fmt(hi) + "]");
        }
        // a maximum exactly at an end is a field boundary, not an interior maximum
        maxs.removeIf(m -> m <= lo || m >= hi);
        return new CriticalPoints1D(toArray(mins), toArray(maxs), lo, hi);
    }

    /** @return f(x), after checking that the value and the derivative are finite at x */
    private static double requireFinite(Landscape1D f, double x, Domain.Interval d) {
        double v = f.value(x);
        String what = !Double.isFinite(v) ? "value" : !Double.isFinite(f.derivative(x)) ? "derivative" : null;
        if (what != null) {
            throw LandscapeRefusal.of(f, "the " + what + " is not finite at x = " + fmt(x) + " (inside ["
                    + fmt(d.lo()) + ", " + fmt(d.hi()) + "])");
        }
        return v;
    }

    /**
     * A cell where f' has one strict sign at both ends but f moves the other way holds a pole, a jump, or a
     * minimum and a maximum narrower than the cell; none can be analysed on this grid. The tolerance, 1e-9 of the
     * largest |f| on the grid, is far above the rounding of any formula.
     */
    private static void requireContinuous(Landscape1D f, double a, double b, double da, double db, double change,
                                          double scale) {
        double tol = 1e-9 * scale;
        if (da > 0 && db > 0 && change < -tol || da < 0 && db < 0 && change > tol) {
            throw LandscapeRefusal.of(f, "f' is " + (da > 0 ? "> 0" : "< 0") + " at both x = " + fmt(a) + " and "
                    + fmt(b) + " but f " + (da > 0 ? "decreases" : "increases") + " between them (a pole, a jump, or "
                    + "features narrower than the grid cell " + fmt(b - a) + ")");
        }
    }

    /**
     * At a true zero of a continuous f' inside (a, b), |f'| is below its values at the ends; a sign change through
     * a pole or a jump of f' leaves |f'(root)| above them.
     */
    private static void requireZero(Landscape1D f, double root, double a, double b, double da, double db) {
        double dr = f.derivative(root);
        if (!(Math.abs(dr) <= Math.max(Math.abs(da), Math.abs(db)))) {
            throw LandscapeRefusal.of(f, "f' changes sign between x = " + fmt(a) + " and " + fmt(b) + " through "
                    + "a pole or a jump (f'(" + fmt(root) + ") = " + fmt(dr) + "), not through a zero");
        }
    }

    /**
     * @param ds derivatives on the grid
     * @param dir 1: scan from the lower end, -1: from the upper end
     * @return the first non-zero derivative in that direction (0 if all are 0): an end where f' = 0 is a minimum
     *     of the projected flow when f rises away from it
     */
    private static double firstNonZero(double[] ds, int dir) {
        for (int i = 0; i < ds.length; i++) {
            double v = ds[dir > 0 ? i : ds.length - 1 - i];
            if (v != 0) {
                return v;
            }
        }
        return 0;
    }

    private static String fmt(double v) {
        return LandscapeRefusal.fmt(v);
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
