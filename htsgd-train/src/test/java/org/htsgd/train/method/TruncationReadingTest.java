package org.htsgd.train.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.simple.RandomSource;
import org.htsgd.core.truncation.Truncation;
import org.htsgd.train.loop.Task;
import org.htsgd.train.model.reference.SoftmaxRegression;
import org.junit.jupiter.api.Test;

/** The two readings of Table 1's b: the update's threshold each sets, and what the rules then bound. */
class TruncationReadingTest {
    @Test
    void onTheUpdateBIsTheThresholdOnTheGradientItIsLrTimesB() {
        Hyperparameters h = Task.FMNIST_LENET.hyperparameters(); // lr 0.05, b 5
        assertEquals(5.0, TruncationReading.UPDATE.apply(h, 5).b().b());
        assertEquals(0.25, TruncationReading.GRADIENT.apply(h, 5).b().b()); // what E2 ran as --b 0.25
        assertEquals(0.125, TruncationReading.GRADIENT.apply(h.withLr(0.025), 5).b().b());
        assertEquals(Truncation.NONE, TruncationReading.GRADIENT.apply(h, Double.POSITIVE_INFINITY).b());
    }

    @Test
    void theGradientReadingRefusesAScheduledRateAndBadB() {
        Hyperparameters scheduled = Task.CIFAR100_VGG16.hyperparameters(); // App. A.4: halved every 30 epochs
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> TruncationReading.GRADIENT.apply(scheduled, 0.5));
        assertTrue(e.getMessage().contains("constant learning rate"), e.getMessage());
        assertEquals(0.5, TruncationReading.UPDATE.apply(scheduled, 0.5).b().b()); // App. A.4's own reading
        Hyperparameters h = Task.FMNIST_LENET.hyperparameters();
        assertThrows(IllegalArgumentException.class, () -> TruncationReading.GRADIENT.apply(h, 0));
        assertThrows(IllegalArgumentException.class, () -> TruncationReading.UPDATE.apply(h, Double.NaN));
    }

    @Test
    void cliNamesRoundTripAndAnUnknownNameIsNamed() {
        for (TruncationReading r : TruncationReading.values()) {
            assertEquals(r, TruncationReading.fromCliName(r.cliName().toUpperCase()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> TruncationReading.fromCliName("norm"));
        assertEquals("--b-on is not update or gradient: norm", e.getMessage());
    }

    /** Read on the gradient, SB+Clip truncates exactly the steps whose ||g|| exceeds b, to ||eta g|| = eta b. */
    @Test
    void readOnTheGradientTheRuleBoundsTheGradientNorm() {
        double lr = 0.2;
        double b = 0.5; // inside the range of ||g_SB|| on this problem, so both branches occur
        Hyperparameters h = TruncationReading.GRADIENT.apply(Hyperparameters.of(lr, 8, 40, 1, 0.5, 1.4, 0, 60), b);
        SoftmaxRegression model = UpdateRuleFormulaTest.problem();
        UpdateRule rule = UpdateRules.create(Method.SB_CLIP, h);
        rule.init(model, RandomSource.XO_RO_SHI_RO_128_PP.create(5L));
        int truncated = 0;
        for (long t = 0; t < 60; t++) {
            StepRecord s = rule.step(t);
            assertEquals(s.gradNorm() > b, s.truncated(), "step " + t + ": ||g|| = " + s.gradNorm());
            assertEquals(lr * Math.min(s.gradNorm(), b), s.stepNorm(), 1e-12, "step " + t);
            truncated += s.truncated() ? 1 : 0;
        }
        assertTrue(truncated > 0 && truncated < 60, "both branches exercised: " + truncated + " of 60");
    }
}
