package org.htsgd.core.noise;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.function.DoubleSupplier;

/** Measures heap bytes allocated by the current thread (HotSpot's {@code com.sun.management.ThreadMXBean}). */
final class AllocationCounter {
    private AllocationCounter() {
    }

    /**
     * Runs the work twice (the first run warms up class loading and the JIT) and measures the second.
     *
     * @param work the work; its result is consumed so it cannot be eliminated
     * @return bytes allocated by the second run
     */
    static long bytesAllocatedBy(DoubleSupplier work) {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
            "no per-thread allocation counter on this JVM");
        final com.sun.management.ThreadMXBean bean =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled());
        final long id = Thread.currentThread().getId();
        double sink = work.getAsDouble();
        final long before = bean.getThreadAllocatedBytes(id);
        sink += work.getAsDouble();
        final long after = bean.getThreadAllocatedBytes(id);
        if (sink == 42.4242) {
            System.out.print("");
        }
        return after - before;
    }
}
