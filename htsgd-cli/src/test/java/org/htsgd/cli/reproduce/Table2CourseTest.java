package org.htsgd.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.htsgd.train.loop.MetricsRow;
import org.htsgd.train.method.IterationSchedule;
import org.htsgd.train.method.Method;
import org.junit.jupiter.api.Test;

class Table2CourseTest {
    /** Rows every 100 iterations; the loss leaves ln 10 = 2.3026 at 600 (2.0 < 0.9 ln 10 = 2.0723). */
    private static List<MetricsRow> rows(double... truncationRates) {
        double[] loss = {2.30, 2.30, 2.30, 2.29, 2.28, 2.0, 1.5, 1.0, 0.5, 0.1};
        double[] acc = {0.1, 0.1, 0.1, 0.1, 0.1, 0.3, 0.5, 0.7, 0.9, 0.995};
        MetricsRow[] out = new MetricsRow[loss.length];
        for (int i = 0; i < loss.length; i++) {
            out[i] = new MetricsRow(100L * (i + 1), loss[i], acc[i], 2, 0.5, 1, 1, truncationRates[i], 0, 0, i);
        }
        return List.of(out);
    }

    @Test
    void noisePhaseAfterThePlateauAndTruncationCountedInIt() {
        // T = 1000, K = 500: noise in [0, 500); windows ending at 100..500 count, 0.01 * 100 per window = 1 each
        List<MetricsRow> r = rows(0.01, 0.01, 0.01, 0.02, 0.01, 0.5, 0.5, 0.5, 0.5, 0.5);
        Table2Course onPlateau = Table2Course.of(r, IterationSchedule.of(1000, 500), Method.OUR2);
        assertEquals(600, onPlateau.plateauEnd());
        assertEquals(500, onPlateau.windowEnd());
        assertEquals(500, onPlateau.windowSteps());
        assertEquals(6, onPlateau.windowTruncated());
        assertTrue(onPlateau.leftPlateau());
        assertFalse(onPlateau.noiseAfterPlateau(), "noise ended at 500, the plateau at 600");
        assertEquals(0, onPlateau.noiseStepsAfterPlateau());
        assertTrue(onPlateau.trained(), "99.5% >= 99%");

        Table2Course after = Table2Course.of(r, IterationSchedule.of(1000, 200), Method.OUR1);
        assertEquals(800, after.windowEnd());
        assertTrue(after.noiseAfterPlateau());
        assertEquals(200, after.noiseStepsAfterPlateau());
        assertEquals(6 + 3 * 50, after.windowTruncated());
    }

    @Test
    void aMethodWithoutNoiseCountsTheWholeRun() {
        List<MetricsRow> r = rows(0, 0, 0, 0, 0, 0, 0, 0, 0, 0.01);
        Table2Course c = Table2Course.of(r, IterationSchedule.of(1000, 500), Method.SB_CLIP);
        assertEquals(1000, c.windowEnd());
        assertEquals(1000, c.windowSteps());
        assertEquals(1, c.windowTruncated());
        assertEquals(0.001, c.truncationRate(), 1e-15);
    }

    @Test
    void aRunThatNeverLeavesThePlateauOrFitsTheTrainingSet() {
        List<MetricsRow> r = List.of(new MetricsRow(100, 2.30, 0.1, 2.3, 0.1, 2.3, 1, 0, 0, 0, 1),
            new MetricsRow(200, 2.29, 0.12, 2.3, 0.1, 2.3, 1, 0, 0, 0, 2));
        Table2Course c = Table2Course.of(r, IterationSchedule.of(200, 100), Method.OUR2);
        assertEquals(-1, c.plateauEnd());
        assertFalse(c.leftPlateau());
        assertFalse(c.noiseAfterPlateau());
        assertFalse(c.trained());
        assertEquals(0.9 * Math.log(10), Table2Course.PLATEAU_LOSS, 1e-15);
        assertEquals(200, c.iterations());
    }

    @Test
    void aRunThatStoppedAtItsTargetEndsAtItsLastEvaluation() {
        // T = 2000 but the run stopped at its row at 1000 (99.5% training accuracy)
        Table2Course c = Table2Course.of(rows(new double[10]), IterationSchedule.of(2000, 1500), Method.OUR2);
        assertEquals(1000, c.iterations());
        assertEquals(0.995, c.trainAccuracy());
        Table2Run stopped = new Table2Run(org.htsgd.train.loop.Task.FMNIST_LENET, Method.OUR2, 0, 1,
            IterationSchedule.of(2000, 1500), Table2Run.Training.NONE, Table2Run.Measures.NONE, c, "");
        assertEquals(1000, stopped.iterationsDone());
        Table2Run before = new Table2Run(org.htsgd.train.loop.Task.FMNIST_LENET, Method.OUR2, 0, 1,
            IterationSchedule.of(2000, 1500), Table2Run.Training.NONE, Table2Run.Measures.NONE,
            new Table2Course(600, 500, 500, 0, 1.0, 0), "");
        assertEquals(2000, before.iterationsDone(), "a result recorded before stops existed ran to T");
    }
}
