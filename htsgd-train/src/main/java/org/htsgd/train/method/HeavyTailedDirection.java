package org.htsgd.train.method;

/**
 * The heavy-tailed direction of eq. 47 (S1 §4): \(g_{heavy} = g_{SB} + Z\,(g_{SB^*} - g_{LB})\), one scalar Z per
 * iteration multiplying the whole noise vector. With SB* = SB (Our 2, SB+Noise) this is
 * \((1+Z) g_{SB} - Z g_{LB}\).
 */
public final class HeavyTailedDirection {
    private HeavyTailedDirection() {
    }

    /**
     * Writes \(g_{SB} + Z (g_{SB^*} - g_{LB})\) into {@code out}; {@code out} may alias any input.
     *
     * @param gSb small-batch gradient
     * @param gSbStar second small-batch gradient (the same array as {@code gSb} for SB* = SB)
     * @param gLb large-batch gradient
     * @param z the multiplier Z
     * @param out destination
     */
    public static void combine(double[] gSb, double[] gSbStar, double[] gLb, double z, double[] out) {
        final int d = out.length;
        for (int i = 0; i < d; i++) {
            out[i] = gSb[i] + z * (gSbStar[i] - gLb[i]);
        }
    }

    /**
     * @param v a vector
     * @return its L2 norm (global over all weights)
     */
    public static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
