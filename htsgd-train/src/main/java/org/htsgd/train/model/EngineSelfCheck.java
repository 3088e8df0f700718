package org.htsgd.train.model;

import java.util.Arrays;
import java.util.Objects;
import org.htsgd.core.validation.Require;

/**
 * A short check of the engine's convolution backward pass on the machine at hand: the same gradient, computed
 * {@code passes} times from the same inputs, must be finite, bit-identical every time, and agree with an independent
 * float64 computation: \(\max_i |g_i - r_i| \le 10^{-3} \max_i |r_i|\), where \(g\) is the float32 gradient and \(r\) the
 * reference. The gradient comes from a {@link GradientSource}; the real one is {@link ConvBackwardProbe} (two stacked
 * convolutions, the part of LeNet whose backward pass went wrong), and tests inject fakes.
 *
 * <p>oneDNN fixes its instruction set when libtorch first runs a kernel, from the environment variable
 * {@code DNNL_MAX_CPU_ISA}, so one process can check one setting only: {@link #main} runs the check in a child JVM that
 * {@link EngineIsa} starts with the setting under test, and prints one line, {@value #PASS} or
 * {@value #FAIL_PREFIX}{@code <reason>}.
 */
public final class EngineSelfCheck {
    /**
     * Backward passes the child runs: 240, as the diagnostic test's 4 x 60 (about 2.5 s at AVX2 on an idle 2-core
     * EPYC; where the NaN was seen, about one pass in 200 gave it).
     */
    public static final int PASSES = 240;
    /** The child's verdict line when the check passes. */
    public static final String PASS = "htsgd-engine-check pass";
    /** Prefix of the child's verdict line when it fails; the reason follows. */
    public static final String FAIL_PREFIX = "htsgd-engine-check fail ";
    /** Relative tolerance against the float64 reference (float32 sums of at most a few thousand terms). */
    static final double REFERENCE_TOLERANCE = 1e-3;

    private EngineSelfCheck() {
    }

    /** One backward pass of a fixed computation, and its independent reference. */
    public interface GradientSource {
        /** @return the gradient of one backward pass, from the same inputs every call */
        float[] gradient();

        /** @return the same gradient computed by an independent path (float64), same length */
        double[] reference();
    }

    /**
     * The check's result.
     *
     * @param passed whether every pass was finite, identical and close to the reference
     * @param reason why it failed, e.g. "NaN gradient in conv backward"; empty when it passed
     */
    public record Verdict(boolean passed, String reason) {
        /** @throws NullPointerException if {@code reason} is null */
        public Verdict {
            Objects.requireNonNull(reason, "reason");
        }

        /** @return a passed verdict */
        public static Verdict pass() {
            return new Verdict(true, "");
        }

        /**
         * @param reason why, one short phrase
         * @return a failed verdict
         */
        public static Verdict fail(String reason) {
            return new Verdict(false, reason);
        }

        /** @return the child's verdict line, {@value #PASS} or {@value #FAIL_PREFIX}{@code <reason>} */
        public String line() {
            return passed ? PASS : FAIL_PREFIX + reason;
        }

        /**
         * @param line a child's output line
         * @return its verdict, or null if it is not a verdict line
         */
        public static Verdict parse(String line) {
            if (line.equals(PASS)) {
                return pass();
            }
            return line.startsWith(FAIL_PREFIX) ? fail(line.substring(FAIL_PREFIX.length())) : null;
        }
    }

    /**
     * Runs the check.
     *
     * @param source the gradient under test
     * @param passes backward passes, at least 2
     * @return the verdict: the first failure found, or passed
     * @throws IllegalArgumentException if {@code passes < 2}
     */
    public static Verdict check(GradientSource source, int passes) {
        Require.nonNull(source, "source");
        Require.atLeast(passes, 2, "passes");
        float[] first = null;
        for (int p = 0; p < passes; p++) {
            float[] g = source.gradient();
            for (float v : g) {
                if (Float.isNaN(v)) {
                    return Verdict.fail("NaN gradient in conv backward");
                }
                if (Float.isInfinite(v)) {
                    return Verdict.fail("infinite gradient in conv backward");
                }
            }
            if (first == null) {
                first = g;
                String off = compare(g, source.reference());
                if (off != null) {
                    return Verdict.fail("wrong gradient in conv backward: " + off);
                }
            } else if (!Arrays.equals(first, g)) {
                return Verdict.fail("irreproducible gradient in conv backward");
            }
        }
        return Verdict.pass();
    }

    private static String compare(float[] g, double[] reference) {
        if (g.length != reference.length) {
            return "length " + g.length + " vs reference " + reference.length;
        }
        double scale = 0;
        double worst = 0;
        for (int i = 0; i < g.length; i++) {
            scale = Math.max(scale, Math.abs(reference[i]));
            worst = Math.max(worst, Math.abs(g[i] - reference[i]));
        }
        return worst <= REFERENCE_TOLERANCE * scale ? null
                : String.format(java.util.Locale.ROOT, "max error %.3g vs float64 (scale %.3g)", worst, scale);
    }

    /**
     * The child process: checks this process's engine as its environment configures it ({@code DNNL_MAX_CPU_ISA})
     * with {@value #PASSES} passes on 2 intra-op threads, prints the verdict line and exits 0 (a crash of the engine
     * exits otherwise, which the parent counts as a failure).
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Verdict v;
        try (ConvBackwardProbe probe = ConvBackwardProbe.create(2)) {
            v = check(probe, PASSES);
        } catch (RuntimeException e) {
            v = Verdict.fail("engine error: " + e);
        }
        System.out.println(v.line());
        System.out.flush();
    }
}
