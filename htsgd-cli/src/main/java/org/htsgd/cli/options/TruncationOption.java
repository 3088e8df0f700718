package org.htsgd.cli.options;

import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --b B}: the truncation threshold \(b\) of the paper's update \(w \leftarrow w - \varphi_b(\eta g)\), eq. (1),
 * where \(\varphi_b(v) = v\min(1, b/\lVert v\rVert)\) truncates the whole step; {@code inf} (also {@code infinity},
 * {@code none}) means no truncation. {@link #format(double)} writes a threshold back the same way, so summaries and
 * parsers agree on {@code inf}.
 *
 * <p>The default depends on the command because the paper's settings do: {@value #SIMULATION_DEFAULT} for the 1-D and
 * 2-D simulations and the theory ({@code theory}, {@code exit-time}, {@code occupancy}: the threshold of the paper's
 * 1-D example, Figure 1), the task's Table 1 value for {@code train} (b = 5 for fmnist-lenet, in units of
 * \(\lVert\eta g\rVert\); training refuses {@code inf}: its methods lb, sb, sb-noise and sam do not truncate). The
 * option therefore has no picocli default; each command asks for {@link #orElse(double)} with its own.
 */
public final class TruncationOption {
    /** The default threshold of the simulation and theory commands, the paper's 1-D example's b. */
    public static final double SIMULATION_DEFAULT = 0.5;

    /** The threshold as given, or {@code null}. */
    @Option(names = "--b", paramLabel = "B", converter = Threshold.class,
            description = "truncation threshold b of the whole step (eq. 1): a number > 0, or 'inf' for none "
                    + "(default: " + SIMULATION_DEFAULT + " in theory, exit-time and occupancy; in train the task's "
                    + "Table 1 value, and finite: lb, sb, sb-noise and sam do not truncate)")
    private Double b;

    /** @param fallback the command's default @return the given threshold, or {@code fallback} */
    public double orElse(double fallback) {
        return b == null ? fallback : b;
    }

    /**
     * @param b a threshold
     * @return {@code inf} for no truncation, else the number as {@link Double#toString(double)} writes it
     */
    public static String format(double b) {
        return b == Double.POSITIVE_INFINITY ? "inf" : Double.toString(b);
    }

    /** Reads a truncation threshold: a number &gt; 0, or {@code inf}/{@code infinity}/{@code none}. */
    public static final class Threshold implements CommandLine.ITypeConverter<Double> {
        /** {@inheritDoc} */
        @Override
        public Double convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (v.equals("inf") || v.equals("infinity") || v.equals("none")) {
                return Double.POSITIVE_INFINITY;
            }
            double b;
            try {
                b = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("b is not a number or 'inf': '" + value + "'");
            }
            if (!(b > 0)) {
                throw new CommandLine.TypeConversionException("b is not > 0: " + value);
            }
            return b;
        }
    }
}
