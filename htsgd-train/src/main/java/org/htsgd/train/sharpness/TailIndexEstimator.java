package org.htsgd.train.sharpness;

import java.util.Arrays;

/**
 * The two univariate tail-index estimators the gradient-noise measure needs. Private stand-in until
 * {@code org.htsgd.core.stats.TailIndex} (branch noise-stats) is on main; then {@link #DEFAULT} delegates to it.
 */
interface TailIndexEstimator {
    /** The estimators in use. */
    TailIndexEstimator DEFAULT = new Local();

    /**
     * Hill's estimator from the k largest of positive samples \(x_{(1)} \ge x_{(2)} \ge \dots\):
     * \( \hat\alpha = k / \sum_{i=1}^{k} \log(x_{(i)} / x_{(k+1)}) \).
     *
     * @param samples positive samples (not modified)
     * @param k number of upper order statistics, {@code 1 <= k < samples.length}
     * @return \(\hat\alpha\)
     */
    double hill(double[] samples, int k);

    /**
     * Mohammadi et al. (2015) estimator for symmetric alpha-stable samples, as in Simsekli et al. (2019, Thm. 2):
     * with \(K = K_1 K_2\) and block sums \(Y_i = \sum_{j=1}^{K_1} X_{j+(i-1)K_1}\),
     * \( 1/\hat\alpha = \frac{1}{\log K_1}\left(\frac1{K_2}\sum_i \log|Y_i| - \frac1K \sum_i \log|X_i|\right) \).
     * Samples beyond the last full block are ignored.
     *
     * @param samples samples (not modified)
     * @param blockSize \(K_1 \ge 2\)
     * @return \(\hat\alpha\)
     */
    double mohammadi(double[] samples, int blockSize);

    /** Plain implementations of the two formulas. */
    final class Local implements TailIndexEstimator {
        /** {@inheritDoc} */
        @Override
        public double hill(double[] samples, int k) {
            double[] x = samples.clone();
            Arrays.sort(x);
            int n = x.length;
            double logThreshold = Math.log(x[n - 1 - k]);
            double s = 0;
            for (int i = 0; i < k; i++) {
                s += Math.log(x[n - 1 - i]) - logThreshold;
            }
            return k / s;
        }

        /** {@inheritDoc} */
        @Override
        public double mohammadi(double[] samples, int blockSize) {
            int blocks = samples.length / blockSize;
            int used = blocks * blockSize;
            double logX = 0;
            double logY = 0;
            for (int b = 0; b < blocks; b++) {
                double y = 0;
                for (int j = b * blockSize; j < (b + 1) * blockSize; j++) {
                    y += samples[j];
                    logX += Math.log(Math.abs(samples[j]));
                }
                logY += Math.log(Math.abs(y));
            }
            double inverse = (logY / blocks - logX / used) / Math.log(blockSize);
            return 1 / inverse;
        }
    }
}
