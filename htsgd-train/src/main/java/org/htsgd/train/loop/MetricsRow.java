package org.htsgd.train.loop;

/**
 * One evaluation row of {@code metrics.csv}.
 *
 * @param iteration iterations completed
 * @param trainLoss mean cross-entropy over the training set
 * @param trainAccuracy training accuracy in [0, 1]
 * @param testLoss mean cross-entropy over the test set
 * @param testAccuracy test accuracy in [0, 1]
 * @param meanBatchLoss mean of the steps' batch losses since the previous row
 * @param meanRawStepNorm mean pre-truncation step norm \(\|\eta g\|\) ({@link
 *     org.htsgd.train.method.StepRecord#rawStepNorm()}) since the previous row; column {@code gradient_norm}
 * @param truncationRate fraction of the steps since the previous row whose step was truncated
 * @param meanAbsZ mean |Z| since the previous row (a step without noise counts as Z = 0)
 * @param maxAbsZ largest |Z| since the previous row
 * @param seconds wall time since the start of the run (including earlier runs this one resumed)
 */
public record MetricsRow(long iteration, double trainLoss, double trainAccuracy, double testLoss,
                         double testAccuracy, double meanBatchLoss, double meanRawStepNorm, double truncationRate,
                         double meanAbsZ, double maxAbsZ, double seconds) {
    /** Column names of {@link #toCsv}. */
    public static final String HEADER = "iteration,train_loss,train_accuracy,test_loss,test_accuracy,"
            + "batch_loss,gradient_norm,truncation_rate,mean_abs_z,max_abs_z,seconds";

    /** @return the row as CSV (no newline) */
    public String toCsv() {
        return iteration + "," + trainLoss + "," + trainAccuracy + "," + testLoss + "," + testAccuracy + ","
                + meanBatchLoss + "," + meanRawStepNorm + "," + truncationRate + "," + meanAbsZ + "," + maxAbsZ
                + "," + seconds;
    }
}
