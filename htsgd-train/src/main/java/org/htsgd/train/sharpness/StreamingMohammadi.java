package org.htsgd.train.sharpness;

import org.htsgd.core.stats.TailIndex;

/**
 * The multivariate Mohammadi estimator of {@link TailIndex#mohammadi(double[][], int)}, fed one vector at a time so
 * that memory is O(d + N/K) instead of the N*d of holding every gradient-noise vector (a VGG has ~10^7 weights).
 * Same estimate and delta-method standard error: with block sums \(Y_i\) of K consecutive vectors,
 * \(\hat\alpha = \log K / (\overline{\log\|Y\|} - \overline{\log\|X\|})\). Vectors after the last full block are
 * ignored. Not thread-safe.
 */
final class StreamingMohammadi {
    /** K. */
    private final int blockSize;
    /** Running block sum. */
    private final double[] sum;
    /** log ||Y_i|| of the finished blocks. */
    private final double[] logY;
    /** Sum of log ||X_j|| over vectors in finished blocks. */
    private double sumLogX;
    /** Sum of log ||X_j|| in the current block. */
    private double blockLogX;
    /** Vectors in the current block. */
    private int inBlock;
    /** Finished blocks. */
    private int blocks;

    /**
     * @param d vector length
     * @param blockSize K ≥ 2
     * @param maxBlocks capacity in blocks
     */
    StreamingMohammadi(int d, int blockSize, int maxBlocks) {
        this.blockSize = blockSize;
        this.sum = new double[d];
        this.logY = new double[maxBlocks];
    }

    /** @param x the next vector (finite, non-zero); ignored once the capacity is reached */
    void accept(double[] x) {
        if (blocks == logY.length) {
            return;
        }
        double sq = 0;
        for (int c = 0; c < x.length; c++) {
            sq += x[c] * x[c];
            sum[c] += x[c];
        }
        blockLogX += 0.5 * Math.log(sq);
        if (++inBlock == blockSize) {
            double s = 0;
            for (int c = 0; c < sum.length; c++) {
                s += sum[c] * sum[c];
                sum[c] = 0;
            }
            logY[blocks++] = 0.5 * Math.log(s);
            sumLogX += blockLogX;
            blockLogX = 0;
            inBlock = 0;
        }
    }

    /** @return the estimate over the finished blocks (at least 2) */
    TailIndex result() {
        if (blocks < 2) {
            throw new IllegalStateException("fewer than 2 full blocks: " + blocks);
        }
        double meanLogY = 0;
        for (int i = 0; i < blocks; i++) {
            meanLogY += logY[i];
        }
        meanLogY /= blocks;
        double ss = 0;
        for (int i = 0; i < blocks; i++) {
            ss += (logY[i] - meanLogY) * (logY[i] - meanLogY);
        }
        int n = blocks * blockSize;
        double logK = Math.log(blockSize);
        double alpha = logK / (meanLogY - sumLogX / n);
        double se = alpha * alpha * Math.sqrt(ss / (blocks - 1)) / (Math.sqrt(blocks) * logK);
        return new TailIndex(TailIndex.Estimator.MOHAMMADI, alpha, se, n, blockSize);
    }
}
