package org.htsgd.train.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IterationScheduleTest {
    @Test
    void aRunLongerThanTheLimitIsRefusedWithTheTimeItWouldTake() {
        assertEquals(IterationSchedule.MAX_ITERATIONS, IterationSchedule.of(IterationSchedule.MAX_ITERATIONS, 0)
                .iterations());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IterationSchedule.of(IterationSchedule.MAX_ITERATIONS + 1, 0));
        assertTrue(e.getMessage().startsWith("iterations 10000001 is above the limit of 10,000,000 per run"),
                e.getMessage());
        // 2^40 iterations at 55 it/s: 2.0e10 s, 633.5 years
        e = assertThrows(IllegalArgumentException.class,
                () -> IterationSchedule.of(10_000, 5_000).scaledTo(1_099_511_627_776L));
        assertTrue(e.getMessage().contains("it would take 633 years"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> IterationSchedule.of(Long.MAX_VALUE, 0));
        assertTrue(e.getMessage().contains("years"), e.getMessage());
    }

    @Test
    void durationsReadInHoursDaysOrYears() {
        assertEquals("1 hours", IterationSchedule.duration(3600));
        assertEquals("47 hours", IterationSchedule.duration(47 * 3600));
        assertEquals("2 days", IterationSchedule.duration(48 * 3600));
        assertEquals("729 days", IterationSchedule.duration(729 * 86400));
        assertEquals("2.00 years", IterationSchedule.duration(730.5 * 86400));
    }
}
