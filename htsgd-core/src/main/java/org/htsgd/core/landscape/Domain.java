package org.htsgd.core.landscape;

/**
 * The set the iterates are projected onto after every step: \(\varphi_L\) of eq. (2), an interval in 1-D or a
 * closed L2 ball in d-D.
 */
public sealed interface Domain permits Domain.Interval, Domain.Ball {

    /** @param x a point, projected in place onto the domain */
    void project(double[] x);

    /** @param x a point @return whether it lies in the domain */
    boolean contains(double[] x);

    /** @return the dimension d of the points (1 for an interval) */
    int dimension();

    /**
     * The interval \([lo, hi]\); projection is \(\min(\max(x, lo), hi)\).
     *
     * @param lo lower end
     * @param hi upper end
     */
    record Interval(double lo, double hi) implements Domain {
        /**
         * Validates the ends.
         *
         * @throws IllegalArgumentException if {@code lo < hi} fails or an end is not finite
         */
        public Interval {
            if (!(lo < hi)) {
                throw new IllegalArgumentException("interval is empty: [" + lo + ", " + hi + "]");
            }
            if (!(Double.isFinite(lo) && Double.isFinite(hi))) {
                throw new IllegalArgumentException("interval is not bounded: [" + lo + ", " + hi + "]");
            }
        }

        /** @param l half-width @return \([-L, L]\) */
        public static Interval symmetric(double l) {
            if (!(l > 0 && l < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("L is not finite and > 0: " + l);
            }
            return new Interval(-l, l);
        }

        /** @param x a point @return its projection onto the interval */
        public double project(double x) {
            return x < lo ? lo : (x > hi ? hi : x);
        }

        @Override
        public void project(double[] x) {
            x[0] = project(x[0]);
        }

        @Override
        public boolean contains(double[] x) {
            return x[0] >= lo && x[0] <= hi;
        }

        /** @return 1 */
        @Override
        public int dimension() {
            return 1;
        }
    }

    /**
     * The closed ball \(\{x : \|x - c\| \le R\}\) centred at the origin; projection rescales onto the sphere.
     *
     * @param dimension d
     * @param radius R
     */
    record Ball(int dimension, double radius) implements Domain {
        /** Validates the parameters. */
        public Ball {
            if (dimension < 1) {
                throw new IllegalArgumentException("dimension is not >= 1: " + dimension);
            }
            if (!(radius > 0 && radius < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("radius is not finite and > 0: " + radius);
            }
        }

        @Override
        public void project(double[] x) {
            double s = 0;
            for (double v : x) {
                s += v * v;
            }
            if (s > radius * radius) {
                double f = radius / Math.sqrt(s);
                for (int i = 0; i < x.length; i++) {
                    x[i] *= f;
                }
            }
        }

        @Override
        public boolean contains(double[] x) {
            double s = 0;
            for (double v : x) {
                s += v * v;
            }
            return s <= radius * radius;
        }
    }
}
