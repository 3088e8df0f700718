package org.htsgd.train.method;

/**
 * What one {@link UpdateRule#step} did, for logging (gradient norm, truncation rate, Z).
 *
 * @param loss the mean loss of the batch that drives the step (the SB batch; the LB batch for LB steps), at the
 *        weights before the step
 * @param gradNorm global L2 norm of the raw direction g (g_LB, g_SB, g_heavy or SAM's gradient), before truncation
 * @param stepNorm L2 norm of the (possibly truncated) step \(\varphi_b(\eta g)\), before momentum and weight decay;
 *        equals b when {@code truncated}
 * @param truncated whether \(\|\eta g\| > b\), i.e. the truncation was active
 * @param z the heavy-tailed multiplier Z of this step, {@code NaN} when no noise was injected
 * @param noiseOn whether heavy-tailed noise was injected in this step
 */
public record StepRecord(double loss, double gradNorm, double stepNorm, boolean truncated, double z, boolean noiseOn) {
}
