package org.htsgd.train.sharpness;

/**
 * How the PAC-Bayes search variable \(\sigma\) maps to the standard deviation of the Gaussian weight perturbation
 * \(u \sim N(0, s^2 I)\).
 *
 * <p>Jiang et al. (2020) define \(u \sim N(0, \sigma^2 I)\), i.e. \(s = \sigma\) ({@link #SIGMA}, our default). The
 * widely used reference implementation ({@code _pacbayes_sigma} in nitarshan/robust-generalization-measures,
 * paper.md §4.6 S9) draws {@code torch.normal(0, sigma**2)}, whose second argument is the standard deviation, so
 * \(s = \sigma^2\) ({@link #SIGMA_SQUARED}); offered to compare with numbers produced by that code.
 */
public enum PerturbationScale {
    /** Standard deviation \(s = \sigma\) (the paper's definition). */
    SIGMA,
    /** Standard deviation \(s = \sigma^2\) (the reference code's behaviour). */
    SIGMA_SQUARED;

    /** @param sigma the search variable @return the standard deviation of each weight's perturbation */
    public double standardDeviation(double sigma) {
        return switch (this) {
            case SIGMA -> sigma;
            case SIGMA_SQUARED -> sigma * sigma;
        };
    }
}
