package org.htsgd.cli.reproduce;

import java.util.ArrayList;
import java.util.List;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.cli.report.Charts;
import org.htsgd.cli.report.HtmlReport;

/** The report section of Figure 3 ({@link HimmelblauPart}) drawn from its saved result. */
final class HimmelblauRender {
    private HimmelblauRender() {
    }

    static void render(PartContext ctx, HtmlReport report, HimmelblauResult r) throws Exception {
        int g = r.grid().length;
        double b = r.scenarios().get(0).b();
        double[][] logValues = new double[g][g];
        for (int i = 0; i < g; i++) {
            for (int j = 0; j < g; j++) {
                double v = r.values()[i][j];
                logValues[i][j] = Double.isNaN(v) ? Double.NaN : Math.log10(1 + v);
            }
        }
        double[][] mins = r.fields().stream().map(HimmelblauResult.Field::minimiser).toArray(double[][]::new);
        OutputDir.writeAtomically(ctx.dir().resolve("landscape.png"), PlanePainter.heat(
            "Modified Himmelblau f (log scale)", -r.radius(), r.radius(), logValues, mins, "log10(1 + f)"));
        OutputDir.writeAtomically(ctx.dir().resolve("fields.png"), PlanePainter.png(
            "Attraction fields, circles of radius b = " + b, -r.radius(), r.radius(), r.labels(), mins, b, null));
        List<String> names = r.fields().stream().map(HimmelblauResult.Field::name).toList();
        List<String> withOut = new ArrayList<>(names);
        withOut.add("Out");
        List<String> groups = new ArrayList<>();
        List<double[]> basinBars = new ArrayList<>();
        for (HimmelblauResult.Scenario sc : r.scenarios()) {
            groups.add(sc.label() + ", simulated");
            basinBars.add(sc.basin());
            if (sc.predicted() != null) {
                groups.add(sc.label() + ", theory at this eta");
                basinBars.add(sc.predicted());
            }
        }
        Charts.savePng(ctx.dir(), "time-per-field.png", Charts.bars("Fraction of time per attraction field (basin)",
            "field", "fraction of time", names, groups, basinBars.toArray(double[][]::new)));
        Charts.savePng(ctx.dir(), "time-near-minimiser.png", Charts.bars(
            "Fraction of time within " + HimmelblauPart.VISIT + " of each minimiser (the paper's rule)", "field",
            "fraction of time", withOut, r.scenarios().stream().map(HimmelblauResult.Scenario::label).toList(),
            r.scenarios().stream().map(HimmelblauResult.Scenario::proximity).toArray(double[][]::new)));
        List<String> files = new ArrayList<>(List.of(ctx.href("landscape.png"), ctx.href("fields.png")));
        List<String> captions = new ArrayList<>(List.of("(a) the landscape (log scale)",
            "(b) attraction fields (basins of the gradient flow) with circles of radius b around the minimisers"));
        for (HimmelblauResult.Scenario sc : r.scenarios()) {
            String file = "trajectory-" + sc.id() + ".png";
            OutputDir.writeAtomically(ctx.dir().resolve(file), PlanePainter.png("Trajectory, " + sc.label(),
                -r.radius(), r.radius(), r.labels(), mins, Double.NaN, sc.trajectory()));
            files.add(ctx.href(file));
            captions.add("(d) trajectory, " + sc.label() + " (" + (sc.trajectory().length / 2 - 1) * (long) sc
                .trajectoryEvery() + " steps, path 1)");
        }
        report.shows("The multi-dimensional elimination result (S4 Thm 2.8, paper.md §2.6): a field's exit time grows "
            + "like (1/eta)^(1+(alpha-1)J_b), with J_b the fewest jumps of norm at most b, gradient flow in between, "
            + "that leave it (computed here from the reachable sets, not from ceil(r/b)). With b = " + b + " the "
            + "paper states J_b = 2 for Omega1 and Omega2 and 1 for Omega3 and Omega4, so clipped SGD should spend "
            + "almost all its time in Omega1 and Omega2, while unclipped SGD (J = 1 everywhere) keeps visiting all "
            + "four, in proportions the rates fix. Below: the computed J_b, the time per field by both rules with "
            + "standard errors over paths next to the theory's chain on the fields, and the exit-time exponents.");
        report.figureGrid(files, captions, 2);
        report.table(List.of("field", "minimiser", "points in minimiser polyline", "J_b [lower, upper]",
            "ceil(r/b)", "r", "contractive", "exponent 1+(alpha-1)J_b", "q_i at b (method)", "q_i unclipped"),
            fieldRows(r));
        report.figure(ctx.href("time-per-field.png"), "(c) time per attraction field (basin of the gradient flow), "
            + "mean over paths, next to the stationary law of the chain on the fields with rates "
            + "q_ij H(1/eta)(H(1/eta)/eta)^(J_i-1) at this eta");
        report.figure(ctx.href("time-near-minimiser.png"), "(c') the paper's rule: a visit is a distance below "
            + HimmelblauPart.VISIT + " to the field's minimiser (set), otherwise Out");
        report.table(timeHeader(withOut), timeRows(r, names.size()));
        report.paragraph("Reading the table: the chain on the fields uses the computed J_b and rates q_ij, so it is "
            + "the theory's own prediction at this eta; as eta -> 0 it becomes the limiting chain (Theorems 3-5 "
            + "clipped, Corollary 6 unclipped). Unclipped, the theory puts the time in the J_b = 1 fields at the "
            + "'eta -> 0' row even in the limit, so a larger share cannot be expected from these rates. Between jumps "
            + "the theory follows the gradient flow; the recursion follows it only where the gradient step "
            + "eta |grad f| is small, and here it exceeds 0.05 on " + Fmt.pct(r.steepFraction()) + " of the disc "
            + "(largest " + Fmt.g3(r.largestStep()) + "): an unclipped jump that lands on the steep rim is thrown on "
            + "by the next gradient steps, not carried along the flow, so where it ends differs from the landing "
            + "field the rates count. Clipping caps those steps at b.");
        exitPanel(ctx, report, r);
        report.paragraph("c_x = " + r.cx() + " (not given in the paper; the admissible range for J_b = (2, 2, 1, 1) "
            + "is about [-0.2, 0.1] and no admissible c_x puts the paper's start (2.9, 1.0) near Omega3's "
            + "minimiser, so the runs start at that minimiser, (" + Fmt.f(r.start()[0], 3) + ", "
            + Fmt.f(r.start()[1], 3) + "), " + Fmt.f(r.paperStartDistance(), 2) + " from the paper's start), eta = "
            + r.eta() + ", " + r.paths() + " paths x " + r.steps() + " steps per scenario, noise " + r.noise()
            + ", flow grid spacing " + Fmt.g3(r.gridSpacing()) + " (J_b resolution " + Fmt.g3(r.resolution())
            + "), seed " + r.seed() + ".");
        report.link(ctx.href("himmelblau.json"), "himmelblau.json");
        report.link(ctx.href("time-per-field.csv"), "time-per-field.csv");
        report.link(ctx.href("trajectories.csv"), "trajectories.csv");
        report.link(ctx.href("exit-times.csv"), "exit-times.csv");
    }

    private static List<List<String>> fieldRows(HimmelblauResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (HimmelblauResult.Field fd : r.fields()) {
            rows.add(List.of(fd.name(), "(" + Fmt.f(fd.minimiser()[0], 3) + ", " + Fmt.f(fd.minimiser()[1], 3) + ")",
                Integer.toString(fd.minimiserSet().length / 2), (fd.jumps() < 0 ? "?" : Integer.toString(fd.jumps()))
                    + " [" + fd.jumpsLower() + ", " + fd.jumpsUpper() + "]", Integer.toString(fd.radiusJumps()),
                Fmt.f(fd.radius(), 3), fd.contractive() ? "yes" : "no", Fmt.f(fd.exponent(), 2),
                Fmt.g3(fd.q()) + " +- " + Fmt.g3(fd.qError()) + " (" + fd.rateMethod() + ")", Fmt.g3(fd.qUnclipped())));
        }
        return rows;
    }

    private static List<String> timeHeader(List<String> withOut) {
        List<String> header = new ArrayList<>(List.of("scenario", "rule"));
        header.addAll(withOut);
        header.add(withOut.get(2) + " + " + withOut.get(3));
        return header;
    }

    private static List<List<String>> timeRows(HimmelblauResult r, int n) {
        List<List<String>> rows = new ArrayList<>();
        for (HimmelblauResult.Scenario sc : r.scenarios()) {
            rows.add(timeRow(sc.label(), "attraction field (basin)", sc.basin(), sc.basinSe(), n));
            rows.add(timeRow(sc.label(), "distance < " + HimmelblauPart.VISIT, sc.proximity(), sc.proximitySe(),
                n + 1));
            if (sc.predicted() != null) {
                rows.add(timeRow(sc.label(), "theory at this eta", sc.predicted(), null, n));
                rows.add(timeRow(sc.label(), "theory, eta -> 0", sc.limit(), null, n));
            }
        }
        return rows;
    }

    private static List<String> timeRow(String scenario, String rule, double[] v, double[] se, int columns) {
        List<String> row = new ArrayList<>(List.of(scenario, rule));
        for (int i = 0; i < columns; i++) {
            row.add(Fmt.pct(v[i]) + (se == null ? "" : " +- " + Fmt.pct(se[i])));
        }
        if (columns == 4) {
            row.add("");
        }
        // the two J = 1 fields of the paper, Omega3 and Omega4, together
        double sum = v[2] + v[3];
        double sumSe = se == null ? Double.NaN : Math.hypot(se[2], se[3]);
        row.add(Fmt.pct(sum) + (se == null ? "" : " +- " + Fmt.pct(sumSe)));
        return row;
    }

    private static void exitPanel(PartContext ctx, HtmlReport report, HimmelblauResult r) {
        List<Charts.Series> series = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (HimmelblauResult.ExitCurve c : r.exits()) {
            int n = c.etas().length;
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 1 / c.etas()[i];
            }
            series.add(new Charts.Series(c.field() + " (J_b = " + c.jumps() + "), simulated mean", x, c.means(),
                Charts.Style.LINE_MARKERS));
            series.add(new Charts.Series(c.field() + ": 1/(q H(1/eta)(H(1/eta)/eta)^(J-1)) (theory)", x,
                c.predictedMeans(), Charts.Style.DASHED));
            boolean covers = c.ciLow() <= c.predictedExponent() && c.predictedExponent() <= c.ciHigh();
            StringBuilder local = new StringBuilder();
            for (double v : c.localSlopes()) {
                local.append(local.length() == 0 ? "" : ", ").append(Fmt.f(v, 2));
            }
            rows.add(List.of(c.field(), Integer.toString(c.jumps()), Fmt.f(c.predictedExponent(), 2),
                Fmt.f(c.slope(), 3), Fmt.ci(c.ciLow(), c.ciHigh()), covers ? "yes" : "NO", local.toString(),
                Integer.toString(c.paths()), Integer.toString(java.util.Arrays.stream(c.censored()).sum())));
        }
        Charts.savePng(ctx.dir(), "exit-times.png", Charts.xy("Mean first exit time from a J_b = 1 and a J_b = 2 "
            + "field", "1/eta", "mean exit time (steps)", true, true, series, true));
        report.figure(ctx.href("exit-times.png"), "(e) 2-D exit times at b = " + r.scenarios().get(0).b()
            + ": mean steps to leave the attraction field from its minimiser vs 1/eta; dashed: the theory's mean "
            + "with the computed J_b and q (S4 Thm 2.8)");
        report.table(List.of("field", "J_b", "1+(alpha-1)J_b", "fitted slope (smallest etas)", "95% CI",
            "CI contains it?", "local slopes (decreasing eta)", "paths per eta", "censored"), rows);
    }
}
