package org.htsgd.core.truncation;

import org.htsgd.core.validation.Require;

/**
 * The truncation operator \(\varphi_b\) applied to the whole update (eq. 1; S4 eq. 2.3):
 * \(\varphi_b(w) = \min(b, \|w\|)\, w/\|w\|\), \(\varphi_b(0) = 0\), with the global L2 norm. In 1-D this is
 * clipping to \([-b, b]\). \(b = +\infty\) means no truncation.
 *
 * @param b the threshold, {@code b > 0}, possibly {@code Double.POSITIVE_INFINITY}
 */
public record Truncation(double b) {
    /** No truncation (\(b = \infty\)). */
    public static final Truncation NONE = new Truncation(Double.POSITIVE_INFINITY);

    /**
     * @throws IllegalArgumentException if {@code b} is not {@code > 0} (NaN included)
     */
    public Truncation {
        Require.positive(b, "b");
    }

    /** @param b threshold @return the truncation at b */
    public static Truncation of(double b) {
        return new Truncation(b);
    }

    /** @return whether b is infinite, i.e. the operator is the identity */
    public boolean isNone() {
        return b == Double.POSITIVE_INFINITY;
    }

    /** @param w a scalar step @return \((w \wedge b) \vee (-b)\) */
    public double apply(double w) {
        return w > b ? b : (w < -b ? -b : w);
    }

    /**
     * Truncates a step in place by its global L2 norm.
     *
     * @param w the step; rescaled to norm b when its norm exceeds b
     * @return whether the step was truncated
     */
    public boolean applyInPlace(double[] w) {
        if (isNone()) {
            return false;
        }
        double s = 0;
        for (double v : w) {
            s += v * v;
        }
        double norm = Math.sqrt(s);
        if (norm <= b) {
            return false;
        }
        double f = b / norm;
        for (int i = 0; i < w.length; i++) {
            w[i] *= f;
        }
        return true;
    }

    /** @param norm the L2 norm of a step @return the factor \(\min(1, b/\|w\|)\) that truncates it */
    public double factor(double norm) {
        return norm > b ? b / norm : 1.0;
    }
}
