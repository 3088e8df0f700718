package org.htsgd.train.method;

import java.util.Arrays;

/**
 * Which Pareto law the heavy-tailed factor W of \(Z = cW\) follows (paper.md §4.1 and §6 item 2).
 */
public enum ParetoVariant {
    /** Lomax / Pareto II, {@code np.random.pareto}: \(P(W > w) = (1+w)^{-\alpha}\), \(w \ge 0\). The default. */
    LOMAX("lomax"),
    /** Classical Pareto (type I, scale 1): \(P(W > w) = w^{-\alpha}\), \(w \ge 1\); then \(Z \ge c\) always. */
    CLASSICAL("pareto");

    /** Command-line name ({@code --noise-law}). */
    private final String cliName;

    ParetoVariant(String cliName) {
        this.cliName = cliName;
    }

    /** @return the command-line name: {@code lomax} or {@code pareto} (classical) */
    public String cliName() {
        return cliName;
    }

    /**
     * @param name {@code lomax} or {@code pareto} (case-insensitive)
     * @return the variant
     * @throws IllegalArgumentException if the name is neither
     */
    public static ParetoVariant fromCliName(String name) {
        return Arrays.stream(values()).filter(v -> v.cliName.equalsIgnoreCase(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("noise law is not lomax or pareto: " + name));
    }
}
