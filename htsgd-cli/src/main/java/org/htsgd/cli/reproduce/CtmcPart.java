package org.htsgd.cli.reproduce;

import java.util.ArrayList;
import java.util.List;
import org.htsgd.cli.io.Progress;
import org.htsgd.cli.report.Charts;
import org.htsgd.cli.report.HtmlReport;
import org.htsgd.core.analysis.AttractionFields1D;
import org.htsgd.core.analysis.CriticalPoints1D;
import org.htsgd.core.analysis.Partition1D;
import org.htsgd.core.landscape.Landscape1D;
import org.htsgd.core.landscape.Landscapes;
import org.htsgd.core.noise.NoiseLaw;
import org.htsgd.core.noise.NoiseLaws;
import org.htsgd.core.simulation.Execution;
import org.htsgd.core.simulation.Occupancy;
import org.htsgd.core.simulation.OccupancyConfig1D;
import org.htsgd.core.simulation.OccupancyResult;
import org.htsgd.core.simulation.Sgd1D;
import org.htsgd.core.theory.LimitingChain;
import org.htsgd.core.theory.Theory;
import org.htsgd.core.theory.TheoryReport;
import org.htsgd.core.truncation.Truncation;

/**
 * Theory vs simulation: the stationary law of the limiting CTMC (Theorem 5 for the clipped case, on the widest minima
 * only; Corollary 6 for the unclipped case, on all minima; construction of paper.md §2.4) against the occupation of
 * long simulated runs on the paper's 1-D landscape. Half of the paths start at m2 and half at m4 (for b = 0.5 the
 * widest minima), so the comparison does not favour either.
 */
final class CtmcPart implements Part {
    @Override
    public String id() {
        return "theory-vs-sim";
    }

    @Override
    public String title() {
        return "Theory vs simulation: CTMC stationary law vs simulated occupation";
    }

    @Override
    public Object scale(Profile profile) {
        return profile.ctmc();
    }

    /**
     * One comparison.
     *
     * @param label label
     * @param b threshold
     * @param states minima indices of the CTMC's states (the large minima of the class)
     * @param generator the CTMC's generator Q on those states
     * @param stationary the stationary law on those states
     * @param simulated simulated occupation of the states' fields, normalised over the states
     * @param simulatedSe standard errors over paths of {@code simulated}
     * @param outsideStates fraction of all time outside the states' fields
     * @param fieldFractions fraction of time per field (all fields)
     * @param transitions field changes
     * @param seconds wall time
     */
    public record Comparison(String label, double b, int[] states, double[][] generator, double[] stationary,
                             double[] simulated, double[] simulatedSe, double outsideStates, double[] fieldFractions,
                             long transitions, double seconds) {
    }

    /**
     * The part's result.
     *
     * @param minima the minima
     * @param eta learning rate
     * @param steps steps per path
     * @param paths paths
     * @param seed part seed
     * @param comparisons clipped and unclipped
     */
    public record Result(double[] minima, double eta, long steps, int paths, long seed, List<Comparison> comparisons) {
    }

    @Override
    public void run(PartContext ctx) {
        Profile.CtmcScale s = ctx.profile().ctmc();
        Landscape1D f = Landscapes.paper1d();
        NoiseLaw law = NoiseLaws.paper1d();
        AttractionFields1D fields = CriticalPoints1D.of(f).fields();
        Partition1D partition = fields.partition();
        List<Comparison> comparisons = new ArrayList<>();
        double[] bs = {s.b(), Double.POSITIVE_INFINITY};
        try (Progress bar = ctx.progress("long runs", 2 * s.steps() * s.paths(), "steps")) {
            long done = 0;
            for (int k = 0; k < bs.length; k++) {
                double b = bs[k];
                String label = Double.isInfinite(b) ? "unclipped (Corollary 6)" : "clipped, b = " + b
                    + " (Theorem 5)";
                bar.message(label);
                TheoryReport theory = Theory.of(f, b, law);
                LimitingChain.ClassChain chain = absorbingClass(theory);
                int[] states = chain.large();
                // half of the paths start at the first state's minimum, half at the last state's
                int[] starts = {states[0], states[states.length - 1]};
                int[] pathsPer = {(s.paths() + 1) / 2, s.paths() / 2};
                List<long[]> perPath = new ArrayList<>();
                long[] fieldSteps = new long[fields.size()];
                long transitions = 0;
                long t0 = System.nanoTime();
                for (int h = 0; h < 2; h++) {
                    if (pathsPer[h] == 0) {
                        continue;
                    }
                    final long offset = done;
                    Sgd1D sgd = new Sgd1D(f, law, s.eta(), Truncation.of(b));
                    OccupancyResult r = Occupancy.run(new OccupancyConfig1D(sgd, fields.minimum(starts[h]),
                            partition, s.steps(), pathsPer[h], ctx.seed() + 10L * k + h, 1, 0, 0),
                        new Execution(ctx.threads(), n -> bar.set(offset + n)));
                    done += s.steps() * pathsPer[h];
                    perPath.addAll(List.of(r.pathFieldSteps()));
                    long[] fs = r.fieldSteps();
                    for (int i = 0; i < fs.length; i++) {
                        fieldSteps[i] += fs[i];
                    }
                    transitions += r.transitionCount();
                }
                double seconds = (System.nanoTime() - t0) * 1e-9;
                int m = states.length;
                double[] mean = new double[m];
                double[] se = new double[m];
                int paths = perPath.size();
                double[][] pf = new double[paths][m];
                for (int p = 0; p < paths; p++) {
                    double sum = 0;
                    for (int st : states) {
                        sum += perPath.get(p)[st];
                    }
                    for (int i = 0; i < m; i++) {
                        pf[p][i] = sum == 0 ? 0 : perPath.get(p)[states[i]] / sum;
                    }
                }
                long total = 0;
                long inStates = 0;
                for (int i = 0; i < fieldSteps.length; i++) {
                    total += fieldSteps[i];
                }
                for (int st : states) {
                    inStates += fieldSteps[st];
                }
                for (int i = 0; i < m; i++) {
                    mean[i] = fieldSteps[states[i]] / (double) inStates;
                    double avg = 0;
                    for (int p = 0; p < paths; p++) {
                        avg += pf[p][i] / paths;
                    }
                    double var = 0;
                    for (int p = 0; p < paths; p++) {
                        var += (pf[p][i] - avg) * (pf[p][i] - avg);
                    }
                    se[i] = paths > 1 ? Math.sqrt(var / (paths - 1) / paths) : Double.NaN;
                }
                double[] fractions = new double[fieldSteps.length];
                for (int i = 0; i < fractions.length; i++) {
                    fractions[i] = fieldSteps[i] / (double) total;
                }
                comparisons.add(new Comparison(label, b, states, chain.generator(), chain.stationary(), mean, se,
                    1 - inStates / (double) total, fractions, transitions, seconds));
            }
        }
        ctx.dir().writeJson("theory-vs-sim.json", new Result(fields.minima(), s.eta(), s.steps(), s.paths(),
            ctx.seed(), comparisons));
        List<List<?>> rows = new ArrayList<>();
        for (Comparison c : comparisons) {
            for (int i = 0; i < c.states().length; i++) {
                rows.add(List.of(c.label(), "m" + (c.states()[i] + 1), c.stationary()[i], c.simulated()[i],
                    c.simulatedSe()[i]));
            }
        }
        ctx.dir().writeCsv("stationary.csv", List.of("case", "state", "ctmc_stationary", "simulated_occupation",
            "standard_error"), rows);
    }

    private static LimitingChain.ClassChain absorbingClass(TheoryReport t) {
        for (LimitingChain.ClassChain c : t.classes()) {
            if (c.absorbing() && c.stationary() != null) {
                return c;
            }
        }
        throw new IllegalStateException("the typical graph at b = " + t.b() + " has no absorbing class with a "
            + "stationary law");
    }

    @Override
    public void render(PartContext ctx, HtmlReport report) throws Exception {
        Result r = ctx.readJson("theory-vs-sim.json", Result.class);
        report.shows("Theorems 3-5: on the time scale of the widest fields, clipped SGD behaves like a continuous-time "
            + "Markov chain that jumps only between the widest minima (the narrow ones are passed through "
            + "instantly); without clipping (Corollary 6) the chain lives on all minima. The chain's stationary law, "
            + "computed exactly from the rates q_ij of eq. (10), is compared with the share of time long simulated "
            + "runs spend in each state's field (normalised over the chain's states; standard errors over paths).");
        List<String> categories = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<String> files = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        int k = 0;
        for (Comparison c : r.comparisons()) {
            categories.clear();
            for (int i = 0; i < c.states().length; i++) {
                categories.add("m" + (c.states()[i] + 1));
                rows.add(List.of(c.label(), "m" + (c.states()[i] + 1), Fmt.f(c.stationary()[i], 3),
                    Fmt.f(c.simulated()[i], 3), Fmt.f(c.simulatedSe()[i], 3),
                    c.simulatedSe()[i] > 0 ? Fmt.f((c.simulated()[i] - c.stationary()[i]) / c.simulatedSe()[i], 1)
                        : "-"));
            }
            String file = "stationary-" + k + ".png";
            Charts.savePng(ctx.dir(), file, Charts.bars(c.label(), "state", "share of time",
                List.copyOf(categories), List.of("CTMC stationary law", "simulated occupation"),
                new double[][] {c.stationary(), c.simulated()}));
            files.add(ctx.href(file));
            captions.add(c.label() + ": time outside the states' fields " + Fmt.pct(c.outsideStates()) + ", "
                + c.transitions() + " field changes");
            k++;
        }
        report.figureGrid(files, captions, 2);
        report.table(List.of("case", "state", "CTMC stationary", "simulated", "std. error", "difference / s.e."), rows);
        report.paragraph("eta = " + r.eta() + ", " + r.paths() + " paths x " + r.steps() + " steps per case, seed "
            + r.seed() + ". The limit holds as eta -> 0; at finite eta part of the time is spent outside the "
            + "states' fields (shown above) and the chain's time scale must be short compared with the run.");
        report.link(ctx.href("theory-vs-sim.json"), "theory-vs-sim.json");
        report.link(ctx.href("stationary.csv"), "stationary.csv");
    }
}
