package org.htsgd.core.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Single-linkage clustering of points in the plane: two points are in one cluster when a chain of points, each
 * closer than {@code merge} to the next, joins them (union-find over all pairs, \(O(n^2)\)). Clusters come in the
 * order of their first member, members in input order.
 */
final class SingleLinkage {
    private SingleLinkage() {
    }

    /**
     * @param points (x, y) points
     * @param merge the linkage distance
     * @return the clusters, each flattened to x,y pairs
     */
    static List<double[]> clusters(List<double[]> points, double merge) {
        int n = points.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.hypot(points.get(i)[0] - points.get(j)[0], points.get(i)[1] - points.get(j)[1]) < merge) {
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
            members.get(c).add(points.get(i));
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
        return clusters;
    }

    /**
     * @param p a union-find forest: {@code p[i]} is i's parent, a root its own parent (path halving as it goes)
     * @param i an element
     * @return the root of i's tree
     */
    static int find(int[] p, int i) {
        while (p[i] != i) {
            p[i] = p[p[i]];
            i = p[i];
        }
        return i;
    }
}
