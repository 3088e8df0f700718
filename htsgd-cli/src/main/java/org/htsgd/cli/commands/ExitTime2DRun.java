package org.htsgd.cli.commands;

import java.util.Arrays;
import java.util.Locale;
import org.htsgd.cli.options.TruncationOption;
import org.htsgd.core.analysis.FlowGrid;
import org.htsgd.core.analysis.JumpNumber;
import org.htsgd.core.landscape.Landscape;
import org.htsgd.core.noise.VectorNoiseLaw;
import org.htsgd.core.simulation.Execution;
import org.htsgd.core.simulation.ExitTimeSweep;
import org.htsgd.core.simulation.ExitTimeSweep2D;
import org.htsgd.core.theory.Theory2D;
import org.htsgd.core.theory.Theory2DReport;

/**
 * One 2-D exit-time experiment of {@code htsgd exit-time} ({@link ExitTimeSweep2D}): exit from the attraction field
 * (basin of the gradient flow) of the start, the same fit, local slopes and censoring as in 1-D, and the predicted
 * exponent \(1 + (\alpha-1)J_b\) of S4 Thm 2.8 with \(J_b\) from the reachable sets (paper.md §2.6).
 */
final class ExitTime2DRun implements ExitTimeCommand.Run {
    /** The sweep. */
    private final ExitTimeSweep2D sweep;
    /** How many etas are fitted. */
    private final int fitPoints;
    /** The grid spacing wanted. */
    private final double gridSpacing;
    /** The finished sweep. */
    private ExitTimeSweep.Result result;

    private ExitTime2DRun(ExitTimeSweep2D sweep, int fitPoints, double gridSpacing) {
        this.sweep = sweep;
        this.fitPoints = fitPoints;
        this.gridSpacing = gridSpacing;
    }

    /**
     * Checks everything and computes the theory before any path runs.
     *
     * @throws IllegalArgumentException on bad input (sizes, start outside the disc, landscape, b below the grid's
     *     resolution)
     */
    static ExitTime2DRun of(Landscape f, VectorNoiseLaw law, double b, double[] start, double[] etas, int paths,
                            long maxSteps, long seed, int fitPoints, Theory2D.Settings settings) {
        boolean[] fitted = ExitTimeCommand.checkSizes(etas, paths, maxSteps, fitPoints, true);
        long[] seeds = new long[etas.length];
        Arrays.fill(seeds, seed);
        ExitTimeSweep2D.Config config = new ExitTimeSweep2D.Config(f, law, b, start, etas, seeds, fitted, paths,
                maxSteps, seed);
        FlowGrid grid = TheoryCommand.flowGrid(f, settings);
        Theory2DReport theory = Theory2D.of(grid, b, law.alpha(), settings);
        return new ExitTime2DRun(ExitTimeSweep2D.of(config, grid, theory), ExitTimeCommand.count(fitted),
                settings.h());
    }

    @Override
    public ExitTimeJson execute(Execution execution) {
        result = sweep.run(execution);
        ExitTimeSweep2D.Config c = sweep.config();
        Theory2DReport.FieldReport t = sweep.fieldTheory();
        JumpNumber j = t.jump();
        return new ExitTimeJson(
                new ExitTimeJson.Config2D(c.landscape().name(), c.noise().toString(), c.b(), c.start(), c.etas(),
                        c.paths(), c.maxSteps(), c.fitSeed(), fitPoints, gridSpacing),
                new ExitTimeJson.Theory2D(sweep.field() + 1, j.jumps(), j.jumpsLower(), j.jumpsUpper(),
                        j.cellDiagonal(), j.radius(), j.radiusJumps(), j.contractive(), t.predictedExponent(),
                        t.rate().exitRate(), t.rate().exitRateError(), t.rate().method()),
                ExitTimeCommand.perEta(result, false), ExitTimeCommand.fit(result, t.predictedExponent()),
                ExitTimeCommand.localSlopes(result), "exit-time", null);
    }

    @Override
    public ExitTimeSweep.Result result() {
        return result;
    }

    @Override
    public String summary() {
        Theory2DReport.FieldReport t = sweep.fieldTheory();
        JumpNumber j = t.jump();
        double[] m = t.minimiser();
        return String.format(Locale.ROOT, "exit from %s (minimiser (%.3f, %.3f)) of %s, b = %s: J_b = %s [%d, %d], "
                + "ceil(r/b) = %s (r = %.3f), predicted exponent %.3f, q = %.4g +- %.2g (%s)%n",
                Theory2DText.name(sweep.field()), m[0], m[1], sweep.config().landscape().name(),
                TruncationOption.format(sweep.config().b()), Theory2DText.jumps(j.jumps()), j.jumpsLower(),
                j.jumpsUpper(), Theory2DText.jumps(j.radiusJumps()), j.radius(),
                t.predictedExponent(), t.rate().exitRate(), t.rate().exitRateError(), t.rate().method())
                + ExitTimeCommand.table(result, t.predictedExponent());
    }
}
