package org.htsgd.train.method;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.htsgd.train.model.reference.SoftmaxRegression;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each rule's update equals its formula (paper.md §4.1) on softmax regression: the expected \(\theta'\) is rebuilt
 * from the model's gradients at the batches (and weights) the rule actually used, recorded by a wrapper, and compared
 * with the rule's \(\theta'\) to 1e-12 relative (rounding only: the rule and the reference sum in different orders).
 */
class UpdateRuleFormulaTest {
    static final int N = 60;
    static final int P = 4;
    static final int K = 3;
    static final long T = 40;
    static final long K_OFF = 10;
    static final double TOL = 1e-12;

    /** A fresh reference problem: same data and the same random initial weights for every call. */
    static SoftmaxRegression problem() {
        SoftmaxRegression m = SoftmaxRegression.gaussianBlobs(RandomSource.XO_RO_SHI_RO_128_PP.create(7L), N, P, K, 1.5);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(
            RandomSource.XO_RO_SHI_RO_128_PP.create(8L));
        double[] w = new double[m.dimension()];
        for (int i = 0; i < w.length; i++) {
            w[i] = 0.3 * g.sample();
        }
        m.setWeights(w);
        return m;
    }

    static Hyperparameters hyper(Method m) {
        // b = 0.12 sits inside the range of ||eta g_heavy|| here, so Our 1/2 see both truncated and free steps;
        // the L-infinity clip (0.6) is active for SB+Noise (checked below).
        Hyperparameters h = Hyperparameters.of(0.2, 8, 40, 0.12, 0.5, 1.4, K_OFF, T);
        return m == Method.SB_NOISE ? h.withWeightLinfClip(0.6).withLr(0.5) : h;
    }

    static double[] gradient(SoftmaxRegression ref, double[] w, int[] batch) {
        ref.setWeights(w);
        double[] g = new double[w.length];
        ref.lossAndGradient(batch, batch.length, g);
        return g;
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    static double maxAbs(double[] v) {
        double s = 0;
        for (double x : v) {
            s = Math.max(s, Math.abs(x));
        }
        return s;
    }

    static void assertClose(double[] expected, double[] actual, double scale, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOL * scale, what + " [" + i + "]");
        }
    }

    static void assertBatch(int[] batch, int size) {
        assertEquals(size, batch.length, "batch size");
        Set<Integer> seen = new HashSet<>();
        for (int i : batch) {
            assertTrue(i >= 0 && i < N, "index in range");
            assertTrue(seen.add(i), "distinct within batch");
        }
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void updateEqualsFormula(Method method) {
        Hyperparameters h = hyper(method);
        RecordingModel model = new RecordingModel(problem());
        SoftmaxRegression ref = problem();
        UpdateRule rule = UpdateRules.create(method, h);
        rule.init(model, RandomSource.XO_RO_SHI_RO_128_PP.create(11L));
        int truncatedSteps = 0;
        int clipHits = 0;
        for (long t = 0; t < T; t++) {
            double[] theta = model.weights();
            model.calls.clear();
            StepRecord rec = rule.step(t);
            double[] actual = model.weights();
            List<RecordingModel.Call> calls = model.calls;
            double eta = h.learningRate(t);
            boolean noiseOn = method.injectsNoise() && h.noiseOn(t);
            assertEquals(noiseOn, rec.noiseOn(), "noiseOn at " + t);
            if (!noiseOn) {
                assertEquals(0.0, rec.z(), "z is 0 without noise at " + t);
            }
            for (RecordingModel.Call c : calls) {
                if (method != Method.SAM || c == calls.get(0)) {
                    assertArrayEquals(theta, c.weights(), "gradient at the current weights");
                }
            }
            double[] g;
            switch (method) {
                case LB -> {
                    assertEquals(1, calls.size());
                    assertBatch(calls.get(0).batch(), h.lbBatch());
                    g = gradient(ref, theta, calls.get(0).batch());
                }
                case SB, SB_CLIP -> {
                    assertEquals(1, calls.size());
                    assertBatch(calls.get(0).batch(), h.batch());
                    g = gradient(ref, theta, calls.get(0).batch());
                }
                case SB_NOISE, OUR2 -> {
                    if (noiseOn) {
                        assertEquals(2, calls.size());
                        assertBatch(calls.get(0).batch(), h.batch());
                        assertBatch(calls.get(1).batch(), h.lbBatch());
                        double[] gSb = gradient(ref, theta, calls.get(0).batch());
                        double[] gLb = gradient(ref, theta, calls.get(1).batch());
                        double z = rec.z();
                        g = new double[gSb.length];
                        for (int i = 0; i < g.length; i++) {
                            g[i] = (1 + z) * gSb[i] - z * gLb[i];
                        }
                    } else {
                        assertEquals(1, calls.size());
                        assertBatch(calls.get(0).batch(), h.lbBatch());
                        g = gradient(ref, theta, calls.get(0).batch());
                    }
                }
                case OUR1 -> {
                    if (noiseOn) {
                        assertEquals(3, calls.size());
                        assertBatch(calls.get(0).batch(), h.batch());
                        assertBatch(calls.get(1).batch(), h.batch());
                        assertBatch(calls.get(2).batch(), h.lbBatch());
                        assertFalse(java.util.Arrays.equals(calls.get(0).batch(), calls.get(1).batch()),
                            "SB* drawn independently of SB");
                        double[] gSb = gradient(ref, theta, calls.get(0).batch());
                        double[] gSbStar = gradient(ref, theta, calls.get(1).batch());
                        double[] gLb = gradient(ref, theta, calls.get(2).batch());
                        double z = rec.z();
                        g = new double[gSb.length];
                        for (int i = 0; i < g.length; i++) {
                            g[i] = gSb[i] + z * (gSbStar[i] - gLb[i]);
                        }
                    } else {
                        assertEquals(1, calls.size());
                        assertBatch(calls.get(0).batch(), h.lbBatch());
                        g = gradient(ref, theta, calls.get(0).batch());
                    }
                }
                case SAM -> {
                    assertEquals(2, calls.size());
                    assertBatch(calls.get(0).batch(), h.batch());
                    assertArrayEquals(calls.get(0).batch(), calls.get(1).batch(), "SAM: same batch twice");
                    double[] g0 = gradient(ref, theta, calls.get(0).batch());
                    double n0 = norm(g0);
                    double[] perturbed = theta.clone();
                    for (int i = 0; i < g0.length; i++) {
                        perturbed[i] += h.samRho() * g0[i] / n0;
                    }
                    assertClose(perturbed, calls.get(1).weights(), 1 + maxAbs(theta), "theta + eps");
                    g = gradient(ref, perturbed, calls.get(1).batch());
                }
                default -> throw new IllegalStateException();
            }
            double gn = norm(g);
            double[] s = new double[g.length];
            double sn = eta * gn;
            boolean truncated = method.truncates() && sn > h.b().b();
            double f = truncated ? h.b().b() / sn : 1;
            for (int i = 0; i < g.length; i++) {
                s[i] = f * eta * g[i];
            }
            double[] expected = new double[g.length];
            double r = h.weightLinfClip();
            for (int i = 0; i < g.length; i++) {
                double v = theta[i] - s[i];
                if (Math.abs(v) > r) {
                    clipHits++;
                }
                expected[i] = Math.max(-r, Math.min(r, v));
            }
            assertClose(expected, actual, 1 + maxAbs(theta) + norm(s), method + " step " + t);
            assertEquals(truncated, rec.truncated(), "truncated flag");
            assertEquals(gn, rec.gradNorm(), TOL * gn, "gradNorm");
            assertEquals(eta, rec.learningRate(), 0.0, "learningRate");
            assertEquals(sn, rec.rawStepNorm(), TOL * sn, "rawStepNorm");
            assertEquals(norm(s), rec.stepNorm(), TOL * norm(s), "stepNorm");
            assertTrue(Double.isFinite(rec.loss()) && rec.loss() > 0, "loss");
            if (truncated) {
                truncatedSteps++;
            }
        }
        if (method == Method.OUR1 || method == Method.OUR2) {
            assertTrue(truncatedSteps > 0 && truncatedSteps < T, "both branches exercised: " + truncatedSteps);
        }
        if (method == Method.SB_NOISE) {
            assertTrue(clipHits > 0, "the L-infinity clip was active");
        }
    }
}
