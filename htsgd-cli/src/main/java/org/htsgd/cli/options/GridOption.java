package org.htsgd.cli.options;

import org.htsgd.core.theory.Theory2D;
import org.htsgd.core.validation.Require;
import picocli.CommandLine.Option;

/**
 * {@code --grid-spacing H}: the resolution of the 2-D theory ({@link org.htsgd.core.analysis.FlowGrid}, paper.md
 * §2.6). The disc of the landscape is covered by square cells of side \(h' = 2R/\lceil 2R/H\rceil \le H\); the
 * attraction fields are the basins of the gradient flow traced from the cells, and the reachable sets
 * \(G^{(k)|b}\) are unions of cells, computed twice: with jump radius \(b - \delta\) (inner, an upper estimate of
 * \(J_b\)) and \(b + \delta\) (outer, a lower estimate), \(\delta = h'\sqrt2\) the cell diagonal. Where they differ
 * \(J_b\) is reported unresolved. Smaller is more accurate and slower (cost and memory grow like \(1/H^2\)); 1-D
 * commands ignore it.
 */
public final class GridOption {
    /** The default spacing. */
    public static final double DEFAULT = 0.02;

    /** The spacing. */
    @Option(names = "--grid-spacing", defaultValue = "" + DEFAULT, paramLabel = "H",
            description = "2-D only: side H of the grid cells on which the attraction fields, the reachable sets "
                    + "G^(k)|b and J_b are computed; J_b is bracketed by jump radii b -/+ H*sqrt(2) and reported "
                    + "unresolved where the two differ (default: ${DEFAULT-VALUE})")
    private double spacing;

    /**
     * @return the 2-D theory's settings with this spacing (the other settings at their defaults)
     * @throws IllegalArgumentException if the spacing is not finite and {@code > 0}
     */
    public Theory2D.Settings settings() {
        Theory2D.Settings d = Theory2D.Settings.defaults();
        return new Theory2D.Settings(Require.finitePositive(spacing, "--grid-spacing"), d.directions(), d.samples(),
            d.seed());
    }
}
