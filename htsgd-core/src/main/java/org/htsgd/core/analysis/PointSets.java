package org.htsgd.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sets of points in the plane stored flat as x,y pairs ({@code {x0, y0, x1, y1, ...}}), as the 2-D analyses give a
 * minimiser set: their centroid, the polyline through them along their main direction, and that polyline sampled
 * densely (for distances to a segment of minimisers, such as the modified Himmelblau's \(\Omega_2\)).
 */
public final class PointSets {
    private PointSets() {
    }

    /**
     * @param set x,y pairs (at least one point)
     * @return the centroid \((\sum_j x_j/k, \sum_j y_j/k)\)
     */
    public static double[] centroid(double[] set) {
        int n = set.length / 2;
        double cx = 0;
        double cy = 0;
        for (int i = 0; i < n; i++) {
            cx += set[2 * i] / n;
            cy += set[2 * i + 1] / n;
        }
        return new double[] {cx, cy};
    }

    /**
     * Orders a point set along its main direction (the principal axis of its scatter about the centroid) and drops
     * points within 0.05 of the last one kept, giving a polyline.
     *
     * @param set x,y pairs (at least one point)
     * @return the polyline's vertices as x,y pairs
     */
    public static double[] polyline(double[] set) {
        int n = set.length / 2;
        double[] c = centroid(set);
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = set[2 * i] - c[0];
            double dy = set[2 * i + 1] - c[1];
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        double angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
        double ux = Math.cos(angle);
        double uy = Math.sin(angle);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(set[2 * a] * ux + set[2 * a + 1] * uy,
            set[2 * b] * ux + set[2 * b + 1] * uy));
        List<Double> out = new ArrayList<>();
        double lx = Double.NaN;
        double ly = Double.NaN;
        for (int idx : order) {
            double x = set[2 * idx];
            double y = set[2 * idx + 1];
            if (out.isEmpty() || Math.hypot(x - lx, y - ly) > 0.05) {
                out.add(x);
                out.add(y);
                lx = x;
                ly = y;
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * @param polyline x,y pairs of a polyline (one point for an isolated minimum)
     * @param spacing largest distance between consecutive output points
     * @return the polyline sampled densely (its vertices and points every {@code spacing} along each segment), so
     *     the distance to the sample is within {@code spacing / 2} of the distance to the polyline
     */
    public static double[] densify(double[] polyline, double spacing) {
        List<Double> out = new ArrayList<>();
        out.add(polyline[0]);
        out.add(polyline[1]);
        for (int k = 2; k + 1 < polyline.length; k += 2) {
            double ax = polyline[k - 2];
            double ay = polyline[k - 1];
            double bx = polyline[k];
            double by = polyline[k + 1];
            int n = (int) Math.ceil(Math.hypot(bx - ax, by - ay) / spacing);
            for (int i = 1; i <= n; i++) {
                out.add(ax + (bx - ax) * i / n);
                out.add(ay + (by - ay) * i / n);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
