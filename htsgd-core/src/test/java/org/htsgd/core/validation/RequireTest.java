package org.htsgd.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequireTest {
    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0})
    void finitePositiveRejectsAndNamesTheParameter(double x) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Require.finitePositive(x, "eta"));
        assertEquals("eta is not finite and > 0: " + x, e.getMessage());
    }

    @Test
    void checksReturnTheirArgument() {
        assertEquals(Double.MIN_VALUE, Require.finitePositive(Double.MIN_VALUE, "x"));
        assertEquals(Double.POSITIVE_INFINITY, Require.positive(Double.POSITIVE_INFINITY, "b"));
        assertEquals(0.0, Require.finiteNonNegative(0.0, "c"));
        assertEquals(3, Require.positive(3, "n"));
        assertEquals(5L, Require.atLeast(5L, 5L, "k"));
        assertEquals(1.0000001, Require.tailIndex(1.0000001, "alpha"));
        assertEquals(0.5, Require.inOpenUnit(0.5, "q"));
        assertEquals(1.0, Require.inHalfOpenUnit(1.0, "a"));
        assertEquals("s", Require.nonNull("s", "name"));
    }

    @Test
    void boundariesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Require.positive(Double.NaN, "b"));
        assertThrows(IllegalArgumentException.class, () -> Require.finiteNonNegative(Math.nextDown(0.0), "c"));
        assertThrows(IllegalArgumentException.class, () -> Require.finite(Double.NaN, "x"));
        assertThrows(IllegalArgumentException.class, () -> Require.positive(0, "n"));
        assertThrows(IllegalArgumentException.class, () -> Require.positive(0L, "n"));
        assertThrows(IllegalArgumentException.class, () -> Require.atLeast(4L, 5L, "k"));
        assertThrows(IllegalArgumentException.class, () -> Require.inRange(11L, 0L, 10L, "k"));
        assertThrows(IllegalArgumentException.class, () -> Require.tailIndex(1.0, "alpha"));
        assertThrows(IllegalArgumentException.class, () -> Require.inOpenUnit(1.0, "q"));
        for (double bad : new double[] {0, -1, 1.0000001, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Require.inHalfOpenUnit(bad, "a"));
            assertEquals("a is not in (0, 1]: " + bad, e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Require.nonNull(null, "task"));
        assertEquals("task is not set", e.getMessage());
    }
}
