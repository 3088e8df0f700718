package org.htsgd.core.simulation;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Runs beyond the step limit or the heap are refused before any work, naming the request, the need and the limit. */
class RunBudgetTest {
    @Test
    void stepsAboveTheLimitAreRefused() {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> RunBudget.requireSteps("--steps 9223372036854775807 x --paths 4", 4.0 * Long.MAX_VALUE));
        assertEquals("--steps 9223372036854775807 x --paths 4 = 3.69e+19 steps is above the limit of 1e+13 steps "
                + "per run (over 2 days on one core at 4.5e7 steps/s)", ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunBudget.requireSteps("n", Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> RunBudget.requireSteps("n", Math.nextUp((double) RunBudget.MAX_TOTAL_STEPS)));
        assertDoesNotThrow(() -> RunBudget.requireSteps("n", RunBudget.MAX_TOTAL_STEPS));
    }

    @Test
    void memoryBeyondTheHeapIsRefusedWithTheNeedAndTheLimit() {
        // exit-time --paths 2147483647: at least 8 bytes (the exit step) per path, far above any test heap
        double need = RunBudget.exitTimeBytes(Integer.MAX_VALUE, 1);
        assertTrue(need >= 8.0 * Integer.MAX_VALUE, "need " + need);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> RunBudget.requireMemory("--paths 2147483647", need));
        String gb = RunBudget.size(Runtime.getRuntime().maxMemory());
        assertTrue(ex.getMessage().startsWith("--paths 2147483647 needs " + RunBudget.size(need)
                + " for per-path results; this JVM has " + gb + " (-Xmx), "), ex.getMessage());
        assertDoesNotThrow(() -> RunBudget.requireMemory("--paths 200", RunBudget.exitTimeBytes(200, 1)));
    }

    @Test
    void occupancyEstimateCountsHistogramsAndTrajectoriesPerPath() {
        double base = RunBudget.occupancyBytes(4, 4, 1, 0, 0);
        // a histogram of n bins: n longs per path and their copies, at least 8 bytes per bin and path
        assertTrue(RunBudget.occupancyBytes(4, 4, 1, 1e9, 0) - base >= 4 * 8e9);
        // a trajectory of n points in 2-D: two doubles per point and path
        assertTrue(RunBudget.occupancyBytes(4, 4, 2, 0, 1e9) - base >= 4 * 16e9);
        assertThrows(IllegalArgumentException.class, () -> RunBudget.requireMemory("--histogram-bins 2147483647",
                RunBudget.occupancyBytes(4, 0, 1, Integer.MAX_VALUE, 0)));
        assertThrows(IllegalArgumentException.class, () -> RunBudget.requireMemory("--paths 2147483647",
                RunBudget.occupancyBytes(Integer.MAX_VALUE, 0, 1, 0, 0)));
    }

    @Test
    void sizesReadAsGigabytesOrMegabytes() {
        // binary units, as -Xmx counts them: -Xmx8g is "8 GB"
        assertEquals("8 GB", RunBudget.size(8L << 30));
        assertEquals("34 GB", RunBudget.size(34.2 * (1L << 30)));
        assertEquals("1.5 GB", RunBudget.size(1.5 * (1L << 30)));
        assertEquals("120 MB", RunBudget.size(120 << 20));
    }
}
