package org.htsgd.core.numeric;

/**
 * \(e^s\) and \(e^s - 1\) by table-driven range reduction in plain double arithmetic: within 2 ulp of
 * {@link StrictMath#exp}, and the same bits in the interpreter and every JIT tier (no intrinsic, no {@code fma}), so
 * seeded simulations are bit-identical whatever thread ran them and whenever the JIT compiled them. Inlined by C2,
 * they cost about half of a {@link Math#exp} stub call in the simulator's hot loop.
 *
 * <p>Reduction: \(s = k \ln 2/64 + r\) with \(|r| \le \ln 2/128\) (Cody-Waite with fdlibm's split of ln 2), then
 * \(e^s = 2^{k/64} e^r\) with \(2^{j/64}\) from a 64-entry table (filled with {@link StrictMath#pow}) and
 * \(e^r - 1\) by its Taylor series to \(r^6\) (next term below \(2^{-60}\)). Arguments outside \([-700, 700]\)
 * (and NaN) go to {@link Math#exp}.
 */
public final class TableExp {
    /** Largest |s| handled by the table; beyond it {@link Math#exp} (which overflows near 709.78). */
    private static final double RANGE = 700;
    /** 2^(j/64), j = 0..63. */
    private static final double[] EXP2 = new double[64];
    /** 64/ln 2. */
    private static final double INV_STEP = 64 / StrictMath.log(2);
    /** ln2/64 split (fdlibm's ln2_hi/64, ln2_lo/64): k * STEP_HI is exact for |k| < 2^20. */
    private static final double STEP_HI = 0x1.62e42feep-7;
    private static final double STEP_LO = 0x1.a39ef35793c76p-39;
    /** 1.5 * 2^52: adding it rounds to an integer held in the low mantissa bits. */
    private static final double SHIFT = 0x1.8p52;

    static {
        for (int j = 0; j < 64; j++) {
            EXP2[j] = StrictMath.pow(2, j / 64.0);
        }
    }

    private TableExp() {
    }

    /**
     * @param s the argument
     * @return \(e^s\), within 2 ulp
     */
    public static double exp(double s) {
        if (!(s >= -RANGE && s <= RANGE)) {
            return Math.exp(s);
        }
        double kd = s * INV_STEP + SHIFT;
        int k = (int) Double.doubleToRawLongBits(kd);
        kd -= SHIFT;
        double r = s - kd * STEP_HI - kd * STEP_LO;
        double t = EXP2[k & 63] * Double.longBitsToDouble((long) (1023 + (k >> 6)) << 52);
        return t + t * expm1Reduced(r);
    }

    /**
     * @param s the argument
     * @return \(e^s - 1\), within 2 ulp of \(e^s\) plus 1 ulp of the result; for \(|s| \le \ln 2/128\) (no table
     *     factor) also within a few ulp of the result itself, where {@code exp(s) - 1} would lose the small digits
     */
    public static double expm1(double s) {
        if (!(s >= -RANGE && s <= RANGE)) {
            return Math.exp(s) - 1.0;
        }
        double kd = s * INV_STEP + SHIFT;
        int k = (int) Double.doubleToRawLongBits(kd);
        kd -= SHIFT;
        double r = s - kd * STEP_HI - kd * STEP_LO;
        double t = EXP2[k & 63] * Double.longBitsToDouble((long) (1023 + (k >> 6)) << 52);
        return (t - 1.0) + t * expm1Reduced(r);
    }

    /** @return \(e^r - 1\) for \(|r| \le \ln 2/128\), Taylor series to \(r^6\) */
    private static double expm1Reduced(double r) {
        double r2 = r * r;
        return r + r2 * ((0.5 + r * (1.0 / 6)) + r2 * ((1.0 / 24 + r * (1.0 / 120)) + r2 * (1.0 / 720)));
    }
}
