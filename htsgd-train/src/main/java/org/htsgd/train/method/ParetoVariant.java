package org.htsgd.train.method;

/**
 * Which Pareto law the heavy-tailed factor W of \(Z = cW\) follows (paper.md §4.1 and §6 item 2).
 */
public enum ParetoVariant {
    /** Lomax / Pareto II, {@code np.random.pareto}: \(P(W > w) = (1+w)^{-\alpha}\), \(w \ge 0\). The default. */
    LOMAX,
    /** Classical Pareto (type I, scale 1): \(P(W > w) = w^{-\alpha}\), \(w \ge 1\); then \(Z \ge c\) always. */
    CLASSICAL
}
