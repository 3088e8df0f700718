package org.htsgd.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.htsgd.core.landscape.Domain;
import org.htsgd.core.landscape.Landscape;
import org.htsgd.core.validation.Require;

/**
 * The gradient flow of a \(d\)-dimensional landscape on a cubic grid covering its ball domain, with the attraction
 * fields (basins) and their minimiser sets (paper.md §2.6):
 * <ul>
 *   <li><b>cells</b>: \(n = \lceil 2R/h\rceil\) per axis, spacing \(h' = 2R/n \le h\), cell diagonal
 *       \(\delta = h'\sqrt d\); a cell is in the domain if it meets the ball; its representative point is its centre
 *       projected onto the ball;</li>
 *   <li><b>successors</b>: from each representative point the orbit is traced ({@link GradientFlow#trace}, step
 *       \(h'/4\)) for an arc length of {@value #ARC_CELLS} cells or until it stalls at a minimum; the cell where it
 *       ends is the cell's successor. Following successors is a pseudo-orbit of the flow that snaps to a cell centre
 *       once per {@value #ARC_CELLS} cells of arc (an error of at most \(\delta/2\) per snap), used for the labels
 *       only;</li>
 *   <li><b>minimiser sets</b>: the cycles of the successor map (a stalled trace ends in its own cell), clustered by
 *       cell adjacency, so a segment or curve of minimisers is one set; its points are the stall points of its cells
 *       (cell centres for cells without one);</li>
 *   <li><b>field labels</b>: the minimiser set a cell's successors end in; fields are numbered 0, 1, ... in the
 *       order their first cell appears in the flat (axis 0 slowest) order. {@link #field(double[])} labels a point
 *       accurately: it traces the orbit until it enters a cell whose whole 5<sup>d</sup> neighbourhood carries one
 *       label.</li>
 * </ul>
 * Memory: 5 bytes per cell kept (9 while building); {@link ReachableSets} needs about 30 more per cell while it
 * runs. Grids of more than {@link #MAX_CELLS} cells are refused.
 * Deterministic and immutable after construction.
 */
public final class FlowGrid {
    /** Largest number of cells \(n^d\). */
    public static final int MAX_CELLS = 1 << 22;
    /** Arc length of the trace that defines a cell's successor, in cells. */
    public static final int ARC_CELLS = 8;
    /** Label of a cell outside the domain. */
    public static final int OUTSIDE = -1;

    /** Landscape. */
    private final Landscape f;
    /** Flow integrator, step h'/4. */
    private final GradientFlow flow;
    /** Grid geometry. */
    private final Grid grid;
    /** Field of each cell, {@link #OUTSIDE} off the domain. */
    private final int[] label;
    /** Whether all cells within Chebyshev distance 2 share the label. */
    private final boolean[] certain;
    /** Per field: its minimiser cells. */
    private final int[][] minimiserCells;
    /** Per field: its minimiser points, flattened. */
    private final double[][] minimiserPoints;

    private FlowGrid(Landscape f, Grid grid) {
        this.f = f;
        this.grid = grid;
        this.flow = GradientFlow.of(f, grid.spacing() / 4);
        int cells = grid.cells();
        int d = grid.dimension();
        int[] succ = new int[cells];
        Map<Integer, double[]> stalls = new HashMap<>();
        double[] x = new double[d];
        PathRecorder rec = new PathRecorder(grid);
        for (int c = 0; c < cells; c++) {
            if (!grid.inDomain(c)) {
                succ[c] = OUTSIDE;
                continue;
            }
            grid.representative(c, x);
            rec.reset(c);
            GradientFlow.Stop stop = flow.trace(x, ARC_CELLS * grid.spacing(), rec);
            succ[c] = rec.last;
            if (stop == GradientFlow.Stop.STALL) {
                stalls.put(rec.last, x.clone());
            }
        }
        label = new int[cells];
        List<int[]> sets = Attractors.label(grid, succ, label);
        minimiserCells = sets.toArray(new int[0][]);
        minimiserPoints = new double[sets.size()][];
        for (int k = 0; k < sets.size(); k++) {
            int[] m = sets.get(k);
            double[] pts = new double[m.length * d];
            for (int j = 0; j < m.length; j++) {
                double[] p = stalls.get(m[j]);
                if (p == null) {
                    p = new double[d];
                    grid.representative(m[j], p);
                }
                System.arraycopy(p, 0, pts, j * d, d);
            }
            minimiserPoints[k] = pts;
        }
        certain = new boolean[cells];
        for (int c = 0; c < cells; c++) {
            final int lc = label[c];
            certain[c] = lc != OUTSIDE && grid.allNeighbours(c, 2, q -> label[q] == lc || label[q] == OUTSIDE);
        }
    }

    /**
     * @param f a landscape on a ball (any dimension)
     * @param h grid spacing wanted, finite and {@code > 0} (the actual spacing is \(2R/\lceil 2R/h\rceil \le h\))
     * @return the grid with its paths and fields
     * @throws IllegalArgumentException if the domain is not a ball, h is not finite and positive, or the grid would
     *     have more than {@link #MAX_CELLS} cells
     */
    public static FlowGrid of(Landscape f, double h) {
        Require.nonNull(f, "landscape");
        Require.finitePositive(h, "grid spacing h");
        if (!(f.domain() instanceof Domain.Ball ball)) {
            throw new IllegalArgumentException("landscape domain is not a ball: " + f.domain());
        }
        return new FlowGrid(f, Grid.of(ball.radius(), h, f.dimension()));
    }

    /** @return the landscape */
    public Landscape landscape() {
        return f;
    }

    /** @return the flow integrator (step \(h'/4\)) */
    public GradientFlow flow() {
        return flow;
    }

    /** @return the grid geometry */
    public Grid grid() {
        return grid;
    }

    /** @return the number of attraction fields */
    public int fieldCount() {
        return minimiserCells.length;
    }

    /** @param cell a cell @return its field, or {@link #OUTSIDE} */
    public int label(int cell) {
        return label[cell];
    }

    /**
     * @param point a point (not modified; projected onto the domain first)
     * @return its field: the label of the first cell with a uniform 5<sup>d</sup> neighbourhood its orbit enters
     */
    public int field(double[] point) {
        if (f.domain().contains(point)) {
            int c = grid.cellOf(point);
            if (certain[c]) {
                return label[c]; // allocation-free: the per-step labeller of the simulations takes this path
            }
        }
        double[] x = point.clone();
        f.domain().project(x);
        int c0 = grid.cellOf(x);
        if (certain[c0]) {
            return label[c0];
        }
        flow.trace(x, Double.POSITIVE_INFINITY, p -> !certain[grid.cellOf(p)]);
        int c = grid.cellOf(x);
        return label[c] == OUTSIDE ? label[c0] : label[c];
    }

    /** @param i a field @return its minimiser cells (copy) */
    public int[] minimiserCells(int i) {
        return minimiserCells[i].clone();
    }

    /** @param i a field @return its minimiser set: stall points (or centres) of its minimiser cells, flattened */
    public double[] minimiserSet(int i) {
        return minimiserPoints[i].clone();
    }

    /**
     * @param i a field
     * @return the representative minimiser: the point of the set with the lowest \(f\), ties (within 1e-12) broken
     *     towards the set's centroid (the rule of {@link Fields2D})
     */
    public double[] minimiser(int i) {
        int d = grid.dimension();
        double[] pts = minimiserPoints[i];
        int k = pts.length / d;
        double[] centroid = new double[d];
        for (int j = 0; j < k; j++) {
            for (int a = 0; a < d; a++) {
                centroid[a] += pts[j * d + a] / k;
            }
        }
        double[] p = new double[d];
        double[] best = null;
        double bestF = Double.POSITIVE_INFINITY;
        double bestD = Double.POSITIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            System.arraycopy(pts, j * d, p, 0, d);
            double v = f.value(p);
            double dist = 0;
            for (int a = 0; a < d; a++) {
                dist += (p[a] - centroid[a]) * (p[a] - centroid[a]);
            }
            if (v < bestF - 1e-12 || Math.abs(v - bestF) <= 1e-12 && dist < bestD) {
                best = p.clone();
                bestF = Math.min(v, bestF);
                bestD = dist;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "FlowGrid[" + f.name() + ", d=" + grid.dimension() + ", n=" + grid.perAxis() + ", h'="
            + grid.spacing() + ", fields=" + fieldCount() + "]";
    }

    /** Tracks the cell a trace is in. */
    private static final class PathRecorder implements GradientFlow.Visitor {
        /** Geometry. */
        private final Grid grid;
        /** Current cell. */
        private int last;

        PathRecorder(Grid grid) {
            this.grid = grid;
        }

        void reset(int start) {
            last = start;
        }

        @Override
        public boolean visit(double[] p) {
            last = grid.cellOf(p);
            return true;
        }
    }

    /** Successor cycles, their clusters and the labels (split off to keep each class small). */
    private static final class Attractors {
        private Attractors() {
        }

        /** Fills label and returns the minimiser cells of each field in field order. */
        static List<int[]> label(Grid grid, int[] succ, int[] label) {
            int cells = succ.length;
            int[] state = new int[cells];
            boolean[] cycle = new boolean[cells];
            int[] stack = new int[cells];
            for (int c = 0; c < cells; c++) {
                int top = 0;
                int v = c;
                while (v != OUTSIDE && state[v] == 0) {
                    state[v] = 1;
                    stack[top++] = v;
                    v = succ[v];
                }
                if (v != OUTSIDE && state[v] == 1) {
                    for (int k = top - 1; k >= 0; k--) {
                        cycle[stack[k]] = true;
                        if (stack[k] == v) {
                            break;
                        }
                    }
                }
                for (int k = 0; k < top; k++) {
                    state[stack[k]] = 2;
                }
            }
            int[] parent = new int[cells];
            for (int c = 0; c < cells; c++) {
                parent[c] = c;
            }
            for (int c = 0; c < cells; c++) {
                if (cycle[c]) {
                    final int cc = c;
                    grid.allNeighbours(c, 1, q -> {
                        if (cycle[q]) {
                            parent[SingleLinkage.find(parent, q)] = SingleLinkage.find(parent, cc);
                        }
                        return true;
                    });
                }
            }
            // raw label = root of the cycle cluster; then renumber in order of first appearance
            Arrays.fill(label, Integer.MIN_VALUE);
            for (int c = 0; c < cells; c++) {
                if (succ[c] == OUTSIDE) {
                    label[c] = OUTSIDE;
                    continue;
                }
                int top = 0;
                int v = c;
                while (label[v] == Integer.MIN_VALUE && !cycle[v]) {
                    stack[top++] = v;
                    v = succ[v];
                }
                int l = cycle[v] ? SingleLinkage.find(parent, v) : label[v];
                label[v] = l;
                for (int k = 0; k < top; k++) {
                    label[stack[k]] = l;
                }
            }
            Map<Integer, Integer> order = new HashMap<>();
            List<List<Integer>> members = new ArrayList<>();
            for (int c = 0; c < cells; c++) {
                if (label[c] == OUTSIDE) {
                    continue;
                }
                Integer id = order.get(label[c]);
                if (id == null) {
                    id = order.size();
                    order.put(label[c], id);
                    members.add(new ArrayList<>());
                }
                label[c] = id;
                if (cycle[c]) {
                    members.get(id).add(c);
                }
            }
            List<int[]> sets = new ArrayList<>();
            for (List<Integer> m : members) {
                sets.add(m.stream().mapToInt(Integer::intValue).toArray());
            }
            return sets;
        }
    }
}
