package org.htsgd.train.loop;

/**
 * The outcome of {@link Trainer#run}, written as {@code summary.json}; carries its full configuration (provenance).
 *
 * @param config the run's configuration (seed included)
 * @param iterations iterations completed
 * @param trainLoss final mean cross-entropy over the training set
 * @param trainAccuracy final training accuracy
 * @param testLoss final mean cross-entropy over the test set
 * @param testAccuracy final test accuracy
 * @param wallSeconds wall time of the whole run (all resumed parts)
 * @param iterationsPerSecond iterations done in this process divided by its training time
 * @param truncationRate fraction of all steps whose step was truncated
 * @param resumedFrom iteration this process resumed from (0 for a fresh run)
 * @param weightsFile the final weights, relative to the output directory ({@code Network.load} reads it)
 * @param metricsFile the metrics CSV, relative to the output directory
 * @param engine the tensor engine and version
 */
public record TrainResult(TrainConfig config, long iterations, double trainLoss, double trainAccuracy,
                          double testLoss, double testAccuracy, double wallSeconds, double iterationsPerSecond,
                          double truncationRate, long resumedFrom, String weightsFile, String metricsFile,
                          String engine) {
    /** @return the seed of the run */
    public long seed() {
        return config.seed();
    }
}
