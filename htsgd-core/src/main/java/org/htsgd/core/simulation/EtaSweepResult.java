package org.htsgd.core.simulation;

import java.util.List;
import org.htsgd.core.stats.LogLogFit;

/**
 * A finished exit-time sweep ({@link EtaSweep}): per learning rate its exit times, and the least-squares fits of
 * \(\log \overline{\sigma}\) on \(\log(1/\eta)\) with bootstrap intervals ({@link LogLogFit}) whose slope estimates
 * Theorem 1's exponent \(1 + (\alpha - 1) l^*\).
 *
 * @param points per learning rate, in the order of {@link EtaGrid#etas()}
 * @param fitEtas the fitted learning rates in fit order (decreasing)
 * @param fit the fit on them, {@code null} with one learning rate
 * @param allEtas all learning rates in fit order (decreasing)
 * @param all the fit on all points (local slopes between neighbours in {@code allEtas}), {@code null} with one
 *     learning rate
 */
public record EtaSweepResult(List<EtaSweepPoint> points, double[] fitEtas, LogLogFit fit, double[] allEtas,
                             LogLogFit all) {
    /** Copies. */
    public EtaSweepResult {
        points = List.copyOf(points);
        fitEtas = fitEtas.clone();
        allEtas = allEtas.clone();
    }

    @Override
    public double[] fitEtas() {
        return fitEtas.clone();
    }

    @Override
    public double[] allEtas() {
        return allEtas.clone();
    }
}
