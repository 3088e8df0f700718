package org.htsgd.train.method;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.RandomProviderState;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.htsgd.train.loop.Task;
import org.htsgd.train.model.reference.SoftmaxRegression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Truncation, noise schedule, weight clip, momentum, determinism, lifecycle of the update rules. */
class UpdateRuleBehaviourTest {
    static final double TOL = 1e-12;

    static SoftmaxRegression problem() {
        return UpdateRuleFormulaTest.problem();
    }

    static double[] run(Method m, Hyperparameters h, long seed, long steps) {
        SoftmaxRegression model = problem();
        UpdateRule rule = UpdateRules.create(m, h);
        rule.init(model, RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
        for (long t = 0; t < steps; t++) {
            rule.step(t);
        }
        double[] w = new double[model.dimension()];
        model.weights(w);
        return w;
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    @ParameterizedTest
    @EnumSource(value = Method.class, names = {"SB_CLIP", "OUR1", "OUR2"})
    void truncationGivesStepNormExactlyB(Method m) {
        // b = 1e-3 is far below ||eta g|| (about 0.1 here), so every step is truncated to norm b.
        double b = 1e-3;
        Hyperparameters h = Hyperparameters.of(0.2, 8, 40, b, 0.5, 1.4, 0, 20);
        SoftmaxRegression model = problem();
        UpdateRule rule = UpdateRules.create(m, h);
        rule.init(model, RandomSource.XO_RO_SHI_RO_128_PP.create(3L));
        double[] before = new double[model.dimension()];
        double[] after = new double[model.dimension()];
        for (long t = 0; t < 20; t++) {
            model.weights(before);
            StepRecord rec = rule.step(t);
            model.weights(after);
            assertTrue(rec.truncated());
            assertTrue(h.lr() * rec.gradNorm() > b);
            assertEquals(b, rec.stepNorm(), 0.0);
            // ||theta - theta'|| = b up to rounding of d = 15 coordinates (1e-12 relative)
            assertEquals(b, distance(before, after), TOL * b);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Method.class, names = {"SB_CLIP", "OUR1", "OUR2"})
    void truncationIsNoOpUnderB(Method m) {
        // With b huge, the truncated rule is bit-for-bit the untruncated one: SB+Clip = SB, and Our 2 = SB+Noise
        // (no weight clip); Our 1 is compared with itself under b = infinity.
        Hyperparameters h = Hyperparameters.of(0.2, 8, 40, 1e9, 0.5, 1.4, 5, 20);
        Method untruncated = m == Method.SB_CLIP ? Method.SB : m == Method.OUR2 ? Method.SB_NOISE : Method.OUR1;
        double[] a = run(m, h, 5L, 20);
        double[] b = run(untruncated, h.withB(Double.POSITIVE_INFINITY), 5L, 20);
        assertArrayEquals(b, a);
        SoftmaxRegression model = problem();
        UpdateRule rule = UpdateRules.create(m, h);
        rule.init(model, RandomSource.XO_RO_SHI_RO_128_PP.create(5L));
        for (long t = 0; t < 20; t++) {
            StepRecord rec = rule.step(t);
            assertFalse(rec.truncated());
            assertEquals(h.lr() * rec.gradNorm(), rec.stepNorm(), 0.0);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Method.class, names = {"SB_NOISE", "OUR1", "OUR2"})
    void noiseOffInTheLastKSteps(Method m) {
        long total = 12;
        long k = 5;
        Hyperparameters h = Hyperparameters.of(0.2, 8, 40, 0.05, 0.5, 1.4, k, total);
        RecordingModel model = new RecordingModel(problem());
        UpdateRule rule = UpdateRules.create(m, h);
        rule.init(model, RandomSource.XO_RO_SHI_RO_128_PP.create(9L));
        // An LB rule with b on the same weights gives the expected noise-off step.
        SoftmaxRegression ref = problem();
        for (long t = 0; t < total; t++) {
            double[] theta = model.weights();
            model.calls.clear();
            StepRecord rec = rule.step(t);
            if (t < total - k) {
                assertTrue(rec.noiseOn(), "noise on at " + t);
                assertTrue(rec.z() >= 0 && Double.isFinite(rec.z()), "Lomax Z >= 0 at " + t);
            } else {
                assertFalse(rec.noiseOn(), "noise off at " + t);
                assertEquals(0.0, rec.z(), "z is 0 without noise at " + t);
                assertEquals(1, model.calls.size(), "one LB gradient");
                int[] lb = model.calls.get(0).batch();
                assertEquals(h.lbBatch(), lb.length);
                double[] g = UpdateRuleFormulaTest.gradient(ref, theta, lb);
                double f = m.truncates() ? h.b().factor(h.lr() * UpdateRuleFormulaTest.norm(g)) : 1;
                double[] after = model.weights();
                for (int i = 0; i < g.length; i++) {
                    assertEquals(theta[i] - f * h.lr() * g[i], after[i], TOL * (1 + Math.abs(theta[i])));
                }
            }
        }
    }

    @Test
    void noiseOffPhaseSbRunsSmallBatchSteps() {
        Hyperparameters h = Hyperparameters.of(0.2, 8, 40, 0.05, 0.5, 1.4, 3, 6).withNoiseOffPhase(NoiseOffPhase.SB);
        RecordingModel model = new RecordingModel(problem());
        UpdateRule rule = UpdateRules.create(Method.OUR1, h);
        rule.init(model, RandomSource.XO_RO_SHI_RO_128_PP.create(9L));
        for (long t = 0; t < 6; t++) {
            model.calls.clear();
            StepRecord rec = rule.step(t);
            assertEquals(t < 3, rec.noiseOn());
            if (t >= 3) {
                assertEquals(1, model.calls.size());
                assertEquals(h.batch(), model.calls.get(0).batch().length);
            }
        }
    }

    @Test
    void sbNoiseWeightsStayInTheLinfBall() {
        // lr 5 makes unclipped weights leave [-1, 1] at once; after every step max |theta_i| <= 1 and the bound is
        // attained (the clip is active, not vacuous).
        Hyperparameters h = Task.FMNIST_LENET.hyperparameters(Method.SB_NOISE)
            .withLr(5).withBatch(8).withLbBatch(40).withNoiseOffLast(10).withTotalIterations(30);
        assertEquals(1.0, h.weightLinfClip());
        SoftmaxRegression model = problem();
        UpdateRule rule = UpdateRules.create(Method.SB_NOISE, h);
        rule.init(model, RandomSource.XO_RO_SHI_RO_128_PP.create(4L));
        double[] w = new double[model.dimension()];
        boolean attained = false;
        for (long t = 0; t < 30; t++) {
            StepRecord rec = rule.step(t);
            assertFalse(rec.truncated(), "SB+Noise never truncates");
            model.weights(w);
            for (double v : w) {
                assertTrue(Math.abs(v) <= 1.0, "|w| <= 1: " + v);
                attained |= Math.abs(v) == 1.0;
            }
        }
        assertTrue(attained);
    }

    @Test
    void momentumAndWeightDecayFollowPyTorchOnTheTruncatedStep() {
        // Reference: u = phi_b(eta g)/eta + lambda theta; v = mu v + u; theta -= eta v, with eta from a step-decay
        // schedule (halved at t = 4, then every 3 iterations) and b small enough to truncate some steps.
        Hyperparameters h = Hyperparameters.of(0.2, 8, 40, 0.03, 0.5, 1.4, 0, 15)
            .withMomentum(0.9).withWeightDecay(0.01).withSchedule(LearningRateSchedule.halveEvery(3, 4));
        RecordingModel model = new RecordingModel(problem());
        UpdateRule rule = UpdateRules.create(Method.SB_CLIP, h);
        rule.init(model, RandomSource.XO_RO_SHI_RO_128_PP.create(21L));
        SoftmaxRegression ref = problem();
        double[] theta = model.weights();
        double[] v = new double[theta.length];
        int truncated = 0;
        for (long t = 0; t < 15; t++) {
            model.calls.clear();
            StepRecord rec = rule.step(t);
            double eta = 0.2 * (t < 4 ? 1 : Math.pow(0.5, 1 + (t - 4) / 3));
            double[] g = UpdateRuleFormulaTest.gradient(ref, theta, model.calls.get(0).batch());
            double sn = eta * UpdateRuleFormulaTest.norm(g);
            double f = sn > 0.03 ? 0.03 / sn : 1;
            truncated += rec.truncated() ? 1 : 0;
            assertEquals(sn > 0.03, rec.truncated());
            for (int i = 0; i < g.length; i++) {
                v[i] = 0.9 * v[i] + (f * g[i] + 0.01 * theta[i]);
                theta[i] -= eta * v[i];
            }
            double[] actual = model.weights();
            for (int i = 0; i < g.length; i++) {
                assertEquals(theta[i], actual[i], TOL * (1 + Math.abs(theta[i])), "step " + t);
            }
        }
        assertTrue(truncated > 0 && truncated < 15, "both branches: " + truncated);
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void sameSeedGivesIdenticalWeightsAndDifferentSeedDifferent(Method m) {
        Hyperparameters h = Hyperparameters.of(0.2, 8, 40, 0.1, 0.5, 1.4, 5, 20).withMomentum(0.5);
        double[] a = run(m, h, 77L, 20);
        double[] b = run(m, h, 77L, 20);
        double[] c = run(m, h, 78L, 20);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void copyKeepsTheConfigurationWithFreshState(Method m) {
        Hyperparameters h = Task.CIFAR100_VGG16.hyperparameters(m).withBatch(8).withLbBatch(40)
            .withSamRho(0.07).withParetoVariant(ParetoVariant.CLASSICAL).withC(0.3).withAlpha(1.7)
            .withWeightLinfClip(2.5).scaledTo(20);
        UpdateRule rule = UpdateRules.create(m, h);
        SoftmaxRegression model = problem();
        rule.init(model, RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
        rule.step(0);
        UpdateRule copy = rule.copy();
        assertNotSame(rule, copy);
        assertEquals(rule.getClass(), copy.getClass());
        assertEquals(m, copy.method());
        assertEquals(h, copy.hyperparameters());
        assertEquals(rule.toString(), copy.toString());
        assertTrue(copy.toString().contains("samRho=0.07") && copy.toString().contains("CLASSICAL"));
        assertThrows(IllegalStateException.class, () -> copy.step(0), "copy is uninitialised");
        // A copy started like the original reproduces it exactly.
        assertArrayEquals(run(m, h, 12L, 10), runRule(copy, 12L, 10));
    }

    static double[] runRule(UpdateRule rule, long seed, long steps) {
        SoftmaxRegression model = problem();
        rule.init(model, RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
        for (long t = 0; t < steps; t++) {
            rule.step(t);
        }
        double[] w = new double[model.dimension()];
        model.weights(w);
        return w;
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void saveAndRestoreResumesExactly(Method m) {
        // Kill after 7 steps, resume from (weights, rule state, generator state) in a fresh rule: same final weights.
        Hyperparameters h = Hyperparameters.of(0.2, 8, 40, 0.1, 0.5, 1.4, 4, 14).withMomentum(0.9);
        double[] uninterrupted = run(m, h, 31L, 14);

        SoftmaxRegression model = problem();
        RestorableUniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(31L);
        UpdateRule rule = UpdateRules.create(m, h);
        rule.init(model, rng);
        for (long t = 0; t < 7; t++) {
            rule.step(t);
        }
        double[] w = new double[model.dimension()];
        model.weights(w);
        double[] state = rule.saveState();
        assertEquals(model.dimension(), state.length);
        RandomProviderState rngState = rng.saveState();

        SoftmaxRegression model2 = problem();
        model2.setWeights(w);
        RestorableUniformRandomProvider rng2 = RandomSource.XO_RO_SHI_RO_128_PP.create(999L);
        rng2.restoreState(rngState);
        UpdateRule resumed = rule.copy();
        resumed.init(model2, rng2);
        resumed.restoreState(state);
        for (long t = 7; t < 14; t++) {
            resumed.step(t);
        }
        double[] w2 = new double[model2.dimension()];
        model2.weights(w2);
        assertArrayEquals(uninterrupted, w2);
        assertThrows(IllegalArgumentException.class, () -> resumed.restoreState(new double[3]));
    }

    @Test
    void lifecycleMisuseAndOversizedBatchesAreRejected() {
        UpdateRule rule = UpdateRules.create(Method.OUR1, Task.FMNIST_LENET.hyperparameters().withBatch(8));
        assertThrows(IllegalStateException.class, () -> rule.step(0));
        assertThrows(IllegalStateException.class, rule::saveState);
        // lbBatch 1200 > n = 60
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> rule.init(problem(), RandomSource.XO_RO_SHI_RO_128_PP.create(1L)));
        assertTrue(e.getMessage().contains("lbBatch"), e.getMessage());
        UpdateRule sb = UpdateRules.create(Method.SB, Hyperparameters.of(0.1, 8, 40, 1, 0.5, 1.4, 0, 5));
        sb.init(problem(), RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
        assertThrows(IllegalArgumentException.class, () -> sb.step(-1));
    }

    @Test
    void zOfTheRulePassesKsAgainstItsLaw() {
        // Z recorded by Our 2 over 3000 steps (c = 0.5, alpha = 1.4, Lomax) against P(Z <= z) = 1 - (1 + z/c)^-alpha.
        // Under the null the p-value is uniform: false alarm 1e-3 (the run is seeded, so the outcome is fixed).
        Hyperparameters h = Hyperparameters.of(1e-3, 4, 8, 1e-4, 0.5, 1.4, 0, 3000);
        SoftmaxRegression model = problem();
        UpdateRule rule = UpdateRules.create(Method.OUR2, h);
        rule.init(model, RandomSource.XO_RO_SHI_RO_128_PP.create(2L));
        double[] z = new double[3000];
        for (int t = 0; t < z.length; t++) {
            z[t] = rule.step(t).z();
        }
        HeavyTailedMultiplier law = HeavyTailedMultiplier.of(RandomSource.XO_RO_SHI_RO_128_PP.create(0L), h);
        double p = KolmogorovSmirnovTest.withDefaults().test(z, law::cdf).getPValue();
        assertTrue(p > 1e-3, "KS p-value " + p);
    }
}
