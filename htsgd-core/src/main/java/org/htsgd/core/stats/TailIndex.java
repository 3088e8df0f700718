package org.htsgd.core.stats;

import java.util.Arrays;

/**
 * An estimate of the tail index \(\alpha\) of a sample \(X_1, \dots, X_N\) (of \(|X|\), or of \(\|X\|\) for
 * vectors), for checking noise laws and measured gradient noise against the paper's regular-variation assumption.
 *
 * <p><b>Hill</b> (Hill 1975, <a href="https://doi.org/10.1214/aos/1176343247">doi:10.1214/aos/1176343247</a>): with
 * the order statistics \(|X|_{(1)} \ge |X|_{(2)} \ge \dots\) and \(k\) upper ones,
 * \[ \frac{1}{\hat\alpha} = \frac1k \sum_{i=1}^{k} \log |X|_{(i)} - \log |X|_{(k+1)}, \qquad
 *    \mathrm{se}(\hat\alpha) \approx \hat\alpha/\sqrt{k}. \]
 * Exact (unbiased in \(1/\alpha\)) for classical Pareto tails; for other laws (Lomax, Student-t, stable) it has a
 * second-order bias that grows with \(k/N\). Default \(k = \lfloor\sqrt N\rfloor\).
 *
 * <p><b>Mohammadi</b> (Mohammadi, Mohammadpour &amp; Ogata 2015, "On estimating the tail index and the spectral
 * measure of multivariate alpha-stable distributions", Metrika 78, 549–561,
 * <a href="https://doi.org/10.1007/s00184-014-0515-7">doi:10.1007/s00184-014-0515-7</a>), as used by Simsekli,
 * Sagun &amp; Gürbüzbalaban 2019 ("A tail-index analysis of stochastic gradient noise in deep neural networks",
 * ICML, Corollary 1 and their {@code alpha_estimator}): split \(N = K_1 K_2\) samples into \(K_1\) consecutive
 * blocks of \(K_2\), let \(Y_i\) be the sum of block \(i\); then
 * \[ \frac{1}{\hat\alpha} = \frac{1}{\log K_2}\Big(\frac1{K_1}\sum_{i=1}^{K_1}\log|Y_i|
 *    - \frac1N\sum_{j=1}^{N}\log|X_j|\Big). \]
 * For strictly \(\alpha\)-stable samples \(Y \overset{d}{=} K_2^{1/\alpha} X\), so this is unbiased in
 * \(1/\alpha\). Default \(K_2 = \lfloor\sqrt N\rfloor\), \(K_1 = \lfloor N/K_2\rfloor\), and the last
 * \(N - K_1 K_2\) samples are dropped (Simsekli et al. instead take \(K_2\) the largest divisor of \(N\) below
 * \(\sqrt N\)). Delta-method standard error:
 * \(\mathrm{se}(\hat\alpha) \approx \hat\alpha^2\, \mathrm{sd}(\log|Y|)/(\sqrt{K_1}\log K_2)\). The estimate can be
 * negative or infinite when the sample shows no heavy tail.
 *
 * @param estimator the estimator
 * @param alpha the estimate \(\hat\alpha\)
 * @param standardError its approximate standard error
 * @param n the number of samples used
 * @param k Hill: the number \(k\) of upper order statistics; Mohammadi: the block size \(K_2\)
 */
public record TailIndex(Estimator estimator, double alpha, double standardError, int n, int k) {
    /** The estimators. */
    public enum Estimator {
        /** Hill's estimator on the k largest absolute values. */
        HILL,
        /** Mohammadi et al.'s block-sum estimator for stable laws. */
        MOHAMMADI
    }

    /**
     * Hill's estimator with \(k = \lfloor\sqrt N\rfloor\).
     *
     * @param x the sample, at least 2 values, finite
     * @return the estimate
     */
    public static TailIndex hill(double[] x) {
        return hill(x, Math.max(1, (int) Math.sqrt(x.length)));
    }

    /**
     * Hill's estimator.
     *
     * @param x the sample (absolute values are used), finite
     * @param k the number of upper order statistics, {@code 1 <= k < x.length}
     * @return the estimate
     * @throws IllegalArgumentException if {@code k} is out of range, a value is not finite, or the
     *     \((k+1)\)-th largest \(|X|\) is 0
     */
    public static TailIndex hill(double[] x, int k) {
        if (!(k >= 1 && k < x.length)) {
            throw new IllegalArgumentException("k is not in [1, " + (x.length - 1) + "]: " + k);
        }
        final double[] a = absolute(x);
        Arrays.sort(a);
        final int n = a.length;
        final double threshold = a[n - k - 1];
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("the (k+1)-th largest |x| is not > 0: " + threshold);
        }
        double sum = 0;
        for (int i = n - k; i < n; i++) {
            sum += Math.log(a[i]);
        }
        final double alpha = 1 / (sum / k - Math.log(threshold));
        return new TailIndex(Estimator.HILL, alpha, alpha / Math.sqrt(k), n, k);
    }

    /**
     * Mohammadi et al.'s estimator with block size \(K_2 = \lfloor\sqrt N\rfloor\).
     *
     * @param x the sample, at least 4 values, finite and non-zero
     * @return the estimate
     */
    public static TailIndex mohammadi(double[] x) {
        return mohammadi(x, (int) Math.sqrt(x.length));
    }

    /**
     * Mohammadi et al.'s estimator.
     *
     * @param x the sample, finite and non-zero
     * @param blockSize \(K_2 \ge 2\), with \(K_1 = \lfloor N/K_2\rfloor \ge 2\)
     * @return the estimate
     * @throws IllegalArgumentException if the block size is out of range or a value is not finite and non-zero
     */
    public static TailIndex mohammadi(double[] x, int blockSize) {
        final int blocks = blocks(x.length, blockSize);
        final double[] logY = new double[blocks];
        double sumLogX = 0;
        for (int b = 0; b < blocks; b++) {
            double y = 0;
            for (int j = b * blockSize; j < (b + 1) * blockSize; j++) {
                sumLogX += logAbs(x[j], j);
                y += x[j];
            }
            logY[b] = Math.log(Math.abs(y));
        }
        return mohammadi(logY, sumLogX, blocks, blockSize);
    }

    /**
     * Mohammadi et al.'s estimator for vectors (Simsekli et al. 2019): norms \(\|X_j\|\) and \(\|Y_i\|\) of the block
     * sums replace absolute values.
     *
     * @param x the sample, {@code x[j]} one vector, all of one length, finite and non-zero
     * @param blockSize \(K_2 \ge 2\), with \(K_1 = \lfloor N/K_2\rfloor \ge 2\)
     * @return the estimate
     * @throws IllegalArgumentException if the block size is out of range or a vector is not finite and non-zero
     */
    public static TailIndex mohammadi(double[][] x, int blockSize) {
        final int blocks = blocks(x.length, blockSize);
        final int d = x[0].length;
        final double[] logY = new double[blocks];
        final double[] y = new double[d];
        double sumLogX = 0;
        for (int b = 0; b < blocks; b++) {
            Arrays.fill(y, 0);
            for (int j = b * blockSize; j < (b + 1) * blockSize; j++) {
                if (x[j].length != d) {
                    throw new IllegalArgumentException("x[" + j + "].length is not " + d + ": " + x[j].length);
                }
                sumLogX += logAbs(norm(x[j]), j);
                for (int c = 0; c < d; c++) {
                    y[c] += x[j][c];
                }
            }
            logY[b] = Math.log(norm(y));
        }
        return mohammadi(logY, sumLogX, blocks, blockSize);
    }

    private static TailIndex mohammadi(double[] logY, double sumLogX, int blocks, int blockSize) {
        final int n = blocks * blockSize;
        double meanLogY = 0;
        for (double v : logY) {
            meanLogY += v;
        }
        meanLogY /= blocks;
        double ss = 0;
        for (double v : logY) {
            ss += (v - meanLogY) * (v - meanLogY);
        }
        final double logK2 = Math.log(blockSize);
        final double alpha = logK2 / (meanLogY - sumLogX / n);
        final double se = alpha * alpha * Math.sqrt(ss / (blocks - 1)) / (Math.sqrt(blocks) * logK2);
        return new TailIndex(Estimator.MOHAMMADI, alpha, se, n, blockSize);
    }

    private static int blocks(int n, int blockSize) {
        if (!(blockSize >= 2 && n / blockSize >= 2)) {
            throw new IllegalArgumentException("block size is not >= 2 with at least 2 blocks of " + n
                + " samples: " + blockSize);
        }
        return n / blockSize;
    }

    private static double logAbs(double v, int index) {
        final double a = Math.abs(v);
        if (!(a > 0 && a < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("|x[" + index + "]| is not finite and > 0: " + a);
        }
        return Math.log(a);
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double c : v) {
            s += c * c;
        }
        return Math.sqrt(s);
    }

    private static double[] absolute(double[] x) {
        final double[] a = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            a[i] = Math.abs(x[i]);
            if (!(a[i] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("x[" + i + "] is not finite: " + x[i]);
            }
        }
        return a;
    }
}
