package org.htsgd.train.loop;

import org.htsgd.core.validation.Require;

/**
 * One cell pair of the paper's Table 2 (paper.md §4.5): a method's test accuracy and expected sharpness on a task,
 * averaged over the paper's 5 replications.
 *
 * @param testAccuracyPercent test accuracy in percent, in {@code [0, 100]}
 * @param expectedSharpness \(E_{\nu \sim N(0, 0.01^2 I)} |L(\theta + \nu) - L(\theta)|\), {@code >= 0}
 */
public record PaperResult(double testAccuracyPercent, double expectedSharpness) {
    /** Replications the paper averaged each cell over (paper.md §4.4–4.5). */
    public static final int REPLICATIONS = 5;

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if the accuracy is not in [0, 100] or the sharpness is negative or not finite
     */
    public PaperResult {
        if (!(testAccuracyPercent >= 0 && testAccuracyPercent <= 100)) {
            throw new IllegalArgumentException("testAccuracyPercent is not in [0, 100]: " + testAccuracyPercent);
        }
        Require.finiteNonNegative(expectedSharpness, "expectedSharpness");
    }

    /**
     * @param testAccuracyPercent test accuracy (%)
     * @param expectedSharpness expected sharpness
     * @return the result
     */
    public static PaperResult of(double testAccuracyPercent, double expectedSharpness) {
        return new PaperResult(testAccuracyPercent, expectedSharpness);
    }
}
