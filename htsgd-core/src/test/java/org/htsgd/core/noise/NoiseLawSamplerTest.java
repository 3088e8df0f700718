package org.htsgd.core.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.ParetoDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.apache.commons.statistics.inference.PValueMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parametric statistical suite: every law's sampler against a reference CDF computed independently of the law's own
 * {@code tail()} (commons-statistics distributions, or Nolan's integral for stable laws), and every law's
 * {@code tail()} against the empirical tail. Seeds are fixed, so the suite is deterministic; the false-alarm rates
 * below are what a fresh seed would give.
 */
class NoiseLawSamplerTest {
    /** KS sample size (stable laws: smaller, their reference CDF is a numerical integral). */
    private static final int N = 20_000;
    private static final int N_STABLE = 2_000;
    /** KS acceptance: p > 1e-3, i.e. a false alarm rate of 1e-3 per law, ~1.3% for the 13 laws together. */
    private static final double KS_LEVEL = 1e-3;

    private static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /** @return the CDF of U*W for a fair sign U and W with survival function s */
    private static DoubleUnaryOperator symmetric(DoubleUnaryOperator survivalOfMagnitude) {
        return z -> z < 0 ? 0.5 * survivalOfMagnitude.applyAsDouble(-z)
            : 1 - 0.5 * survivalOfMagnitude.applyAsDouble(z);
    }

    static Stream<Arguments> lawsWithReferenceCdf() {
        return Stream.of(
            // Lomax: 1 + W ~ Pareto(scale 1, shape alpha), so P(W > w) = ParetoDistribution survival at 1 + w.
            Arguments.of(SymmetricLomax.of(1.2, 0.1), N,
                symmetric(w -> ParetoDistribution.of(1, 1.2).survivalProbability(1 + w / 0.1))),
            Arguments.of(SymmetricLomax.of(1.8, 2.0), N,
                symmetric(w -> ParetoDistribution.of(1, 1.8).survivalProbability(1 + w / 2.0))),
            Arguments.of(SymmetricLomax.of(3.0, 1.0), N,
                symmetric(w -> ParetoDistribution.of(1, 3.0).survivalProbability(1 + w))),
            Arguments.of(ClassicalPareto.of(1.2, 1.0), N,
                symmetric(w -> ParetoDistribution.of(1, 1.2).survivalProbability(w))),
            Arguments.of(ClassicalPareto.oneSided(1.5, 0.75), N,
                (DoubleUnaryOperator) ParetoDistribution.of(0.75, 1.5)::cumulativeProbability),
            Arguments.of(StudentT.of(3, 1), N, (DoubleUnaryOperator) TDistribution.of(3)::cumulativeProbability),
            Arguments.of(StudentT.of(1.5, 0.5), N, (DoubleUnaryOperator) z -> TDistribution.of(1.5)
                .cumulativeProbability(z / 0.5)),
            Arguments.of(Gaussian.of(1), N, (DoubleUnaryOperator) NormalDistribution.of(0, 1)::cumulativeProbability),
            Arguments.of(Gaussian.of(0.3), N,
                (DoubleUnaryOperator) NormalDistribution.of(0, 0.3)::cumulativeProbability),
            // alpha = 2 stable is N(0, 2 gamma^2).
            Arguments.of(SymmetricStable.of(2, 0.5), N,
                (DoubleUnaryOperator) NormalDistribution.of(0, Math.sqrt(2) * 0.5)::cumulativeProbability),
            Arguments.of(SymmetricStable.of(1.2, 1), N_STABLE, (DoubleUnaryOperator) new StableCdf(1.2, 1)::cdf),
            Arguments.of(SymmetricStable.of(1.5, 1), N_STABLE, (DoubleUnaryOperator) new StableCdf(1.5, 1)::cdf),
            Arguments.of(SymmetricStable.of(1.8, 0.1), N_STABLE, (DoubleUnaryOperator) new StableCdf(1.8, 0.1)::cdf));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lawsWithReferenceCdf")
    void samplerPassesKsTestAgainstReferenceCdf(NoiseLaw law, int n, DoubleUnaryOperator cdf) {
        final double[] z = draw(law.sampler(rng(20260101L)), n);
        final KolmogorovSmirnovTest.OneResult r =
            KolmogorovSmirnovTest.withDefaults().with(PValueMethod.ASYMPTOTIC).test(z, cdf);
        assertTrue(r.getPValue() > KS_LEVEL, () -> law + ": KS D = " + r.getStatistic() + ", p = " + r.getPValue());
    }

    /** The suite has power: Lomax(1.2) samples tested against the Lomax(1.5) CDF must be rejected. */
    @Test
    void ksSuiteRejectsAWrongLaw() {
        final double[] z = draw(SymmetricLomax.of(1.2, 0.1).sampler(rng(7)), N);
        // sup |F - G| = 0.041 (at 1 + w/0.1 = 1.25^(1/0.3)), i.e. 5.8/sqrt(N): p ~ 2 exp(-2 * 5.8^2) ~ 1e-29.
        final DoubleUnaryOperator wrong =
            symmetric(w -> ParetoDistribution.of(1, 1.5).survivalProbability(1 + w / 0.1));
        final double p = KolmogorovSmirnovTest.withDefaults().with(PValueMethod.ASYMPTOTIC).test(z, wrong).getPValue();
        assertTrue(p < 1e-6, () -> "p = " + p);
    }

    static Stream<NoiseLaw> lawsWithClosedFormTail() {
        return Stream.of(SymmetricLomax.of(1.2, 0.1), SymmetricLomax.of(2.5, 1), ClassicalPareto.of(1.2, 1),
            ClassicalPareto.oneSided(1.5, 0.75), StudentT.of(3, 2), Gaussian.of(1), SymmetricStable.of(2, 1));
    }

    /**
     * \(H(x)\) against the empirical fraction of \(|Z| > x\) at the points where \(H = 0.5, 0.1, 0.01\) (found by
     * bisection on {@code tail} itself). Tolerance: 5 binomial standard errors, false alarm < 6e-7 per point.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("lawsWithClosedFormTail")
    void tailMatchesEmpiricalTail(NoiseLaw law) {
        final int n = 100_000;
        final double[] z = draw(law.sampler(rng(99)), n);
        for (double h : new double[] {0.5, 0.1, 0.01}) {
            final double x = inverseTail(law, h);
            int count = 0;
            for (double v : z) {
                if (Math.abs(v) > x) {
                    count++;
                }
            }
            final double se = Math.sqrt(h * (1 - h) / n);
            final double empirical = (double) count / n;
            assertEquals(h, empirical, 5 * se, () -> law + " at x = " + x);
        }
        assertEquals(1.0, law.tail(-1.0));
        assertEquals(1.0, law.tail(0.0), 1e-12);
    }

    /** The paper's H(x) = (1 + 10x)^-1.2 (paper.md §3.1 [D]). */
    @Test
    void paperNoiseHasThePapersTail() {
        final SymmetricLomax paper = NoiseLaws.paper1d();
        for (double x : new double[] {0.01, 0.1, 0.5, 1, 10}) {
            assertEquals(Math.pow(1 + 10 * x, -1.2), paper.tail(x), 1e-15);
        }
        assertEquals(0.5, paper.pPlus());
        assertEquals(0.5, paper.pMinus());
        assertEquals(1.2, paper.alpha());
    }

    /** Stable alpha < 2: tail() is NaN; the asymptotic constant agrees with the empirical tail far out. */
    @Test
    void stableTailConstantMatchesEmpiricalTail() {
        final SymmetricStable law = SymmetricStable.of(1.5, 1);
        assertTrue(Double.isNaN(law.tail(3)));
        assertEquals(1.5, law.alpha());
        // C = (2/pi) Gamma(1.5) sin(3 pi / 4) = (2/pi) (sqrt(pi)/2) (sqrt(2)/2) = 1/sqrt(2 pi).
        assertEquals(1 / Math.sqrt(2 * Math.PI), law.tailConstant(), 1e-12);
        final int n = 400_000;
        final double x = 30;
        final double[] z = draw(law.sampler(rng(5)), n);
        int count = 0;
        for (double v : z) {
            if (Math.abs(v) > x) {
                count++;
            }
        }
        // Exact H(30) from Nolan's integral; the asymptotic C x^-alpha is within 1% of it at x = 30.
        final double exact = 2 * new StableCdf(1.5, 1).upperTail(x);
        assertEquals(law.asymptoticTail(x), exact, 0.01 * exact);
        // 5 binomial standard errors (count ~ 970): false alarm < 6e-7.
        assertEquals(exact, (double) count / n, 5 * Math.sqrt(exact / n));
        assertEquals(Double.POSITIVE_INFINITY, SymmetricStable.of(2, 1).alpha());
        assertEquals(0.0, SymmetricStable.of(2, 1).tailConstant());
    }

    static Stream<NoiseLaw> allLaws() {
        return Stream.of(SymmetricLomax.of(1.2, 0.1), ClassicalPareto.of(1.2, 1), ClassicalPareto.oneSided(1.2, 1),
            SymmetricStable.of(1.5, 1), SymmetricStable.of(2, 1), StudentT.of(3, 1), Gaussian.of(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allLaws")
    void sameSeedGivesSameSequence(NoiseLaw law) {
        final double[] a = draw(law.sampler(rng(42)), 1000);
        final double[] b = draw(law.sampler(rng(42)), 1000);
        assertArrayEquals(a, b);
        final SharedStateContinuousSampler shared = law.sampler(rng(1)).withUniformRandomProvider(rng(42));
        assertArrayEquals(a, draw(shared, 1000));
        final double[] c = draw(law.sampler(rng(43)), 1000);
        assertTrue(a[0] != c[0] || a[1] != c[1], "different seeds gave the same draws");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allLaws")
    void toStringNamesLawAndParameters(NoiseLaw law) {
        final String s = law.toString();
        assertTrue(s.startsWith(law.getClass().getSimpleName() + "["), s);
        assertTrue(s.contains("=1.0") || s.contains("=1.2") || s.contains("=1.5") || s.contains("=3.0"), s);
    }

    @Test
    void lomaxFillMatchesRepeatedSample() {
        final SymmetricLomaxSampler s1 = SymmetricLomax.of(1.2, 0.1).sampler(rng(3));
        final SymmetricLomaxSampler s2 = SymmetricLomax.of(1.2, 0.1).sampler(rng(3));
        final double[] buffer = new double[1000];
        s1.fill(buffer, 0, 500);
        s1.fill(buffer, 500, 1000);
        for (double v : buffer) {
            assertEquals(s2.sample(), v);
        }
    }

    /** The signs are fair: the count of positives is Binomial(n, 1/2); 5 standard errors, false alarm < 6e-7. */
    @Test
    void lomaxSignsAreFair() {
        final int n = 1_000_000;
        final double[] z = new double[n];
        SymmetricLomax.of(1.2, 0.1).sampler(rng(11)).fill(z);
        int positive = 0;
        int runs = 1;
        for (int i = 0; i < n; i++) {
            if (z[i] > 0) {
                positive++;
            }
            if (i > 0 && (z[i] > 0) != (z[i - 1] > 0)) {
                runs++;
            }
        }
        assertEquals(n / 2.0, positive, 5 * Math.sqrt(n / 4.0));
        // Independent signs: the number of runs is ~ N(n/2, n/4) too.
        assertEquals(n / 2.0, runs, 5 * Math.sqrt(n / 4.0));
    }

    /** The hot-loop sampler allocates nothing per draw (HotSpot's per-thread allocation counter). */
    @Test
    void lomaxSamplerDoesNotAllocate() {
        final SymmetricLomaxSampler s = SymmetricLomax.of(1.2, 0.1).sampler(rng(1));
        final double[] buffer = new double[1024];
        final long allocated = AllocationCounter.bytesAllocatedBy(() -> {
            double sum = 0;
            for (int i = 0; i < 1_000_000; i++) {
                sum += s.sample();
            }
            for (int i = 0; i < 1000; i++) {
                s.fill(buffer);
            }
            return sum + buffer[0];
        });
        // A single allocation per draw would be >= 16 MB here; allow a few kB of JIT/runtime noise.
        assertTrue(allocated < 100_000, () -> "allocated " + allocated + " bytes");
    }

    static double[] draw(SharedStateContinuousSampler s, int n) {
        final double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = s.sample();
        }
        return z;
    }

    /** @return x with tail(x) = h, by bisection (tail is non-increasing) */
    private static double inverseTail(NoiseLaw law, double h) {
        double lo = 0;
        double hi = 1;
        while (law.tail(hi) > h) {
            hi *= 2;
        }
        for (int i = 0; i < 200; i++) {
            final double mid = 0.5 * (lo + hi);
            if (law.tail(mid) > h) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }
}
