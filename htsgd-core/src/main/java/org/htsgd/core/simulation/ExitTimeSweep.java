package org.htsgd.core.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntFunction;
import org.htsgd.core.analysis.AttractionFields1D;
import org.htsgd.core.analysis.CriticalPoints1D;
import org.htsgd.core.landscape.Landscape1D;
import org.htsgd.core.noise.NoiseLaw;
import org.htsgd.core.stats.ExponentialKs;
import org.htsgd.core.stats.LogLogFit;
import org.htsgd.core.theory.Theory;
import org.htsgd.core.theory.TheoryReport;
import org.htsgd.core.validation.Require;

/**
 * First-exit times over a sweep of learning rates, against Theorem 1 (paper §2.1; §3.1, Figure 1 right): for each
 * \(\eta\), the exit times \(\sigma(\eta)\) of independent paths from the attraction field \(\Omega_i\) of the start
 * ({@link ExitTimes}); the least-squares slope of \(\log \overline{\sigma}\) on \(\log(1/\eta)\) over the chosen
 * points with its bootstrap interval ({@link LogLogFit}), to compare with the predicted exponent
 * \(1 + (\alpha - 1) l^*_i\); the local slopes between consecutive learning rates (how the asymptotics set in); and
 * Theorem 1's mean \(1/(q_i \lambda_i(\eta))\), \(\lambda_i(\eta) = H(1/\eta)\,(H(1/\eta)/\eta)^{l^*_i - 1}\).
 * The command {@code htsgd exit-time} and the report's Figure 1 (right) both run this class; its 2-D counterpart
 * {@link ExitTimeSweep2D} (attraction fields of the gradient flow, \(J_b\) in place of \(l^*\)) runs the same
 * loop, censoring, KS and fit rules and returns the same {@link Result}.
 *
 * <p><b>Rules.</b>
 * <ul>
 *   <li>Order: the fits see the points by decreasing \(\eta\) (increasing \(1/\eta\)), whatever the order of
 *   {@link Config#etas()}; local slopes are between neighbours in that order. The learning rates must be pairwise
 *   distinct (checked before any path runs).</li>
 *   <li>Censoring: a path still inside the field at the step cap counts at the cap, in the means and in the fits
 *   alike, so a mean with censored paths is a lower bound (the caller may leave such points out of the fit). The
 *   Kolmogorov-Smirnov test of \(q\lambda(\eta)\,\sigma \approx \mathrm{Exp}(1)\) runs only on a point with no
 *   censored path and a known prediction.</li>
 *   <li>Prediction: Theorem 1's mean is known when \(q_i\) is finite and \(&gt; 0\) and \(l^*_i\) is finite (a lone
 *   field has none); otherwise it is NaN.</li>
 *   <li>Fits: with at least two learning rates, one fit on the chosen points ({@link Config#fitted()}, at least
 *   two) and one on all points (its local slopes), both with the bootstrap seed {@link Config#fitSeed()}; with one
 *   learning rate, none.</li>
 * </ul>
 */
public final class ExitTimeSweep {
    /** The sweep's settings (its provenance). */
    private final Config config;
    /** The attraction fields of the landscape. */
    private final AttractionFields1D fields;
    /** The 0-based field of the start. */
    private final int field;
    /** The theory of that field at the sweep's b. */
    private final TheoryReport.MinimumReport theory;

    private ExitTimeSweep(Config config, AttractionFields1D fields, int field, TheoryReport.MinimumReport theory) {
        this.config = config;
        this.fields = fields;
        this.field = field;
        this.theory = theory;
    }

    /**
     * A sweep's settings.
     *
     * @param landscape the landscape \(f\)
     * @param noise the law of \(Z\)
     * @param b truncation threshold, {@code > 0} ({@code +inf}: none)
     * @param start \(X_0\), in the domain and inside a field (not on a boundary)
     * @param etas the learning rates, finite, {@code > 0}, pairwise distinct, in any order (copied)
     * @param seeds per learning rate, the seed of its paths (copied)
     * @param fitted per learning rate, whether it enters the slope fit; at least two when there are at least two
     *     learning rates (copied)
     * @param paths paths per learning rate, {@code >= 1}
     * @param maxSteps step cap per path, {@code >= 1}
     * @param fitSeed bootstrap seed of the fits
     */
    public record Config(Landscape1D landscape, NoiseLaw noise, double b, double start, double[] etas, long[] seeds,
                         boolean[] fitted, int paths, long maxSteps, long fitSeed) {
        /** @throws IllegalArgumentException on an invalid parameter (see the component docs) */
        public Config {
            Require.nonNull(landscape, "landscape");
            Require.nonNull(noise, "noise");
            Require.positive(b, "b");
            etas = etas.clone();
            seeds = seeds.clone();
            fitted = fitted.clone();
            validate(etas, seeds, fitted, paths, maxSteps);
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
    }

    /**
     * One learning rate of a finished sweep.
     *
     * @param eta the learning rate
     * @param seed the seed of its paths
     * @param fitted whether it entered the slope fit
     * @param exits the exit times of its paths
     * @param predictedMean Theorem 1's \(1/(q\lambda(\eta))\), NaN when unknown
     * @param ks the Kolmogorov-Smirnov test of \(q\lambda(\eta)\sigma\) against Exp(1), or {@code null} when a
     *     path was censored or the prediction is unknown
     * @param seconds wall time of its paths (not provenance: it varies between runs); NaN when merged from parts
     */
    public record Point(double eta, long seed, boolean fitted, ExitTimes.Result exits, double predictedMean,
                        ExponentialKs ks, double seconds) {
    }

    /**
     * A finished sweep.
     *
     * @param points per learning rate, in the order of {@link Config#etas()}
     * @param fitEtas the fitted learning rates in fit order (decreasing)
     * @param fit the fit on them, {@code null} with one learning rate
     * @param allEtas all learning rates in fit order (decreasing)
     * @param all the fit on all points (local slopes between neighbours in {@code allEtas}), {@code null} with one
     *     learning rate
     */
    public record Result(List<Point> points, double[] fitEtas, LogLogFit fit, double[] allEtas, LogLogFit all) {
        /** Copies. */
        public Result {
            points = List.copyOf(points);
            fitEtas = fitEtas.clone();
            allEtas = allEtas.clone();
        }

        @Override
        public double[] fitEtas() {
            return fitEtas.clone();
        }

        @Override
        public double[] allEtas() {
            return allEtas.clone();
        }
    }

    /**
     * Validates a sweep before any path runs: locates the attraction fields ({@link CriticalPoints1D}), the start's
     * field and its theory ({@link Theory}).
     *
     * @param config the settings
     * @return the sweep, ready to {@link #run}
     * @throws IllegalArgumentException if the start is outside the domain or on a field boundary
     */
    public static ExitTimeSweep of(Config config) {
        Objects.requireNonNull(config, "config");
        Landscape1D f = config.landscape();
        if (!f.domain().contains(new double[] {config.start()})) {
            throw new IllegalArgumentException("start is not in the domain " + f.domain() + ": " + config.start());
        }
        AttractionFields1D fields = CriticalPoints1D.of(f).fields();
        int field = fields.partition().startField(config.start());
        TheoryReport.MinimumReport theory = Theory.of(fields, f, config.b(), config.noise(), f.name()).minima()
            .get(field);
        return new ExitTimeSweep(config, fields, field, theory);
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

    /** @return the settings */
    public Config config() {
        return config;
    }

    /** @return the landscape's attraction fields */
    public AttractionFields1D fields() {
        return fields;
    }

    /** @return the 0-based index of the start's field */
    public int field() {
        return field;
    }

    /** @return the theory of the start's field (width, \(l^*\), exponent, \(q\)) */
    public TheoryReport.MinimumReport theory() {
        return theory;
    }

    /**
     * @param eta a learning rate
     * @return Theorem 1's mean exit time \(1/(q\lambda(\eta))\) from the start's field, NaN when \(q\) is not finite
     *     and positive or \(l^*\) is infinite
     */
    public double predictedMean(double eta) {
        double q = theory.exitRate();
        if (!(q > 0 && q < Double.POSITIVE_INFINITY) || theory.lStar() == Integer.MAX_VALUE) {
            return Double.NaN;
        }
        return Theory.meanExitTime(q, config.noise(), theory.lStar(), eta);
    }

    /**
     * Runs the learning rates in order, progress counting completed paths over the whole sweep.
     *
     * @param execution threads and progress
     * @return the sweep's results
     * @throws DivergenceException if a path produced a NaN iterate
     */
    public Result run(Execution execution) {
        return run(0, execution);
    }

    /**
     * Runs the paths {@code firstPath .. firstPath + paths - 1} of every learning rate: a part of a larger sweep
     * with the same seeds ({@link ExitTimes.Result#merge}, {@link #finish}), progress counting completed paths.
     *
     * @param firstPath index of the first path, {@code >= 0}
     * @param execution threads and progress
     * @return the sweep's results on those paths
     * @throws DivergenceException if a path produced a NaN iterate
     */
    public Result run(int firstPath, Execution execution) {
        return run(firstPath, k -> execution.withProgress(n -> execution.progress().accept((long) k * config.paths()
            + n)));
    }

    /**
     * Runs the learning rates in order.
     *
     * @param executions per learning rate index {@code k}, how to run its paths (called just before they run, so
     *     it can also announce the point); its progress counts that learning rate's completed paths
     * @return the sweep's results; bit-identical for any thread counts
     * @throws DivergenceException if a path produced a NaN iterate
     */
    public Result run(IntFunction<Execution> executions) {
        return run(0, executions);
    }

    /**
     * Runs the paths {@code firstPath .. firstPath + paths - 1} of every learning rate, in order.
     *
     * @param firstPath index of the first path, {@code >= 0}
     * @param executions per learning rate index {@code k}, how to run its paths (called just before they run, so
     *     it can also announce the point); its progress counts that learning rate's completed paths
     * @return the sweep's results on those paths; bit-identical for any thread counts
     * @throws DivergenceException if a path produced a NaN iterate
     */
    public Result run(int firstPath, IntFunction<Execution> executions) {
        return sweep(config.etas(), config.seeds(), config.fitted(), config.fitSeed(), executions,
            (k, execution) -> ExitTimes.run(pointConfig(k, firstPath), execution), this::predictedMean);
    }

    /**
     * The run of one learning rate.
     *
     * @param k the learning rate's index in {@link Config#etas()}
     * @param firstPath index of its first path
     * @return the exit-time run of its {@link Config#paths()} paths from {@code firstPath}
     * @throws IllegalArgumentException if {@code firstPath} is negative or the block's last index is not an int
     */
    public ExitTimes.Config1D pointConfig(int k, int firstPath) {
        Sgd1D sgd = Sgd1D.of(config.landscape(), config.noise(), config.etas()[k], config.b());
        return ExitTimes.Config1D.of(sgd, config.start(), fields.partition(), config.maxSteps(), config.paths(),
            config.seeds()[k]).withBlock(firstPath, config.paths());
    }

    /**
     * The sweep's results from every learning rate's exit times, e.g. of parts run apart and joined by
     * {@link ExitTimes.Result#merge}: Theorem 1's means, the KS tests and the fits, as {@link #run} computes them,
     * so that the merged parts give exactly the one-process sweep (the wall times are NaN).
     *
     * @param exits per learning rate (in the order of {@link Config#etas()}), its exit times
     * @return the sweep's results
     * @throws IllegalArgumentException if there is not one result per learning rate, or one is not the run of
     *     {@link #pointConfig} (same recursion, start, field, cap, seed and number of paths)
     */
    public Result finish(List<ExitTimes.Result> exits) {
        if (exits.size() != config.etas().length) {
            throw new IllegalArgumentException("exit times are not one per learning rate (" + config.etas().length
                + "): " + exits.size());
        }
        for (int k = 0; k < exits.size(); k++) {
            ExitTimes.Config c = exits.get(k).config();
            if (!c.equals(pointConfig(k, c.firstPath()))) {
                throw new IllegalArgumentException("exit times " + k + " are not of this sweep's run " + pointConfig(k,
                    c.firstPath()) + ": " + c);
            }
        }
        double[] seconds = new double[exits.size()];
        Arrays.fill(seconds, Double.NaN);
        return assemble(config.etas(), config.seeds(), config.fitted(), config.fitSeed(), exits, seconds,
            this::predictedMean);
    }

    /** The exit times of one learning rate's paths (the dimension-specific part of a sweep). */
    @FunctionalInterface
    interface PointRun {
        /**
         * @param k the learning rate's index
         * @param execution threads and progress
         * @return the exit times
         */
        ExitTimes.Result run(int k, Execution execution);
    }

    /**
     * Checks a sweep's shared settings (the rules in the class comment), for the 1-D and the d-D configs alike.
     *
     * @throws IllegalArgumentException on a bad value
     */
    static void validate(double[] etas, long[] seeds, boolean[] fitted, int paths, long maxSteps) {
        Require.atLeast(etas.length, 1, "number of learning rates");
        for (double eta : etas) {
            Require.finitePositive(eta, "eta");
        }
        double[] sorted = etas.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw new IllegalArgumentException("etas are not pairwise distinct: " + Arrays.toString(etas));
            }
        }
        if (seeds.length != etas.length || fitted.length != etas.length) {
            throw new IllegalArgumentException("seeds and fitted do not have one entry per eta (" + etas.length
                + "): " + seeds.length + ", " + fitted.length);
        }
        int nFitted = 0;
        for (boolean v : fitted) {
            nFitted += v ? 1 : 0;
        }
        if (etas.length >= 2 && nFitted < 2) {
            throw new IllegalArgumentException("number of fitted etas is not >= 2: " + nFitted);
        }
        Require.atLeast(paths, 1, "paths");
        Require.atLeast(maxSteps, 1, "maxSteps");
    }

    /**
     * The sweep itself, shared by the 1-D and d-D sweeps: runs the learning rates in order, the KS test where it
     * applies, and the fits (the rules in the class comment).
     *
     * @param etas learning rates
     * @param seeds per learning rate, its seed
     * @param fitted per learning rate, whether it is fitted
     * @param fitSeed bootstrap seed
     * @param executions per learning rate index, how to run its paths
     * @param pointRun runs one learning rate's paths
     * @param predictedMean the theory's mean exit time at a learning rate, NaN when unknown
     * @return the result
     */
    static Result sweep(double[] etas, long[] seeds, boolean[] fitted, long fitSeed,
            IntFunction<Execution> executions, PointRun pointRun, DoubleUnaryOperator predictedMean) {
        List<ExitTimes.Result> exits = new ArrayList<>();
        double[] seconds = new double[etas.length];
        for (int k = 0; k < etas.length; k++) {
            Execution execution = executions.apply(k);
            long t0 = System.nanoTime();
            exits.add(pointRun.run(k, execution));
            seconds[k] = (System.nanoTime() - t0) * 1e-9;
        }
        return assemble(etas, seeds, fitted, fitSeed, exits, seconds, predictedMean);
    }

    /**
     * The sweep's results from every learning rate's exit times: Theorem 1's means, the KS tests where they apply,
     * and the fits (the rules in the class comment).
     */
    private static Result assemble(double[] etas, long[] seeds, boolean[] fitted, long fitSeed,
            List<ExitTimes.Result> exits, double[] seconds, DoubleUnaryOperator predictedMean) {
        List<Point> points = new ArrayList<>();
        for (int k = 0; k < etas.length; k++) {
            ExitTimes.Result r = exits.get(k);
            double predicted = predictedMean.applyAsDouble(etas[k]);
            ExponentialKs ks = Double.isFinite(predicted) && r.censoredCount() == 0
                ? ExponentialKs.test(samples(r), 1 / predicted) : null; // q lambda(eta) sigma ~ Exp(1)
            points.add(new Point(etas[k], seeds[k], fitted[k], r, predicted, ks, seconds[k]));
        }
        Integer[] order = decreasing(etas);
        List<Integer> chosen = Arrays.stream(order).filter(i -> fitted[i]).toList();
        List<Integer> every = Arrays.asList(order);
        if (etas.length < 2) {
            return new Result(points, etasOf(etas, chosen), null, etasOf(etas, every), null);
        }
        return new Result(points, etasOf(etas, chosen), fit(points, chosen, fitSeed), etasOf(etas, every),
            fit(points, every, fitSeed));
    }

    private static LogLogFit fit(List<Point> points, List<Integer> indices, long fitSeed) {
        double[] x = new double[indices.size()];
        double[][] samples = new double[indices.size()][];
        for (int r = 0; r < x.length; r++) {
            Point p = points.get(indices.get(r));
            x[r] = 1 / p.eta();
            samples[r] = samples(p.exits());
        }
        return LogLogFit.fit(x, samples, fitSeed);
    }

    private static double[] samples(ExitTimes.Result r) {
        return Arrays.stream(r.exitSteps()).asDoubleStream().toArray();
    }

    private static double[] etasOf(double[] etas, List<Integer> indices) {
        return indices.stream().mapToDouble(i -> etas[i]).toArray();
    }

    /** @return the indices of {@code etas} by decreasing value (increasing 1/eta; stable) */
    private static Integer[] decreasing(double[] etas) {
        Integer[] order = new Integer[etas.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, c) -> Double.compare(etas[c], etas[a]));
        return order;
    }

    @Override
    public String toString() {
        return "ExitTimeSweep[" + config.landscape().name() + ", noise " + config.noise() + ", b " + config.b()
            + ", start " + config.start() + ", etas " + Arrays.toString(config.etas()) + ", paths " + config.paths()
            + ", maxSteps " + config.maxSteps() + "]";
    }
}
