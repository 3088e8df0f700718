package org.htsgd.core.theory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.htsgd.core.analysis.FlowGrid;
import org.htsgd.core.analysis.JumpNumber;
import org.htsgd.core.analysis.ReachableSets;
import org.htsgd.core.landscape.Landscape;
import org.htsgd.core.noise.IsotropicNoise;
import org.htsgd.core.validation.Require;

/**
 * Entry point of the 2-D theory (paper.md §2.6, S4 Thm 2.8; the 2-D counterpart of {@link Theory}): for a landscape
 * on a disc, a threshold \(b\) and isotropic noise it computes, per attraction field, the jump number \(J_b\)
 * ({@link ReachableSets}), the exit-time exponent \(1 + (\alpha - 1)J_b\) and the rates \(q_i, q_{i,j}\)
 * ({@link IsotropicExitRates}: quadrature for \(J_b = 1\), averaged over a minimiser set, Monte Carlo for \(J_b \ge 2\)); then the typical
 * transition graph (\(i \to j\) iff \(G^{(J_b^i)|b}\) meets \(\Omega_j\)), its communication classes
 * ({@link CommunicationClasses}) and the widest fields \(\{i : J_b^i = \max_j J_b^j\}\).
 */
public final class Theory2D {
    private Theory2D() {
    }

    /**
     * Numerical settings.
     *
     * @param h grid spacing wanted (the jump numbers' resolution is \(h'\sqrt2\))
     * @param directions directions of the \(J = 1\) quadrature (even, {@code >= 4})
     * @param samples Monte Carlo samples per field with \(J \ge 2\) ({@code >= 2})
     * @param seed seed of the Monte Carlo streams (field i uses a stream derived from seed and i)
     */
    public record Settings(double h, int directions, long samples, long seed) {
        /** @throws IllegalArgumentException on a bad value */
        public Settings {
            Require.finitePositive(h, "grid spacing h");
            if (directions < 4 || directions % 2 != 0) {
                throw new IllegalArgumentException("directions is not even and >= 4: " + directions);
            }
            Require.atLeast(samples, 2, "samples");
        }

        /** @return h = 0.02, 720 directions, 20000 samples, seed 1 */
        public static Settings defaults() {
            return new Settings(0.02, 720, 20_000, 1);
        }
    }

    /**
     * @param f a 2-D landscape on a disc
     * @param b truncation threshold, {@code > } the cell diagonal, possibly {@code +inf}
     * @param noise the isotropic noise (its \(\alpha\); the spectral measure is uniform)
     * @param settings numerical settings
     * @return the report
     * @throws IllegalArgumentException on bad input (not 2-D, not a disc, bad b or settings)
     */
    public static Theory2DReport of(Landscape f, double b, IsotropicNoise noise, Settings settings) {
        Require.nonNull(f, "landscape");
        Require.nonNull(noise, "noise");
        Require.nonNull(settings, "settings");
        if (f.dimension() != 2 || noise.dimension() != 2) {
            throw new IllegalArgumentException("landscape and noise are not both 2-D: " + f.dimension() + ", "
                + noise.dimension());
        }
        Require.positive(b, "b");
        return of(FlowGrid.of(f, settings.h()), b, noise.alpha(), settings);
    }

    /**
     * @param grid a flow grid of a 2-D landscape (reused across thresholds)
     * @param b truncation threshold
     * @param alpha tail index, finite and {@code > 1}
     * @param settings numerical settings ({@code h} is ignored: the grid's own spacing is used)
     * @return the report
     * @throws IllegalArgumentException on bad input
     */
    public static Theory2DReport of(FlowGrid grid, double b, double alpha, Settings settings) {
        return of(grid, b, alpha, settings, Runtime.getRuntime().availableProcessors());
    }

    /**
     * As {@link #of(FlowGrid, double, double, Settings)}, the quadratures on {@code threads} threads (the report does
     * not depend on the thread count; the Monte Carlo rates run on one stream per field).
     *
     * @param grid a flow grid of a 2-D landscape (reused across thresholds)
     * @param b truncation threshold
     * @param alpha tail index, finite and {@code > 1}
     * @param settings numerical settings ({@code h} is ignored: the grid's own spacing is used)
     * @param threads worker threads, {@code >= 1}
     * @return the report
     * @throws IllegalArgumentException on bad input
     */
    public static Theory2DReport of(FlowGrid grid, double b, double alpha, Settings settings, int threads) {
        Require.nonNull(grid, "flow grid");
        Require.tailIndex(alpha, "alpha");
        IsotropicExitRates rates = IsotropicExitRates.of(grid, b, alpha).withThreads(threads);
        ReachableSets sets = ReachableSets.of(grid);
        List<JumpNumber> jumps = sets.jumpNumbers(b);
        int n = grid.fieldCount();
        double[][] q = new double[n][n];
        List<Theory2DReport.FieldReport> fields = new ArrayList<>();
        boolean resolved = true;
        int large = 0;
        for (JumpNumber jn : jumps) {
            int i = jn.field();
            large = Math.max(large, jn.jumpsUpper());
            resolved &= jn.jumps() != JumpNumber.UNRESOLVED;
            double[] m = grid.minimiser(i);
            ExitRate rate = rate(sets, rates, jn, m, settings);
            double[] qi = rate.toField();
            System.arraycopy(qi, 0, q[i], 0, n);
            double exponent = jn.jumps() == JumpNumber.UNRESOLVED ? Double.NaN
                : jn.jumps() == JumpNumber.NO_EXIT ? Double.POSITIVE_INFINITY : 1 + (alpha - 1) * jn.jumps();
            fields.add(new Theory2DReport.FieldReport(i, m, grid.minimiserSet(i), jn, exponent, rate));
        }
        boolean[][] certain = new boolean[n][n];
        List<Theory2DReport.EdgeReport> edges = new ArrayList<>();
        for (JumpNumber jn : jumps) {
            int i = jn.field();
            double[] err = fields.get(i).rate().toFieldError();
            for (int j : jn.possiblyReached()) {
                boolean sure = jn.jumps() != JumpNumber.UNRESOLVED && Arrays.stream(jn.reached()).anyMatch(k -> k == j);
                certain[i][j] = sure;
                edges.add(new Theory2DReport.EdgeReport(i, j, jn.jumpsUpper(), q[i][j], err[j], sure));
            }
        }
        CommunicationClasses cc = CommunicationClasses.of(certain);
        List<Theory2DReport.ClassReport> classes = new ArrayList<>();
        for (int c = 0; c < cc.classes().size(); c++) {
            classes.add(new Theory2DReport.ClassReport(cc.classes().get(c), cc.isAbsorbing(c)));
        }
        final int jl = large;
        int[] widest = jumps.stream().filter(j -> j.jumpsUpper() == jl).mapToInt(JumpNumber::field).toArray();
        return new Theory2DReport(grid.landscape().name(), b, alpha, grid.grid().spacing(),
            grid.grid().cellDiagonal(), fields, edges, classes, cc.isIrreducible(), large, widest, q, resolved);
    }

    /** The rate of one field by the method its jump number allows. */
    private static ExitRate rate(ReachableSets sets, IsotropicExitRates rates, JumpNumber jn, double[] m,
            Settings settings) {
        int n = sets.grid().fieldCount();
        int i = jn.field();
        if (jn.jumps() == JumpNumber.NO_EXIT) {
            return new ExitRate(i, ExitRate.NONE, m, jn.jumps(), 0, 0, new double[n], new double[n], 0, Double.NaN,
                "no exit: no number of jumps leaves this field");
        }
        if (jn.jumps() == JumpNumber.UNRESOLVED) {
            double[] nan = new double[n];
            Arrays.fill(nan, Double.NaN);
            nan[i] = 0;
            return new ExitRate(i, ExitRate.NONE, m, jn.jumps(), Double.NaN, Double.NaN, nan, nan, 0, Double.NaN,
                "not computed: the jump number is unresolved at this grid resolution (" + jn.jumpsLower() + " or "
                    + jn.jumpsUpper() + ")");
        }
        if (jn.jumps() == 1) {
            return rates.quadratureOverSet(i, sets.grid().minimiserSet(i), settings.directions());
        }
        long seed = settings.seed() ^ (0x9E3779B97F4A7C15L * (i + 1));
        return rates.monteCarlo(sets, i, m, jn.jumps(), settings.samples(),
            RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
    }
}
