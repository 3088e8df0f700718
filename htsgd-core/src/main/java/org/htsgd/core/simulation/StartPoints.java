package org.htsgd.core.simulation;

import java.util.Arrays;
import org.htsgd.core.landscape.Landscape;
import org.htsgd.core.validation.Require;

/**
 * The check every simulation makes of its start \(X_0\) before any path runs: it has the landscape's dimension and
 * lies in its domain (the interval \([-L, L]\) or the disc the projection \(\varphi_L\) of eq. (2) maps onto).
 */
final class StartPoints {
    private StartPoints() {
    }

    /**
     * @param f the landscape
     * @param start \(X_0\) in 1-D
     * @return {@code start}
     * @throws IllegalArgumentException if it is not in the domain
     */
    static double require(Landscape f, double start) {
        if (!f.domain().contains(new double[] {start})) {
            throw new IllegalArgumentException("start is not in the domain " + f.domain() + ": " + start);
        }
        return start;
    }

    /**
     * @param f the landscape
     * @param start \(X_0\)
     * @return a copy of {@code start}
     * @throws IllegalArgumentException if it does not have {@code f}'s dimension or is not in the domain
     */
    static double[] require(Landscape f, double[] start) {
        double[] x = Require.nonNull(start, "start").clone();
        if (x.length != f.dimension()) {
            throw new IllegalArgumentException("start dimension is not " + f.dimension() + ": " + x.length);
        }
        if (!f.domain().contains(x)) {
            throw new IllegalArgumentException("start is not in the domain " + f.domain() + ": "
                + Arrays.toString(x));
        }
        return x;
    }
}
