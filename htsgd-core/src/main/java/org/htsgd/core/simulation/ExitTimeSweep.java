package org.htsgd.core.simulation;

import java.util.Objects;
import org.htsgd.core.analysis.AttractionFields1D;
import org.htsgd.core.analysis.CriticalPoints1D;
import org.htsgd.core.landscape.Landscape1D;
import org.htsgd.core.noise.NoiseLaw;
import org.htsgd.core.theory.Theory;
import org.htsgd.core.theory.TheoryReport;
import org.htsgd.core.validation.Require;

/**
 * First-exit times over a sweep of learning rates in 1-D, against Theorem 1 (paper §2.1; §3.1, Figure 1 right): for
 * each \(\eta\), the exit times \(\sigma(\eta)\) of independent paths of {@link Sgd1D} from the attraction field
 * \(\Omega_i\) of the start, the fits of \(\log \overline{\sigma}\) on \(\log(1/\eta)\) to compare with the predicted
 * exponent \(1 + (\alpha - 1) l^*_i\), and Theorem 1's mean \(1/(q_i \lambda_i(\eta))\),
 * \(\lambda_i(\eta) = H(1/\eta)\,(H(1/\eta)/\eta)^{l^*_i - 1}\). The loop, censoring, KS and fit rules are those of
 * {@link EtaSweep}. The command {@code htsgd exit-time} and the report's Figure 1 (right) both run this class.
 *
 * <p>Theorem 1's mean is known when \(q_i\) is finite and \(&gt; 0\) and \(l^*_i\) is finite (a lone field has
 * none); otherwise it is NaN.
 */
public final class ExitTimeSweep extends EtaSweep {
    /** The sweep's settings (its provenance). */
    private final Config config;
    /** The attraction fields of the landscape. */
    private final AttractionFields1D fields;
    /** The 0-based field of the start. */
    private final int field;
    /** The theory of that field at the sweep's b. */
    private final TheoryReport.MinimumReport theory;

    private ExitTimeSweep(Config config, AttractionFields1D fields, int field, TheoryReport.MinimumReport theory) {
        super(config.grid());
        this.config = config;
        this.fields = fields;
        this.field = field;
        this.theory = theory;
    }

    /**
     * A 1-D sweep's settings.
     *
     * @param landscape the landscape \(f\)
     * @param noise the law of \(Z\)
     * @param b truncation threshold, {@code > 0} ({@code +inf}: none)
     * @param start \(X_0\), in the domain and inside a field (not on a boundary)
     * @param grid the learning rates and how each runs
     */
    public record Config(Landscape1D landscape, NoiseLaw noise, double b, double start, EtaGrid grid) {
        /** @throws IllegalArgumentException on an invalid parameter (see the component docs) */
        public Config {
            Require.nonNull(landscape, "landscape");
            Require.nonNull(noise, "noise");
            Require.positive(b, "b");
            Require.nonNull(grid, "grid");
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
        StartPoints.require(f, config.start());
        AttractionFields1D fields = CriticalPoints1D.of(f).fields();
        int field = fields.partition().startField(config.start());
        TheoryReport.MinimumReport theory = Theory.of(fields, f, config.b(), config.noise(), f.name()).minima()
            .get(field);
        return new ExitTimeSweep(config, fields, field, theory);
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
    @Override
    public double predictedMean(double eta) {
        double q = theory.exitRate();
        if (!(q > 0 && q < Double.POSITIVE_INFINITY) || theory.lStar() == Integer.MAX_VALUE) {
            return Double.NaN;
        }
        return Theory.meanExitTime(q, config.noise(), theory.lStar(), eta);
    }

    /** {@inheritDoc} */
    @Override
    public ExitTimeConfig1D pointConfig(int k, int firstPath) {
        EtaGrid g = config.grid();
        Sgd1D sgd = Sgd1D.of(config.landscape(), config.noise(), g.etas()[k], config.b());
        return ExitTimeConfig1D.of(sgd, config.start(), fields.partition(), g.maxSteps(), g.paths(), g.seeds()[k])
            .withBlock(firstPath, g.paths());
    }

    @Override
    public String toString() {
        return "ExitTimeSweep[" + config.landscape().name() + ", noise " + config.noise() + ", b " + config.b()
            + ", start " + config.start() + ", " + config.grid() + "]";
    }
}
