package org.htsgd.core.analysis;

import java.util.ArrayList;
import java.util.List;
import org.htsgd.core.landscape.Domain;
import org.htsgd.core.landscape.Landscape;

/**
 * Minima and attraction fields of a 2-D landscape on its domain, found numerically:
 * <ul>
 *   <li><b>minima</b>: projected gradient flow \(\dot x = -\nabla f(x)\), followed by projected gradient descent
 *       \(x \leftarrow \varphi_L(x - h\nabla f(x))\) with step length capped at {@code maxStep}, from every point of a
 *       square grid inside the domain (an end point that a kick of 1e-3 lets descend further is a saddle and is
 *       replaced by where the kicked flow ends); the end points are clustered by single linkage at distance {@code merge}, so a
 *       minimiser that is a whole set (the segment of the modified Himmelblau's \(\Omega_2\)) is one cluster;</li>
 *   <li><b>field label</b> of a point: follow the flow to its end and take the cluster with the nearest member;</li>
 *   <li><b>radius</b> of a field: \(r_i = \mathrm{dist}(m_i, \Omega_i^c)\) (S4: \(J_b = \lceil r/b\rceil\) for
 *       contractive drift), estimated on {@code rays} rays from the representative minimiser \(m_i\) (the cluster
 *       member with the lowest \(f\), ties broken towards the cluster's centroid) by marching outward in steps of
 *       {@code dr} until the label changes and refining by bisection; points outside the domain are never an exit
 *       (the iterates are projected back), so a ray that leaves the domain first contributes \(+\infty\).</li>
 * </ul>
 * Deterministic, single-threaded. Indices are 0-based in the order the clusters were found (grid order).
 *
 * <p>Refusals ({@link IllegalArgumentException}, message "&lt;landscape&gt;: &lt;reason&gt;"), so that an analysis
 * either finishes within seconds or says why it cannot: a value or gradient that is not finite at a point of a
 * {@value #CHECK_GRID} x {@value #CHECK_GRID} grid over the disc, or anywhere a descent goes (a pole, log of a
 * negative number, an overflow); a gradient that is 0 on the whole check grid (a constant has no minimum); and a
 * multi-start search whose descents do not settle within {@value #MAX_WORK_PER_START} descent steps per start point
 * on average, or whose steps are lost to rounding (a disc so large that \(x - h\nabla f\) rounds to \(x\)).
 */
public final class Fields2D {
    /** The landscape. */
    private final Landscape f;
    /** Distance to a known minimiser at which a labelling flow stops. */
    private static final double NEAR = 0.02;
    /** Points per axis of the grid on which the value and gradient must be finite. */
    public static final int CHECK_GRID = 201;
    /**
     * Descent steps the multi-start search may take per start point on average before it gives up (the modified
     * Himmelblau needs about 1,700; 8,000 per point on a 41 x 41 grid is a few seconds of work).
     */
    public static final long MAX_WORK_PER_START = 8_000L;
    /** Descent step h. */
    private final double h;
    /** Maximum step length per iteration. */
    private final double maxStep;
    /** Merge distance of clusters. */
    private final double merge;
    /** Members of each cluster (flattened x,y pairs). */
    private final List<double[]> clusters;
    /** Representative minimiser of each cluster. */
    private final double[][] representatives;
    /** Descent steps left for the multi-start search ({@code Long.MAX_VALUE} after construction). */
    private long budget = Long.MAX_VALUE;

    private Fields2D(Landscape f, double h, double maxStep, double merge, List<double[]> clusters) {
        this.f = f;
        this.h = h;
        this.maxStep = maxStep;
        this.merge = merge;
        this.clusters = clusters;
        this.representatives = new double[clusters.size()][];
        double[] p = new double[2];
        for (int c = 0; c < clusters.size(); c++) {
            double[] m = clusters.get(c);
            int k = m.length / 2;
            double cx = 0;
            double cy = 0;
            for (int j = 0; j < k; j++) {
                cx += m[2 * j] / k;
                cy += m[2 * j + 1] / k;
            }
            int best = 0;
            double bestF = Double.POSITIVE_INFINITY;
            double bestD = Double.POSITIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                p[0] = m[2 * j];
                p[1] = m[2 * j + 1];
                double v = f.value(p);
                double d = Math.hypot(p[0] - cx, p[1] - cy);
                if (v < bestF - 1e-12 || Math.abs(v - bestF) <= 1e-12 && d < bestD) {
                    best = j;
                    bestF = Math.min(v, bestF);
                    bestD = d;
                }
            }
            representatives[c] = new double[] {m[2 * best], m[2 * best + 1]};
        }
    }

    /**
     * @param f a 2-D landscape on a ball
     * @param grid grid points per axis for the multi-start search (e.g. 41)
     * @return the fields
     * @throws IllegalArgumentException if the landscape is not 2-D on a ball or {@code grid < 3}
     */
    public static Fields2D of(Landscape f, int grid) {
        if (f.dimension() != 2 || !(f.domain() instanceof Domain.Ball)) {
            throw new IllegalArgumentException("landscape is not 2-D on a ball: " + f);
        }
        if (grid < 3) {
            throw new IllegalArgumentException("grid is not >= 3: " + grid);
        }
        double spacing = 2 * ((Domain.Ball) f.domain()).radius() / (grid - 1);
        return of(f, grid, 0.01, 0.05, Math.max(0.25, 1.5 * spacing));
    }

    /**
     * @param f a 2-D landscape on a ball
     * @param grid grid points per axis
     * @param h descent step
     * @param maxStep cap on the length of one descent step
     * @param merge single-linkage distance for clustering end points
     * @return the fields
     * @throws IllegalArgumentException on bad arguments
     */
    public static Fields2D of(Landscape f, int grid, double h, double maxStep, double merge) {
        if (f.dimension() != 2 || !(f.domain() instanceof Domain.Ball)) {
            throw new IllegalArgumentException("landscape is not 2-D on a ball: " + f);
        }
        if (grid < 3) {
            throw new IllegalArgumentException("grid is not >= 3: " + grid);
        }
        if (!(h > 0 && maxStep > 0 && merge > 0)) {
            throw new IllegalArgumentException("h, maxStep and merge are not all > 0: " + h + ", " + maxStep + ", "
                    + merge);
        }
        double r = ((Domain.Ball) f.domain()).radius();
        requireAnalysable(f, r);
        Fields2D tmp = new Fields2D(f, h, maxStep, merge, List.of());
        tmp.budget = MAX_WORK_PER_START * grid * grid;
        List<double[]> ends = new ArrayList<>();
        List<double[]> verified = new ArrayList<>();
        double[] x = new double[2];
        for (int i = 0; i < grid; i++) {
            for (int j = 0; j < grid; j++) {
                x[0] = -r + 2 * r * i / (grid - 1);
                x[1] = -r + 2 * r * j / (grid - 1);
                if (!f.domain().contains(x)) {
                    continue;
                }
                tmp.descend(x, 1e-10, 20_000, false);
                // the saddle check costs 8 descents: skip it near an end point already verified to be a minimum
                boolean known = false;
                for (double[] v : verified) {
                    if (Math.hypot(v[0] - x[0], v[1] - x[1]) < 1e-3) {
                        known = true;
                        break;
                    }
                }
                if (!known) {
                    tmp.escapeSaddle(x);
                    verified.add(x.clone());
                }
                ends.add(x.clone());
            }
        }
        // single-linkage clustering by union-find
        int n = ends.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.hypot(ends.get(i)[0] - ends.get(j)[0], ends.get(i)[1] - ends.get(j)[1]) < merge) {
                    parent[find(parent, i)] = find(parent, j);
                }
            }
        }
        List<Integer> roots = new ArrayList<>();
        List<List<double[]>> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int root = find(parent, i);
            int c = roots.indexOf(root);
            if (c < 0) {
                roots.add(root);
                members.add(new ArrayList<>());
                c = roots.size() - 1;
            }
            members.get(c).add(ends.get(i));
        }
        List<double[]> clusters = new ArrayList<>();
        for (List<double[]> m : members) {
            double[] flat = new double[2 * m.size()];
            for (int k = 0; k < m.size(); k++) {
                flat[2 * k] = m.get(k)[0];
                flat[2 * k + 1] = m.get(k)[1];
            }
            clusters.add(flat);
        }
        return new Fields2D(f, h, maxStep, merge, clusters);
    }

    /**
     * Refuses a landscape whose value or gradient is not finite somewhere on a {@value #CHECK_GRID}-point grid over
     * the disc, or whose gradient is 0 on all of it.
     */
    private static void requireAnalysable(Landscape f, double r) {
        double[] x = new double[2];
        double[] g = new double[2];
        boolean flat = true;
        for (int i = 0; i < CHECK_GRID; i++) {
            for (int j = 0; j < CHECK_GRID; j++) {
                x[0] = -r + 2 * r * i / (CHECK_GRID - 1);
                x[1] = -r + 2 * r * j / (CHECK_GRID - 1);
                if (f.domain().contains(x)) {
                    requireFinite(f, x, g, r);
                    flat &= g[0] == 0 && g[1] == 0;
                }
            }
        }
        if (flat) {
            throw LandscapeRefusal.of(f, "has no minimum in the disc of radius " + fmt(r) + ": it is constant "
                    + "(gradient 0 at every point of a " + CHECK_GRID + " x " + CHECK_GRID + " grid)");
        }
    }

    /** @return f(x), with its gradient in g, after checking that both are finite */
    private static double requireFinite(Landscape f, double[] x, double[] g, double r) {
        double v = f.value(x);
        f.gradient(x, g);
        String what = !Double.isFinite(v) ? "value" : !(Double.isFinite(g[0]) && Double.isFinite(g[1]))
                ? "gradient" : null;
        if (what != null) {
            throw LandscapeRefusal.of(f, "the " + what + " is not finite at (" + fmt(x[0]) + ", " + fmt(x[1])
                    + ") (inside the disc of radius " + fmt(r) + ")");
        }
        return v;
    }

    private static String fmt(double v) {
        return LandscapeRefusal.fmt(v);
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            p[i] = p[p[i]];
            i = p[i];
        }
        return i;
    }

    /**
     * Projected gradient descent in place with step halving on any increase of f (so the kinks of piecewise
     * landscapes, e.g. \(|y - a_y|^{1.1}\), cannot make it oscillate); stops when a step is shorter than tol or, if
     * {@code stopNear} is set, when within {@link #NEAR} of a known minimiser.
     */
    private void descend(double[] x, double tol, int maxIter, boolean stopNear) {
        double[] g = new double[2];
        double[] t = new double[2];
        double step = h;
        double radius = ((Domain.Ball) f.domain()).radius();
        double fx = requireFinite(f, x, g, radius);
        for (int it = 0; it < maxIter; it++) {
            if (stopNear && (it & 15) == 0 && nearest(x)[1] < NEAR) {
                return;
            }
            if (--budget < 0) {
                throw LandscapeRefusal.of(f, "the search for minima did not settle: its descents took more than "
                        + MAX_WORK_PER_START + " steps per start point (the last at (" + fmt(x[0]) + ", "
                        + fmt(x[1]) + ")); the minima are not isolated, or the disc is too large for descent steps "
                        + "of at most " + fmt(maxStep));
            }
            f.gradient(x, g);
            if (!(Double.isFinite(g[0]) && Double.isFinite(g[1]))) {
                requireFinite(f, x, g, radius);
            }
            double gl = Math.hypot(g[0], g[1]);
            if (gl == 0) {
                return;
            }
            while (true) {
                double len = Math.min(step * gl, maxStep);
                t[0] = x[0] - len * g[0] / gl;
                t[1] = x[1] - len * g[1] / gl;
                if (t[0] == x[0] && t[1] == x[1] && len >= 1e3 * tol) {
                    throw LandscapeRefusal.of(f, "at (" + fmt(x[0]) + ", " + fmt(x[1]) + ") a descent step of "
                            + fmt(len) + " is lost to rounding: the disc of radius " + fmt(radius) + " is too large "
                            + "to find the minima; give a smaller R");
                }
                f.domain().project(t);
                double ft = f.value(t);
                if (ft <= fx) {
                    double moved = Math.hypot(t[0] - x[0], t[1] - x[1]);
                    x[0] = t[0];
                    x[1] = t[1];
                    fx = ft;
                    step = Math.min(h, step * 1.5);
                    if (moved < tol) {
                        return;
                    }
                    break;
                }
                step *= 0.5;
                if (!(step * gl >= tol)) {
                    return;
                }
            }
        }
    }

    /**
     * Kicks an end point by 1e-3 in 8 directions and descends again; if that lowers f, the end point was a saddle
     * (or a maximum) and the lower end point replaces it. Repeats until no kick helps.
     */
    private void escapeSaddle(double[] x) {
        double[] t = new double[2];
        boolean moved = true;
        for (int round = 0; moved && round < 20; round++) {
            moved = false;
            double fx = f.value(x);
            for (int k = 0; k < 8; k++) {
                double th = Math.PI * k / 4;
                t[0] = x[0] + 1e-3 * Math.cos(th);
                t[1] = x[1] + 1e-3 * Math.sin(th);
                f.domain().project(t);
                descend(t, 1e-10, 20_000, false);
                if (f.value(t) < fx - 1e-9 * (1 + Math.abs(fx)) && Math.hypot(t[0] - x[0], t[1] - x[1]) > 1e-2) {
                    x[0] = t[0];
                    x[1] = t[1];
                    moved = true;
                    break;
                }
            }
        }
    }

    /** @return {nearest cluster index, distance} */
    private double[] nearest(double[] x) {
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int c = 0; c < clusters.size(); c++) {
            double[] m = clusters.get(c);
            for (int k = 0; k < m.length; k += 2) {
                double d = Math.hypot(x[0] - m[k], x[1] - m[k + 1]);
                if (d < bestD) {
                    bestD = d;
                    best = c;
                }
            }
        }
        return new double[] {best, bestD};
    }

    /** @return the number of fields */
    public int size() {
        return clusters.size();
    }

    /** @param i field @return the representative minimiser (copy) */
    public double[] minimiser(int i) {
        return representatives[i].clone();
    }

    /** @param i field @return all flow end points of the multi-start search in field i, flattened (x,y) pairs */
    public double[] minimiserSet(int i) {
        return clusters.get(i).clone();
    }

    /**
     * @param point a point in the domain (not modified)
     * @return the field its gradient flow ends in (nearest cluster member), 0-based
     */
    public int field(double[] point) {
        double[] x = point.clone();
        f.domain().project(x);
        descend(x, 1e-9, 20_000, true);
        return (int) nearest(x)[0];
    }

    /**
     * The radius \(\mathrm{dist}(m_i, \Omega_i^c)\) estimated on rays (see the class comment).
     *
     * @param i the field
     * @param rays number of equally spaced directions
     * @param dr marching step along a ray
     * @return the radius, accurate to about {@code dr / 2^12} along the best ray; {@code +inf} if no ray leaves the
     *     field inside the domain
     */
    public double radius(int i, int rays, double dr) {
        double[] m = representatives[i];
        double best = Double.POSITIVE_INFINITY;
        double[] p = new double[2];
        double rMax = 2 * ((Domain.Ball) f.domain()).radius();
        for (int k = 0; k < rays; k++) {
            double th = 2 * Math.PI * k / rays;
            double c = Math.cos(th);
            double s = Math.sin(th);
            double prev = 0;
            for (double t = dr; t <= Math.min(rMax, best); t += dr) {
                p[0] = m[0] + t * c;
                p[1] = m[1] + t * s;
                if (!f.domain().contains(p)) {
                    break;
                }
                if (field(p) != i) {
                    double a = prev;
                    double b = t;
                    for (int it = 0; it < 12; it++) {
                        double mid = 0.5 * (a + b);
                        p[0] = m[0] + mid * c;
                        p[1] = m[1] + mid * s;
                        if (field(p) != i) {
                            b = mid;
                        } else {
                            a = mid;
                        }
                    }
                    best = Math.min(best, b);
                    break;
                }
                prev = t;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Fields2D[");
        for (int i = 0; i < representatives.length; i++) {
            sb.append(i == 0 ? "" : ", ").append('(').append(representatives[i][0]).append(", ")
                    .append(representatives[i][1]).append(')');
        }
        return sb.append(']').toString();
    }
}
