package org.htsgd.core.landscape;

import org.htsgd.core.numeric.TableExp;

/**
 * The 1-D test function of the paper's experiment (ICLR 2022, App. A.1; eq. 2.37 of Wang &amp; Rhee 2023):
 * \[ f(x) = P(x)\,(0.05|1.65 - x|)^{0.6}\Bigl(1 + \tfrac{1}{0.01 + 4(x-0.5)^2}\Bigr)
 * \Bigl(1 + \tfrac{1}{0.1 + 4(x+1.5)^2}\Bigr)\bigl(1 - \tfrac14 e^{-5(x+0.8)^2}\bigr), \]
 * \(P(x) = (x+1.6)(x+1.3)^2(x-0.2)^2(x-0.7)^2(x-1.6)\), on \([-L, L]\) with \(L = 1.6\).
 *
 * <p>Minima near \(-1.5115, -0.6993, 0.4962, 1.3221\); maxima exactly at \(-1.3, 0.2, 0.7\) (paper.md §3.1).
 */
public final class Paper1D implements Landscape1D {

    /** The projection interval. */
    private final Domain.Interval domain;

    private Paper1D(Domain.Interval domain) {
        this.domain = domain;
    }

    /**
     * @param l the half-width L of the projection interval
     * @return the paper's function on \([-L, L]\)
     * @throws IllegalArgumentException if {@code l} is not in (0, 1.65) (the factor \(|1.65 - x|^{0.6}\) is not
     *     differentiable at 1.65)
     */
    public static Paper1D of(double l) {
        if (!(l > 0 && l < 1.65)) {
            throw new IllegalArgumentException("L is not in (0, 1.65): " + l);
        }
        return new Paper1D(Domain.Interval.symmetric(l));
    }

    @Override
    public Domain.Interval domain() {
        return domain;
    }

    @Override
    public String name() {
        return "paper1d";
    }

    @Override
    public double value(double x) {
        double a = x + 1.3;
        double c = x - 0.2;
        double d = x - 0.7;
        return (x + 1.6) * a * a * c * c * d * d * (x - 1.6) * smoothFactor(x);
    }

    @Override
    public double derivative(double x) {
        // Implementation notes: f = P * Q with P the polynomial holding all the zeros, kept in product form
        // P = g1 g2 g3 g4 (g1 = (x + 1.6)(x - 1.6), g2 = (x + 1.3)^2, g3 = (x - 0.2)^2, g4 = (x - 0.7)^2) and
        // differentiated by the product rule pairwise (a tree: short dependency chains), so P and P' are accurate
        // to rounding even at the double roots; Q > 0 is a product of four positive factors and Q' = Q * (sum of
        // their log-derivatives), so the derivative costs one power t^0.6, one exp and one division. The power and
        // the exp are computed inline by table-driven reductions in plain double arithmetic (pow06, exp below: no
        // call, no log, <= 2 ulp), which is what makes the simulator's step cheap; plain arithmetic (no Math.fma,
        // no intrinsic) gives the same bits in every JIT tier, so results stay independent of the thread count.
        double t1 = x + 1.6;
        double t5 = x - 1.6;
        double t2 = x + 1.3;
        double t3 = x - 0.2;
        double t4 = x - 0.7;
        double g1 = t1 * t5;
        double dg1 = t1 + t5;
        double g2 = t2 * t2;
        double dg2 = 2 * t2;
        double g3 = t3 * t3;
        double dg3 = 2 * t3;
        double g4 = t4 * t4;
        double dg4 = 2 * t4;
        double h1 = g1 * g2;
        double dh1 = dg1 * g2 + g1 * dg2;
        double h2 = g3 * g4;
        double dh2 = dg3 * g4 + g3 * dg4;
        double p = h1 * h2;
        double dp = dh1 * h2 + h1 * dh2;
        return timesSmoothFactor(x, p, dp);
    }

    /**
     * @return \((P Q)' = Q (P' + P (\log Q)')\) at x given \(P(x)\) and \(P'(x)\) (split from {@link #derivative}
     *     so that each half stays under the JIT's inlining size limit and the whole derivative is inlined into the
     *     simulator's loop)
     */
    private static double timesSmoothFactor(double x, double p, double dp) {
        double a = 1.65 - x;
        double q1 = pow06(0.05 * Math.abs(a));
        double u = x - 0.5;
        double d1 = 0.01 + 4 * u * u;
        double e1 = d1 + 1;
        double v = x + 1.5;
        double d2 = 0.1 + 4 * v * v;
        double e2 = d2 + 1;
        double w = x + 0.8;
        double e = TableExp.exp(-5 * w * w);
        // Q = q1 (e1/d1) (e2/d2) q4 with q4 = 1 - e/4, and Q'/Q = -0.6/a - 8u/(d1 e1) - 8v/(d2 e2) + 10 w (e/4) / q4,
        // so f' = q1 (e1 e2)/(d1 d2 dd) [q4 (P' dd + P nn) + 10 w (e/4) P dd] with dd = a d1 e1 d2 e2 and
        // nn = -0.6 d1 e1 d2 e2 - 8 a (u d2 e2 + v d1 e1), the bracket being X + e (Y - X)/4 with X = P' dd + P nn,
        // Y = 10 w P dd. All the denominators are bounded away from 0 on the domain (a >= 0.05, d1 >= 0.01,
        // d2 >= 0.1), and the one division does not wait for pow06 or exp.
        double a1 = d1 * e1;
        double a2 = d2 * e2;
        double a12 = a1 * a2;
        double dd = a * a12;
        double nn = -0.6 * a12 - 8 * a * (u * a2 + v * a1);
        double ratio = e1 * e2 / (d1 * d2 * dd);
        double xx = dp * dd + p * nn;
        double yy = 10 * w * p * dd;
        return (q1 * ratio) * (xx + e * (0.25 * (yy - xx)));
    }

    // ---- t^0.6 and e^s by table-driven reduction, in plain double arithmetic ----
    // pow06: t = c_j (1 + r) with c_j the midpoint of t's 1/64-octave cell (index: exponent and 6 leading mantissa
    // bits), t - c_j exact (Sterbenz), |r| <= 2^-7; t^0.6 = c_j^0.6 (1 + r)^0.6 with the binomial series to r^7
    // (next term < 2^-55 relative). Cells cover [2^-9, 2^-2), which holds 0.05 |1.65 - x| for |x| <= 1.6; other
    // arguments go to Math.pow. exp: TableExp (s = k ln2/64 + r, 2^(k/64) table, e^r to r^6). Tables are filled
    // with StrictMath.

    /** Mantissa bits kept by the t^0.6 cell index. */
    private static final int POW_BITS = 6;
    /** Cell index of 2^-9 (the first cell). */
    private static final int POW_FIRST = (int) (Double.doubleToRawLongBits(0x1p-9) >>> (52 - POW_BITS));
    /** Number of cells (7 octaves). */
    private static final int POW_CELLS = 7 << POW_BITS;
    /** Per cell j, at 4j, 4j+1, 4j+2: its midpoint c, 1/c and c^0.6 (one cache line per two cells). */
    private static final double[] POW_TABLE = new double[4 * POW_CELLS];
    /** Binomial coefficients C(0.6, n), n = 1..7. */
    private static final double B1;
    private static final double B2;
    private static final double B3;
    private static final double B4;
    private static final double B5;
    private static final double B6;
    private static final double B7;


    static {
        for (int j = 0; j < POW_CELLS; j++) {
            double lo = Double.longBitsToDouble((long) (POW_FIRST + j) << (52 - POW_BITS));
            double hi = Double.longBitsToDouble((long) (POW_FIRST + j + 1) << (52 - POW_BITS));
            double c = 0.5 * (lo + hi);
            POW_TABLE[4 * j] = c;
            POW_TABLE[4 * j + 1] = 1 / c;
            POW_TABLE[4 * j + 2] = StrictMath.pow(c, 0.6);
        }
        double[] bin = new double[8];
        bin[0] = 1;
        for (int n = 1; n < 8; n++) {
            bin[n] = bin[n - 1] * (0.6 - (n - 1)) / n;
        }
        B1 = bin[1];
        B2 = bin[2];
        B3 = bin[3];
        B4 = bin[4];
        B5 = bin[5];
        B6 = bin[6];
        B7 = bin[7];
    }

    /** @return \(t^{0.6}\) for \(t \ge 0\), within 2 ulp */
    static double pow06(double t) {
        int j = (int) (Double.doubleToRawLongBits(t) >>> (52 - POW_BITS)) - POW_FIRST;
        if (j < 0 || j >= POW_CELLS) {
            return Math.pow(t, 0.6);
        }
        int i = 4 * j;
        double r = (t - POW_TABLE[i]) * POW_TABLE[i + 1];
        double r2 = r * r;
        double s = r * ((B1 + r * B2) + r2 * (B3 + r * B4) + (r2 * r2) * ((B5 + r * B6) + r2 * B7));
        double v = POW_TABLE[i + 2];
        return v + v * s;
    }

    private static double smoothFactor(double x) {
        double u = x - 0.5;
        double v = x + 1.5;
        double w = x + 0.8;
        return Math.pow(0.05 * Math.abs(1.65 - x), 0.6) * (1 + 1 / (0.01 + 4 * u * u))
                * (1 + 1 / (0.1 + 4 * v * v)) * (1 - 0.25 * Math.exp(-5 * w * w));
    }

    @Override
    public String toString() {
        return "Paper1D[L=" + domain.hi() + "]";
    }
}
