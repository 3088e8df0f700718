package org.htsgd.core.analysis;

import java.util.Arrays;
import org.htsgd.core.landscape.Landscape1D;

/**
 * Whether the grid of {@link CriticalPoints1D} resolves a landscape: a grid sees the sign of \(f'\) only at its
 * points, so a minimum and a maximum narrower than a cell are missed or taken for one critical point (\(x^4 - x^2\)
 * on \([-10^{10}, 10^{10}]\) has cells of width \(10^6\) and three critical points within one of them). Three
 * checks, each refusing with {@link IllegalArgumentException} rather than letting a wrong answer through:
 * <ul>
 *   <li><b>flat stretches</b>: \(f' = 0\) at two neighbouring grid points is a flat region, whose minima are not
 *       isolated (or a constant, which has none);</li>
 *   <li><b>inside each sign change</b>: the cell where \(f'\) changes sign is sampled at {@value #SUB} interior
 *       points, recursively into the sub-cell of the change down to a width of about 1e-10 of \(|x|\) (at most
 *       {@value #MAX_DEPTH} levels); more than one sign change is a cluster of critical points the grid cannot
 *       separate;</li>
 *   <li><b>near the origin</b>: formulas are usually written at unit scale, so when the grid cell is wider than
 *       1e-3 the points \(\pm 10^{j/32}\) from 1e-3 to the domain's ends are added; a cell where they show a sign
 *       change its ends do not see holds features narrower than the cell.</li>
 * </ul>
 * A feature narrower than a cell, away from the sign changes and from the origin's unit scale, can still be missed:
 * no finite sampling sees everything; the checks cover where features hide in practice.
 */
final class Resolution1D {
    /** Interior points sampled in a cell. */
    static final int SUB = 16;
    /** Deepest recursion into a sign change. */
    static final int MAX_DEPTH = 40;
    /** Points per decade of the logarithmic grid around the origin. */
    private static final int PER_DECADE = 32;
    /** Smallest magnitude of the logarithmic grid, and the cell width from which it is used. */
    private static final double UNIT_FEATURE = 1e-3;

    private Resolution1D() {
    }

    /**
     * @param f the landscape
     * @param xs the grid, increasing
     * @param ds \(f'\) at the grid points
     * @throws IllegalArgumentException naming where the grid cannot resolve the landscape
     */
    static void check(Landscape1D f, double[] xs, double[] ds) {
        int n = xs.length;
        double h = (xs[n - 1] - xs[0]) / (n - 1);
        for (int k = 0; k + 1 < n; k++) {
            if (ds[k] == 0 && ds[k + 1] == 0) {
                int end = k + 1;
                while (end + 1 < n && ds[end + 1] == 0) {
                    end++;
                }
                if (k == 0 && end == n - 1) {
                    throw LandscapeRefusal.of(f, "has no minimum in [" + fmt(xs[0]) + ", " + fmt(xs[n - 1])
                            + "]: it is constant (f' = 0 at every grid point)");
                }
                throw LandscapeRefusal.of(f, "f' = 0 on the whole stretch [" + fmt(xs[k]) + ", " + fmt(xs[end])
                        + "]: a flat region, whose minima are not isolated");
            }
        }
        int last = -1;
        for (int k = 0; k < n; k++) {
            if (ds[k] == 0) {
                continue;
            }
            if (last >= 0 && Math.signum(ds[k]) != Math.signum(ds[last])) {
                refine(f, xs[last], xs[k], h, 0);
            }
            last = k;
        }
        if (h > UNIT_FEATURE) {
            checkNearOrigin(f, xs, ds, h);
        }
    }

    /** Samples (a, b), where f' changes sign once at the ends, and descends into the sub-cell of the change. */
    private static void refine(Landscape1D f, double a, double b, double h, int depth) {
        double[] x = new double[SUB + 2];
        double[] d = new double[SUB + 2];
        for (int i = 0; i <= SUB + 1; i++) {
            x[i] = i == SUB + 1 ? b : a + (b - a) * i / (SUB + 1);
            d[i] = derivative(f, x[i]);
        }
        int changes = 0;
        int before = -1;
        int after = -1;
        int prev = -1;
        for (int i = 0; i < x.length; i++) {
            if (d[i] == 0) {
                continue;
            }
            if (prev >= 0 && Math.signum(d[i]) != Math.signum(d[prev])) {
                changes++;
                before = prev;
                after = i;
            }
            prev = i;
        }
        if (changes > 1) {
            throw unresolved(f, a, b, changes, 1, h);
        }
        if (changes == 0) {
            return;
        }
        double w = x[after] - x[before];
        boolean fineEnough = w <= 1e-10 * Math.max(1, Math.max(Math.abs(a), Math.abs(b))) || w >= 0.5 * (b - a);
        if (depth < MAX_DEPTH && !fineEnough) {
            refine(f, x[before], x[after], h, depth + 1);
        }
    }

    /** Adds the points +-10^(j/32) from 1e-3 to the domain's ends and compares each cell's signs with its ends'. */
    private static void checkNearOrigin(Landscape1D f, double[] xs, double[] ds, double h) {
        double lo = xs[0];
        double hi = xs[xs.length - 1];
        double top = Math.max(Math.abs(lo), Math.abs(hi));
        int jMax = (int) Math.ceil(PER_DECADE * Math.log10(top / UNIT_FEATURE));
        double[] pts = new double[2 * (jMax + 1)];
        int m = 0;
        for (int j = 0; j <= jMax; j++) {
            double r = UNIT_FEATURE * Math.pow(10, (double) j / PER_DECADE);
            for (double p : new double[] {-r, r}) {
                if (p > lo && p < hi) {
                    pts[m++] = p;
                }
            }
        }
        pts = Arrays.copyOf(pts, m);
        Arrays.sort(pts);
        int i = 0;
        while (i < m) {
            // the cell [xs[k], xs[k+1]] holding pts[i], and the points inside it
            int k = Arrays.binarySearch(xs, pts[i]);
            if (k >= 0) {
                i++;
                continue;
            }
            k = -k - 2;
            int j = i;
            while (j < m && pts[j] < xs[k + 1]) {
                j++;
            }
            double sign = Math.signum(ds[k]);
            int changes = 0;
            for (int q = i; q <= j; q++) {
                double s = Math.signum(q == j ? ds[k + 1] : derivative(f, pts[q]));
                if (s != 0) {
                    if (sign != 0 && s != sign) {
                        changes++;
                    }
                    sign = s;
                }
            }
            int ends = ds[k] * ds[k + 1] < 0 ? 1 : 0;
            if (changes > Math.max(1, ends) || changes == 1 && ends == 0 && ds[k] != 0 && ds[k + 1] != 0) {
                throw unresolved(f, xs[k], xs[k + 1], changes, ends, h);
            }
            i = j;
        }
    }

    private static double derivative(Landscape1D f, double x) {
        double d = f.derivative(x);
        if (!Double.isFinite(d)) {
            throw LandscapeRefusal.of(f, "the derivative is not finite at x = " + fmt(x) + " (between two grid "
                    + "points; a pole?)");
        }
        return d;
    }

    private static IllegalArgumentException unresolved(Landscape1D f, double a, double b, int changes, int ends,
                                                       double h) {
        return LandscapeRefusal.of(f, "the grid cannot resolve the landscape: f' changes sign " + changes
                + " times between x = " + fmt(a) + " and " + fmt(b) + " where the grid (cell " + fmt(h) + ") sees "
                + ends + " sign change" + (ends == 1 ? "" : "s") + "; give a narrower domain");
    }

    private static String fmt(double v) {
        return LandscapeRefusal.fmt(v);
    }
}
