package org.htsgd.core.simulation;

import org.htsgd.core.stats.ExponentialKs;

/**
 * One learning rate of a finished exit-time sweep ({@link EtaSweep}): the exit times \(\sigma(\eta)\) of its paths
 * next to Theorem 1's mean \(1/(q\lambda(\eta))\) and the Kolmogorov-Smirnov test of
 * \(q\lambda(\eta)\,\sigma \approx \mathrm{Exp}(1)\).
 *
 * @param eta the learning rate
 * @param seed the seed of its paths
 * @param fitted whether it entered the slope fit
 * @param exits the exit times of its paths
 * @param predictedMean the theory's mean, NaN when unknown
 * @param ks the Kolmogorov-Smirnov test of \(q\lambda(\eta)\sigma\) against Exp(1), or {@code null} when a
 *     path was censored or the prediction is unknown
 * @param seconds wall time of its paths (not provenance: it varies between runs); NaN when merged from parts
 */
public record EtaSweepPoint(double eta, long seed, boolean fitted, ExitTimeResult exits, double predictedMean,
                         ExponentialKs ks, double seconds) {
}
