package org.htsgd.train.method;

/**
 * What one step of an update rule did: the one record the rules return ({@link UpdateRule#step}) and the training
 * loop logs. With \(\eta = \eta_t\) the step's learning rate, g the rule's raw direction (g_LB, g_SB, g_heavy of
 * eq. 47, or SAM's gradient) and \(\varphi_b\) the truncation, all norms being global L2 norms over the d weights:
 * <ul>
 *   <li>{@link #gradNorm()} is \(\|g\|\), not scaled by \(\eta\);</li>
 *   <li>{@link #rawStepNorm()} is \(\|\eta g\| = \eta\|g\|\), the step before truncation: the quantity the
 *       truncation compares with b, and the one {@code metrics.csv}'s {@code gradient_norm} column averages;</li>
 *   <li>{@link #stepNorm()} is \(\|\varphi_b(\eta g)\|\), the step after truncation (b when truncated, otherwise
 *       the raw step norm), before momentum and weight decay.</li>
 * </ul>
 * Z is 0 in a step without noise (the noise-off phase and the rules that never inject noise), so a mean of |Z| over
 * steps counts those steps as 0, as {@code metrics.csv}'s {@code mean_abs_z} does.
 *
 * @param loss the mean loss of the batch that drives the step (the SB batch; the LB batch for LB steps), at the
 *        weights before the step
 * @param learningRate \(\eta_t\), the learning rate of this step
 * @param gradNorm \(\|g\|\), the norm of the raw direction
 * @param stepNorm \(\|\varphi_b(\eta g)\|\), the norm of the (possibly truncated) step
 * @param truncated whether the truncation was active, i.e. the rule truncates and \(\|\eta g\| > b\)
 * @param z the heavy-tailed multiplier \(Z = cW\) of this step; 0 when {@code noiseOn} is false
 * @param noiseOn whether heavy-tailed noise was injected in this step
 */
public record StepRecord(double loss, double learningRate, double gradNorm, double stepNorm, boolean truncated,
                         double z, boolean noiseOn) {
    /**
     * @throws IllegalArgumentException if {@code noiseOn} is false and {@code z != 0}
     */
    public StepRecord {
        if (!noiseOn && z != 0) {
            throw new IllegalArgumentException("z is not 0 in a step without noise: " + z);
        }
    }

    /** @return \(\|\eta g\| = \eta\|g\|\), the norm of the step before truncation */
    public double rawStepNorm() {
        return learningRate * gradNorm;
    }
}
