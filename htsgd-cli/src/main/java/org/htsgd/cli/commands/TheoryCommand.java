package org.htsgd.cli.commands;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.cli.options.GridOption;
import org.htsgd.core.analysis.Fields2D;
import org.htsgd.core.analysis.FlowGrid;
import org.htsgd.core.landscape.Landscape;
import org.htsgd.core.landscape.Landscape1D;
import org.htsgd.core.noise.NoiseLaw;
import org.htsgd.core.noise.NoiseLaws;
import org.htsgd.core.theory.LimitingChain;
import org.htsgd.core.theory.Theory;
import org.htsgd.core.theory.Theory2D;
import org.htsgd.core.theory.Theory2DReport;
import org.htsgd.core.theory.TheoryReport;
import org.htsgd.cli.options.LandscapeOption;
import org.htsgd.cli.options.NoiseOption;
import org.htsgd.cli.options.OutputOption;
import org.htsgd.cli.options.TruncationOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code htsgd theory}: the predictions of the paper's theory. For a 1-D landscape, exactly (Theorems 1–5): widths,
 * \(l^*\), typical transition graph, communication classes, widest minima, rates, limiting chain. For a 2-D landscape
 * (S4 Thm 2.8, paper.md §2.6; {@link Theory2D}): per attraction field the jump number \(J_b\) from the reachable sets
 * on a grid, with its bracket, \(\lceil r/b\rceil\) beside it, the exponent, contractivity, the first exit, the rates
 * (quadrature or Monte Carlo), the typical transition graph, its classes and the widest fields.
 */
@Command(name = "theory", mixinStandardHelpOptions = true,
        description = {"Theory for a 1-D landscape (exact): minima, fields, widths r_i, l*_i = ceil(r_i/b), predicted "
                + "exit-time exponents 1+(alpha-1)l*, the typical transition graph, classes, widest minima, rates "
                + "q_i/q_ij and the limiting CTMC.",
                "For a 2-D landscape: per attraction field the jump number J_b (S4 Thm 2.8: fewest jumps of norm <= b, "
                + "with gradient flow between them, that leave the field), computed on a grid (--grid-spacing) with "
                + "lower/upper estimates, ceil(r/b) beside it, whether the drift is contractive, the exponent "
                + "1+(alpha-1)J_b, the point of first exit and its field, the typical transition graph, its "
                + "communication classes, the widest fields and the rates (quadrature for J_b = 1, Monte Carlo with "
                + "standard errors for J_b >= 2; Monte Carlo seed 1).",
                "Writes DIR/theory.json and DIR/theory.csv."})
public final class TheoryCommand implements Callable<Integer> {
    @Mixin
    private LandscapeOption landscape;

    @Mixin
    private TruncationOption truncation;

    @Option(names = "--alpha", description = "tail index (overrides the noise law's; p+ = 1/2)")
    Double alpha;

    @Mixin
    private NoiseOption noise;

    @Mixin
    private OutputOption out;

    @Mixin
    private GridOption grid;

    @Override
    public Integer call() {
        Landscape parsed = landscape.parse();
        if (parsed.dimension() == 2) {
            return call2D(parsed);
        }
        Landscape1D f = landscape.parse1D("theory");
        NoiseLaw law = alpha == null ? noise.scalar() : NoiseLaws.symmetricLomax(alpha, 1.0);
        TheoryReport report = Theory.of(f, truncation.orElse(TruncationOption.SIMULATION_DEFAULT), law);
        OutputDir dir = out.open();
        dir.writeJson("theory.json", report);
        List<List<?>> rows = new ArrayList<>();
        for (TheoryReport.MinimumReport m : report.minima()) {
            rows.add(List.of(m.index() + 1, m.location(), m.fieldLower(), m.fieldUpper(), m.width(), m.lStar(),
                    m.predictedExponent(), m.exitRate()));
        }
        dir.writeCsv("theory.csv", List.of("minimum", "location", "field_lower", "field_upper", "width", "l_star",
                "predicted_exponent", "q"), rows);
        System.out.print(summary(report));
        System.out.println("wrote " + dir.resolve("theory.json"));
        return 0;
    }

    /** The 2-D theory: analysed before --out is created, so a refused landscape leaves nothing on disk. */
    private Integer call2D(Landscape f) {
        double a = alpha == null ? noise.vector(2).alpha() : alpha;
        Theory2D.Settings settings = grid.settings();
        Theory2DReport report = Theory2D.of(flowGrid(f, settings), truncation.orElse(TruncationOption.SIMULATION_DEFAULT),
                a, settings);
        OutputDir dir = out.open();
        dir.writeJson("theory.json", report);
        dir.writeCsv("theory.csv", Theory2DText.HEADER, Theory2DText.rows(report));
        System.out.print(Theory2DText.summary(report));
        System.out.println("wrote " + dir.resolve("theory.json"));
        return 0;
    }

    /**
     * The flow grid of a 2-D landscape, after the checks every 2-D command makes ({@link Fields2D}: finite values
     * and gradients on the disc, a minimum, descents that settle), so a landscape the 2-D analyses cannot handle is
     * refused in one line.
     *
     * @param f a 2-D landscape
     * @param settings the grid spacing
     * @return its flow grid
     * @throws IllegalArgumentException if the landscape or the spacing is refused
     */
    static FlowGrid flowGrid(Landscape f, Theory2D.Settings settings) {
        Fields2D.of(f, 41);
        return FlowGrid.of(f, settings.h());
    }

    /** @param r a report @return a readable multi-line summary */
    static String summary(TheoryReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s, b = %s, alpha = %.3g%n", r.landscape(), TruncationOption.format(r.b()), r.alpha()));
        sb.append(String.format(Locale.ROOT, "%-4s %9s %21s %7s %4s %9s %11s%n", "min", "location", "field", "width",
                "l*", "exponent", "q_i"));
        for (TheoryReport.MinimumReport m : r.minima()) {
            sb.append(String.format(Locale.ROOT, "m%-3d %9.4f  (%8.4f, %8.4f) %7.4f %4s %9.3f %11.4g%n",
                    m.index() + 1, m.location(), m.fieldLower(), m.fieldUpper(), m.width(),
                    m.lStar() == Integer.MAX_VALUE ? "-" : Integer.toString(m.lStar()), m.predictedExponent(),
                    m.exitRate()));
        }
        List<String> edges = new ArrayList<>();
        for (TheoryReport.EdgeReport e : r.edges()) {
            edges.add("m" + (e.from() + 1) + "->m" + (e.to() + 1));
        }
        sb.append("typical transition graph: ").append(String.join(" ", edges)).append('\n');
        sb.append(r.irreducible() ? "irreducible" : "reducible").append("; classes:");
        for (LimitingChain.ClassChain c : r.classes()) {
            sb.append(' ').append(names(c.members())).append(c.absorbing() ? " absorbing" : " transient");
        }
        sb.append('\n').append("widest minima (l* = ").append(r.lLarge()).append("): ")
                .append(names(r.widestMinima())).append('\n');
        return sb.toString();
    }

    private static String names(int[] idx) {
        return Arrays.stream(idx).mapToObj(i -> "m" + (i + 1)).reduce((a, c) -> a + "," + c)
                .map(s -> "{" + s + "}").orElse("{}");
    }
}
