package org.htsgd.train.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The conventions of the one step record. */
class StepRecordTest {
    @Test
    void zIsZeroWithoutNoise() {
        assertEquals(0.0, new StepRecord(1, 0.1, 2, 0.2, false, 0, false).z());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StepRecord(1, 0.1, 2, 0.2, false, Double.NaN, false));
        assertEquals("z is not 0 in a step without noise: NaN", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new StepRecord(1, 0.1, 2, 0.2, false, 0.5, false));
        assertEquals(0.5, new StepRecord(1, 0.1, 2, 0.2, false, 0.5, true).z());
    }

    @Test
    void rawStepNormIsTheLearningRateTimesTheDirectionNorm() {
        StepRecord r = new StepRecord(1, 0.05, 300, 5, true, 0, false);
        assertEquals(0.05 * 300, r.rawStepNorm(), 0.0);
        assertEquals(300, r.gradNorm(), 0.0);
        assertEquals(5, r.stepNorm(), 0.0);
    }

    @Test
    void rulesFollowTheConventions() {
        // Our 2 for 6 iterations, the last 2 without noise, b small enough that some steps are truncated
        Hyperparameters h = Hyperparameters.of(0.2, 8, 40, 0.05, 0.5, 1.4, 2, 6);
        UpdateRule rule = UpdateRules.create(Method.OUR2, h);
        RecordingModel model = new RecordingModel(UpdateRuleFormulaTest.problem());
        rule.init(model, RandomSource.XO_RO_SHI_RO_128_PP.create(4L));
        for (long t = 0; t < 6; t++) {
            StepRecord r = rule.step(t);
            assertEquals(h.learningRate(t), r.learningRate(), 0.0);
            assertEquals(t < 4, r.noiseOn(), "noise at " + t);
            if (!r.noiseOn()) {
                assertEquals(0.0, r.z(), "z at " + t);
            }
            assertEquals(r.rawStepNorm() > h.b().b(), r.truncated(), "truncated at " + t);
            assertEquals(r.truncated() ? h.b().b() : r.rawStepNorm(), r.stepNorm(), 0.0, "stepNorm at " + t);
        }
        // a rule that never injects noise
        UpdateRule sb = UpdateRules.create(Method.SB, h);
        sb.init(model, RandomSource.XO_RO_SHI_RO_128_PP.create(4L));
        StepRecord r = sb.step(0);
        assertFalse(r.noiseOn());
        assertEquals(0.0, r.z());
        assertFalse(r.truncated(), "SB does not truncate");
        assertTrue(r.rawStepNorm() > h.b().b(), "though its step is longer than b");
    }
}
