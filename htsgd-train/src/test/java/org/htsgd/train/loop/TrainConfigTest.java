package org.htsgd.train.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.htsgd.train.method.IterationSchedule;
import org.htsgd.train.method.Method;
import org.junit.jupiter.api.Test;

class TrainConfigTest {
    private static final Path DIR = Path.of("/tmp/htsgd-train-config-test");

    private static TrainConfig lenet(Method m, long t, long k) {
        TrainConfig d = TrainConfig.defaults(Task.FMNIST_LENET, m, DIR, DIR);
        return d.withHyperparameters(d.hyperparameters().withIterationSchedule(IterationSchedule.of(t, k)));
    }

    @Test
    void mayStopOnlyInTheNoiseFreePhaseBeforeTAndOnlyWithATarget() {
        for (Method m : new Method[] {Method.LB, Method.SB, Method.OUR2}) {
            TrainConfig c = lenet(m, 6_000, 3_500).withStopAtTrainAccuracy(0.99);
            assertFalse(c.mayStopAt(2_400), m + ": in the noise phase");
            assertTrue(c.mayStopAt(2_500), m + ": the noise-free phase starts at T - K");
            assertTrue(c.mayStopAt(5_900));
            assertFalse(c.mayStopAt(6_000), m + ": T ends the run anyway");
            assertTrue(c.stopsAt(2_500, 0.99));
            assertFalse(c.stopsAt(2_500, 0.9899));
            assertFalse(c.stopsAt(2_400, 1.0));
            TrainConfig none = c.withStopAtTrainAccuracy(Double.NaN);
            assertFalse(none.mayStopAt(2_500));
            assertFalse(none.stopsAt(2_500, 1.0));
        }
        assertTrue(Double.isNaN(lenet(Method.SB, 10, 5).stopAtTrainAccuracy()), "the default: none");
        TrainConfig quietThroughout = lenet(Method.SB, 10, 10).withStopAtTrainAccuracy(0.5);
        assertFalse(quietThroughout.mayStopAt(0), "never before the first step, even when K = T");
        assertTrue(quietThroughout.mayStopAt(1));
    }

    @Test
    void refusesATargetOutsideTheUnitIntervalOrWithoutEvaluations() {
        TrainConfig c = lenet(Method.SB, 10, 5);
        for (double bad : new double[] {0, -0.5, 1.01, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c.withStopAtTrainAccuracy(bad));
            assertEquals("stopAtTrainAccuracy is not in (0, 1]: " + bad, e.getMessage());
        }
        assertEquals(1.0, c.withStopAtTrainAccuracy(1.0).stopAtTrainAccuracy());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> c.withStopAtTrainAccuracy(0.99).withEvalEvery(0));
        assertEquals("stopAtTrainAccuracy needs evaluations: evalEvery is 0", e.getMessage());
    }
}
