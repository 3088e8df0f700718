package org.htsgd.cli.commands;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.core.landscape.Landscape1D;
import org.htsgd.core.noise.NoiseLaw;
import org.htsgd.core.noise.NoiseLaws;
import org.htsgd.core.theory.LimitingChain;
import org.htsgd.core.theory.Theory;
import org.htsgd.core.theory.TheoryReport;
import org.htsgd.cli.options.LandscapeOption;
import org.htsgd.cli.options.NoiseOption;
import org.htsgd.cli.options.OutputOption;
import org.htsgd.cli.options.TruncationOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code htsgd theory}: the exact predictions of the paper's theory for a 1-D landscape (Theorems 1–5): widths,
 * \(l^*\), typical transition graph, communication classes, widest minima, rates, limiting chain.
 */
@Command(name = "theory", mixinStandardHelpOptions = true,
        description = "Exact theory for a 1-D landscape: minima, fields, widths r_i, l*_i = ceil(r_i/b), predicted "
                + "exit-time exponents 1+(alpha-1)l*, the typical transition graph, classes, widest minima, rates "
                + "q_i/q_ij and the limiting CTMC. Writes DIR/theory.json.")
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

    @Override
    public Integer call() {
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
