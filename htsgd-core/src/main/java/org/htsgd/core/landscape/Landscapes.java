package org.htsgd.core.landscape;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Factory for the built-in landscapes and for landscapes written as text (the CLI's {@code --landscape}).
 *
 * <p><b>Specification syntax</b> (accepted by {@link #parse(String)}): a name or formula, then optional
 * {@code ;key=value} options.
 * <ul>
 *   <li>{@code paper1d[;L=1.6]}: the paper's 1-D function (§3.1) on \([-L, L]\), \(0 &lt; L &lt; 1.65\).</li>
 *   <li>{@code himmelblau[;cx=0][;R=4.2]}: the modified Himmelblau of §3.2 on the ball of radius R.</li>
 *   <li>{@code doublewell[;m1=-1][;s=0][;m2=1][;k=4][;L=2]}: {@link DoubleWell}.</li>
 *   <li>{@code expr:FORMULA[;L=2]} or {@code expr:FORMULA;lo=A;hi=B}: a 1-D formula in x on \([-L, L]\) (default
 *       \(L = 2\)) or \([A, B]\); a formula using y is 2-D, on the ball {@code ;R=5} (default 5). See
 *       {@link Expression} for the grammar.</li>
 * </ul>
 * Bad input throws {@link IllegalArgumentException} with one sentence naming the problem.
 */
public final class Landscapes {
    /** Default half-width for 1-D formulas. */
    public static final double DEFAULT_EXPR_L = 2.0;
    /** Default ball radius for 2-D formulas. */
    public static final double DEFAULT_EXPR_R = 5.0;

    private Landscapes() {
    }

    /** @return the paper's 1-D function on \([-1.6, 1.6]\) */
    public static Paper1D paper1d() {
        return Paper1D.of(1.6);
    }

    /**
     * The modified Himmelblau of §3.2 with \(c_x = 0\) on the ball of radius 4.2. \(c_x\) is not given in the paper;
     * \(c_x = 0\) makes \(l^* = (2, 2, 1, 1)\) at \(b = 2.15\) as the paper states. The search, the minimisers and
     * the radii are documented at {@link ModifiedHimmelblau#DEFAULT_CX}.
     *
     * @return the landscape
     */
    public static ModifiedHimmelblau himmelblau() {
        return ModifiedHimmelblau.of(ModifiedHimmelblau.DEFAULT_CX, 4.2);
    }

    /** @return \((x^2 - 1)^2\) on \([-2, 2]\) */
    public static DoubleWell doubleWell() {
        return DoubleWell.symmetric();
    }

    /**
     * @param m1 left minimum
     * @param s maximum
     * @param m2 right minimum
     * @param k scale
     * @param l half-width of the domain
     * @return the asymmetric double well {@link DoubleWell}
     */
    public static DoubleWell doubleWell(double m1, double s, double m2, double k, double l) {
        return DoubleWell.of(m1, s, m2, k, l);
    }

    /**
     * Parses a landscape specification (syntax in the class comment).
     *
     * @param spec the specification
     * @return the landscape
     * @throws IllegalArgumentException naming the problem
     */
    public static Landscape parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("landscape specification is empty");
        }
        String[] parts = spec.split(";");
        String head = parts[0].trim();
        Map<String, Double> opt = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("landscape option is not key=value: '" + p + "'");
            }
            String key = p.substring(0, eq).trim();
            String val = p.substring(eq + 1).trim();
            try {
                opt.put(key, Double.parseDouble(val));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("landscape option " + key + " is not a number: '" + val + "'");
            }
        }
        String lower = head.toLowerCase(Locale.ROOT);
        if (lower.startsWith("expr:")) {
            Expression e = Expression.parse(head.substring(5));
            if (e.usesY()) {
                allow(opt, Set.of("R"), "a 2-D expression");
                return ExpressionLandscape2D.of(e, new Domain.Ball(2, opt.getOrDefault("R", DEFAULT_EXPR_R)));
            }
            allow(opt, Set.of("L", "lo", "hi"), "a 1-D expression");
            Domain.Interval d;
            if (opt.containsKey("lo") || opt.containsKey("hi")) {
                if (!(opt.containsKey("lo") && opt.containsKey("hi")) || opt.containsKey("L")) {
                    throw new IllegalArgumentException("give either L or both lo and hi for a 1-D expression");
                }
                d = new Domain.Interval(opt.get("lo"), opt.get("hi"));
            } else {
                d = Domain.Interval.symmetric(opt.getOrDefault("L", DEFAULT_EXPR_L));
            }
            return ExpressionLandscape1D.of(e, d);
        }
        switch (lower) {
            case "paper1d":
                allow(opt, Set.of("L"), "paper1d");
                return Paper1D.of(opt.getOrDefault("L", 1.6));
            case "himmelblau":
                allow(opt, Set.of("cx", "R"), "himmelblau");
                return ModifiedHimmelblau.of(opt.getOrDefault("cx", ModifiedHimmelblau.DEFAULT_CX),
                        opt.getOrDefault("R", 4.2));
            case "doublewell":
                allow(opt, Set.of("m1", "s", "m2", "k", "L"), "doublewell");
                return DoubleWell.of(opt.getOrDefault("m1", -1.0), opt.getOrDefault("s", 0.0),
                        opt.getOrDefault("m2", 1.0), opt.getOrDefault("k", 4.0), opt.getOrDefault("L", 2.0));
            default:
                throw new IllegalArgumentException("unknown landscape '" + head
                        + "' (expected paper1d, himmelblau, doublewell or expr:FORMULA)");
        }
    }

    private static void allow(Map<String, Double> opt, Set<String> keys, String what) {
        for (String k : opt.keySet()) {
            if (!keys.contains(k)) {
                throw new IllegalArgumentException("option '" + k + "' is not valid for " + what + " (valid: "
                        + String.join(", ", keys) + ")");
            }
        }
    }
}
