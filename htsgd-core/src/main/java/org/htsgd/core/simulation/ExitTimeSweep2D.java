package org.htsgd.core.simulation;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntFunction;
import org.htsgd.core.analysis.FlowGrid;
import org.htsgd.core.analysis.JumpNumber;
import org.htsgd.core.landscape.Landscape;
import org.htsgd.core.noise.IsotropicNoise;
import org.htsgd.core.noise.VectorNoiseLaw;
import org.htsgd.core.theory.ExitRate;
import org.htsgd.core.theory.Theory2D;
import org.htsgd.core.theory.Theory2DReport;
import org.htsgd.core.truncation.Truncation;
import org.htsgd.core.validation.Require;

/**
 * First-exit times over a sweep of learning rates in 2-D, against S4 Theorem 2.8 (paper.md §2.6): for each
 * \(\eta\), the exit times of independent paths of {@link SgdNd} from the attraction field \(I\) of the start — the
 * basin of the gradient flow, labelled by {@link FlowGrid#field} — and the same fits as in 1-D. The theory of the
 * field comes from {@link Theory2D}: the jump number \(J_b^I\) (reachable sets), the predicted exponent
 * \(1 + (\alpha - 1)J_b^I\) and the rate \(C_b^I = q_I\) (quadrature for \(J_b = 1\), Monte Carlo for
 * \(J_b \ge 2\)); Theorem 2.8, \(C_b^I\,\eta\lambda^{J}(\eta)\,\tau \Rightarrow \mathrm{Exp}(1)\) with
 * \(\eta\lambda^J(\eta) = H(1/\eta)(H(1/\eta)/\eta)^{J-1}\), gives the mean \(1/(q_I H(1/\eta)(H(1/\eta)/\eta)^{J-1})\).
 *
 * <p>The loop over learning rates, the censoring rule (a capped path counts at the cap), the Kolmogorov-Smirnov test
 * and the fits are those of {@link ExitTimeSweep} (its class comment), run by the same code, with the same
 * {@link ExitTimeSweep.Result}; only the paths (d-D recursion, basin labels) and the prediction differ. The
 * prediction is NaN when \(J_b\) is unresolved at the grid's resolution, when no number of jumps leaves the field,
 * or when the rate is not finite and positive.
 */
public final class ExitTimeSweep2D {
    /** The sweep's settings. */
    private final Config config;
    /** The flow grid (fields and labels). */
    private final FlowGrid grid;
    /** The theory of every field. */
    private final Theory2DReport theory;
    /** The 0-based field of the start. */
    private final int field;
    /** The labeller of the exit test. */
    private final FieldLabeller basins;

    private ExitTimeSweep2D(Config config, FlowGrid grid, Theory2DReport theory, int field) {
        this.config = config;
        this.grid = grid;
        this.theory = theory;
        this.field = field;
        this.basins = basins(grid);
    }

    /**
     * A 2-D sweep's settings.
     *
     * @param landscape a 2-D landscape on a disc
     * @param noise isotropic noise (the rates assume a uniform spectral measure)
     * @param b truncation threshold, {@code > 0} ({@code +inf}: none)
     * @param start \(X_0\) (copied), in the domain
     * @param etas the learning rates, finite, {@code > 0}, pairwise distinct, in any order (copied)
     * @param seeds per learning rate, the seed of its paths (copied)
     * @param fitted per learning rate, whether it enters the slope fit (at least two of two or more; copied)
     * @param paths paths per learning rate, {@code >= 1}
     * @param maxSteps step cap per path, {@code >= 1}
     * @param fitSeed bootstrap seed of the fits
     */
    public record Config(Landscape landscape, VectorNoiseLaw noise, double b, double[] start, double[] etas,
                         long[] seeds, boolean[] fitted, int paths, long maxSteps, long fitSeed) {
        /** @throws IllegalArgumentException on an invalid parameter (see the component docs) */
        public Config {
            Require.nonNull(landscape, "landscape");
            Require.nonNull(noise, "noise");
            if (landscape.dimension() != 2) {
                throw new IllegalArgumentException("landscape is not 2-D: " + landscape.name() + " is "
                    + landscape.dimension() + "-D");
            }
            if (!(noise instanceof IsotropicNoise) || noise.dimension() != 2) {
                throw new IllegalArgumentException("noise is not isotropic 2-D: " + noise);
            }
            Require.positive(b, "b");
            start = Require.nonNull(start, "start").clone();
            if (start.length != 2) {
                throw new IllegalArgumentException("start does not have 2 coordinates: " + Arrays.toString(start));
            }
            if (!landscape.domain().contains(start)) {
                throw new IllegalArgumentException("start is not in the domain " + landscape.domain() + ": "
                    + Arrays.toString(start));
            }
            etas = etas.clone();
            seeds = seeds.clone();
            fitted = fitted.clone();
            ExitTimeSweep.validate(etas, seeds, fitted, paths, maxSteps);
        }

        @Override
        public double[] start() {
            return start.clone();
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
     * Validates a sweep before any path runs: builds the flow grid and the 2-D theory at the config's b.
     *
     * @param config the settings
     * @param settings the theory's numerical settings (grid spacing, quadrature, Monte Carlo)
     * @return the sweep, ready to {@link #run}
     * @throws IllegalArgumentException on a bad landscape (not on a disc), grid spacing or b
     */
    public static ExitTimeSweep2D of(Config config, Theory2D.Settings settings) {
        Require.nonNull(config, "config");
        Require.nonNull(settings, "settings");
        FlowGrid grid = FlowGrid.of(config.landscape(), settings.h());
        return of(config, grid, Theory2D.of(grid, config.b(), config.noise().alpha(), settings));
    }

    /**
     * A sweep on a flow grid and theory already computed (a report reuses them for several sweeps).
     *
     * @param config the settings
     * @param grid the flow grid of {@code config.landscape()}
     * @param theory the 2-D theory of that grid at {@code config.b()} and the noise's alpha
     * @return the sweep
     * @throws IllegalArgumentException if the grid or theory belong to another landscape, b or alpha
     */
    public static ExitTimeSweep2D of(Config config, FlowGrid grid, Theory2DReport theory) {
        Require.nonNull(config, "config");
        Require.nonNull(grid, "flow grid");
        Require.nonNull(theory, "theory");
        if (grid.landscape() != config.landscape() || theory.fields().size() != grid.fieldCount()
            || Double.compare(theory.b(), config.b()) != 0 || theory.alpha() != config.noise().alpha()) {
            throw new IllegalArgumentException("flow grid and theory are not those of the sweep's landscape, b = "
                + config.b() + " and alpha = " + config.noise().alpha());
        }
        return new ExitTimeSweep2D(config, grid, theory, grid.field(config.start()));
    }

    /**
     * @param grid a flow grid
     * @return the labeller of its attraction fields (basins of the gradient flow; {@link FlowGrid#field})
     */
    public static FieldLabeller basins(FlowGrid grid) {
        Require.nonNull(grid, "flow grid");
        return FieldLabeller.of(grid.fieldCount(), grid::field);
    }

    /** @return the settings */
    public Config config() {
        return config;
    }

    /** @return the flow grid */
    public FlowGrid grid() {
        return grid;
    }

    /** @return the 2-D theory of every field */
    public Theory2DReport theory() {
        return theory;
    }

    /** @return the 0-based field of the start ({@link FlowGrid} order) */
    public int field() {
        return field;
    }

    /** @return the theory of the start's field: \(J_b\), exponent, rate */
    public Theory2DReport.FieldReport fieldTheory() {
        return theory.fields().get(field);
    }

    /**
     * @param eta a learning rate
     * @return the mean exit time \(1/(q\,H(1/\eta)(H(1/\eta)/\eta)^{J-1})\) from the start's field, NaN when \(J_b\)
     *     is unresolved or infinite or \(q\) is not finite and positive
     */
    public double predictedMean(double eta) {
        Require.positive(eta, "eta");
        Theory2DReport.FieldReport t = fieldTheory();
        int j = t.jump().jumps();
        double q = t.rate().exitRate();
        if (j == JumpNumber.UNRESOLVED || j == JumpNumber.NO_EXIT || !(q > 0 && q < Double.POSITIVE_INFINITY)
            || t.rate().method().equals(ExitRate.NONE)) {
            return Double.NaN;
        }
        double h = config.noise().tail(1 / eta);
        return 1 / (q * h * Math.pow(h / eta, j - 1));
    }

    /**
     * Runs the learning rates in order, progress counting completed paths over the whole sweep.
     *
     * @param execution threads and progress
     * @return the sweep's results
     * @throws DivergenceException if a path produced a non-finite iterate
     */
    public ExitTimeSweep.Result run(Execution execution) {
        Objects.requireNonNull(execution, "execution");
        return run(k -> execution.withProgress(n -> execution.progress().accept((long) k * config.paths() + n)));
    }

    /**
     * Runs the learning rates in order.
     *
     * @param executions per learning rate index {@code k}, how to run its paths
     * @return the sweep's results; bit-identical for any thread counts
     * @throws DivergenceException if a path produced a non-finite iterate
     */
    public ExitTimeSweep.Result run(IntFunction<Execution> executions) {
        Truncation truncation = Truncation.of(config.b());
        return ExitTimeSweep.sweep(config.etas(), config.seeds(), config.fitted(), config.fitSeed(), executions,
            (k, execution) -> ExitTimes.run(new ExitTimes.ConfigNd(new SgdNd(config.landscape(),
                config.noise(), config.etas()[k], truncation), config.start(), basins, config.maxSteps(),
                config.paths(), config.seeds()[k]), execution),
            this::predictedMean);
    }

    @Override
    public String toString() {
        return "ExitTimeSweep2D[" + config.landscape().name() + ", noise " + config.noise() + ", b " + config.b()
            + ", start " + Arrays.toString(config.start()) + ", field " + field + ", etas "
            + Arrays.toString(config.etas()) + ", paths " + config.paths() + ", maxSteps " + config.maxSteps() + "]";
    }
}
