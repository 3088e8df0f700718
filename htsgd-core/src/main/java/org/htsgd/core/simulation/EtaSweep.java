package org.htsgd.core.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import org.htsgd.core.stats.ExponentialKs;
import org.htsgd.core.stats.LogLogFit;

/**
 * First-exit times over a sweep of learning rates, against the theory's mean exit time (paper §2.1, Theorem 1;
 * §3.1, Figure 1 right; in 2-D S4 Theorem 2.8): for each \(\eta\) of an {@link EtaGrid}, the exit times
 * \(\sigma(\eta)\) of independent paths from the attraction field of the start ({@link ExitTimes}); the
 * least-squares slope of \(\log \overline{\sigma}\) on \(\log(1/\eta)\) over the chosen points with its bootstrap
 * interval ({@link LogLogFit}), to compare with the predicted exponent; the local slopes between consecutive
 * learning rates (how the asymptotics set in); and the theory's mean at each \(\eta\). The 1-D
 * ({@link ExitTimeSweep}) and 2-D ({@link ExitTimeSweep2D}) sweeps differ only in their paths
 * ({@link #pointConfig}) and prediction ({@link #predictedMean}); the loop, censoring, KS and fit rules are here.
 *
 * <p><b>Rules.</b>
 * <ul>
 *   <li>Order: the fits see the points by decreasing \(\eta\) (increasing \(1/\eta\)), whatever the order of
 *   {@link EtaGrid#etas()}; local slopes are between neighbours in that order. The learning rates are pairwise
 *   distinct (checked by {@link EtaGrid} before any path runs).</li>
 *   <li>Censoring: a path still inside the field at the step cap counts at the cap, in the means and in the fits
 *   alike, so a mean with censored paths is a lower bound (the caller may leave such points out of the fit). The
 *   Kolmogorov-Smirnov test of \(\sigma\) against the exponential law of the predicted mean runs only on a point
 *   with no censored path and a known prediction.</li>
 *   <li>Fits: with at least two learning rates, one fit on the chosen points ({@link EtaGrid#fitted()}, at least
 *   two) and one on all points (its local slopes), both with the bootstrap seed {@link EtaGrid#fitSeed()}; with one
 *   learning rate, none.</li>
 *   <li>Parts: a run on the paths {@code firstPath .. firstPath + paths - 1} of every learning rate is a part of
 *   the whole sweep; the parts' exit times merged ({@link ExitTimeResult#merge}) and {@link #finish}ed give
 *   exactly the one-process sweep.</li>
 * </ul>
 */
public abstract sealed class EtaSweep permits ExitTimeSweep, ExitTimeSweep2D {
    /** The learning rates and how each runs. */
    private final EtaGrid grid;

    EtaSweep(EtaGrid grid) {
        this.grid = Objects.requireNonNull(grid, "grid");
    }

    /** @return the learning rates and how each runs */
    public EtaGrid grid() {
        return grid;
    }

    /**
     * The run of one learning rate.
     *
     * @param k the learning rate's index in {@link EtaGrid#etas()}
     * @param firstPath index of its first path
     * @return the exit-time run of its {@link EtaGrid#paths()} paths from {@code firstPath}
     * @throws IllegalArgumentException if {@code firstPath} is negative or the block's last index is not an int
     */
    public abstract ExitTimeConfig pointConfig(int k, int firstPath);

    /**
     * @param eta a learning rate
     * @return the theory's mean exit time from the start's field at {@code eta}, NaN when unknown
     */
    public abstract double predictedMean(double eta);

    /**
     * Runs the learning rates in order, progress counting completed paths over the whole sweep.
     *
     * @param execution threads and progress
     * @return the sweep's results
     * @throws DivergenceException if a path produced a non-finite iterate
     */
    public EtaSweepResult run(Execution execution) {
        return run(0, execution);
    }

    /**
     * Runs the paths {@code firstPath .. firstPath + paths - 1} of every learning rate, progress counting completed
     * paths over the whole sweep.
     *
     * @param firstPath index of the first path, {@code >= 0}
     * @param execution threads and progress
     * @return the sweep's results on those paths
     * @throws DivergenceException if a path produced a non-finite iterate
     */
    public EtaSweepResult run(int firstPath, Execution execution) {
        Objects.requireNonNull(execution, "execution");
        return run(firstPath, k -> execution.withProgress(n -> execution.progress().accept((long) k * grid.paths()
            + n)));
    }

    /**
     * Runs the learning rates in order.
     *
     * @param executions per learning rate index {@code k}, how to run its paths (called just before they run, so
     *     it can also announce the point); its progress counts that learning rate's completed paths
     * @return the sweep's results; bit-identical for any thread counts
     * @throws DivergenceException if a path produced a non-finite iterate
     */
    public EtaSweepResult run(IntFunction<Execution> executions) {
        return run(0, executions);
    }

    /**
     * Runs the paths {@code firstPath .. firstPath + paths - 1} of every learning rate, in order.
     *
     * @param firstPath index of the first path, {@code >= 0}
     * @param executions per learning rate index {@code k}, how to run its paths (called just before it runs)
     * @return the sweep's results on those paths; bit-identical for any thread counts
     * @throws DivergenceException if a path produced a non-finite iterate
     */
    public EtaSweepResult run(int firstPath, IntFunction<Execution> executions) {
        List<ExitTimeResult> exits = new ArrayList<>();
        double[] seconds = new double[grid.size()];
        for (int k = 0; k < grid.size(); k++) {
            Execution execution = executions.apply(k);
            long t0 = System.nanoTime();
            exits.add(ExitTimes.run(pointConfig(k, firstPath), execution));
            seconds[k] = (System.nanoTime() - t0) * 1e-9;
        }
        return assemble(exits, seconds);
    }

    /**
     * The sweep's results from every learning rate's exit times, e.g. of parts run apart and joined by
     * {@link ExitTimeResult#merge}: the theory's means, the KS tests and the fits, as {@link #run} computes them,
     * so that the merged parts give exactly the one-process sweep (the wall times are NaN).
     *
     * @param exits per learning rate (in the order of {@link EtaGrid#etas()}), its exit times
     * @return the sweep's results
     * @throws IllegalArgumentException if there is not one result per learning rate, or one is not the run of
     *     {@link #pointConfig} (same recursion, start, field, cap, seed and number of paths)
     */
    public EtaSweepResult finish(List<ExitTimeResult> exits) {
        if (exits.size() != grid.size()) {
            throw new IllegalArgumentException("exit times are not one per learning rate (" + grid.size() + "): "
                + exits.size());
        }
        for (int k = 0; k < exits.size(); k++) {
            ExitTimeConfig c = exits.get(k).config();
            if (!c.equals(pointConfig(k, c.firstPath()))) {
                throw new IllegalArgumentException("exit times " + k + " are not of this sweep's run "
                    + pointConfig(k, c.firstPath()) + ": " + c);
            }
        }
        double[] seconds = new double[exits.size()];
        Arrays.fill(seconds, Double.NaN);
        return assemble(exits, seconds);
    }

    /** The points with the theory's means and KS tests, and the fits (the rules in the class comment). */
    private EtaSweepResult assemble(List<ExitTimeResult> exits, double[] seconds) {
        double[] etas = grid.etas();
        boolean[] fitted = grid.fitted();
        List<EtaSweepPoint> points = new ArrayList<>();
        for (int k = 0; k < etas.length; k++) {
            ExitTimeResult r = exits.get(k);
            double predicted = predictedMean(etas[k]);
            ExponentialKs ks = Double.isFinite(predicted) && r.censoredCount() == 0
                ? ExponentialKs.test(samples(r), 1 / predicted) : null; // q lambda(eta) sigma ~ Exp(1)
            points.add(new EtaSweepPoint(etas[k], grid.seeds()[k], fitted[k], r, predicted, ks, seconds[k]));
        }
        Integer[] order = EtaGrid.decreasing(etas);
        List<Integer> chosen = Arrays.stream(order).filter(i -> fitted[i]).toList();
        List<Integer> every = Arrays.asList(order);
        if (etas.length < 2) {
            return new EtaSweepResult(points, etasOf(etas, chosen), null, etasOf(etas, every), null);
        }
        return new EtaSweepResult(points, etasOf(etas, chosen), fit(points, chosen), etasOf(etas, every),
            fit(points, every));
    }

    private LogLogFit fit(List<EtaSweepPoint> points, List<Integer> indices) {
        double[] x = new double[indices.size()];
        double[][] samples = new double[indices.size()][];
        for (int r = 0; r < x.length; r++) {
            EtaSweepPoint p = points.get(indices.get(r));
            x[r] = 1 / p.eta();
            samples[r] = samples(p.exits());
        }
        return LogLogFit.fit(x, samples, grid.fitSeed());
    }

    private static double[] samples(ExitTimeResult r) {
        return Arrays.stream(r.exitSteps()).asDoubleStream().toArray();
    }

    private static double[] etasOf(double[] etas, List<Integer> indices) {
        return indices.stream().mapToDouble(i -> etas[i]).toArray();
    }
}
