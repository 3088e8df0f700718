package org.htsgd.core.analysis;

import java.util.Locale;
import org.htsgd.core.landscape.Landscape;

/**
 * The one way the landscape analyses refuse a landscape they cannot analyse honestly (a value or derivative that is
 * undefined or infinite in the domain, no minimum, features the grid cannot resolve, a descent that does not
 * settle): an {@link IllegalArgumentException} whose message is one line, "&lt;landscape&gt;: &lt;reason&gt;".
 */
final class LandscapeRefusal {
    private LandscapeRefusal() {
    }

    /**
     * @param f the landscape
     * @param reason what is wrong, with the place
     * @return the exception to throw
     */
    static IllegalArgumentException of(Landscape f, String reason) {
        return new IllegalArgumentException(f.name() + ": " + reason);
    }

    /**
     * @param v a number
     * @return it in at most 6 significant digits without trailing zeros ({@code -2}, {@code 0.00016},
     *     {@code 1e+100})
     */
    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + exponent;
    }
}
