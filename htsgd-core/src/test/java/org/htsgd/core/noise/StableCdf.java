package org.htsgd.core.noise;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;

/**
 * Reference CDF of the symmetric alpha-stable law \(S_\alpha(\gamma, 0, 0)\), \(1 < \alpha < 2\), for tests: Nolan's
 * integral (Nolan 1997, "Numerical calculation of stable densities and distribution functions", Theorem 1, with
 * \(\beta = 0\), \(\theta_0 = 0\)): for \(x > 0\),
 * \[ F(x) = 1 - \frac1\pi \int_0^{\pi/2} \exp\big(-x^{\alpha/(\alpha-1)} V(\theta)\big)\,d\theta,\quad
 *    V(\theta) = \Big(\frac{\cos\theta}{\sin\alpha\theta}\Big)^{\alpha/(\alpha-1)}
 *    \frac{\cos((\alpha-1)\theta)}{\cos\theta}, \]
 * and \(F(-x) = 1 - F(x)\). Beyond {@link #ASYMPTOTIC_FROM} the asymptotic tail \(C x^{-\alpha}/2\) is used; its
 * relative error there is \(O(x^{-\alpha})\) of a probability below 1e-2, far below any KS statistic we test.
 */
final class StableCdf {
    /** Where the asymptotic tail takes over (in units of the scale). */
    static final double ASYMPTOTIC_FROM = 200;

    private final double alpha;
    private final double scale;
    private final double exponent;
    private final SymmetricStable law;

    StableCdf(double alpha, double scale) {
        this.alpha = alpha;
        this.scale = scale;
        this.exponent = alpha / (alpha - 1);
        this.law = SymmetricStable.of(alpha, scale);
    }

    /** @return \(P(Z > x)\) for \(x \ge 0\) */
    double upperTail(double x) {
        final double z = x / scale;
        if (z == 0) {
            return 0.5;
        }
        if (z > ASYMPTOTIC_FROM) {
            return law.asymptoticTail(x) / 2;
        }
        final double c = Math.pow(z, exponent);
        final IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(8, 1e-9, 1e-12);
        double sum = 0;
        // Split the range: the integrand rises from 0 to 1 over a narrow band near pi/2 when z is large.
        final double[] cuts = {0, 0.5, 1.0, 1.3, 1.45, 1.52, 1.55, 1.565, Math.PI / 2};
        for (int i = 0; i + 1 < cuts.length; i++) {
            sum += integrator.integrate(1_000_000, t -> integrand(t, c), cuts[i], cuts[i + 1]);
        }
        return sum / Math.PI;
    }

    private double integrand(double theta, double c) {
        final double cos = Math.cos(theta);
        final double v = Math.pow(cos / Math.sin(alpha * theta), exponent) * Math.cos((alpha - 1) * theta) / cos;
        final double r = Math.exp(-c * v);
        return Double.isNaN(r) ? 0 : r;
    }

    /** @return \(F(x)\) */
    double cdf(double x) {
        return x >= 0 ? 1 - upperTail(x) : upperTail(-x);
    }
}
