package org.htsgd.core.validation;

/**
 * The project's one set of argument checks. Every check uses an inverted comparison so that NaN is rejected, returns
 * its argument (so it can run inside {@code this(...)}), and throws
 * {@code IllegalArgumentException("<name> is not <condition>: " + value)}, the message a command prints as its one
 * line of bad input.
 */
public final class Require {
    /** Explains why the paper needs alpha > 1 (Assumption 2: E Z = 0 needs a finite mean). */
    public static final String NEEDS_ALPHA_ABOVE_ONE = "the paper needs alpha > 1 so that the noise has a finite mean";

    private Require() {
    }

    /**
     * @param x a value
     * @param name its name in the message
     * @return {@code x}
     * @throws IllegalArgumentException if {@code x} is not finite and {@code > 0}
     */
    public static double finitePositive(double x, String name) {
        if (!(x > 0 && x < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " is not finite and > 0: " + x);
        }
        return x;
    }

    /**
     * @param x a value
     * @param name its name in the message
     * @return {@code x}
     * @throws IllegalArgumentException if {@code !(x > 0)} (positive infinity is allowed)
     */
    public static double positive(double x, String name) {
        if (!(x > 0)) {
            throw new IllegalArgumentException(name + " is not > 0: " + x);
        }
        return x;
    }

    /**
     * @param x a value
     * @param name its name in the message
     * @return {@code x}
     * @throws IllegalArgumentException if {@code x} is not finite and {@code >= 0}
     */
    public static double finiteNonNegative(double x, String name) {
        if (!(x >= 0 && x < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " is not finite and >= 0: " + x);
        }
        return x;
    }

    /**
     * @param x a value
     * @param name its name in the message
     * @return {@code x}
     * @throws IllegalArgumentException if {@code x} is not finite
     */
    public static double finite(double x, String name) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException(name + " is not finite: " + x);
        }
        return x;
    }

    /**
     * @param x a value
     * @param name its name in the message
     * @return {@code x}
     * @throws IllegalArgumentException if {@code x <= 0}
     */
    public static int positive(int x, String name) {
        if (x <= 0) {
            throw new IllegalArgumentException(name + " is not > 0: " + x);
        }
        return x;
    }

    /**
     * @param x a value
     * @param name its name in the message
     * @return {@code x}
     * @throws IllegalArgumentException if {@code x <= 0}
     */
    public static long positive(long x, String name) {
        if (x <= 0) {
            throw new IllegalArgumentException(name + " is not > 0: " + x);
        }
        return x;
    }

    /**
     * @param x a value
     * @param min the smallest allowed value
     * @param name its name in the message
     * @return {@code x}
     * @throws IllegalArgumentException if {@code x < min}
     */
    public static long atLeast(long x, long min, String name) {
        if (x < min) {
            throw new IllegalArgumentException(name + " is not >= " + min + ": " + x);
        }
        return x;
    }

    /**
     * @param x a value
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @param name its name in the message
     * @return {@code x}
     * @throws IllegalArgumentException if {@code x} is outside {@code [min, max]}
     */
    public static long inRange(long x, long min, long max, String name) {
        if (x < min || x > max) {
            throw new IllegalArgumentException(name + " is not in [" + min + ", " + max + "]: " + x);
        }
        return x;
    }

    /**
     * @param x a value
     * @param name its name in the message
     * @return {@code x}
     * @throws IllegalArgumentException if {@code x} is not in the open interval (0, 1)
     */
    public static double inOpenUnit(double x, String name) {
        if (!(x > 0 && x < 1)) {
            throw new IllegalArgumentException(name + " is not in (0, 1): " + x);
        }
        return x;
    }

    /**
     * @param x a value
     * @param name its name in the message
     * @return {@code x}
     * @throws IllegalArgumentException if {@code x} is not in the half-open interval (0, 1]
     */
    public static double inHalfOpenUnit(double x, String name) {
        if (!(x > 0 && x <= 1)) {
            throw new IllegalArgumentException(name + " is not in (0, 1]: " + x);
        }
        return x;
    }

    /**
     * @param alpha a tail index
     * @param name its name in the message
     * @return {@code alpha}
     * @throws IllegalArgumentException if {@code alpha} is not finite and {@code > 1}
     */
    public static double tailIndex(double alpha, String name) {
        if (!(alpha > 1 && alpha < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " is not finite and > 1 (" + NEEDS_ALPHA_ABOVE_ONE + "): "
                + alpha);
        }
        return alpha;
    }

    /**
     * @param x a value
     * @param name its name in the message
     * @param <T> its type
     * @return {@code x}
     * @throws IllegalArgumentException if {@code x} is null (a missing setting is bad input, not a defect)
     */
    public static <T> T nonNull(T x, String name) {
        if (x == null) {
            throw new IllegalArgumentException(name + " is not set");
        }
        return x;
    }
}
