package org.htsgd.cli.reproduce;

import java.util.Locale;
import org.htsgd.cli.options.TruncationOption;

/** Number formatting for the report's tables. */
final class Fmt {
    private Fmt() {
    }

    /** @param v a number @return 3 significant digits, "inf"/"-" for infinite/NaN */
    static String g3(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3g", v) : nonFinite(v);
    }

    /** @param v a number @return fixed with {@code digits} decimals */
    static String f(double v, int digits) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "f", v) : nonFinite(v);
    }

    /** @param v NaN or an infinity @return "-" for NaN, else "inf" / "-inf" as {@code --b inf} reads */
    private static String nonFinite(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return v > 0 ? TruncationOption.format(v) : "-" + TruncationOption.format(-v);
    }

    /** @param fraction a fraction @return as a percentage with 2 decimals */
    static String pct(double fraction) {
        return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    /** @param b a threshold @return "b = x" or "no truncation" */
    static String b(double b) {
        return Double.isInfinite(b) ? "no truncation" : "b = " + TruncationOption.format(b);
    }

    /** @param lo interval low @param hi interval high @return "[lo, hi]" */
    static String ci(double lo, double hi) {
        return "[" + f(lo, 3) + ", " + f(hi, 3) + "]";
    }
}
