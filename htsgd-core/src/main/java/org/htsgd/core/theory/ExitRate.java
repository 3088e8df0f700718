package org.htsgd.core.theory;

/**
 * The exit rate of one attraction field \(\Omega_i\) under isotropic regularly varying noise (paper.md §2.1 eq. 10,
 * §2.6): \(q_i = \mu_J(E_i)\) and \(q_{i,j} = \mu_J(E_{i,j})\) with \(\mu_J = \nu^J \times \mathrm{Leb}_+^{J-1}\),
 * \(\nu(dw) = \nu_\alpha(dr)\,S(d\theta)\), \(\nu_\alpha[r,\infty) = r^{-\alpha}\) and \(S\) uniform on the unit
 * sphere. Plain data (Jackson-serialisable).
 *
 * @param field the field i
 * @param method {@link #QUADRATURE} (J = 1), {@link #MONTE_CARLO} (J &ge; 2), or {@link #NONE} with the reason in
 *     {@code note}
 * @param from the minimiser point the first jump starts from (for a minimiser set the rate depends on it)
 * @param jumps the jump number J used
 * @param exitRate \(q_i\)
 * @param exitRateError quadrature: \(|Q_n - Q_{n/2}|\) (n directions vs every second one); Monte Carlo: one standard
 *     error
 * @param toField \(q_{i,j}\) for every field j (0 at j = i)
 * @param toFieldError the error of each \(q_{i,j}\), as for {@code exitRateError}
 * @param samples directions (quadrature) or Monte Carlo samples
 * @param minJump Monte Carlo: the jumps before the last are sampled from \(\nu_\alpha\) on \([\rho, \infty)\) only,
 *     where no shorter jump can take part in an exit (checked on the grid); NaN for the quadrature
 * @param note how it was computed, in words (e.g. "Monte Carlo estimate, 20000 samples, +- 1 standard error")
 */
public record ExitRate(int field, String method, double[] from, int jumps, double exitRate, double exitRateError,
        double[] toField, double[] toFieldError, long samples, double minJump, String note) {
    /** Deterministic quadrature over the jump direction. */
    public static final String QUADRATURE = "quadrature";
    /** Monte Carlo estimate with a standard error. */
    public static final String MONTE_CARLO = "monte-carlo";
    /** Not computed. */
    public static final String NONE = "none";

    /** Defensive copies. */
    public ExitRate {
        from = from.clone();
        toField = toField.clone();
        toFieldError = toFieldError.clone();
    }

    /** @return a copy */
    @Override
    public double[] from() {
        return from.clone();
    }

    /** @return a copy */
    @Override
    public double[] toField() {
        return toField.clone();
    }

    /** @return a copy */
    @Override
    public double[] toFieldError() {
        return toFieldError.clone();
    }
}
