package org.htsgd.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.htsgd.core.analysis.AttractionFields1D;
import org.htsgd.core.analysis.CriticalPoints1D;
import org.htsgd.core.landscape.DoubleWell;
import org.htsgd.core.landscape.Landscape1D;
import org.htsgd.core.landscape.Landscapes;
import org.junit.jupiter.api.Test;

class JumpRatesTest {
    static final double ALPHA = 1.2;

    @Test
    void closedFormUnclippedMatchesFormula() {
        Landscape1D f = Landscapes.paper1d();
        AttractionFields1D fl = CriticalPoints1D.of(f).fields();
        TypicalTransitionGraph g = TypicalTransitionGraph.of(fl, Double.POSITIVE_INFINITY);
        JumpRates.Result r = JumpRates.of(g, null, ALPHA, 0.3, JumpRates.DEFAULT_ORDER);
        double[] m = fl.minima();
        double[] s = {Double.NEGATIVE_INFINITY, -1.3, 0.2, 0.7, Double.POSITIVE_INFINITY};
        for (int i = 0; i < 4; i++) {
            // paper.md §2.5: q_i = p+ (s_i - m_i)^-alpha + p- (m_i - s_{i-1})^-alpha, outer sides contribute nothing
            double expect = (i < 3 ? 0.3 * Math.pow(s[i + 1] - m[i], -ALPHA) : 0)
                    + (i > 0 ? 0.7 * Math.pow(m[i] - s[i], -ALPHA) : 0);
            assertEquals(expect, r.exitRates()[i], 1e-9 * expect);
            assertEquals(0, r.errors()[i]);
        }
        // landing in a far field: nu{w : m1 + w in (0.2, 0.7)} = p+ ((0.2 - m1)^-a - (0.7 - m1)^-a)
        assertEquals(0.3 * (Math.pow(0.2 - m[0], -ALPHA) - Math.pow(0.7 - m[0], -ALPHA)), r.rates()[0][2], 1e-12);
    }

    @Test
    void closedFormClippedMatchesFormula() {
        Landscape1D f = Landscapes.paper1d();
        AttractionFields1D fl = CriticalPoints1D.of(f).fields();
        TypicalTransitionGraph g = TypicalTransitionGraph.of(fl, 0.5);
        JumpRates.Result r = JumpRates.of(g, f, ALPHA, 0.5, JumpRates.DEFAULT_ORDER);
        double[] m = fl.minima();
        // l* = 1 fields: m1 (right distance 0.21 < b) and m3 (both sides < b)
        assertEquals(0.5 * Math.pow(-1.3 - m[0], -ALPHA), r.exitRates()[0], 1e-12);
        assertEquals(0.5 * Math.pow(0.7 - m[2], -ALPHA) + 0.5 * Math.pow(m[2] - 0.2, -ALPHA), r.exitRates()[2], 1e-12);
        assertEquals(0, r.rates()[0][2]);
        // l* = 2 fields: positive, finite, only typical targets, converged quadrature
        for (int i : new int[] {1, 3}) {
            assertTrue(r.exitRates()[i] > 0 && Double.isFinite(r.exitRates()[i]));
            assertTrue(r.errors()[i] < 1e-6 * r.exitRates()[i], "error " + r.errors()[i]);
        }
        assertEquals(0, r.rates()[1][3]);
        assertTrue(r.rates()[1][0] > 0 && r.rates()[1][2] > 0);
    }

    /**
     * l* = 2 on (x^2-1)^2, field [-2, 0) from m = -1, b = 0.7: Monte Carlo of the defining integral
     * mu(E) = int nu(dw1) int_0^inf dt' int nu(dw2) 1{x(t'; -1 + phi_b(w1)) + phi_b(w2) > 0}, with the exact flow
     * v = x^2, v(t) = 1 / (1 + (1/v0 - 1) e^{-8t}). Only w1, w2 > 0.3 and t' < T can contribute (T = flow time from
     * -0.3 to -0.7), so sample w_k from nu restricted to (0.3, inf) (Pareto, mass p 0.3^-alpha) and t' ~ U(0, T).
     */
    @Test
    void lStarTwoMatchesMonteCarloOnDoubleWell() {
        DoubleWell f = DoubleWell.symmetric();
        AttractionFields1D fl = CriticalPoints1D.of(f).fields();
        double b = 0.7;
        double p = 0.5;
        TypicalTransitionGraph g = TypicalTransitionGraph.of(fl, b);
        assertEquals(2, g.lStar(0));
        JumpRates.Result r = JumpRates.of(g, f, ALPHA, p, JumpRates.DEFAULT_ORDER);
        double quad = r.exitRates()[0];

        double c = 0.3;
        double tMax = Math.log((1 / 0.09 - 1) / (1 / 0.49 - 1)) / 8;
        double mass = p * Math.pow(c, -ALPHA);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20260127L);
        int n = 2_000_000;
        long hits = 0;
        for (int k = 0; k < n; k++) {
            double w1 = Math.min(b, c * Math.pow(rng.nextDouble(), -1 / ALPHA));
            double w2 = Math.min(b, c * Math.pow(rng.nextDouble(), -1 / ALPHA));
            double t = tMax * rng.nextDouble();
            double x0 = -1 + w1;
            double v0 = x0 * x0;
            double x = -Math.sqrt(1 / (1 + (1 / v0 - 1) * Math.exp(-8 * t)));
            if (x + w2 > 0) {
                hits++;
            }
        }
        double ph = (double) hits / n;
        double scale = mass * mass * tMax;
        double mc = scale * ph;
        double se = scale * Math.sqrt(ph * (1 - ph) / n);
        // 4 standard errors of a binomial proportion (n = 2e6, ph ~ 0.1): false alarm < 1e-4
        assertEquals(mc, quad, 4 * se + r.errors()[0], "quadrature " + quad + " vs MC " + mc + " +- " + se);
        assertTrue(se < 0.01 * mc, "MC too noisy to be a test: " + se / mc);
    }

    /**
     * l* = 3 on (x^2-1)^2 with b = 0.4 (r = 1): the same integral with three jumps and two flow times, estimated
     * by Monte Carlo with the last jump integrated exactly (its conditional mass is p (-x)^-alpha when -x < b),
     * jumps restricted to what can still exit.
     */
    @Test
    void lStarThreeMatchesMonteCarloOnDoubleWell() {
        DoubleWell f = DoubleWell.symmetric();
        AttractionFields1D fl = CriticalPoints1D.of(f).fields();
        double b = 0.4;
        double p = 0.5;
        TypicalTransitionGraph g = TypicalTransitionGraph.of(fl, b);
        assertEquals(3, g.lStar(0));
        JumpRates.Result r = JumpRates.of(g, f, ALPHA, p, JumpRates.DEFAULT_ORDER);
        double quad = r.exitRates()[0];
        // a jump w can only help if the remaining jumps (each <= b) can still reach 0: w1 > 1 - 2b, w2 > 1 - b - (reach)
        double c1 = 1 - 2 * b;
        double tMax = flowTime(-1 + b, -1 + c1 + 0.0) + flowTime(-1 + c1, -(b));
        double m1 = p * Math.pow(c1, -ALPHA);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        int n = 1_000_000;
        double sum = 0;
        double sum2 = 0;
        double t1Max = flowTime(-1 + b, -1 + c1);
        for (int k = 0; k < n; k++) {
            double w1 = Math.min(b, c1 * Math.pow(rng.nextDouble(), -1 / ALPHA));
            double t1 = t1Max * rng.nextDouble();
            double y1 = flow(-1 + w1, t1);
            // second jump must bring the point above -b (so that one more jump of size <= b can exit)
            double c2 = -b - y1;
            double val = 0;
            if (c2 < b) {
                double m2 = p * Math.pow(c2, -ALPHA);
                double w2 = Math.min(b, c2 * Math.pow(rng.nextDouble(), -1 / ALPHA));
                double x2 = y1 + w2;
                double t2Max = flowTime(x2, -b);
                double t2 = t2Max * rng.nextDouble();
                double y2 = flow(x2, t2);
                double last = -y2 < b ? p * Math.pow(-y2, -ALPHA) : 0;
                val = m1 * t1Max * m2 * t2Max * last;
            }
            sum += val;
            sum2 += val * val;
        }
        double mc = sum / n;
        double se = Math.sqrt((sum2 / n - mc * mc) / n);
        // 4 standard errors (CLT, n = 1e6 with finite variance: the sampled weights are bounded): false alarm < 1e-4
        assertEquals(mc, quad, 4 * se + r.errors()[0], "quadrature " + quad + " vs MC " + mc + " +- " + se);
        assertTrue(se < 0.02 * mc, "MC too noisy to be a test: " + se / mc);
        assertTrue(tMax > 0);
    }

    /** Exact flow of (x^2-1)^2 for x in (-1, 0). */
    static double flow(double x0, double t) {
        double v0 = x0 * x0;
        return -Math.sqrt(1 / (1 + (1 / v0 - 1) * Math.exp(-8 * t)));
    }

    /** Flow time from x0 down to x1 (x1 < x0 < 0, both > -1); 0 if x1 >= x0. */
    static double flowTime(double x0, double x1) {
        if (!(x1 < x0)) {
            return 0;
        }
        return Math.log((1 / (x0 * x0) - 1) / (1 / (x1 * x1) - 1)) / 8;
    }
}
