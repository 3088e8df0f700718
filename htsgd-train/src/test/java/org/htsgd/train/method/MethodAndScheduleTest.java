package org.htsgd.train.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class MethodAndScheduleTest {
    @Test
    void cliNames() {
        assertEquals(List.of("lb", "sb", "sb-clip", "sb-noise", "our1", "our2", "sam"),
            Arrays.stream(Method.values()).map(Method::cliName).toList());
        assertEquals(Method.SB_CLIP, Method.fromCliName("SB-Clip"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Method.fromCliName("sgd"));
        assertTrue(e.getMessage().contains("our2") && e.getMessage().contains("sgd"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void roundTripAndFlags(Method m) {
        assertEquals(m, Method.fromCliName(m.cliName()));
        assertEquals(m == Method.SB_CLIP || m == Method.OUR1 || m == Method.OUR2, m.truncates());
        assertEquals(m == Method.SB_NOISE || m == Method.OUR1 || m == Method.OUR2, m.injectsNoise());
        assertEquals(m, UpdateRules.create(m, HyperparametersTest.BASE).method());
    }

    @Test
    void constantSchedule() {
        LearningRateSchedule s = LearningRateSchedule.constant();
        assertEquals(0.05, s.learningRate(0.05, 0));
        assertEquals(0.05, s.learningRate(0.05, Long.MAX_VALUE));
    }

    @ParameterizedTest
    @CsvSource({"0, 0.1", "9, 0.1", "10, 0.05", "14, 0.05", "15, 0.025", "19, 0.025", "20, 0.0125"})
    void halveEveryFiveAfterTen(long t, double expected) {
        assertEquals(expected, LearningRateSchedule.halveEvery(5, 10).learningRate(0.1, t), 1e-17);
    }

    @Test
    void stepDecayValidation() {
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.StepDecay.of(-1, 5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.StepDecay.of(0, 0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.StepDecay.of(0, 5, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.StepDecay.of(0, 5, 0));
        assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.StepDecay.of(0, 5, 1.5));
        assertFalse(LearningRateSchedule.StepDecay.of(0, 5, 1).learningRate(1, 100) != 1);
    }
}
