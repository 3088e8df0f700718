package org.htsgd.cli.commands;

import java.util.Locale;
import org.htsgd.cli.options.PathBlockOption;
import org.htsgd.cli.options.TruncationOption;
import org.htsgd.core.landscape.Landscape1D;
import org.htsgd.core.noise.NoiseLaw;
import org.htsgd.core.noise.NoiseLaws;
import org.htsgd.core.simulation.EtaGrid;
import org.htsgd.core.simulation.ExitTimeSweep;
import org.htsgd.core.theory.TheoryReport;

/**
 * One 1-D exit-time experiment of {@code htsgd exit-time} ({@link ExitTimeSweep}): exit from the attraction field of
 * the start next to Theorem 1's exponent \(1 + (\alpha-1)l^*\) and mean \(1/(q\lambda(\eta))\); it may be a part of
 * a larger run ({@code --path-offset}) or join such parts ({@code --merge-parts}).
 */
final class ExitTime1DRun extends ExitTimeRun {
    /** The sweep. */
    private final ExitTimeSweep sweep;

    private ExitTime1DRun(ExitTimeSweep sweep, PathBlockOption block) {
        super(sweep, block);
        this.sweep = sweep;
    }

    /**
     * Checks the start and locates its field and theory before any path runs.
     *
     * @throws IllegalArgumentException if the start is outside the domain or on a field boundary
     */
    static ExitTime1DRun of(Landscape1D f, NoiseLaw law, double b, double start, EtaGrid grid,
                            PathBlockOption block) {
        if (!f.domain().contains(new double[] {start})) {
            throw new IllegalArgumentException("start is outside the domain [" + f.domain().lo() + ", "
                    + f.domain().hi() + "]: " + start);
        }
        return new ExitTime1DRun(ExitTimeSweep.of(new ExitTimeSweep.Config(f, law, b, start, grid)), block);
    }

    @Override
    ExitTimeJson.Config jsonConfig() {
        ExitTimeSweep.Config c = sweep.config();
        EtaGrid g = c.grid();
        return new ExitTimeJson.Config(c.landscape().name(), NoiseLaws.spec(c.noise()), c.b(), c.start(), g.etas(),
                g.paths(), g.maxSteps(), g.fitSeed(), g.fittedCount());
    }

    @Override
    ExitTimeJson.Theory jsonTheory() {
        TheoryReport.MinimumReport m = sweep.theory();
        return new ExitTimeJson.Theory(sweep.field() + 1, m.fieldLower(), m.fieldUpper(), m.width(), m.lStar(),
                m.predictedExponent(), m.exitRate());
    }

    @Override
    double predictedExponent() {
        return sweep.theory().predictedExponent();
    }

    @Override
    String header() {
        TheoryReport.MinimumReport m = sweep.theory();
        return String.format(Locale.ROOT, "exit from field %d (%.4f, %.4f) of %s, b = %s, width %.4f, "
                + "l* = %d, predicted exponent %.3f%n", sweep.field() + 1, m.fieldLower(), m.fieldUpper(),
                sweep.config().landscape().name(), TruncationOption.format(sweep.config().b()), m.width(), m.lStar(),
                m.predictedExponent());
    }
}
