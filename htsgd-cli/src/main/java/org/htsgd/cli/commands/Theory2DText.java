package org.htsgd.cli.commands;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.htsgd.cli.options.TruncationOption;
import org.htsgd.core.analysis.JumpNumber;
import org.htsgd.core.theory.ExitRate;
import org.htsgd.core.theory.Theory2DReport;

/**
 * The 2-D theory ({@link Theory2DReport}, paper.md §2.6) as {@code htsgd theory} prints it and as its CSV rows: per
 * field the jump number \(J_b\) with its grid bracket, \(\lceil r/b\rceil\) beside it, the exponent
 * \(1 + (\alpha-1)J_b\), contractivity, the point of first exit and its field, and the rate with its method; then
 * the typical transition graph, its communication classes and the widest fields. Fields are named Omega1, Omega2,
 * ... in {@link org.htsgd.core.analysis.FlowGrid} order.
 */
final class Theory2DText {
    /** The CSV header of {@link #rows}. */
    static final List<String> HEADER = List.of("field", "minimiser_x", "minimiser_y", "minimiser_points", "J_b",
            "J_lower", "J_upper", "resolution", "radius", "ceil_r_over_b", "contractive", "exit_x", "exit_y",
            "exit_field", "predicted_exponent", "q", "q_error", "rate_method");

    private Theory2DText() {
    }

    /** @param r a report @return one CSV row per field, columns {@link #HEADER} */
    static List<List<?>> rows(Theory2DReport r) {
        List<List<?>> rows = new ArrayList<>();
        for (Theory2DReport.FieldReport f : r.fields()) {
            JumpNumber j = f.jump();
            double[] e = j.exitPoint() == null ? new double[] {Double.NaN, Double.NaN} : j.exitPoint();
            rows.add(List.of(name(f.index()), f.minimiser()[0], f.minimiser()[1], f.minimiserSet().length / 2,
                    jumps(j.jumps()), jumps(j.jumpsLower()), jumps(j.jumpsUpper()), j.cellDiagonal(), j.radius(),
                    jumps(j.radiusJumps()), j.contractive(), e[0], e[1],
                    j.exitField() < 0 ? "" : name(j.exitField()), f.predictedExponent(), f.rate().exitRate(),
                    f.rate().exitRateError(), f.rate().method()));
        }
        return rows;
    }

    /** @param r a report @return the readable multi-line summary */
    static String summary(Theory2DReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s, b = %s, alpha = %.3g; grid spacing h' = %.4g, J_b resolution "
                + "delta = %.4g (jump radii b -/+ delta)%n", r.landscape(), TruncationOption.format(r.b()), r.alpha(),
                r.gridSpacing(), r.cellDiagonal()));
        sb.append(String.format(Locale.ROOT, "%-7s %-17s %5s %3s %7s %9s %7s %11s %8s  %-26s %s%n", "field",
                "minimiser", "set", "J_b", "[lo,up]", "ceil(r/b)", "r", "contractive", "exponent", "first exit -> "
                + "field", "rate q_i"));
        for (Theory2DReport.FieldReport f : r.fields()) {
            JumpNumber j = f.jump();
            double[] e = j.exitPoint();
            String exit = e == null ? "-" : String.format(Locale.ROOT, "(%.3f, %.3f) -> %s", e[0], e[1],
                    name(j.exitField()));
            sb.append(String.format(Locale.ROOT, "%-7s (%7.3f, %7.3f) %5d %3s %7s %9s %7.3f %11s %8.3f  %-26s %s%n",
                    name(f.index()), f.minimiser()[0], f.minimiser()[1], f.minimiserSet().length / 2,
                    jumps(j.jumps()), "[" + jumps(j.jumpsLower()) + "," + jumps(j.jumpsUpper()) + "]",
                    jumps(j.radiusJumps()), j.radius(), j.contractive() ? "yes" : String.format(Locale.ROOT,
                            "no (%.1f%%)", 100 * j.nonContractiveFraction()), f.predictedExponent(), exit,
                    rate(f.rate())));
        }
        List<String> sure = new ArrayList<>();
        List<String> possible = new ArrayList<>();
        for (Theory2DReport.EdgeReport e : r.edges()) {
            String s = String.format(Locale.ROOT, "%s->%s (%.3g +- %.2g)", name(e.from()), name(e.to()), e.rate(),
                    e.rateError());
            (e.certain() ? sure : possible).add(s);
        }
        sb.append("typical transition graph (i -> j iff J_b^i jumps reach Omega_j; q_ij): ")
                .append(sure.isEmpty() ? "none" : String.join(" ", sure)).append('\n');
        if (!possible.isEmpty()) {
            sb.append("possible at this resolution only (outer sets): ").append(String.join(" ", possible))
                    .append('\n');
        }
        sb.append(r.irreducible() ? "irreducible" : "reducible").append("; communication classes:");
        for (Theory2DReport.ClassReport c : r.classes()) {
            sb.append(' ').append(names(c.members())).append(c.absorbing() ? " absorbing" : " transient");
        }
        sb.append('\n').append("widest fields (J_b = ").append(jumps(r.jumpsLarge())).append("): ")
                .append(names(r.widestFields())).append('\n');
        if (!r.resolved()) {
            sb.append("some J_b are unresolved at this grid spacing: refine --grid-spacing, or b is near a critical "
                    + "value\n");
        }
        sb.append("rates are nu-measures with nu[r, inf) = r^-alpha (S4 Thm 2.8): the exit probability per step is "
                + "about q_i H(1/eta) (H(1/eta)/eta)^(J_b-1)\n");
        return sb.toString();
    }

    private static String rate(ExitRate q) {
        return switch (q.method()) {
            case ExitRate.QUADRATURE -> String.format(Locale.ROOT, "%.4g (quadrature, %d directions, error %.1g)",
                    q.exitRate(), q.samples(), q.exitRateError());
            case ExitRate.MONTE_CARLO -> String.format(Locale.ROOT, "%.4g +- %.2g (Monte Carlo, %d samples, 1 se)",
                    q.exitRate(), q.exitRateError(), q.samples());
            default -> q.note();
        };
    }

    /** @param i a 0-based field @return its name */
    static String name(int i) {
        return "Omega" + (i + 1);
    }

    private static String names(int[] idx) {
        return "{" + String.join(",", Arrays.stream(idx).mapToObj(Theory2DText::name).toList()) + "}";
    }

    /** @param j a jump number @return it, "inf" for no exit, "?" if unresolved */
    static String jumps(int j) {
        return j == JumpNumber.NO_EXIT ? "inf" : j == JumpNumber.UNRESOLVED ? "?" : Integer.toString(j);
    }
}
