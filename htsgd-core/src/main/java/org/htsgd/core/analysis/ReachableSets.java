package org.htsgd.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.htsgd.core.validation.Require;

/**
 * The reachable sets \(G^{(k)|b}\) of S4 (paper.md §2.6) on a {@link FlowGrid}, and from them the jump number
 * \(J_b = \min\{k \ge 1 : G^{(k)|b} \cap I^c \ne \emptyset\}\) of every attraction field \(I\).
 *
 * <p><b>Recursion.</b> \(G^{(0)}\) is the minimiser set; between jumps the flow runs for any time \(\ge 0\), so
 * \(G^{(k)} = \mathcal F\big((G^{(k-1)} \oplus B_b) \cap D\big)\), the union of the forward orbits (\(\mathcal F\))
 * of the \(b\)-dilation clipped to the domain \(D\) (the projection \(\varphi_L\) onto a convex \(D\) maps
 * \(G \oplus B_b\) onto \((G \oplus B_b)\cap D\) for \(G \subset D\)). The flow never crosses a field boundary, so
 * \(G^{(k)}\) first meets \(I^c\) at a dilation. On the grid: dilation = threshold of the exact distance transform of
 * the cell centres ({@link DistanceTransform}); orbit closure = the dilated cells plus the cells entered by the
 * exact orbit ({@link GradientFlow#trace}) of each dilated cell's representative point, followed until it enters a
 * cell already in the set (whose own orbit is, or will be, followed) or leaves the field's cells.
 *
 * <p><b>Error bound.</b> With cell diagonal \(\delta\), the <em>inner</em> sets use jump radius \(b - \delta\): then
 * every point of a dilated cell is within \(b\) of a point of the true set that the previous cell meets, so each
 * inner cell meets the true \(G^{(k)}\) and the inner sets give an <em>upper</em> estimate of \(J_b\). The
 * <em>outer</em> sets use \(b + \delta\) (covering every point within \(b\) of any point of an outer cell) and give
 * a <em>lower</em> estimate. Every marked inner cell meets a true orbit (the closure marks only cells crossed by
 * orbits from points of the set), so the inner sets are exact up to the flow integration and the cell labels near
 * a field boundary; the outer sets follow the orbits of cell centres only (an orbit from elsewhere in a cell may
 * part from them where the flow expands). When the two estimates agree the jump number is reported, else
 * {@link JumpNumber#UNRESOLVED}. Cost per field and jump: one distance transform, \(O(n^d)\), and one orbit per
 * newly dilated cell, most of them a few steps long.
 */
public final class ReachableSets {
    /** The grid. */
    private final FlowGrid grid;

    /** The result of one recursion with given jump radii. */
    private record Run(int exitJump, boolean[] reached, double contact, int exitCell, int fromCell) {
    }

    private ReachableSets(FlowGrid grid) {
        this.grid = grid;
    }

    /**
     * @param grid the flow grid
     * @return the reachable-set calculator
     * @throws IllegalArgumentException if grid is null
     */
    public static ReachableSets of(FlowGrid grid) {
        return new ReachableSets(Require.nonNull(grid, "flow grid"));
    }

    /** @return the grid */
    public FlowGrid grid() {
        return grid;
    }

    /**
     * @param b truncation threshold, {@code > b_min = \delta} (the cell diagonal), possibly {@code +inf}
     * @return the jump number of every field, in field order
     * @throws IllegalArgumentException if b is NaN, not above the cell diagonal
     */
    public List<JumpNumber> jumpNumbers(double b) {
        List<JumpNumber> out = new ArrayList<>();
        for (int i = 0; i < grid.fieldCount(); i++) {
            out.add(jumpNumber(i, b));
        }
        return out;
    }

    /**
     * @param field a field index
     * @param b truncation threshold (see {@link #jumpNumbers})
     * @return its jump number with the exit point, the reached fields and the contractivity check
     * @throws IllegalArgumentException if b is bad or field is out of range
     */
    public JumpNumber jumpNumber(int field, double b) {
        checkB(b);
        Require.inRange(field, 0, grid.fieldCount() - 1, "field");
        double delta = grid.grid().cellDiagonal();
        Run outer = run(field, k -> b + delta, Integer.MAX_VALUE);
        Run inner = run(field, k -> b - delta, Integer.MAX_VALUE);
        double r = distanceToComplement(field);
        int radiusJumps = r == Double.POSITIVE_INFINITY ? JumpNumber.NO_EXIT : (int) Math.max(1, Math.ceil(r / b));
        int jumps = outer.exitJump == inner.exitJump ? inner.exitJump : JumpNumber.UNRESOLVED;
        double[] exitPoint = null;
        double[] exitFrom = null;
        int exitField = -1;
        if (inner.exitCell >= 0) {
            exitPoint = new double[grid.grid().dimension()];
            exitFrom = new double[exitPoint.length];
            grid.grid().centre(inner.exitCell, exitPoint);
            grid.grid().centre(inner.fromCell, exitFrom);
            exitField = grid.label(inner.exitCell);
        }
        double[] contraction = Contraction.check(grid, field);
        return new JumpNumber(field, b, jumps, outer.exitJump, inner.exitJump, delta, r, radiusJumps, inner.contact,
            exitPoint, exitFrom, exitField, indices(inner.reached), indices(outer.reached), contraction[0] == 0,
            contraction[1] == 0 ? 0 : contraction[0] / contraction[1]);
    }

    /**
     * A radius \(\rho\) such that no path with \(J\) jumps leaves the field if one of its first \(J - 1\) jumps is
     * shorter than \(\rho\) and the others are at most \(b\): the largest of \(b/2, b/4, \dots \ge \delta/8\) for
     * which the outer recursion with radius \(\rho + \delta\) at one of the positions \(1..J-1\) and \(b + \delta\)
     * at the others stays inside for \(J\) jumps. A point within \(\rho\) of the minimiser set is then safe too: it
     * is a jump shorter than \(\rho\) away from it. The Monte Carlo rates sample the jumps before the last from
     * \([\rho, \infty)\) only and stop a waiting time there (paper.md §2.1, eq. 10); the last jump is integrated
     * exactly, so its length is not restricted.
     *
     * @param field the field
     * @param b truncation threshold
     * @param jumps the jump number J of the field, {@code >= 1} (for J = 1 there is nothing to check: b/2)
     * @return \(\rho\), or NaN if none works at this resolution
     */
    public double safeRadius(int field, double b, int jumps) {
        checkB(b);
        Require.positive(jumps, "jumps");
        double delta = grid.grid().cellDiagonal();
        double top = Double.isInfinite(b) ? 2 * grid.grid().radius() : b;
        for (double rho = top / 2; rho >= delta / 8; rho /= 2) {
            boolean safe = true;
            for (int p = 1; p < jumps && safe; p++) {
                final int pos = p;
                final double small = rho + delta;
                safe = run(field, k -> k == pos ? small : b + delta, jumps).exitJump == JumpNumber.NO_EXIT;
            }
            if (safe) {
                return rho;
            }
        }
        return Double.NaN;
    }

    /**
     * @param field a field
     * @return per cell, the distance from its centre to the nearest minimiser cell centre of the field
     */
    public double[] distanceToMinimisers(int field) {
        Grid g = grid.grid();
        double[] dist = new double[g.cells()];
        DistanceTransform.squared(minimiserMask(field), g.perAxis(), g.dimension(), dist, new int[g.cells()]);
        for (int c = 0; c < dist.length; c++) {
            dist[c] = Math.sqrt(dist[c]) * g.spacing();
        }
        return dist;
    }

    /** \(r\): distance from the minimiser cells to the nearest in-domain cell of another field. */
    private double distanceToComplement(int field) {
        double[] dist = distanceToMinimisers(field);
        double r = Double.POSITIVE_INFINITY;
        for (int c = 0; c < dist.length; c++) {
            int l = grid.label(c);
            if (l != FlowGrid.OUTSIDE && l != field) {
                r = Math.min(r, dist[c]);
            }
        }
        return r;
    }

    private boolean[] minimiserMask(int field) {
        boolean[] mask = new boolean[grid.grid().cells()];
        for (int c : grid.minimiserCells(field)) {
            mask[c] = true;
        }
        return mask;
    }

    /** The recursion with jump radius radius(k) for jump k = 1, 2, ..., at most maxJumps jumps. */
    private Run run(int field, IntToDoubleFunction radius, int maxJumps) {
        Grid g = grid.grid();
        int cells = g.cells();
        boolean[] set = minimiserMask(field);
        double[] dist = new double[cells];
        int[] site = new int[cells];
        boolean[] traced = new boolean[cells];
        int[] dilated = new int[cells];
        Orbit orbit = new Orbit(grid, field);
        boolean[] reached = new boolean[grid.fieldCount()];
        for (int k = 1; k <= maxJumps; k++) {
            DistanceTransform.squared(set, g.perAxis(), g.dimension(), dist, site);
            double rho = radius.applyAsDouble(k) / g.spacing();
            double thr = rho * rho;
            double best = Double.POSITIVE_INFINITY;
            int exitCell = -1;
            for (int c = 0; c < cells; c++) {
                int l = grid.label(c);
                if (l != FlowGrid.OUTSIDE && l != field && dist[c] <= thr) {
                    reached[l] = true;
                    if (dist[c] < best) {
                        best = dist[c];
                        exitCell = c;
                    }
                }
            }
            if (exitCell >= 0) {
                return new Run(k, reached, Math.sqrt(best) * g.spacing(), exitCell, site[exitCell]);
            }
            boolean[] next = new boolean[cells];
            int count = 0;
            for (int c = 0; c < cells; c++) {
                next[c] = grid.label(c) == field && dist[c] <= thr;
                if (next[c] && !traced[c]) {
                    dilated[count++] = c;
                }
            }
            // only the dilated cells' own points start orbits: a cell an orbit merely crosses is not a start
            for (int k2 = 0; k2 < count; k2++) {
                traced[dilated[k2]] = true;
                orbit.follow(dilated[k2], next);
            }
            if (Arrays.equals(next, set)) {
                break;
            }
            set = next;
        }
        return new Run(JumpNumber.NO_EXIT, reached, Double.NaN, -1, -1);
    }

    private static int[] indices(boolean[] flags) {
        return java.util.stream.IntStream.range(0, flags.length).filter(i -> flags[i]).toArray();
    }

    private void checkB(double b) {
        Require.positive(b, "b");
        double delta = grid.grid().cellDiagonal();
        if (!(b > delta)) {
            throw new IllegalArgumentException("b is not > the grid's cell diagonal " + delta
                + " (refine the grid): " + b);
        }
    }

    /**
     * Marks the cells the exact orbit of a cell's representative point enters, until it enters a cell already
     * marked (whose own orbit is, or will be, followed from a point of the set), stalls, or leaves the field.
     */
    private static final class Orbit implements GradientFlow.Visitor {
        /** The grid. */
        private final FlowGrid grid;
        /** The field. */
        private final int field;
        /** The point buffer. */
        private final double[] x;
        /** The marks being extended. */
        private boolean[] marks;
        /** The cell the orbit is in. */
        private int current;

        Orbit(FlowGrid grid, int field) {
            this.grid = grid;
            this.field = field;
            this.x = new double[grid.grid().dimension()];
        }

        void follow(int cell, boolean[] marks) {
            this.marks = marks;
            current = cell;
            grid.grid().representative(cell, x);
            grid.flow().trace(x, Double.POSITIVE_INFINITY, this);
        }

        @Override
        public boolean visit(double[] p) {
            int c = grid.grid().cellOf(p);
            if (c == current) {
                return true;
            }
            current = c;
            if (marks[c] || grid.label(c) != field) {
                return false;
            }
            marks[c] = true;
            return true;
        }
    }

    /** The contractivity check (kept apart for size): {violations, checked}. */
    private static final class Contraction {
        private Contraction() {
        }

        static double[] check(FlowGrid grid, int field) {
            Grid g = grid.grid();
            int d = g.dimension();
            int[] mins = grid.minimiserCells(field);
            double[] pts = grid.minimiserSet(field);
            Map<Integer, Integer> index = new HashMap<>();
            boolean[] mask = new boolean[g.cells()];
            for (int j = 0; j < mins.length; j++) {
                index.put(mins[j], j);
                mask[mins[j]] = true;
            }
            double[] dist = new double[g.cells()];
            int[] site = new int[g.cells()];
            DistanceTransform.squared(mask, g.perAxis(), d, dist, site);
            double delta = g.cellDiagonal();
            double[] x = new double[d];
            double[] grad = new double[d];
            double violations = 0;
            double checked = 0;
            for (int c = 0; c < g.cells(); c++) {
                if (grid.label(c) != field || Math.sqrt(dist[c]) * g.spacing() <= 2 * delta) {
                    continue;
                }
                g.representative(c, x);
                grid.landscape().gradient(x, grad);
                int j = index.get(site[c]);
                double dot = 0;
                double na = 0;
                double nv = 0;
                for (int a = 0; a < d; a++) {
                    double v = x[a] - pts[j * d + a];
                    dot -= grad[a] * v;
                    na += grad[a] * grad[a];
                    nv += v * v;
                }
                if (na == 0 || nv == 0) {
                    continue;
                }
                checked++;
                if (dot > 1e-6 * Math.sqrt(na * nv)) {
                    violations++;
                }
            }
            return new double[] {violations, checked};
        }
    }
}
