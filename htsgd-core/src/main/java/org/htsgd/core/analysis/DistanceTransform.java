package org.htsgd.core.analysis;

/**
 * Exact Euclidean distance transform with nearest sites on a cubic grid of \(n^d\) cells (flat index, last axis
 * fastest): for every cell, the squared distance, in cell units, from its centre to the nearest centre of a marked
 * cell, and that cell. The separable algorithm of Felzenszwalb &amp; Huttenlocher, "Distance Transforms of Sampled
 * Functions", Theory of Computing 8 (2012), doi:10.4086/toc.2012.v008a019: one lower envelope of parabolas per grid
 * line and axis, \(O(d\,n^d)\) in all.
 */
final class DistanceTransform {
    private DistanceTransform() {
    }

    /**
     * @param mask marked cells (length \(n^d\))
     * @param n cells per axis
     * @param d dimension
     * @param dist receives the squared distance in cell units ({@code +inf} if nothing is marked)
     * @param site receives the flat index of a nearest marked cell ({@code -1} if nothing is marked)
     */
    static void squared(boolean[] mask, int n, int d, double[] dist, int[] site) {
        int cells = mask.length;
        for (int c = 0; c < cells; c++) {
            dist[c] = mask[c] ? 0 : Double.POSITIVE_INFINITY;
            site[c] = mask[c] ? c : -1;
        }
        double[] fLine = new double[n];
        int[] sLine = new int[n];
        double[] outD = new double[n];
        int[] outS = new int[n];
        int[] v = new int[n];
        double[] z = new double[n + 1];
        int stride = 1;
        for (int axis = d - 1; axis >= 0; axis--) {
            // every line along this axis starts at a cell whose coordinate on the axis is 0
            for (int start = 0; start < cells; start++) {
                if ((start / stride) % n != 0) {
                    continue;
                }
                for (int q = 0; q < n; q++) {
                    fLine[q] = dist[start + q * stride];
                    sLine[q] = site[start + q * stride];
                }
                if (line(fLine, sLine, n, outD, outS, v, z)) {
                    for (int q = 0; q < n; q++) {
                        dist[start + q * stride] = outD[q];
                        site[start + q * stride] = outS[q];
                    }
                }
            }
            stride *= n;
        }
    }

    /** One line: lower envelope of the parabolas of the finite samples; false if all are infinite. */
    private static boolean line(double[] f, int[] s, int n, double[] outD, int[] outS, int[] v, double[] z) {
        int k = -1;
        for (int q = 0; q < n; q++) {
            if (f[q] == Double.POSITIVE_INFINITY) {
                continue;
            }
            if (k < 0) {
                k = 0;
                v[0] = q;
                z[0] = Double.NEGATIVE_INFINITY;
                z[1] = Double.POSITIVE_INFINITY;
                continue;
            }
            double sect;
            while (true) {
                int p = v[k];
                sect = ((f[q] + (double) q * q) - (f[p] + (double) p * p)) / (2.0 * (q - p));
                if (sect <= z[k] && k > 0) {
                    k--;
                } else {
                    break;
                }
            }
            if (sect <= z[k]) {
                // only possible for k == 0 with z[0] = -inf: not reached, kept for safety
                v[0] = q;
                continue;
            }
            k++;
            v[k] = q;
            z[k] = sect;
            z[k + 1] = Double.POSITIVE_INFINITY;
        }
        if (k < 0) {
            return false;
        }
        int j = 0;
        for (int q = 0; q < n; q++) {
            while (z[j + 1] < q) {
                j++;
            }
            double dq = q - v[j];
            outD[q] = dq * dq + f[v[j]];
            outS[q] = s[v[j]];
        }
        return true;
    }
}
