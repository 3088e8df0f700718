package org.htsgd.core.analysis;

import java.util.function.IntPredicate;
import org.htsgd.core.validation.Require;

/**
 * A cubic grid of \(n^d\) cells covering the cube \([-R, R]^d\) around a ball of radius \(R\) centred at the origin:
 * \(n = \lceil 2R/h\rceil\), spacing \(h' = 2R/n \le h\), centre of cell \((i_0,\dots,i_{d-1})\) at
 * \(-R + (i_k + \tfrac12)h'\), flat index \(\sum_k i_k n^{d-1-k}\) (axis 0 slowest). A cell is <b>in the domain</b>
 * if it meets the closed ball; its <b>representative point</b> is its centre projected onto the ball. Immutable.
 */
public final class Grid {
    /** Radius R. */
    private final double radius;
    /** Dimension d. */
    private final int d;
    /** Cells per axis n. */
    private final int n;
    /** Spacing h'. */
    private final double spacing;
    /** n^d. */
    private final int cells;

    private Grid(double radius, int d, int n) {
        this.radius = radius;
        this.d = d;
        this.n = n;
        this.spacing = 2 * radius / n;
        this.cells = (int) Math.pow(n, d);
    }

    /**
     * @param radius ball radius R, finite and {@code > 0}
     * @param h wanted spacing, finite and {@code > 0}
     * @param d dimension, {@code >= 1}
     * @return the grid
     * @throws IllegalArgumentException on a bad parameter or more than {@link FlowGrid#MAX_CELLS} cells
     */
    public static Grid of(double radius, double h, int d) {
        Require.finitePositive(radius, "domain radius");
        Require.finitePositive(h, "grid spacing h");
        Require.positive(d, "dimension");
        double perAxis = Math.ceil(2 * radius / h);
        double total = Math.pow(perAxis, d);
        if (!(total <= FlowGrid.MAX_CELLS)) {
            throw new IllegalArgumentException("grid spacing h is too small for memory: " + h + " gives " + (long) total
                + " cells in " + d + "-D, more than " + FlowGrid.MAX_CELLS);
        }
        return new Grid(radius, d, (int) perAxis);
    }

    /** @return d */
    public int dimension() {
        return d;
    }

    /** @return n, cells per axis */
    public int perAxis() {
        return n;
    }

    /** @return the spacing \(h'\) */
    public double spacing() {
        return spacing;
    }

    /** @return the cell diagonal \(\delta = h'\sqrt d\) */
    public double cellDiagonal() {
        return spacing * Math.sqrt(d);
    }

    /** @return \(n^d\) */
    public int cells() {
        return cells;
    }

    /** @return the ball radius R */
    public double radius() {
        return radius;
    }

    /** @param cell a cell @param out receives its centre */
    public void centre(int cell, double[] out) {
        int c = cell;
        for (int k = d - 1; k >= 0; k--) {
            out[k] = -radius + (c % n + 0.5) * spacing;
            c /= n;
        }
    }

    /** @param cell a cell @param out receives its centre projected onto the ball */
    public void representative(int cell, double[] out) {
        centre(cell, out);
        double s = 0;
        for (double v : out) {
            s += v * v;
        }
        if (s > radius * radius) {
            double k = radius / Math.sqrt(s);
            for (int i = 0; i < d; i++) {
                out[i] *= k;
            }
        }
    }

    /** @param cell a cell @return whether it meets the closed ball */
    public boolean inDomain(int cell) {
        int c = cell;
        double s = 0;
        for (int k = d - 1; k >= 0; k--) {
            int i = c % n;
            c /= n;
            double lo = -radius + i * spacing;
            double hi = lo + spacing;
            double near = lo > 0 ? lo : (hi < 0 ? -hi : 0);
            s += near * near;
        }
        return s <= radius * radius;
    }

    /** @param x a point @return the cell containing it (coordinates clamped to the cube) */
    public int cellOf(double[] x) {
        int c = 0;
        for (int k = 0; k < d; k++) {
            int i = (int) Math.floor((x[k] + radius) / spacing);
            c = c * n + (i < 0 ? 0 : (i >= n ? n - 1 : i));
        }
        return c;
    }

    /**
     * @param cell a cell
     * @param rho Chebyshev radius
     * @param test applied to every other cell of the grid within Chebyshev distance rho
     * @return whether the test holds for all of them (stops at the first failure)
     */
    public boolean allNeighbours(int cell, int rho, IntPredicate test) {
        int[] idx = new int[d];
        int c = cell;
        for (int k = d - 1; k >= 0; k--) {
            idx[k] = c % n;
            c /= n;
        }
        int side = 2 * rho + 1;
        int total = (int) Math.pow(side, d);
        for (int m = 0; m < total; m++) {
            int q = 0;
            int r = m;
            boolean ok = true;
            for (int k = 0; k < d; k++) {
                int off = r % side - rho;
                r /= side;
                int i = idx[k] + off;
                if (i < 0 || i >= n) {
                    ok = false;
                    break;
                }
                q = q * n + i;
            }
            if (ok && q != cell && !test.test(q)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "Grid[d=" + d + ", R=" + radius + ", n=" + n + ", h'=" + spacing + "]";
    }
}
