package org.htsgd.core.analysis;

/**
 * The jump number of one attraction field \(I = \Omega_i\) for a truncation threshold \(b\) (S4 Thm 2.8, paper.md
 * §2.6): \(J_b^I = \min\{k \ge 1 : G^{(k)|b} \cap I^c \ne \emptyset\}\), with \(G^{(k)|b}\) the set reachable from the
 * minimiser set by gradient-flow paths interleaved with \(k\) jumps of norm at most \(b\) (computed by
 * {@link ReachableSets}). Plain data (Jackson-serialisable); distances and points are in the landscape's coordinates.
 *
 * @param field the field index (0-based, {@link FlowGrid} order)
 * @param b the truncation threshold
 * @param jumps \(J_b\) when the two grid estimates agree, else {@link #UNRESOLVED}; {@link #NO_EXIT} if no number of
 *     jumps leaves the field (a lone field)
 * @param jumpsLower lower estimate of \(J_b\): from outer sets (jump radius \(b + \delta\))
 * @param jumpsUpper upper estimate of \(J_b\): from inner sets (jump radius \(b - \delta\))
 * @param cellDiagonal the grid resolution \(\delta\)
 * @param radius \(r = \mathrm{dist}(\text{minimiser set}, I^c)\) on the grid (cell centres, error \(\le \delta\))
 * @param radiusJumps \(\max(1, \lceil r/b\rceil)\), the contractive-drift value (S4), {@link #NO_EXIT} if
 *     \(r = \infty\)
 * @param contactDistance the length the last jump needs: distance from the inner \(G^{(J-1)}\) (the minimiser set
 *     for \(J = 1\)) to \(I^c\); \(b\) minus this is the margin of \(J_b\) against a change of \(b\)
 * @param exitPoint where \(G^{(J)}\) first meets \(I^c\) (the cell of \(I^c\) nearest to the inner \(G^{(J-1)}\)),
 *     or {@code null}
 * @param exitFrom the point of the inner \(G^{(J-1)}\) the exiting jump starts from, or {@code null}
 * @param exitField the field {@code exitPoint} lies in, or -1
 * @param reached fields the inner \(G^{(J)}\) meets besides this one (the edges of the typical transition graph
 *     that are certain at this resolution)
 * @param possiblyReached fields the outer \(G^{(J)}\) meets besides this one (a superset of {@code reached})
 * @param contractive whether \(a(x)\cdot(x - \pi(x)) \le 0\) on every grid cell of the field further than
 *     \(2\delta\) from the minimiser set, with \(a = -\nabla f\) and \(\pi(x)\) the nearest minimiser point (for a
 *     single minimiser S4's condition \(a(x)\cdot(x - m) \le 0\); for a set: the distance to the set never grows)
 * @param nonContractiveFraction fraction of the checked cells where that fails (cosine above 1e-6)
 */
public record JumpNumber(int field, double b, int jumps, int jumpsLower, int jumpsUpper, double cellDiagonal,
        double radius, int radiusJumps, double contactDistance, double[] exitPoint, double[] exitFrom, int exitField,
        int[] reached, int[] possiblyReached, boolean contractive, double nonContractiveFraction) {
    /** Marks a field no number of jumps leaves (the value of the 1-D {@code TypicalTransitionGraph.NO_EXIT}). */
    public static final int NO_EXIT = Integer.MAX_VALUE;
    /** Marks a jump number the two grid estimates do not agree on (refine the grid, or b is near a critical value). */
    public static final int UNRESOLVED = -1;

    /** Defensive copies. */
    public JumpNumber {
        exitPoint = exitPoint == null ? null : exitPoint.clone();
        exitFrom = exitFrom == null ? null : exitFrom.clone();
        reached = reached.clone();
        possiblyReached = possiblyReached.clone();
    }

    /** @return a copy of the exit point, or null */
    @Override
    public double[] exitPoint() {
        return exitPoint == null ? null : exitPoint.clone();
    }

    /** @return a copy of the start of the exiting jump, or null */
    @Override
    public double[] exitFrom() {
        return exitFrom == null ? null : exitFrom.clone();
    }

    /** @return a copy of the surely reached fields */
    @Override
    public int[] reached() {
        return reached.clone();
    }

    /** @return a copy of the possibly reached fields */
    @Override
    public int[] possiblyReached() {
        return possiblyReached.clone();
    }
}
