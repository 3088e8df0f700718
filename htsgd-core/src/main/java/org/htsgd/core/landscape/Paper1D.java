package org.htsgd.core.landscape;

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
        // Implementation notes: f = P * Q with P the polynomial holding all the zeros, kept in product form and
        // differentiated by forward accumulation (p, p') <- (p (x - r), p' (x - r) + p), so P and P' are accurate
        // to rounding even at the double roots; Q > 0 is a product of four positive factors and Q' = Q * (sum of
        // their log-derivatives), so the derivative costs one log, two exps and one division.
        double t1 = x + 1.6;
        double t2 = x + 1.3;
        double t3 = x - 0.2;
        double t4 = x - 0.7;
        double t5 = x - 1.6;
        double p = t1;
        double dp = 1;
        dp = dp * t2 + p;
        p *= t2;
        dp = dp * t2 + p;
        p *= t2;
        dp = dp * t3 + p;
        p *= t3;
        dp = dp * t3 + p;
        p *= t3;
        dp = dp * t4 + p;
        p *= t4;
        dp = dp * t4 + p;
        p *= t4;
        dp = dp * t5 + p;
        p *= t5;
        double a = 1.65 - x;
        double q1 = Math.exp(0.6 * Math.log(0.05 * Math.abs(a)));
        double u = x - 0.5;
        double d1 = 0.01 + 4 * u * u;
        double e1 = d1 + 1;
        double v = x + 1.5;
        double d2 = 0.1 + 4 * v * v;
        double e2 = d2 + 1;
        double w = x + 0.8;
        double e = 0.25 * Math.exp(-5 * w * w);
        double q4 = 1 - e;
        // Q = q1 (e1/d1) (e2/d2) q4 and Q'/Q = -0.6/a - 8u/(d1 e1) - 8v/(d2 e2) + 10 w e / q4 = num/den; all the
        // denominators are bounded away from 0 on the domain (a >= 0.05, d1 >= 0.01, d2 >= 0.1, q4 >= 0.75), so
        // they are merged into a single division.
        double a1 = d1 * e1;
        double a2 = d2 * e2;
        double a12 = a1 * a2;
        double den = a * a12 * q4;
        double num = -0.6 * a12 * q4 - 8 * u * a * a2 * q4 - 8 * v * a * a1 * q4 + 10 * w * e * a * a12;
        return q1 * e1 * e2 * q4 * (dp * den + p * num) / (d1 * d2 * den);
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
