package org.htsgd.core.noise;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Factories for the noise laws and the parser of the command line's {@code --noise} spec.
 *
 * <p>Spec grammar: {@code law:key=value,key=value} (keys in any order, spaces ignored, names case-insensitive):
 * <pre>
 *   lomax:alpha=1.2,scale=0.1          SymmetricLomax   (scale defaults to 1)
 *   pareto:alpha=1.2,scale=1[,sided=one|two]  ClassicalPareto (scale 1, sided=two by default)
 *   stable:alpha=1.5,scale=1           SymmetricStable  (scale defaults to 1)
 *   student:df=3,scale=1               StudentT         (scale defaults to 1)
 *   gaussian:sigma=1                   Gaussian         (sigma defaults to 1)
 * </pre>
 * {@link #spec(NoiseLaw)} is the inverse: {@code parse(spec(law)).equals(law)}.
 */
public final class NoiseLaws {
    /** The known law names, in the order of the documentation. */
    private static final String KNOWN = "lomax, pareto, stable, student, gaussian";

    private NoiseLaws() {
    }

    /**
     * @param alpha tail index, finite and {@code > 1}
     * @param scale scale, finite and {@code > 0}
     * @return {@link SymmetricLomax#of(double, double)}
     */
    public static SymmetricLomax symmetricLomax(double alpha, double scale) {
        return SymmetricLomax.of(alpha, scale);
    }

    /** @return the paper's 1-D noise \(0.1\,U\,\mathrm{Lomax}(1.2)\) (§3.1) */
    public static SymmetricLomax paper1d() {
        return SymmetricLomax.of(1.2, 0.1);
    }

    /**
     * @param alpha tail index, finite and {@code > 1}
     * @param scale lower end of the support, finite and {@code > 0}
     * @return the symmetric {@link ClassicalPareto#of(double, double)}
     */
    public static ClassicalPareto classicalPareto(double alpha, double scale) {
        return ClassicalPareto.of(alpha, scale);
    }

    /**
     * @param alpha stability index in (1, 2]
     * @param scale scale, finite and {@code > 0}
     * @return {@link SymmetricStable#of(double, double)}
     */
    public static SymmetricStable symmetricStable(double alpha, double scale) {
        return SymmetricStable.of(alpha, scale);
    }

    /**
     * @param degreesOfFreedom \(\nu = \alpha\), finite and {@code > 1}
     * @param scale scale, finite and {@code > 0}
     * @return {@link StudentT#of(double, double)}
     */
    public static StudentT studentT(double degreesOfFreedom, double scale) {
        return StudentT.of(degreesOfFreedom, scale);
    }

    /**
     * @param sigma standard deviation, finite and {@code > 0}
     * @return {@link Gaussian#of(double)}
     */
    public static Gaussian gaussian(double sigma) {
        return Gaussian.of(sigma);
    }

    /**
     * The paper's 2-D noise (§3.2): \(0.75\,W\), \(W\) isotropic with \(\|W\| \sim\) "Pareto(1.2)", read in the
     * convention of the 1-D experiment (paper.md §3.1: S3 restates the paper's "Pareto" as a Lomax, numpy's
     * {@code pareto(alpha)} on \([0, \infty)\)): \(P(\|Z\| > x) = (1 + x/0.75)^{-1.2}\). Nothing in the sources
     * says otherwise for §3.2 (the classical Pareto, \(\|W\| \ge 1\), has the same tail constant).
     *
     * @return the isotropic law with radius \(0.75\,|\mathrm{Lomax}(1.2)|\)
     */
    public static IsotropicNoise paper2d() {
        return IsotropicNoise.of(2, SymmetricLomax.of(1.2, 0.75));
    }

    /**
     * @param dimension \(d \ge 1\)
     * @param radiusSpec a {@link #parse(String)} spec of the radius law (its absolute value is used)
     * @return the isotropic law
     * @throws IllegalArgumentException if the spec or the dimension is bad
     */
    public static IsotropicNoise isotropic(int dimension, String radiusSpec) {
        return IsotropicNoise.of(dimension, parse(radiusSpec));
    }

    /**
     * @param law a law built by this package
     * @return its spec, such that {@code parse(spec(law)).equals(law)}
     * @throws IllegalArgumentException if the law is not one of this package's scalar laws
     */
    public static String spec(NoiseLaw law) {
        if (law instanceof SymmetricLomax l) {
            return l.spec();
        } else if (law instanceof ClassicalPareto p) {
            return p.spec();
        } else if (law instanceof SymmetricStable s) {
            return s.spec();
        } else if (law instanceof StudentT t) {
            return t.spec();
        } else if (law instanceof Gaussian g) {
            return g.spec();
        }
        throw new IllegalArgumentException("Noise law has no spec: " + law);
    }

    /**
     * Parses a noise spec such as {@code lomax:alpha=1.2,scale=0.1} (grammar in the class comment).
     *
     * @param spec the spec
     * @return the law
     * @throws IllegalArgumentException with one sentence naming what is wrong: unknown law, unknown, repeated,
     *     missing or non-numeric parameter, or a value out of range (e.g. alpha &lt;= 1)
     */
    public static NoiseLaw parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("Noise spec is empty; expected e.g. lomax:alpha=1.2,scale=0.1.");
        }
        final String s = spec.replaceAll("\\s+", "");
        final int colon = s.indexOf(':');
        final String name = (colon < 0 ? s : s.substring(0, colon)).toLowerCase(Locale.ROOT);
        final Map<String, String> params = parameters(spec, colon < 0 ? "" : s.substring(colon + 1));
        try {
            switch (name) {
                case "lomax":
                    check(spec, name, params, Set.of("alpha", "scale"));
                    return SymmetricLomax.of(number(spec, params, "alpha", null), number(spec, params, "scale", 1.0));
                case "pareto":
                    check(spec, name, params, Set.of("alpha", "scale", "sided"));
                    return new ClassicalPareto(number(spec, params, "alpha", null), number(spec, params, "scale", 1.0),
                        symmetric(spec, params));
                case "stable":
                    check(spec, name, params, Set.of("alpha", "scale"));
                    return SymmetricStable.of(number(spec, params, "alpha", null), number(spec, params, "scale", 1.0));
                case "student":
                    check(spec, name, params, Set.of("df", "scale"));
                    return StudentT.of(number(spec, params, "df", null), number(spec, params, "scale", 1.0));
                case "gaussian":
                    check(spec, name, params, Set.of("sigma"));
                    return Gaussian.of(number(spec, params, "sigma", 1.0));
                default:
                    throw new IllegalArgumentException("Unknown noise law '" + name + "' in '" + spec + "' (known: "
                        + KNOWN + ").");
            }
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().contains("'" + spec + "'")) {
                throw e;
            }
            // A range check of the law's factory: prefix the spec so the user sees which input it was.
            throw new IllegalArgumentException("Bad noise spec '" + spec + "': " + e.getMessage(), e);
        }
    }

    /** Splits {@code k=v,k=v} into an ordered map, rejecting malformed or repeated entries. */
    private static Map<String, String> parameters(String spec, String list) {
        final Map<String, String> params = new LinkedHashMap<>();
        if (list.isEmpty()) {
            return params;
        }
        for (String item : list.split(",", -1)) {
            final int eq = item.indexOf('=');
            if (eq <= 0 || eq == item.length() - 1) {
                throw new IllegalArgumentException("Noise parameter '" + item + "' in '" + spec
                    + "' is not of the form key=value.");
            }
            final String key = item.substring(0, eq).toLowerCase(Locale.ROOT);
            if (params.put(key, item.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("Noise parameter '" + key + "' is given twice in '" + spec + "'.");
            }
        }
        return params;
    }

    /** Rejects parameters the law does not know. */
    private static void check(String spec, String law, Map<String, String> params, Set<String> known) {
        for (String key : params.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("Unknown parameter '" + key + "' for noise law '" + law + "' in '"
                    + spec + "' (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ").");
            }
        }
    }

    /** @return the parameter's value, its default when absent (null default: required) */
    private static double number(String spec, Map<String, String> params, String key, Double defaultValue) {
        final String v = params.get(key);
        if (v == null) {
            if (defaultValue == null) {
                throw new IllegalArgumentException("Noise spec '" + spec + "' is missing the required parameter '"
                    + key + "'.");
            }
            return defaultValue;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Noise parameter '" + key + "' in '" + spec + "' is not a number: '"
                + v + "'.", e);
        }
    }

    /** @return whether {@code sided} is {@code two} (default) rather than {@code one} */
    private static boolean symmetric(String spec, Map<String, String> params) {
        final String v = params.getOrDefault("sided", "two").toLowerCase(Locale.ROOT);
        switch (v) {
            case "two":
                return true;
            case "one":
                return false;
            default:
                throw new IllegalArgumentException("Noise parameter 'sided' in '" + spec + "' is not 'one' or 'two': '"
                    + v + "'.");
        }
    }
}
