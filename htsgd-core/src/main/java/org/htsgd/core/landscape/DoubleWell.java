package org.htsgd.core.landscape;

/**
 * A (possibly asymmetric) quartic double well with prescribed critical points: \(f'(x) = k(x - m_1)(x - s)(x - m_2)\)
 * with \(m_1 &lt; s &lt; m_2\), i.e. \(f(x) = k\,(x^4/4 - e_1x^3/3 + e_2x^2/2 - e_3x) + c\) with the elementary symmetric
 * polynomials \(e_1, e_2, e_3\) of \((m_1, s, m_2)\) and \(c\) chosen so that \(f(m_1) = 0\). The attraction fields
 * on \([lo, hi]\) are \([lo, s)\) and \((s, hi]\), so their widths are \(s - m_1\) and \(m_2 - s\).
 * The default \((m_1, s, m_2, k) = (-1, 0, 1, 4)\) is \(f(x) = (x^2 - 1)^2\).
 */
public final class DoubleWell implements Landscape1D {
    /** Left minimum. */
    private final double m1;
    /** The local maximum. */
    private final double s;
    /** Right minimum. */
    private final double m2;
    /** Curvature scale k. */
    private final double k;
    /** Elementary symmetric polynomials. */
    private final double e1;
    /** Elementary symmetric polynomials. */
    private final double e2;
    /** Elementary symmetric polynomials. */
    private final double e3;
    /** Additive constant making f(m1) = 0. */
    private final double c;
    /** Projection interval. */
    private final Domain.Interval domain;

    private DoubleWell(double m1, double s, double m2, double k, Domain.Interval domain) {
        this.m1 = m1;
        this.s = s;
        this.m2 = m2;
        this.k = k;
        this.e1 = m1 + s + m2;
        this.e2 = m1 * s + m1 * m2 + s * m2;
        this.e3 = m1 * s * m2;
        this.domain = domain;
        this.c = -poly(m1);
    }

    /**
     * @param m1 left minimum
     * @param s local maximum between them
     * @param m2 right minimum
     * @param k scale, {@code k > 0}
     * @param l half-width of the projection interval \([-L, L]\), must contain \(m_1, m_2\) in its interior
     * @return the double well
     * @throws IllegalArgumentException if {@code !(m1 < s < m2)}, {@code !(k > 0)} or {@code !(L > max|m|)}
     */
    public static DoubleWell of(double m1, double s, double m2, double k, double l) {
        if (!(m1 < s && s < m2)) {
            throw new IllegalArgumentException("critical points are not ordered m1 < s < m2: " + m1 + ", " + s + ", " + m2);
        }
        if (!(k > 0)) {
            throw new IllegalArgumentException("k is not > 0: " + k);
        }
        if (!(l > Math.max(-m1, m2))) {
            throw new IllegalArgumentException("L is not > max(-m1, m2): " + l);
        }
        return new DoubleWell(m1, s, m2, k, Domain.Interval.symmetric(l));
    }

    /** @return \(f(x) = (x^2-1)^2\) on \([-2, 2]\) */
    public static DoubleWell symmetric() {
        return of(-1, 0, 1, 4, 2);
    }

    private double poly(double x) {
        return k * (((x / 4 - e1 / 3) * x + e2 / 2) * x - e3) * x;
    }

    @Override
    public double value(double x) {
        return poly(x) + c;
    }

    @Override
    public double derivative(double x) {
        return k * (x - m1) * (x - s) * (x - m2);
    }

    @Override
    public Domain.Interval domain() {
        return domain;
    }

    @Override
    public String name() {
        return "doublewell";
    }

    @Override
    public String toString() {
        return "DoubleWell[m1=" + m1 + ", s=" + s + ", m2=" + m2 + ", k=" + k + ", L=" + domain.hi() + "]";
    }
}
