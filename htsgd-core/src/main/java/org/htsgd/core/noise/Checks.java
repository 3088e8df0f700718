package org.htsgd.core.noise;

/**
 * Parameter validation shared by the noise laws. Every check uses an inverted comparison so that NaN is rejected,
 * and throws {@code IllegalArgumentException("<name> is not <condition>: " + value)}.
 */
final class Checks {
    /** Explains why the paper needs alpha > 1 (Assumption 2: E Z = 0 needs a finite mean). */
    static final String NEEDS_ALPHA_ABOVE_ONE = "the paper needs alpha > 1 so that the noise has a finite mean";

    private Checks() {
    }

    /**
     * @param x a value
     * @param name its name in the message
     * @return {@code x}
     * @throws IllegalArgumentException if {@code x} is not finite and {@code > 0}
     */
    static double requireFinitePositive(double x, String name) {
        if (!(x > 0 && x < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " is not finite and > 0: " + x);
        }
        return x;
    }

    /**
     * @param alpha a tail index
     * @param name its name in the message
     * @return {@code alpha}
     * @throws IllegalArgumentException if {@code alpha} is not finite and {@code > 1}
     */
    static double requireTailIndex(double alpha, String name) {
        if (!(alpha > 1 && alpha < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " is not finite and > 1 (" + NEEDS_ALPHA_ABOVE_ONE + "): "
                + alpha);
        }
        return alpha;
    }
}
