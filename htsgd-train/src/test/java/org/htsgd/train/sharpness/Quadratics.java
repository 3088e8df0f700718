package org.htsgd.train.sharpness;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.htsgd.train.model.reference.LeastSquares;

/** Least-squares problems with a known Hessian, placed at their minimum. */
final class Quadratics {
    private Quadratics() {
    }

    /**
     * Gaussian design \(x_{ij} = s_j Z_{ij}\), noisy targets: H = XᵀX/n is dense with eigenvalues near s_j².
     */
    static LeastSquares correlated(long seed, int n, double[] scales) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        int d = scales.length;
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = scales[j] * g.sample();
                y[i] += x[i][j];
            }
            y[i] += 0.5 * g.sample();
        }
        return atMinimum(LeastSquares.of(x, y, 0.5));
    }

    /**
     * Orthogonal design: {@code repeats} rows \(\pm s_j e_j\) per coordinate, so H = diag(s_j²/d) exactly.
     */
    static LeastSquares diagonal(long seed, int repeats, double[] scales) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        int d = scales.length;
        double[][] x = new double[d * repeats][d];
        double[] y = new double[d * repeats];
        for (int j = 0; j < d; j++) {
            for (int r = 0; r < repeats; r++) {
                int i = j * repeats + r;
                x[i][j] = (r % 2 == 0 ? 1 : -1) * scales[j];
                y[i] = 1 + g.sample();
            }
        }
        return atMinimum(LeastSquares.of(x, y, 0.5));
    }

    static LeastSquares atMinimum(LeastSquares m) {
        m.setWeights(m.minimiser());
        return m;
    }

    static double trace(double[][] h) {
        double t = 0;
        for (int i = 0; i < h.length; i++) {
            t += h[i][i];
        }
        return t;
    }

    static double topEigenvalue(double[][] h) {
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(h)).getRealEigenvalues();
        double max = Double.NEGATIVE_INFINITY;
        for (double e : ev) {
            max = Math.max(max, e);
        }
        return max;
    }

    static double[] geometricScales(int d, double first, double ratio) {
        double[] s = new double[d];
        for (int j = 0; j < d; j++) {
            s[j] = first * Math.pow(ratio, j);
        }
        return s;
    }

    static double[] weights(org.htsgd.train.model.DifferentiableModel m) {
        double[] w = new double[m.dimension()];
        m.weights(w);
        return w;
    }
}
