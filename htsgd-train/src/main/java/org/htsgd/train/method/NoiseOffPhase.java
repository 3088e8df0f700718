package org.htsgd.train.method;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a noise-injecting method runs in its last K iterations, once the heavy-tailed noise is switched off
 * (the truncation and the weight clip, where used, still apply).
 */
public enum NoiseOffPhase {
    /** Large-batch steps \(-\eta g_{LB}\): Table 2 runs (S1 §4, "run LB instead"). The default. */
    LB,
    /** Small-batch steps \(-\eta g_{SB}\): the augmentation runs of Table 3 (S1 App. A.4, "plain SB updates"). */
    SB;

    /** @return the command-line name ({@code --noise-off-phase}): {@code lb} or {@code sb} */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param name {@code lb} or {@code sb} (case-insensitive)
     * @return the phase
     * @throws IllegalArgumentException if the name is neither
     */
    public static NoiseOffPhase fromCliName(String name) {
        return Arrays.stream(values()).filter(v -> v.cliName().equalsIgnoreCase(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("noise-off phase is not lb or sb: " + name));
    }
}
