/**
 * Sharpness and heavy-tail measures of a trained model (issue 5; paper.md §4.4–4.7), on any
 * {@link org.htsgd.train.model.DifferentiableModel}: a DJL network or a plain-Java reference model.
 *
 * <p>Entry point: {@link org.htsgd.train.sharpness.Sharpness#measure} with a
 * {@link org.htsgd.train.sharpness.SharpnessConfig} (start from {@code SharpnessConfig.paper(seed)}), returning a
 * {@link org.htsgd.train.sharpness.SharpnessResult} that carries every number, its standard error where it is a
 * Monte Carlo estimate, and the config with the seed. Every measure works at the model's current weights, on the
 * <em>whole</em> training set (in chunks, {@link org.htsgd.train.sharpness.TrainingObjective}), and leaves the
 * weights as it found them, also when the model throws.
 *
 * <h2>Definitions</h2>
 * <ul>
 * <li>{@link org.htsgd.train.sharpness.ExpectedSharpness}: \(E_{\nu\sim N(0,\delta^2 I)}|L(\theta+\nu)-L(\theta)|\),
 * paper: \(\delta = 0.01\), 100 samples.</li>
 * <li>{@link org.htsgd.train.sharpness.PacBayesSharpness}: \(1/\sigma'^2\), \(\sigma'\) the largest \(\sigma\) with
 * \(E_{u\sim N(0,\sigma^2 I)} T(\theta+u) - T(\theta) \le 0.1\) (T = training error by default, or loss), by
 * bisection on [0, 2], depth 15, tolerance 1e-2, 10 Monte Carlo samples (Jiang et al. 2020 and their reference code
 * {@code _pacbayes_sigma}). The reference code draws the perturbation with standard deviation \(\sigma^2\), not
 * \(\sigma\); we use \(\sigma\) and offer the reference convention as
 * {@link org.htsgd.train.sharpness.PerturbationScale#SIGMA_SQUARED}.</li>
 * <li>{@link org.htsgd.train.sharpness.MaximalSharpness}: \(1/\alpha'^2\), \(\alpha'\) the largest \(\alpha\) with
 * \(\max_{\|u\|_\infty\le\alpha} T(\theta+u) - T(\theta) \le 0.1\), the maximum approximated by projected
 * sign-gradient ascent on the loss from a random point of the box, same bisection.</li>
 * <li>{@link org.htsgd.train.sharpness.HessianSpectrum}: top eigenvalue by power iteration and trace by Hutchinson's
 * estimator, on central-difference Hessian-vector products ({@link org.htsgd.train.sharpness.HessianVectorProduct},
 * step \(10^{-3}(1+\|\theta\|)\)).</li>
 * <li>{@link org.htsgd.train.sharpness.GradientNoiseTail}: minibatch gradient noise \(\nabla L_B - \nabla L\) at
 * \(\theta\); Hill's estimate on the noise norms, Mohammadi's on the noise vectors and per coordinate
 * ({@link org.htsgd.core.stats.TailIndex}), and a histogram of the norms (Fig. A.1).</li>
 * </ul>
 *
 * <h2>Choices where the paper and issue are silent</h2>
 * <ul>
 * <li>Random streams are addressed by (seed, measure, index), so a measure's numbers do not depend on which other
 * measures run; PAC-Bayes and maximal searches reuse the same draws at every radius (common random numbers), which
 * makes the estimated rise a deterministic function of the radius.</li>
 * <li>The bisection uses the signed rise \(T(\theta+u)-T(\theta)\) (the reference code uses its absolute value) and,
 * like the reference code, returns the last midpoint; the final bracket is reported.</li>
 * <li>Accuracy of the regression reference model is the fraction of residuals below a tolerance; closed-form checks
 * use the loss as the target quantity because error rates are piecewise constant.</li>
 * </ul>
 */
package org.htsgd.train.sharpness;
