package org.htsgd.core.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Gamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.htsgd.core.analysis.FlowGrid;
import org.htsgd.core.analysis.ReachableSets;
import org.htsgd.core.landscape.Landscapes;
import org.junit.jupiter.api.Test;

class IsotropicExitRatesTest {
    private static final double ALPHA = 1.2;
    /** Disc field of radius 1.3 around 0 (radial, contractive drift), annulus outside. */
    private static final FlowGrid DISC = FlowGrid.of(Landscapes.parse("expr:-(x^2+y^2-1.69)^2;R=2.5"), 0.02);
    /** Half-disc fields x < 0 and x > 0, minimisers (+-1, 0). */
    private static final FlowGrid WELL = FlowGrid.of(Landscapes.parse("expr:(x^2-1)^2+y^2;R=2.5"), 0.02);
    private static final double RHO = 1.3;

    private static int discField() {
        return DISC.field(new double[] {0.1, 0.1});
    }

    /** The quadrature's rays run in parallel; the rates are bit-identical for any thread count. */
    @Test
    void quadratureDoesNotDependOnTheThreadCount() {
        int right = WELL.field(new double[] {1, 0});
        double[] start = {0.9, 0.2};
        for (double b : new double[] {1.5, Double.POSITIVE_INFINITY}) {
            IsotropicExitRates rates = IsotropicExitRates.of(WELL, b, ALPHA);
            ExitRate one = rates.withThreads(1).quadrature(right, start, 360);
            for (int threads : new int[] {2, 3, 8}) {
                ExitRate many = rates.withThreads(threads).quadrature(right, start, 360);
                assertArrayEquals(one.toField(), many.toField(), "b = " + b + ", " + threads + " threads");
                assertArrayEquals(one.toFieldError(), many.toFieldError());
                assertEquals(one.exitRate(), many.exitRate());
            }
            assertTrue(one.exitRate() > 0, "the test exercises rays that exit: " + one.exitRate());
        }
        assertThrows(IllegalArgumentException.class, () -> IsotropicExitRates.of(WELL, 1, ALPHA).withThreads(0));
    }

    /**
     * Disc of radius \(\rho\) around the minimiser, J = 1 (\(\rho &lt; b\)): a jump \(ru\) lands outside iff
     * \(\min(r, b) &gt; \rho\), whatever u, so \(q = \nu_\alpha[\rho, \infty) = \rho^{-\alpha}\) (the clipped jumps
     * land at distance \(b &gt; \rho\), outside too; beyond the domain the projection keeps them in the annulus).
     * With \(b = \infty\) the same. (With \(\rho &gt; b\) no single jump exits: J = 2, see the Monte Carlo test.)
     */
    @Test
    void discClosedForm() {
        int disc = discField();
        for (double b : new double[] {2.0, Double.POSITIVE_INFINITY}) {
            ExitRate r = IsotropicExitRates.of(DISC, b, ALPHA).quadrature(disc, DISC.minimiser(disc), 720);
            assertEquals(Math.pow(RHO, -ALPHA), r.exitRate(), 2e-4 * r.exitRate(), "b = " + b);
            assertEquals(r.exitRate(), r.toField()[1 - disc], 1e-12);
            assertEquals(0, r.toField()[disc]);
            assertTrue(r.exitRateError() < 1e-6);
            assertEquals(ExitRate.QUADRATURE, r.method());
        }
    }

    /**
     * Half-plane field \(x &gt; 0\) from \(m = (1, 0)\): a jump at angle \(\theta\) with \(\cos\theta &lt; 0\) lands at
     * \(x &lt; 0\) iff \(\min(r,b) &gt; 1/|\cos\theta|\) (the radial projection keeps the sign of x), so
     * \(q = \frac{1}{2\pi}\int_{\cos\theta &lt; 0} |\cos\theta|^{\alpha}\,1\{|\cos\theta| \ge 1/b\}\,d\theta\); for
     * \(b = \infty\), \(q = \Gamma(\frac{\alpha+1}{2}) / (2\sqrt\pi\,\Gamma(\frac\alpha2 + 1))\).
     */
    @Test
    void halfPlaneAgainstIndependentQuadrature() {
        int right = WELL.field(new double[] {1, 0});
        double unclipped = Math.exp(Gamma.logGamma((ALPHA + 1) / 2) - Gamma.logGamma(ALPHA / 2 + 1))
            / (2 * Math.sqrt(Math.PI));
        for (double b : new double[] {1.5, Double.POSITIVE_INFINITY}) {
            int n = 200_000;
            double ref = 0;
            for (int k = 0; k < n; k++) {
                double c = Math.cos(Math.PI / 2 + Math.PI * (k + 0.5) / n);
                ref += Math.abs(c) >= 1 / b ? Math.pow(Math.abs(c), ALPHA) / (2.0 * n) : 0;
            }
            if (b == Double.POSITIVE_INFINITY) {
                assertEquals(unclipped, ref, 1e-8);
            }
            ExitRate r = IsotropicExitRates.of(WELL, b, ALPHA).quadrature(right, WELL.minimiser(right), 720);
            assertEquals(ref, r.exitRate(), Math.max(3 * r.exitRateError(), 3e-3 * ref), "b = " + b + ": " + r);
        }
    }

    /** The J = 1 quadrature on the modified Himmelblau's Omega_3 against a direct simulation of the measure. */
    @Test
    void quadratureAgreesWithMonteCarlo() {
        FlowGrid g = FlowGrid.of(Landscapes.himmelblau(), 0.02);
        int field = g.field(new double[] {2.3, 0.53});
        double b = 2.15;
        double[] m = g.minimiser(field);
        ExitRate q = IsotropicExitRates.of(g, b, ALPHA).quadrature(field, m, 720);
        // nu_alpha restricted to [0.4, inf) (the field's radius is 0.52: shorter jumps stay inside), mass 0.4^-alpha
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20260101L);
        double rMin = 0.4;
        int n = 40_000;
        int out = 0;
        double[] p = new double[2];
        for (int k = 0; k < n; k++) {
            double r = Math.min(b, rMin * Math.pow(1 - rng.nextDouble(), -1 / ALPHA));
            double th = 2 * Math.PI * rng.nextDouble();
            p[0] = m[0] + r * Math.cos(th);
            p[1] = m[1] + r * Math.sin(th);
            out += g.field(p) != field ? 1 : 0;
        }
        double frac = (double) out / n;
        double mc = Math.pow(rMin, -ALPHA) * frac;
        double se = Math.pow(rMin, -ALPHA) * Math.sqrt(frac * (1 - frac) / n);
        // two-sided 4-sigma: false alarm about 6e-5
        assertEquals(mc, q.exitRate(), 4 * se + q.exitRateError(), "quadrature " + q + " vs MC " + mc + " +- " + se);
    }

    /**
     * J = 2 on the disc (b = 1 &lt; \(\rho\) = 1.3 &lt; 2b) against a deterministic reference. The flow is radial,
     * \(\dot\varrho = -4(\rho^2 - \varrho^2)\varrho\); from radius \(\varrho\) a last jump in a direction at angle
     * \(\varphi\) to the radius exits iff its length reaches \(d(\varphi) = -\varrho\cos\varphi +
     * \sqrt{\rho^2 - \varrho^2\sin^2\varphi}\) and \(d \le b\), with mass \(d^{-\alpha}\): so
     * \(Q(\varrho) = \frac1{2\pi}\int d(\varphi)^{-\alpha}1\{d(\varphi) \le b\}d\varphi\). Substituting
     * \(dt = d\varrho/|\dot\varrho|\) and swapping the integrals over the first jump length \(s\) (density
     * \(\alpha s^{-\alpha-1}\) below b, atom \(b^{-\alpha}\) at b) and the radius gives
     * \(q = \int_{\rho - b}^{b} \varrho^{-\alpha}\,Q(\varrho)\,/\,(4\varrho(\rho^2 - \varrho^2))\,d\varrho\).
     */
    @Test
    void monteCarloAgreesWithRadialReference() {
        int disc = discField();
        double b = 1.0;
        ReachableSets sets = ReachableSets.of(DISC);
        assertEquals(2, sets.jumpNumber(disc, b).jumps());
        int nRho = 400;
        double lo = RHO - b;
        double ref = 0;
        for (int k = 0; k < nRho; k++) {
            double rho = lo + (b - lo) * (k + 0.5) / nRho;
            int nPhi = 4000;
            double qr = 0;
            for (int j = 0; j < nPhi; j++) {
                double phi = 2 * Math.PI * (j + 0.5) / nPhi;
                double d = -rho * Math.cos(phi) + Math.sqrt(RHO * RHO - rho * rho * Math.pow(Math.sin(phi), 2));
                qr += d <= b ? Math.pow(d, -ALPHA) / nPhi : 0;
            }
            ref += Math.pow(rho, -ALPHA) * qr / (4 * rho * (RHO * RHO - rho * rho)) * (b - lo) / nRho;
        }
        ExitRate r = IsotropicExitRates.of(DISC, b, ALPHA).monteCarlo(sets, disc, DISC.minimiser(disc), 2, 20_000,
            RandomSource.XO_RO_SHI_RO_128_PP.create(7L));
        assertEquals(ExitRate.MONTE_CARLO, r.method());
        assertTrue(r.exitRateError() > 0 && r.exitRateError() < 0.1 * r.exitRate(), r.toString());
        // 4 standard errors plus 1% for the grid labels and the flow integration
        assertEquals(ref, r.exitRate(), 4 * r.exitRateError() + 0.01 * ref, "reference " + ref + ", " + r.note());
    }

    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> IsotropicExitRates.of(DISC, 0, ALPHA));
        assertThrows(IllegalArgumentException.class, () -> IsotropicExitRates.of(DISC, Double.NaN, ALPHA));
        assertThrows(IllegalArgumentException.class, () -> IsotropicExitRates.of(DISC, 1, 1.0));
        IsotropicExitRates r = IsotropicExitRates.of(DISC, 2, ALPHA);
        assertThrows(IllegalArgumentException.class, () -> r.quadrature(0, new double[2], 7));
    }
}
