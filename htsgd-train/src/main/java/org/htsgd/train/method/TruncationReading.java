package org.htsgd.train.method;

import java.util.Arrays;
import java.util.Locale;
import org.htsgd.core.truncation.Truncation;
import org.htsgd.core.validation.Require;

/**
 * What Table 1's truncation threshold b bounds, a reading the paper leaves open (paper.md §4.2): the update
 * \(\lVert\eta g\rVert\), as in eq. (1)'s \(\varphi_b(\eta g)\) and App. A.4's "clipped if its L2 norm is larger than
 * b/η" ({@link #UPDATE}, the default), or the direction \(\lVert g\rVert\), as PyTorch's
 * {@code clip_grad_norm_(params, b)} before a plain SGD step reads it ({@link #GRADIENT}).
 *
 * <p>The update rules always truncate the update ({@link Hyperparameters#b()} bounds \(\lVert\eta g\rVert\)); at a
 * constant rate η, "\(\lVert g\rVert \le b\)" is the same rule with threshold η b, which {@link #apply} sets. The
 * two readings differ by the factor 1/η = 20 at Table 1's η = 0.05: b = 5 on the update allows gradient norms up to
 * 100 and truncated 0-6 of 5,000 noise steps of the recorded Fashion-MNIST runs, b = 5 on the gradient 7-9 %
 * (BENCHMARKS.md, E2).
 */
public enum TruncationReading {
    /** b bounds the update \(\lVert\eta g\rVert\): the threshold is b (eq. 1). The default. */
    UPDATE,
    /** b bounds the direction \(\lVert g\rVert\): the update's threshold is η b (constant η only). */
    GRADIENT;

    /** @return the command-line name ({@code --b-on}): {@code update} or {@code gradient} */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param name {@code update} or {@code gradient} (case-insensitive)
     * @return the reading
     * @throws IllegalArgumentException if the name is neither
     */
    public static TruncationReading fromCliName(String name) {
        return Arrays.stream(values()).filter(v -> v.cliName().equalsIgnoreCase(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("--b-on is not update or gradient: " + name));
    }

    /**
     * Sets the update rules' threshold for a b read this way: {@code b} itself ({@link #UPDATE}), or
     * {@code h.lr() * b} ({@link #GRADIENT}); no truncation stays none.
     *
     * @param h the hyperparameters, with their final learning rate and schedule
     * @param b the threshold as read, {@code > 0} ({@code +inf}: none)
     * @return a copy of {@code h} whose {@link Hyperparameters#b()} truncates the update accordingly
     * @throws IllegalArgumentException if {@code !(b > 0)}, or {@link #GRADIENT} with a schedule that is not
     *     constant (the update's bound \(\eta_t b\) would change during the run, which the rules do not do)
     */
    public Hyperparameters apply(Hyperparameters h, double b) {
        Require.positive(b, "b");
        if (this == UPDATE || b == Double.POSITIVE_INFINITY) {
            return h.withB(Truncation.of(b));
        }
        if (!(h.schedule() instanceof LearningRateSchedule.Constant)) {
            throw new IllegalArgumentException("b on the gradient needs a constant learning rate, and this run's "
                + "is scheduled (" + h.schedule() + "); read b on the update instead");
        }
        return h.withB(Truncation.of(h.lr() * b));
    }
}
