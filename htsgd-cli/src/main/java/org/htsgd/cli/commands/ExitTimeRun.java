package org.htsgd.cli.commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.htsgd.cli.options.PathBlockOption;
import org.htsgd.core.simulation.EtaGrid;
import org.htsgd.core.simulation.EtaSweep;
import org.htsgd.core.simulation.EtaSweepPoint;
import org.htsgd.core.simulation.EtaSweepResult;
import org.htsgd.core.simulation.Execution;
import org.htsgd.core.simulation.ExitTimeResult;
import org.htsgd.core.simulation.RunBudget;
import org.htsgd.core.stats.LogLogFit;

/**
 * One experiment of {@code htsgd exit-time} (usable without the command line): an {@link EtaSweep} of first-exit
 * times, its JSON and its summary. The 1-D ({@link ExitTime1DRun}, Theorem 1's \(1 + (\alpha-1)l^*\)) and 2-D
 * ({@link ExitTime2DRun}, S4 Thm 2.8's \(1 + (\alpha-1)J_b\)) runs differ only in their configuration, theory and
 * header; the per-eta table, the fit with its coverage of the predicted exponent, the local slopes and the parts of
 * paths are written here.
 */
abstract class ExitTimeRun {
    /** The sweep. */
    private final EtaSweep sweep;
    /** The block of paths this run computes (a whole run, a part, or a merge). */
    private final PathBlockOption block;
    /** The finished sweep. */
    private EtaSweepResult result;

    ExitTimeRun(EtaSweep sweep, PathBlockOption block) {
        this.sweep = sweep;
        this.block = block;
    }

    /**
     * Checks a sweep's sizes before any work (at least one eta, all {@code > 0}, at least two paths, a valid
     * {@code --fit-points}, memory and step budget) and builds its learning rates ({@link EtaGrid}, which refuses a
     * repeated eta), every one with the seed {@code seed}.
     *
     * @param simulates whether paths will run (a merge of parts runs no step)
     * @return the grid: the {@code fitPoints} smallest etas fitted (0: the smaller half, at least 2)
     * @throws IllegalArgumentException naming the bad option
     */
    static EtaGrid grid(double[] etas, int paths, long maxSteps, int fitPoints, long seed, boolean simulates) {
        if (etas.length == 0) {
            throw new IllegalArgumentException("--eta needs at least one learning rate");
        }
        for (double eta : etas) {
            if (!(eta > 0)) {
                throw new IllegalArgumentException("eta is not > 0: " + eta);
            }
        }
        if (paths < 2) {
            throw new IllegalArgumentException("--paths is not >= 2: " + paths);
        }
        if (fitPoints < 0 || fitPoints == 1 || fitPoints > etas.length) {
            throw new IllegalArgumentException("--fit-points is not 0 or in [2, " + etas.length + "]: " + fitPoints);
        }
        // Fit on the smallest etas (largest 1/eta), where the local slope has settled.
        int k = Math.min(fitPoints == 0 ? Math.max(2, (etas.length + 1) / 2) : fitPoints, etas.length);
        EtaGrid grid = EtaGrid.of(etas, k, paths, maxSteps, seed); // a repeated eta is refused before the budget
        String etaCount = etas.length > 1 ? " x " + etas.length + " etas" : "";
        RunBudget.requireMemory("--paths " + paths + etaCount,
                RunBudget.exitTimeBytes((double) paths * etas.length, 1));
        if (simulates) {
            RunBudget.requireSteps("--max-steps " + maxSteps + " x --paths " + paths + etaCount,
                    (double) maxSteps * paths * etas.length);
        }
        return grid;
    }

    /** @return the {@code config} of the JSON: the settings as given */
    abstract Object jsonConfig();

    /** @return the {@code theory} of the JSON: the start's field and its predicted exponent */
    abstract Object jsonTheory();

    /** @return the theory's exponent of the mean exit time in \(1/\eta\) */
    abstract double predictedExponent();

    /** @return the summary's first line: the field, the theory and the settings */
    abstract String header();

    /**
     * Runs the sweep's paths (the part's, for {@code --path-offset}).
     *
     * @param execution threads and progress
     * @return its JSON
     */
    final ExitTimeJson execute(Execution execution) {
        result = sweep.run(block.firstPath(), execution);
        return json(block.isPart() ? new PathParts.Block(block.firstPath(), sweep.grid().paths()) : null);
    }

    /**
     * Joins the parts of a run written with {@code --path-offset} into the whole run's results, running no path.
     *
     * @param dirs the parts' output directories
     * @return the whole run's JSON, identical to running it at once
     * @throws IllegalArgumentException if the parts are not of this run or do not tile its paths
     */
    final ExitTimeJson merge(List<Path> dirs) {
        EtaGrid g = sweep.grid();
        List<PathParts.Part> parts = PathParts.read(dirs, "exit-time.json", jsonConfig(), g.paths());
        result = sweep.finish(PathParts.exitTimes(parts, k -> sweep.pointConfig(k, 0), g.size()));
        return json(null);
    }

    /** @return the finished sweep */
    final EtaSweepResult result() {
        return result;
    }

    /** @return the readable summary: the header and the per-eta table with the fit */
    final String summary() {
        StringBuilder sb = new StringBuilder(header());
        sb.append(String.format(Locale.ROOT, "%10s %14s %14s %9s %14s%n", "eta", "mean", "median", "censored",
                "theory mean"));
        for (EtaSweepPoint p : result.points()) {
            ExitTimeResult r = p.exits();
            sb.append(String.format(Locale.ROOT, "%10.4g %14.4g %14.4g %9d %14.4g%n", p.eta(), r.mean(),
                    r.median(), r.censoredCount(), p.predictedMean()));
        }
        LogLogFit fit = result.fit();
        if (fit != null) {
            sb.append(String.format(Locale.ROOT, "fitted slope %.3f, 95%% CI [%.3f, %.3f] (predicted %.3f)%n",
                    fit.slope(), fit.ciLow(), fit.ciHigh(), predictedExponent()));
        }
        return sb.toString();
    }

    /** @return the CSV rows: per eta its mean, median, censored count, paths and the theory's mean */
    final List<List<?>> rows() {
        List<List<?>> rows = new ArrayList<>();
        for (EtaSweepPoint p : result.points()) {
            ExitTimeResult r = p.exits();
            rows.add(List.of(p.eta(), r.mean(), r.median(), r.censoredCount(), r.paths(), p.predictedMean()));
        }
        return rows;
    }

    /** @param part the block of a part (its JSON then has the per-path values a merge needs), or null */
    private ExitTimeJson json(PathParts.Block part) {
        return new ExitTimeJson(jsonConfig(), jsonTheory(), perEta(part != null), fit(), localSlopes(),
                "exit-time", part);
    }

    /** @param perPath whether to add each path's exit target and point @return per eta: the JSON entry */
    private List<ExitTimeJson.PerEta> perEta(boolean perPath) {
        List<ExitTimeJson.PerEta> per = new ArrayList<>();
        for (EtaSweepPoint p : result.points()) {
            ExitTimeResult r = p.exits();
            per.add(new ExitTimeJson.PerEta(p.eta(), r.mean(), r.median(), r.censoredCount(), r.paths(),
                    p.predictedMean(), p.ks() == null ? null : p.ks().statistic(),
                    p.ks() == null ? null : p.ks().pValue(), r.exitSteps(), perPath ? r.exitTargets() : null,
                    perPath ? r.exitPoints() : null));
        }
        return per;
    }

    /** @return the fit's JSON, or null */
    private ExitTimeJson.Fit fit() {
        LogLogFit fit = result.fit();
        // etas as 1/x of the fits (not the input values), as this file has always written them
        return fit == null ? null : new ExitTimeJson.Fit(fit.slope(), fit.ciLow(), fit.ciHigh(), fit.intercept(),
                Arrays.stream(fit.x()).map(v -> 1 / v).toArray(), fit.covers(predictedExponent()));
    }

    /** @return the local slopes' JSON, or null */
    private List<ExitTimeJson.LocalSlope> localSlopes() {
        if (result.fit() == null) {
            return null;
        }
        LogLogFit all = result.all();
        double[] x = all.x();
        double[] ls = all.localSlopes();
        List<ExitTimeJson.LocalSlope> local = new ArrayList<>();
        for (int i = 0; i < ls.length; i++) {
            local.add(new ExitTimeJson.LocalSlope(1 / x[i], 1 / x[i + 1], ls[i], all.localCiLow()[i],
                    all.localCiHigh()[i]));
        }
        return local;
    }
}
