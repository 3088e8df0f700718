package org.htsgd.train.sharpness;

/** Argument checks with inverted comparisons, so NaN is rejected. */
final class Require {
    private Require() {
    }

    static double positive(double x, String name) {
        if (!(x > 0)) {
            throw new IllegalArgumentException(name + " is not > 0: " + x);
        }
        return x;
    }

    static double positiveFinite(double x, String name) {
        if (!(x > 0 && x < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " is not finite and > 0: " + x);
        }
        return x;
    }

    static int positive(int x, String name) {
        if (!(x > 0)) {
            throw new IllegalArgumentException(name + " is not > 0: " + x);
        }
        return x;
    }

    static double inOpenUnit(double x, String name) {
        if (!(x > 0 && x < 1)) {
            throw new IllegalArgumentException(name + " is not in (0, 1): " + x);
        }
        return x;
    }

    static <T> T nonNull(T x, String name) {
        if (x == null) {
            throw new IllegalArgumentException(name + " is not set");
        }
        return x;
    }
}
