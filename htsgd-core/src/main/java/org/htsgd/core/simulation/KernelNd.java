package org.htsgd.core.simulation;

import org.apache.commons.rng.UniformRandomProvider;
import org.htsgd.core.noise.VectorNoiseLaw;

/**
 * The d-D hot loop shared by the exit-time and occupancy runs: one path of eq. (2),
 * \(X_{n+1} = \varphi_L(X_n - \varphi_b(\eta(\nabla f(X_n) - Z_{n+1})))\) ({@link SgdNd#step}), stepped in place
 * with no allocation per step; after each step a {@link Visitor} sees the iterate (and may end the path), a
 * non-finite iterate is reported as a divergence, and the stop flag is polled every {@link PathRunner#CHUNK} steps.
 */
final class KernelNd {
    private KernelNd() {
    }

    /** What a run does with each new iterate. */
    @FunctionalInterface
    interface Visitor {
        /**
         * @param x \(X_n\) (not to be kept: it is overwritten by the next step)
         * @return whether the path ends here (e.g. it left its field)
         */
        boolean visit(double[] x);
    }

    /**
     * Steps one path from {@code x} until the visitor ends it or {@code steps} steps are made.
     *
     * @param sgd the recursion
     * @param x \(X_0\), overwritten with the last iterate
     * @param steps most steps, {@code >= 1}
     * @param path the path's index in its block
     * @param rng the path's stream
     * @param guard stop flag, divergence and progress
     * @param countSteps whether progress counts steps (reported per chunk) rather than paths (left to the caller)
     * @param visitor sees every iterate \(X_1, X_2, \dots\)
     * @return the steps made, or -1 if the path diverged or was told to stop
     */
    static long walk(SgdNd sgd, double[] x, long steps, int path, UniformRandomProvider rng, PathRunner.Guard guard,
                     boolean countSteps, Visitor visitor) {
        VectorNoiseLaw.VectorSampler sampler = sgd.noise().sampler(rng);
        double[] z = new double[x.length];
        double[] work = new double[x.length];
        long n = 0;
        while (n < steps) {
            long chunkStart = n;
            long end = Math.min(steps, n + PathRunner.CHUNK);
            while (n < end) {
                sampler.sample(z);
                sgd.step(x, z, work);
                n++;
                if (!isFinite(x)) {
                    guard.diverged(path, n, firstNonFinite(x));
                    return -1;
                }
                if (visitor.visit(x)) {
                    return n;
                }
            }
            if (countSteps) {
                guard.progress(n - chunkStart);
            }
            if (guard.shouldStop(path)) {
                return -1;
            }
        }
        return n;
    }

    private static boolean isFinite(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static double firstNonFinite(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return v;
            }
        }
        return 0;
    }
}
