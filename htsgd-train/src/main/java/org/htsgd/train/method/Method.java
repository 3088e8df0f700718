package org.htsgd.train.method;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The training methods compared in the paper (ICLR 2022 §4, Table 2; paper.md §4.1) plus SAM as the usual
 * flat-minima baseline. Each constant carries its CLI name ({@code --method our2}) and the paper's label
 * ({@code Our 2}).
 *
 * <ul>
 *   <li>{@link #LB}: \(\theta \leftarrow \theta - \eta g_{LB}\)</li>
 *   <li>{@link #SB}: \(\theta \leftarrow \theta - \eta g_{SB}\)</li>
 *   <li>{@link #SB_CLIP}: \(\theta \leftarrow \theta - \varphi_b(\eta g_{SB})\)</li>
 *   <li>{@link #SB_NOISE}: \(\theta \leftarrow \theta - \eta g_{heavy}\) with SB* = SB, no truncation, then the
 *       weights are clipped to the L-infinity ball (App. A.3)</li>
 *   <li>{@link #OUR1}: \(\theta \leftarrow \theta - \varphi_b(\eta g_{heavy})\), SB* an independent batch (eq. 47)</li>
 *   <li>{@link #OUR2}: same with SB* = SB, i.e. \(g_{heavy} = (1+Z) g_{SB} - Z g_{LB}\)</li>
 *   <li>{@link #SAM}: sharpness-aware minimisation (Foret et al., ICLR 2021, arXiv 2010.01412) on the SB batch</li>
 * </ul>
 */
public enum Method {
    /** Large-batch SGD. */
    LB("lb", "LB", false, false),
    /** Small-batch SGD. */
    SB("sb", "SB", false, false),
    /** Small-batch SGD with the update truncated at b. */
    SB_CLIP("sb-clip", "SB+Clip", false, true),
    /** Heavy-tailed noise (SB* = SB) without truncation, weights clipped in L-infinity. */
    SB_NOISE("sb-noise", "SB+Noise", true, false),
    /** Truncated heavy-tailed SGD, independent SB*. */
    OUR1("our1", "Our 1", true, true),
    /** Truncated heavy-tailed SGD, SB* = SB. */
    OUR2("our2", "Our 2", true, true),
    /** Sharpness-aware minimisation. */
    SAM("sam", "SAM", false, false);

    /** CLI name. */
    private final String cliName;
    /** The paper's label (Table 2's column header). */
    private final String label;
    /** Whether heavy-tailed noise Z is injected. */
    private final boolean injectsNoise;
    /** Whether the update is truncated at b. */
    private final boolean truncates;

    Method(String cliName, String label, boolean injectsNoise, boolean truncates) {
        this.cliName = cliName;
        this.label = label;
        this.injectsNoise = injectsNoise;
        this.truncates = truncates;
    }

    /** @return the CLI name, e.g. {@code sb-clip} */
    public String cliName() {
        return cliName;
    }

    /** @return the paper's label, e.g. {@code SB+Clip} or {@code Our 2} (Table 2's column header) */
    public String label() {
        return label;
    }

    /** @return whether the method injects the heavy-tailed multiplier Z (eq. 47) */
    public boolean injectsNoise() {
        return injectsNoise;
    }

    /** @return whether the method truncates its update by the global L2 norm at b */
    public boolean truncates() {
        return truncates;
    }

    /**
     * @param name a CLI name ({@code lb, sb, sb-clip, sb-noise, our1, our2, sam}); case-insensitive
     * @return the method
     * @throws IllegalArgumentException if the name is unknown
     */
    public static Method fromCliName(String name) {
        for (Method m : values()) {
            if (m.cliName.equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("method is not one of "
            + Arrays.stream(values()).map(Method::cliName).collect(Collectors.joining(", ")) + ": " + name);
    }

    @Override
    public String toString() {
        return cliName;
    }
}
