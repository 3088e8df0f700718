package org.htsgd.train.loop;

/**
 * What one iteration of an update rule reports to the training loop.
 *
 * @param loss mean loss of the (first) small batch at the weights before the step
 * @param gradientNorm L2 norm of the step direction before truncation, \(\|\eta g\|\) (NaN if not reported)
 * @param truncated whether the truncation \(\varphi_b\) shortened the step (paper eq. 47)
 * @param z the heavy-tailed multiplier \(Z = cW\) of this iteration (0 when no noise was injected)
 */
public record StepOutcome(double loss, double gradientNorm, boolean truncated, double z) {
}
