/**
 * Statistics for checking the paper's predictions: {@link org.htsgd.core.stats.LogLogFit} (exit-time exponent with a
 * bootstrap interval and local slopes), {@link org.htsgd.core.stats.ExponentialKs} (scaled exit times against
 * Exp(1)) and {@link org.htsgd.core.stats.TailIndex} (Hill and Mohammadi tail-index estimators).
 */
package org.htsgd.core.stats;
