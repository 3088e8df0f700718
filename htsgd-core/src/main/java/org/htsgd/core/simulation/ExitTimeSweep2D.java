package org.htsgd.core.simulation;

import java.util.Arrays;
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
 * and the fits are those of {@link EtaSweep} (its class comment), with the same {@link EtaSweepResult}; only the paths
 * (d-D recursion, basin labels) and the prediction differ. The prediction is NaN when \(J_b\) is unresolved at the
 * grid's resolution, when no number of jumps leaves the field, or when the rate is not finite and positive.
 */
public final class ExitTimeSweep2D extends EtaSweep {
    /** The sweep's settings. */
    private final Config config;
    /** The flow grid (fields and labels). */
    private final FlowGrid flow;
    /** The theory of every field. */
    private final Theory2DReport theory;
    /** The 0-based field of the start. */
    private final int field;
    /** The labeller of the exit test. */
    private final FieldLabeller basins;

    private ExitTimeSweep2D(Config config, FlowGrid flow, Theory2DReport theory, int field) {
        super(config.grid());
        this.config = config;
        this.flow = flow;
        this.theory = theory;
        this.field = field;
        this.basins = basins(flow);
    }

    /**
     * A 2-D sweep's settings.
     *
     * @param landscape a 2-D landscape on a disc
     * @param noise isotropic noise (the rates assume a uniform spectral measure)
     * @param b truncation threshold, {@code > 0} ({@code +inf}: none)
     * @param start \(X_0\) (copied), in the domain
     * @param grid the learning rates and how each runs
     */
    public record Config(Landscape landscape, VectorNoiseLaw noise, double b, double[] start, EtaGrid grid) {
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
            start = StartPoints.require(landscape, start);
            Require.nonNull(grid, "grid");
        }

        @Override
        public double[] start() {
            return start.clone();
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
        FlowGrid flow = FlowGrid.of(config.landscape(), settings.h());
        return of(config, flow, Theory2D.of(flow, config.b(), config.noise().alpha(), settings));
    }

    /**
     * A sweep on a flow grid and theory already computed (a report reuses them for several sweeps).
     *
     * @param config the settings
     * @param flow the flow grid of {@code config.landscape()}
     * @param theory the 2-D theory of that grid at {@code config.b()} and the noise's alpha
     * @return the sweep
     * @throws IllegalArgumentException if the grid or theory belong to another landscape, b or alpha
     */
    public static ExitTimeSweep2D of(Config config, FlowGrid flow, Theory2DReport theory) {
        Require.nonNull(config, "config");
        Require.nonNull(flow, "flow grid");
        Require.nonNull(theory, "theory");
        if (flow.landscape() != config.landscape() || theory.fields().size() != flow.fieldCount()
            || Double.compare(theory.b(), config.b()) != 0 || theory.alpha() != config.noise().alpha()) {
            throw new IllegalArgumentException("flow grid and theory are not those of the sweep's landscape, b = "
                + config.b() + " and alpha = " + config.noise().alpha());
        }
        return new ExitTimeSweep2D(config, flow, theory, flow.field(config.start()));
    }

    /**
     * @param flow a flow grid
     * @return the labeller of its attraction fields (basins of the gradient flow; {@link FlowGrid#field})
     */
    public static FieldLabeller basins(FlowGrid flow) {
        Require.nonNull(flow, "flow grid");
        return FieldLabeller.of(flow.fieldCount(), flow::field);
    }

    /** @return the settings */
    public Config config() {
        return config;
    }

    /** @return the flow grid of the landscape */
    public FlowGrid flowGrid() {
        return flow;
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
    @Override
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

    /** {@inheritDoc} */
    @Override
    public ExitTimeConfigNd pointConfig(int k, int firstPath) {
        EtaGrid g = config.grid();
        SgdNd sgd = new SgdNd(config.landscape(), config.noise(), g.etas()[k], Truncation.of(config.b()));
        return new ExitTimeConfigNd(sgd, config.start(), basins, g.maxSteps(), g.paths(), g.seeds()[k], firstPath);
    }

    @Override
    public String toString() {
        return "ExitTimeSweep2D[" + config.landscape().name() + ", noise " + config.noise() + ", b " + config.b()
            + ", start " + Arrays.toString(config.start()) + ", field " + field + ", " + config.grid() + "]";
    }
}
