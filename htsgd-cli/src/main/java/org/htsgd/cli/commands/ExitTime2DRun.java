package org.htsgd.cli.commands;

import java.util.Locale;
import org.htsgd.cli.options.PathBlockOption;
import org.htsgd.cli.options.TruncationOption;
import org.htsgd.core.analysis.FlowGrid;
import org.htsgd.core.analysis.JumpNumber;
import org.htsgd.core.landscape.Landscape;
import org.htsgd.core.noise.VectorNoiseLaw;
import org.htsgd.core.simulation.EtaGrid;
import org.htsgd.core.simulation.ExitTimeSweep2D;
import org.htsgd.core.theory.Theory2D;
import org.htsgd.core.theory.Theory2DReport;

/**
 * One 2-D exit-time experiment of {@code htsgd exit-time} ({@link ExitTimeSweep2D}): exit from the attraction field
 * (basin of the gradient flow) of the start, the same fit, local slopes and censoring as in 1-D, and the predicted
 * exponent \(1 + (\alpha-1)J_b\) of S4 Thm 2.8 with \(J_b\) from the reachable sets (paper.md §2.6).
 */
final class ExitTime2DRun extends ExitTimeRun {
    /** The sweep. */
    private final ExitTimeSweep2D sweep;
    /** The grid spacing wanted. */
    private final double gridSpacing;

    private ExitTime2DRun(ExitTimeSweep2D sweep, double gridSpacing, PathBlockOption block) {
        super(sweep, block);
        this.sweep = sweep;
        this.gridSpacing = gridSpacing;
    }

    /**
     * Checks everything and computes the theory before any path runs.
     *
     * @throws IllegalArgumentException on bad input (start outside the disc, landscape, b below the grid's
     *     resolution)
     */
    static ExitTime2DRun of(Landscape f, VectorNoiseLaw law, double b, double[] start, EtaGrid grid,
                            Theory2D.Settings settings, PathBlockOption block, int threads) {
        ExitTimeSweep2D.Config config = new ExitTimeSweep2D.Config(f, law, b, start, grid);
        FlowGrid flow = TheoryCommand.flowGrid(f, settings);
        Theory2DReport theory = Theory2D.of(flow, b, law.alpha(), settings, threads);
        return new ExitTime2DRun(ExitTimeSweep2D.of(config, flow, theory), settings.h(), block);
    }

    @Override
    ExitTimeJson.Config2D jsonConfig() {
        ExitTimeSweep2D.Config c = sweep.config();
        EtaGrid g = c.grid();
        return new ExitTimeJson.Config2D(c.landscape().name(), c.noise().toString(), c.b(), c.start(), g.etas(),
                g.paths(), g.maxSteps(), g.fitSeed(), g.fittedCount(), gridSpacing);
    }

    @Override
    ExitTimeJson.Theory2D jsonTheory() {
        Theory2DReport.FieldReport t = sweep.fieldTheory();
        JumpNumber j = t.jump();
        return new ExitTimeJson.Theory2D(sweep.field() + 1, j.jumps(), j.jumpsLower(), j.jumpsUpper(),
                j.cellDiagonal(), j.radius(), j.radiusJumps(), j.contractive(), t.predictedExponent(),
                t.rate().exitRate(), t.rate().exitRateError(), t.rate().method());
    }

    @Override
    double predictedExponent() {
        return sweep.fieldTheory().predictedExponent();
    }

    @Override
    String header() {
        Theory2DReport.FieldReport t = sweep.fieldTheory();
        JumpNumber j = t.jump();
        double[] m = t.minimiser();
        return String.format(Locale.ROOT, "exit from %s (minimiser (%.3f, %.3f)) of %s, b = %s: J_b = %s [%d, %d], "
                + "ceil(r/b) = %s (r = %.3f), predicted exponent %.3f, q = %.4g +- %.2g (%s)%n",
                Theory2DText.name(sweep.field()), m[0], m[1], sweep.config().landscape().name(),
                TruncationOption.format(sweep.config().b()), Theory2DText.jumps(j.jumps()), j.jumpsLower(),
                j.jumpsUpper(), Theory2DText.jumps(j.radiusJumps()), j.radius(),
                t.predictedExponent(), t.rate().exitRate(), t.rate().exitRateError(), t.rate().method());
    }
}
