package org.htsgd.cli.commands;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What {@code htsgd exit-time} writes to {@code exit-time.json}: the configuration, the theory for the start's field
 * (Theorem 1's exponent \(1 + (\alpha-1)l^*\) and exit rate \(q\)), one entry per \(\eta\), the log-log fit of the mean
 * exit time against \(1/\eta\) and the local slopes. The keys and their order are a contract: {@code htsgd sweep}
 * turns them into the columns of {@code results.csv}.
 *
 * @param config the run's settings ({@link Config} in 1-D, {@link Config2D} in 2-D)
 * @param theory the theory for the start's field ({@link Theory} in 1-D, {@link Theory2D} in 2-D)
 * @param perEta one entry per learning rate, in the order given
 * @param fit the fit on the smallest etas ({@code null}, and left out, with fewer than two etas)
 * @param localSlopes slopes between consecutive etas ({@code null}, and left out, with fewer than two etas)
 * @param command always {@code exit-time}
 * @param block for a part ({@code --path-offset}): the paths it ran ({@code null}, and left out, for a whole run)
 */
record ExitTimeJson(Object config, Object theory, List<PerEta> perEta,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Fit fit,
                    @JsonInclude(JsonInclude.Include.NON_NULL) List<LocalSlope> localSlopes, String command,
                    @JsonInclude(JsonInclude.Include.NON_NULL) PathParts.Block block) {
    /**
     * @param landscape the landscape's name
     * @param noise the noise law's spec
     * @param b the truncation threshold
     * @param start the start point
     * @param eta the learning rates
     * @param paths paths per eta
     * @param maxSteps the step cap per path
     * @param seed the master seed
     * @param fitPoints how many of the smallest etas the fit uses
     */
    record Config(String landscape, String noise, double b, double start, double[] eta, int paths, long maxSteps,
                  long seed, int fitPoints) {
    }

    /**
     * The 2-D run's settings.
     *
     * @param landscape the landscape's name
     * @param noise the noise law
     * @param b the truncation threshold
     * @param start the start point (x, y)
     * @param eta the learning rates
     * @param paths paths per eta
     * @param maxSteps the step cap per path
     * @param seed the master seed
     * @param fitPoints how many of the smallest etas the fit uses
     * @param gridSpacing the flow grid's spacing (fields, J_b)
     */
    record Config2D(String landscape, String noise, double b, double[] start, double[] eta, int paths, long maxSteps,
                    long seed, int fitPoints, double gridSpacing) {
    }

    /**
     * The 2-D theory of the start's field (S4 Thm 2.8, paper.md §2.6): the exit time is of order
     * \((1/\eta)^{1 + (\alpha-1)J_b}\).
     *
     * @param field the start's attraction field (basin of the gradient flow), from 1
     * @param jumps \(J_b\) (-1 if unresolved at the grid's resolution)
     * @param jumpsLower its lower grid estimate
     * @param jumpsUpper its upper grid estimate
     * @param resolution the grid's cell diagonal \(\delta\)
     * @param radius \(r\), the distance from the minimiser set to the field's complement
     * @param radiusJumps \(\lceil r/b\rceil\), the contractive-drift value, beside \(J_b\)
     * @param contractive whether the drift is contractive on the field
     * @param predictedExponent \(1 + (\alpha-1)J_b\)
     * @param q the rate \(q\)
     * @param qError its error (quadrature difference or Monte Carlo standard error)
     * @param rateMethod how q was computed
     */
    record Theory2D(int field, int jumps, int jumpsLower, int jumpsUpper, double resolution, double radius,
                    int radiusJumps, boolean contractive, double predictedExponent, double q, double qError,
                    String rateMethod) {
    }

    /**
     * @param field the start's field, from 1
     * @param fieldLower its lower end
     * @param fieldUpper its upper end
     * @param width its width r
     * @param lStar jumps needed to leave it, \(\lceil r/b\rceil\)
     * @param predictedExponent \(1 + (\alpha-1)l^*\)
     * @param q the exit rate \(q\) of Theorem 1
     */
    record Theory(int field, double fieldLower, double fieldUpper, double width, int lStar, double predictedExponent,
                  double q) {
    }

    /**
     * @param eta the learning rate
     * @param mean mean exit step
     * @param median median exit step
     * @param censored paths that hit the step cap
     * @param paths paths run
     * @param predictedMean Theorem 1's mean \(1/(q\lambda(\eta))\), NaN where unknown
     * @param ksStatistic KS statistic of the scaled exit times against Exp(1) ({@code null}, and left out, when the
     *     prediction is unknown or paths were censored)
     * @param ksPValue its p-value (left out likewise)
     * @param exitSteps every path's exit step
     * @param exitTargets for a part: every path's exit target (0 below the field, 1 above, -1 censored; left out
     *     for a whole run)
     * @param exitPoints for a part: every path's first point outside the field, the last one if censored (left out
     *     for a whole run)
     */
    record PerEta(double eta, double mean, double median, int censored, int paths, double predictedMean,
                  @JsonInclude(JsonInclude.Include.NON_NULL) Double ksStatistic,
                  @JsonInclude(JsonInclude.Include.NON_NULL) Double ksPValue, long[] exitSteps,
                  @JsonInclude(JsonInclude.Include.NON_NULL) int[] exitTargets,
                  @JsonInclude(JsonInclude.Include.NON_NULL) double[] exitPoints) {
    }

    /**
     * @param slope fitted log-log slope
     * @param ciLow its bootstrap 95% CI, low end
     * @param ciHigh high end
     * @param intercept fitted intercept
     * @param etas the etas fitted
     * @param coversPrediction whether the CI covers the predicted exponent
     */
    record Fit(double slope, double ciLow, double ciHigh, double intercept, double[] etas, boolean coversPrediction) {
    }

    /**
     * @param etaFrom the larger eta
     * @param etaTo the next smaller one
     * @param slope the local log-log slope between them
     * @param ciLow its bootstrap 95% CI, low end
     * @param ciHigh high end
     */
    record LocalSlope(double etaFrom, double etaTo, double slope, double ciLow, double ciHigh) {
    }
}
