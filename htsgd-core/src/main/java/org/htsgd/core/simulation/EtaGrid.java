package org.htsgd.core.simulation;

import java.util.Arrays;
import org.htsgd.core.validation.Require;

/**
 * The learning rates of an exit-time sweep ({@link EtaSweep}) and how each runs: per \(\eta_k\) the seed of its
 * paths and whether it enters the fit of \(\log \overline{\sigma}\) on \(\log(1/\eta)\) (Theorem 1's exponent
 * \(1 + (\alpha - 1) l^*\)), the paths per learning rate, the step cap and the bootstrap seed of the fits.
 *
 * <p>The one check of a sweep's shared settings: at least one learning rate, each finite and {@code > 0}, pairwise
 * distinct (a repeated one would only be noticed by the fit), one seed and one flag per learning rate, at least two
 * fitted when there are at least two, {@code paths >= 1}, {@code maxSteps >= 1}.
 *
 * @param etas the learning rates, in any order (copied)
 * @param seeds per learning rate, the seed of its paths (copied)
 * @param fitted per learning rate, whether it enters the slope fit (copied)
 * @param paths paths per learning rate
 * @param maxSteps step cap per path
 * @param fitSeed bootstrap seed of the fits
 */
public record EtaGrid(double[] etas, long[] seeds, boolean[] fitted, int paths, long maxSteps, long fitSeed) {
    /** @throws IllegalArgumentException on a bad value (see the class comment) */
    public EtaGrid {
        etas = Require.nonNull(etas, "etas").clone();
        seeds = Require.nonNull(seeds, "seeds").clone();
        fitted = Require.nonNull(fitted, "fitted").clone();
        Require.atLeast(etas.length, 1, "number of learning rates");
        for (double eta : etas) {
            Require.finitePositive(eta, "eta");
        }
        double[] sorted = etas.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw new IllegalArgumentException("eta repeats " + sorted[i] + ": give each learning rate once");
            }
        }
        if (seeds.length != etas.length || fitted.length != etas.length) {
            throw new IllegalArgumentException("seeds and fitted do not have one entry per eta (" + etas.length
                + "): " + seeds.length + ", " + fitted.length);
        }
        int nFitted = count(fitted);
        if (etas.length >= 2 && nFitted < 2) {
            throw new IllegalArgumentException("number of fitted etas is not >= 2: " + nFitted);
        }
        Require.atLeast(paths, 1, "paths");
        Require.atLeast(maxSteps, 1, "maxSteps");
    }

    /**
     * The sweep most runs use: the same seed for every learning rate (and the fits), the {@code fitPoints}
     * smallest learning rates fitted.
     *
     * @param etas the learning rates
     * @param fitPoints how many of the smallest enter the fit
     * @param paths paths per learning rate
     * @param maxSteps step cap per path
     * @param seed the seed of every learning rate's paths and of the fits
     * @return the grid
     * @throws IllegalArgumentException on a bad value
     */
    public static EtaGrid of(double[] etas, int fitPoints, int paths, long maxSteps, long seed) {
        long[] seeds = new long[etas.length];
        Arrays.fill(seeds, seed);
        return new EtaGrid(etas, seeds, smallest(etas, fitPoints), paths, maxSteps, seed);
    }

    @Override
    public double[] etas() {
        return etas.clone();
    }

    @Override
    public long[] seeds() {
        return seeds.clone();
    }

    @Override
    public boolean[] fitted() {
        return fitted.clone();
    }

    /** @return the number of learning rates */
    public int size() {
        return etas.length;
    }

    /** @return the number of fitted learning rates */
    public int fittedCount() {
        return count(fitted);
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean v : flags) {
            n += v ? 1 : 0;
        }
        return n;
    }

    /**
     * @param etas learning rates
     * @param k how many to choose, {@code <= etas.length}
     * @return per learning rate, whether it is one of the {@code k} smallest (the settled end of the sweep)
     */
    public static boolean[] smallest(double[] etas, int k) {
        Require.inRange(k, 0, etas.length, "k");
        Integer[] order = decreasing(etas);
        boolean[] chosen = new boolean[etas.length];
        for (int r = etas.length - k; r < etas.length; r++) {
            chosen[order[r]] = true;
        }
        return chosen;
    }

    /** @return the indices of {@code etas} by decreasing value (increasing 1/eta; stable) */
    static Integer[] decreasing(double[] etas) {
        Integer[] order = new Integer[etas.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, c) -> Double.compare(etas[c], etas[a]));
        return order;
    }

    @Override
    public String toString() {
        return "etas " + Arrays.toString(etas) + ", paths " + paths + ", maxSteps " + maxSteps;
    }
}
