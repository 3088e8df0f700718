package org.htsgd.cli.reproduce;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.cli.report.Charts;
import org.htsgd.cli.report.HtmlReport;
import org.htsgd.train.loop.MetricsFile;
import org.htsgd.train.loop.MetricsRow;
import org.htsgd.train.loop.PaperResult;
import org.htsgd.train.loop.Task;
import org.htsgd.train.method.Hyperparameters;
import org.htsgd.train.method.IterationSchedule;
import org.htsgd.train.method.Method;
import org.htsgd.train.method.ParetoVariant;
import org.htsgd.train.method.TruncationReading;

/**
 * Renders Table 2's runs: {@code runs.csv} (one row per run) and the report section (per task a table of mean ± sd
 * next to the paper's numbers from the catalogue, bar charts, learning curves, notes on diverged and chance-level
 * runs, and the settings read from the catalogue).
 */
final class Table2Report {
    /** Test accuracy (%) of guessing: every Table 2 task has 10 classes. */
    static final double CHANCE_ACCURACY = 10.0;
    /** A mean test accuracy at most this many points above chance is reported as "has not learned". */
    static final double CHANCE_MARGIN = 2.0;
    /** Columns of {@code runs.csv}. */
    static final List<String> CSV_HEADER = List.of("task", "method", "replication", "seed", "iterations",
        "test_accuracy", "train_accuracy", "expected_sharpness", "expected_sharpness_se", "pac_bayes_sharpness",
        "maximal_sharpness", "hessian_top_eigenvalue", "hessian_trace", "truncation_rate", "train_seconds",
        "sharpness_seconds", "diverged");

    private Table2Report() {
    }

    /**
     * @param dir the part's directory
     * @param runs the runs
     */
    static void writeCsv(OutputDir dir, List<Table2Run> runs) {
        List<List<?>> rows = new ArrayList<>();
        for (Table2Run r : runs) {
            Table2Run.Training t = r.training();
            Table2Run.Measures m = r.sharpness();
            rows.add(List.of(r.task().cliName(), r.method().cliName(), r.replication(), r.seed(),
                r.iterationsDone(), t.testAccuracy(), t.trainAccuracy(), m.expected(), m.expectedSe(),
                m.pacBayes(), m.maximal(), m.hessianTop(), m.hessianTrace(), t.truncationRate(), t.seconds(),
                m.seconds(), r.diverged()));
        }
        dir.writeCsv("runs.csv", CSV_HEADER, rows);
    }

    /**
     * @param ctx the part's context
     * @param report the report
     * @param result the part's result
     * @throws IOException if a chart or a metrics file cannot be read or written
     */
    static void render(PartContext ctx, HtmlReport report, Table2Part.Result result) throws IOException {
        TrainingScale s = ctx.profile().training();
        // first: whether these runs can show the claim at all (premises per task)
        for (Task t : Task.table2Tasks()) {
            List<Table2Run> taskRuns = runsOf(result, t);
            if (!taskRuns.isEmpty()) {
                String statement = Table2Findings.premiseStatement(t, taskRuns)
                    + Table2Findings.readingHint(s.bOn(), taskRuns);
                if (Table2Findings.premiseFailures(taskRuns).isEmpty()) {
                    report.paragraph(statement);
                } else {
                    report.note(statement);
                }
            }
        }
        Hyperparameters f = Task.FMNIST_LENET.hyperparameters();
        report.shows("Section 4: heavy-tailed noise injected into SGD (g_SB + Z (g_SB* - g_LB), Z = " + plain(f.c())
            + " x Pareto(" + plain(f.alpha()) + ")) and truncated at b finds flatter minima (smaller expected "
            + "sharpness) and better test accuracy than LB, SB, SB+Clip, and untruncated SB+Noise: accuracy order "
            + "Our 1/2 > SB > LB, sharpness order Our 1/2 < SB < LB. The paper's numbers are averages of "
            + PaperResult.REPLICATIONS + " replications of each task's Table 1 schedule on a GPU; this profile's "
            + "schedule and replications are given with each table. Each claim is tested below by the paired "
            + "difference of a method against SB over replications that share their seed (same initial weights and "
            + "labels), with a 95% t interval.");
        estimate(ctx, report, result);
        for (Task t : Task.table2Tasks()) {
            List<Table2Run> taskRuns = runsOf(result, t);
            if (!taskRuns.isEmpty()) {
                task(ctx, report, t, taskRuns);
            }
        }
        for (Table2Part.NotRun n : result.notRun()) {
            report.note(n.task().label() + ": " + n.reason());
        }
        report.paragraph("PAC-Bayes and maximal sharpness follow Jiang et al. (2020) as documented in the sharpness "
            + "package (error target 0.1 on the training set; bisection depth " + s.searchDepth() + ", "
            + s.pacBayesSamples() + " samples per PAC-Bayes step, " + s.maximalAscentSteps() + " ascent steps); "
            + "expected sharpness uses " + s.expectedSharpnessSamples() + " samples (paper: 100); the Hessian's top "
            + "eigenvalue uses at most " + s.hessianIterations() + " power iterations on finite-difference "
            + "Hessian-vector products of the full training loss.");
        report.link(ctx.href("table2.json"), "table2.json");
        report.link(ctx.href("runs.csv"), "runs.csv");
    }

    private static List<Table2Run> runsOf(Table2Part.Result result, Task t) {
        return result.runs().stream().filter(x -> x.task() == t).toList();
    }

    /** The time estimated before the runs against the time they took, if the estimate was saved. */
    private static void estimate(PartContext ctx, HtmlReport report, Table2Part.Result result) throws IOException {
        if (!Files.isRegularFile(ctx.dir().resolve(Table2Part.ESTIMATE))) {
            return;
        }
        Table2Estimate e = ctx.readJson(Table2Part.ESTIMATE, Table2Estimate.class);
        double took = result.runs().stream().filter(r -> !r.hasDiverged())
            .mapToDouble(r -> r.training().seconds() + r.sharpness().seconds()).sum();
        if (e.toTrain() == 0) {
            report.paragraph("All " + e.runs() + " runs had finished before the last invocation, which trained none; "
                + "they took " + Table2Estimate.duration(took) + " of run time in all (sum over runs).");
            return;
        }
        report.paragraph("Estimated before the runs started: " + e.line(ctx.profile().name()) + ". The runs took "
            + Table2Estimate.duration(took) + " of run time in all (sum over runs, against "
            + Table2Estimate.duration(e.cpuSeconds()) + " estimated for the runs trained in the last invocation).");
    }

    private static void task(PartContext ctx, HtmlReport report, Task t, List<Table2Run> taskRuns)
        throws IOException {
        List<Method> methods = Task.table2Methods();
        List<List<String>> rows = new ArrayList<>();
        double[][] acc = new double[2][methods.size()];
        double[][] sharp = new double[2][methods.size()];
        for (int k = 0; k < methods.size(); k++) {
            Method m = methods.get(k);
            PaperResult paper = t.published().get(m);
            List<Table2Run> all = taskRuns.stream().filter(x -> x.method() == m).toList();
            // diverged runs have no numbers: they are listed below the table and counted in the last column
            List<Table2Run> mr = all.stream().filter(x -> !x.hasDiverged()).toList();
            MeanSd a = stat(mr, x -> 100 * x.training().testAccuracy());
            MeanSd es = stat(mr, x -> x.sharpness().expected());
            acc[0][k] = all.isEmpty() ? Double.NaN : a.mean();
            acc[1][k] = paper.testAccuracyPercent();
            sharp[0][k] = all.isEmpty() ? Double.NaN : es.mean();
            sharp[1][k] = paper.expectedSharpness();
            String paperAcc = Fmt.f(paper.testAccuracyPercent(), 2) + "%";
            String paperSharp = Fmt.f(paper.expectedSharpness(), 3);
            if (all.isEmpty()) {
                rows.add(List.of(m.label(), leftOutByMethods(ctx, m) ? "not run in this invocation (--methods)"
                    : "not run in this profile", paperAcc, "", paperSharp, "", "", "", "", "", "", "0"));
                continue;
            }
            int divergedCount = all.size() - mr.size();
            rows.add(List.of(m.label(), a.format(2) + "%", paperAcc, es.format(4), paperSharp,
                stat(mr, x -> x.sharpness().pacBayes()).formatSignificant(),
                stat(mr, x -> x.sharpness().maximal()).formatSignificant(),
                stat(mr, x -> x.sharpness().hessianTop()).formatSignificant(),
                stat(mr, x -> 100 * x.training().trainAccuracy()).format(1) + "%",
                Table2Findings.truncatedSteps(m, mr),
                Fmt.f(stat(mr, x -> x.training().seconds() + x.sharpness().seconds()).mean(), 0),
                mr.size() + (divergedCount > 0 ? " (+" + divergedCount + " diverged)" : "")));
        }
        for (Table2Run d : taskRuns) {
            if (d.hasDiverged()) {
                report.note(t.label() + ", " + d.method().cliName() + ", replication " + (d.replication() + 1)
                    + ": " + d.diverged());
            }
        }
        report.paragraph(t.label() + ": " + schedules(taskRuns, ctx.profile().training().stopAtTrainAccuracy())
            + "; " + Table2Findings.replications(taskRuns)
            + " replication(s) per method; mean ± sd over replications (sd shown when there are at least 2).");
        String caveat = stopCaveat(t, ctx.profile().training().stopAtTrainAccuracy());
        if (!caveat.isEmpty()) {
            report.paragraph(caveat);
        }
        report.table(List.of("method", "test accuracy", "paper", "expected sharpness", "paper",
            "PAC-Bayes 1/sigma'^2", "maximal 1/alpha'^2", "Hessian top eigenvalue", "train accuracy",
            "truncated steps (summed over runs)", "wall s", "runs"), rows);
        for (int k = 0; k < methods.size(); k++) {
            if (acc[0][k] <= CHANCE_ACCURACY + CHANCE_MARGIN) {
                report.note(t.label() + ", " + methods.get(k).label() + ": test accuracy " + Fmt.f(acc[0][k], 2)
                    + "% is chance level (10 classes): the network has not left its initial plateau in this "
                    + "schedule" + (methods.get(k) == Method.SB_NOISE ? sbNoiseAside(t) : "")
                    + ", so its sharpness numbers describe the initial weights, not a trained minimum.");
            }
        }
        List<Table2Claim.Verdict> verdicts = Table2Findings.verdicts(taskRuns);
        report.paragraph(t.label() + ", the paper's claims in this run: " + Table2Findings.tally(verdicts));
        for (Table2Claim.Verdict v : verdicts) {
            report.paragraph(v.sentence());
        }
        report.table(Table2Findings.pairedHeader(), Table2Findings.pairedRows(taskRuns));
        report.paragraph("Premises per run: where the training loss first fell below 0.9 ln 10 (evaluated every "
            + ctx.profile().training().evalEvery() + " iterations), where the noise phase ended, how many noise "
            + "steps were taken off the plateau, how often the truncation acted, and the final training accuracy.");
        report.table(Table2Findings.courseHeader(), Table2Findings.courseRows(taskRuns));
        if (taskRuns.stream().noneMatch(r -> r.method() == Method.SB_NOISE)) {
            report.note(sbNoiseLeftOut(ctx, t));
        }
        report.paragraph(settings(t, taskRuns.stream().filter(r -> r.method() == Method.SB_NOISE)
            .map(Table2Run::schedule).findFirst().orElse(null), ctx.profile().training().bOn()));
        charts(ctx, report, t, methods, acc, sharp);
    }

    /**
     * @param taskRuns the runs of one task
     * @param stop the scale's training-accuracy target, NaN for none
     * @return "10,000 iterations (noise off in the last 5,000)" per distinct schedule, with its methods if several,
     *     and the stopping rule if there is one
     */
    static String schedules(List<Table2Run> taskRuns, double stop) {
        Map<IterationSchedule, List<String>> by = new LinkedHashMap<>();
        for (Table2Run r : taskRuns) {
            List<String> m = by.computeIfAbsent(r.schedule(), k -> new ArrayList<>());
            if (!m.contains(r.method().label())) {
                m.add(r.method().label());
            }
        }
        List<String> parts = new ArrayList<>();
        boolean stops = !Double.isNaN(stop);
        by.forEach((sch, m) -> parts.add(String.format(Locale.ROOT, "%,d iterations%s (noise off in the last %,d%s)",
            sch.iterations(), stops ? " at most" : "", sch.noiseOffLast(), stops ? String.format(Locale.ROOT,
            "; each run stops at its first evaluation from iteration %,d on with at least %s%% training accuracy",
            sch.iterations() - sch.noiseOffLast(), plain(100 * stop)) : "") + (by.size() > 1 ? " for "
            + String.join(", ", m) : "")));
        return String.join("; ", parts) + (stops ? " (where each run ended: the premises table below)" : "");
    }

    /**
     * @param t a task
     * @param stop the scale's training-accuracy target, NaN for none
     * @return what a schedule that stops at the target can and cannot show; empty without a target
     */
    static String stopCaveat(Task t, double stop) {
        if (Double.isNaN(stop)) {
            return "";
        }
        return t.label() + ": what this schedule can and cannot show. Each run stops as soon as it fits the "
            + "training set (" + plain(100 * stop) + "%), so its sharpness is measured at a minimum, as the paper's "
            + "is; but the paper's runs go on for thousands of iterations at 100% training accuracy (Table 1: "
            + String.format(Locale.ROOT, "%,d", t.schedule().iterations()) + " in all) after a longer noise phase, "
            + "so the values here describe the minima at the stop, not the paper's endpoint; the runs also end at "
            + "different iterations (the premises table).";
    }

    /** @return why SB+Noise was not run, with its cost at the paper's schedule if a step cost was measured */
    private static String sbNoiseLeftOut(PartContext ctx, Task t) throws IOException {
        Hyperparameters n = t.hyperparameters(Method.SB_NOISE);
        String cost = "";
        if (Files.isRegularFile(ctx.dir().resolve(Table2Part.ESTIMATE))) {
            Table2Estimate e = ctx.readJson(Table2Part.ESTIMATE, Table2Estimate.class);
            for (StepCost c : e.costs()) {
                if (c.task() == t && c.threads() == 1) {
                    cost = ", estimated " + Table2Estimate.duration(Table2Estimate.runSeconds(t, Method.SB_NOISE,
                        t.schedule(Method.SB_NOISE), 0, c, ctx.profile().training())) + " per replication on one "
                        + "thread here";
                }
            }
        }
        boolean byMethods = leftOutByMethods(ctx, Method.SB_NOISE);
        return t.label() + ", SB+Noise: " + (byMethods ? "not run in this invocation (--methods left it out)"
            : "not run in the '" + ctx.profile().name() + "' profile") + ". At App. A.3's lr "
            + plain(n.lr()) + " (a tenth of the others') it needs about ten times the iterations to leave the "
            + "initial plateau, and its schedule is " + String.format(Locale.ROOT, "%,d", n.totalIterations())
            + " iterations with a large-batch gradient at every step" + cost + "; "
            + (byMethods ? "add sb-noise to --methods to run it." : "run it with --profile paper.");
    }

    /**
     * @param ctx the part's context (its profile carries this invocation's {@code --methods})
     * @param m a method of Table 2
     * @return whether the built-in profile trains {@code m} but this invocation's {@code --methods} left it out
     */
    static boolean leftOutByMethods(PartContext ctx, Method m) {
        return ctx.profile().builtInTraining().map(shipped -> shipped.methods().contains(m)).orElse(false)
            && !ctx.profile().training().methods().contains(m);
    }

    private static MeanSd stat(List<Table2Run> runs, ToDoubleFunction<Table2Run> value) {
        return MeanSd.of(runs.stream().mapToDouble(value).toArray());
    }

    /** @return why SB+Noise may not have learned: App. A.3's lower rate, from the catalogue */
    private static String sbNoiseAside(Task t) {
        Hyperparameters h = t.hyperparameters();
        Hyperparameters n = t.hyperparameters(Method.SB_NOISE);
        return " (SB+Noise runs at lr " + plain(n.lr()) + ", " + ratio(h.lr() / n.lr()) + "x below the others'; "
            + "the paper gave it " + String.format(Locale.ROOT, "%,d", n.totalIterations()) + " iterations)";
    }

    /**
     * @param t a task
     * @param sbNoise the schedule SB+Noise ran on, or null if it did not run
     * @param bOn what b bounds in the runs that truncate
     * @return the settings of its runs, read from the catalogue: Table 1, and SB+Noise's App. A.3 values
     */
    static String settings(Task t, IterationSchedule sbNoise, TruncationReading bOn) {
        Hyperparameters h = t.hyperparameters();
        Hyperparameters n = t.hyperparameters(Method.SB_NOISE);
        IterationSchedule paper = t.schedule(Method.SB_NOISE);
        String where = sbNoise == null ? String.format(Locale.ROOT, "(not run here; the paper ran it for %,d "
            + "iterations, noise off in the last %,d)", paper.iterations(), paper.noiseOffLast())
            : sbNoise.equals(paper) ? String.format(Locale.ROOT, "on App. A.3's schedule (%,d iterations, noise off "
            + "in the last %,d)", paper.iterations(), paper.noiseOffLast())
            : String.format(Locale.ROOT, "on this profile's schedule (the paper ran it for %,d iterations, which "
            + "this profile does not)", paper.iterations());
        String b = bOn == TruncationReading.UPDATE ? plain(h.b().b()) + " on the update ‖η g‖ (eq. 1)"
            : plain(h.b().b()) + " on the gradient ‖g‖ (--b-on gradient: " + String.join(", ", Task.table2Methods()
            .stream().filter(Method::truncates).map(Method::label).toList()) + " truncate the update at η b = "
            + plain(bOn.apply(h, h.b().b()).b().b()) + ")";
        return String.format(Locale.ROOT, "Settings of %s: Table 1 (lr %s, batch %d, LB batch %,d, b = %s, Z = %s W "
                + "with W %s(%s)); every method of a replication shares its seed (initial weights, corrupted "
                + "labels). SB+Noise uses App. A.3's lr %s and L-infinity weight clip %s %s.", t.label(),
            plain(h.lr()), h.batch(), h.lbBatch(), b, plain(h.c()),
            h.paretoVariant() == ParetoVariant.LOMAX ? "Lomax" : "Pareto", plain(h.alpha()), plain(n.lr()),
            plain(n.weightLinfClip()), where);
    }

    private static void charts(PartContext ctx, HtmlReport report, Task t, List<Method> methods, double[][] acc,
                               double[][] sharp) throws IOException {
        List<String> names = methods.stream().map(Method::label).toList();
        String af = t.cliName() + "-accuracy.png";
        Charts.savePng(ctx.dir(), af, Charts.bars(t.label() + ": test accuracy (%)", "method",
            "test accuracy (%)", names, List.of("this run", "paper"), acc));
        String sf = t.cliName() + "-sharpness.png";
        Charts.savePng(ctx.dir(), sf, Charts.bars(t.label() + ": expected sharpness", "method",
            "E|L(theta+nu) - L(theta)|", names, List.of("this run", "paper"), sharp));
        List<String> files = new ArrayList<>(List.of(ctx.href(af), ctx.href(sf)));
        List<String> captions = new ArrayList<>(List.of("Test accuracy, this run vs the paper",
            "Expected sharpness (delta = " + plain(Table2Sharpness.DELTA) + "), this run vs the paper"));
        String curves = learningCurves(ctx, t, methods);
        if (curves != null) {
            files.add(ctx.href(curves));
            captions.add("Test accuracy during training (replication 1)");
        }
        report.figureGrid(files, captions, 2);
    }

    /** Draws test accuracy vs iteration of replication 1 of every method from its metrics.csv, if present. */
    private static String learningCurves(PartContext ctx, Task t, List<Method> methods) throws IOException {
        List<Charts.Series> series = new ArrayList<>();
        for (Method m : methods) {
            Path csv = ctx.dir().resolve("runs").resolve(t.cliName()).resolve(m.cliName()).resolve("rep0")
                .resolve("metrics.csv");
            if (!Files.isRegularFile(csv)) {
                continue;
            }
            List<MetricsRow> rows = MetricsFile.read(csv);
            if (rows.isEmpty()) {
                continue;
            }
            double[] x = rows.stream().mapToDouble(MetricsRow::iteration).toArray();
            double[] y = rows.stream().mapToDouble(r -> 100 * r.testAccuracy()).toArray();
            series.add(new Charts.Series(m.label(), x, y, Charts.Style.LINE_MARKERS));
        }
        if (series.isEmpty()) {
            return null;
        }
        String file = t.cliName() + "-curves.png";
        Charts.savePng(ctx.dir(), file, Charts.xy(t.label() + ": test accuracy during training", "iteration",
            "test accuracy (%)", false, false, series));
        return file;
    }

    /** @param r a ratio @return it to 2 decimals without trailing zeros, e.g. 10 or 2.5 */
    private static String ratio(double r) {
        return plain(Math.round(r * 100) / 100.0);
    }

    /** @param v a number @return it without trailing zeros, e.g. 5, 0.05, 1.4, 10 */
    private static String plain(double v) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : Fmt.g3(v);
    }
}
