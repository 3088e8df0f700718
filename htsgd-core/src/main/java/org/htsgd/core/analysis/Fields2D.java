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
    /** Points per axis of the grid on which the value and gradient must be finite. */
    public static final int CHECK_GRID = 201;
    /**
     * Descent steps the multi-start search may take per start point on average before it gives up (the modified
     * Himmelblau needs about 1,700; 8,000 per point on a 41 x 41 grid is a few seconds of work).
     */
    public static final long MAX_WORK_PER_START = 8_000L;

    /** The landscape. */
    private final Landscape f;
    /** The descents that label points (no budget). */
    private final Descent2D descent;
    /** Members of each cluster (flattened x,y pairs). */
    private final List<double[]> clusters;
    /** Representative minimiser of each cluster. */
    private final double[][] representatives;

    private Fields2D(Landscape f, Descent2D descent, List<double[]> clusters) {
        this.f = f;
        this.descent = descent;
        this.clusters = clusters;
        this.representatives = new double[clusters.size()][];
        double[] p = new double[2];
        for (int c = 0; c < clusters.size(); c++) {
            double[] m = clusters.get(c);
            int k = m.length / 2;
            double[] centroid = PointSets.centroid(m);
            int best = 0;
            double bestF = Double.POSITIVE_INFINITY;
            double bestD = Double.POSITIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                p[0] = m[2 * j];
                p[1] = m[2 * j + 1];
                double v = f.value(p);
                double d = Math.hypot(p[0] - centroid[0], p[1] - centroid[1]);
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
        double spacing = 2 * ball(f, grid).radius() / (grid - 1);
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
        double r = ball(f, grid).radius();
        if (!(h > 0 && maxStep > 0 && merge > 0)) {
            throw new IllegalArgumentException("h, maxStep and merge are not all > 0: " + h + ", " + maxStep + ", "
                    + merge);
        }
        Descent2D.requireAnalysable(f, r);
        Descent2D search = new Descent2D(f, h, maxStep);
        search.limit(MAX_WORK_PER_START * grid * grid);
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
                search.descend(x, 1e-10, 20_000, null);
                // the saddle check costs 8 descents: skip it near an end point already verified to be a minimum
                boolean known = false;
                for (double[] v : verified) {
                    if (Math.hypot(v[0] - x[0], v[1] - x[1]) < 1e-3) {
                        known = true;
                        break;
                    }
                }
                if (!known) {
                    search.escapeSaddle(x);
                    verified.add(x.clone());
                }
                ends.add(x.clone());
            }
        }
        return new Fields2D(f, new Descent2D(f, h, maxStep), SingleLinkage.clusters(ends, merge));
    }

    /** @return f's domain, after checking that f is 2-D on a ball and {@code grid >= 3} */
    private static Domain.Ball ball(Landscape f, int grid) {
        if (f.dimension() != 2 || !(f.domain() instanceof Domain.Ball)) {
            throw new IllegalArgumentException("landscape is not 2-D on a ball: " + f);
        }
        if (grid < 3) {
            throw new IllegalArgumentException("grid is not >= 3: " + grid);
        }
        return (Domain.Ball) f.domain();
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
        descent.descend(x, 1e-9, 20_000, p -> nearest(p)[1]);
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
