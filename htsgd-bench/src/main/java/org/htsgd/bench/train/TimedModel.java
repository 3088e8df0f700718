package org.htsgd.bench.train;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Objects;
import org.htsgd.train.model.DifferentiableModel;

/**
 * A {@link DifferentiableModel} decorator that accumulates the time spent inside its delegate: gradient evaluations
 * ({@code lossAndGradient}), evaluations and weight transfers ({@code weights}, {@code setWeights}). Both the wall
 * time ({@link System#nanoTime()}) and the calling thread's CPU time ({@link ThreadMXBean}) are summed, so a caller
 * that also times the whole update step gets the cost of everything <em>outside</em> the model (batch draws, noise
 * draw, combination, truncation, update) as the difference. Thread CPU time covers the engine's work only when the
 * engine runs on the calling thread (one intra-op thread); otherwise it undercounts the model side.
 * Not thread-safe, like the delegate.
 */
public final class TimedModel implements DifferentiableModel {
    /** The timed model. */
    private final DifferentiableModel delegate;
    /** CPU clock of the calling thread. */
    private final ThreadMXBean threads;
    /** Wall nanoseconds inside the delegate. */
    private long wallNanos;
    /** Thread-CPU nanoseconds inside the delegate. */
    private long cpuNanos;
    /** Number of {@code lossAndGradient} calls. */
    private long gradientEvaluations;
    /** Sum of the example counts of those calls. */
    private long gradientExamples;
    /** Wall clock at the start of the current delegate call. */
    private long startWall;
    /** Thread-CPU clock at the start of the current delegate call. */
    private long startCpu;

    private TimedModel(DifferentiableModel delegate) {
        this.delegate = delegate;
        this.threads = ManagementFactory.getThreadMXBean();
    }

    /**
     * @param delegate the model to time
     * @return the decorator
     * @throws IllegalArgumentException if this JVM cannot measure the current thread's CPU time
     */
    public static TimedModel of(DifferentiableModel delegate) {
        Objects.requireNonNull(delegate, "delegate");
        ThreadMXBean t = ManagementFactory.getThreadMXBean();
        if (!t.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalArgumentException("current thread CPU time is not supported by this JVM");
        }
        t.setThreadCpuTimeEnabled(true);
        return new TimedModel(delegate);
    }

    /** @return wall nanoseconds spent inside the delegate so far */
    public long wallNanos() {
        return wallNanos;
    }

    /** @return calling-thread CPU nanoseconds spent inside the delegate so far */
    public long cpuNanos() {
        return cpuNanos;
    }

    /** @return number of gradient evaluations so far */
    public long gradientEvaluations() {
        return gradientEvaluations;
    }

    /** @return number of examples in those gradient evaluations */
    public long gradientExamples() {
        return gradientExamples;
    }

    /** @return calling-thread CPU time in nanoseconds (the clock this decorator uses) */
    public long threadCpuNow() {
        return threads.getCurrentThreadCpuTime();
    }

    private void start() {
        startCpu = threads.getCurrentThreadCpuTime();
        startWall = System.nanoTime();
    }

    private void stop() {
        wallNanos += System.nanoTime() - startWall;
        cpuNanos += threads.getCurrentThreadCpuTime() - startCpu;
    }

    /** {@inheritDoc} */
    @Override
    public int dimension() {
        return delegate.dimension();
    }

    /** {@inheritDoc} */
    @Override
    public int trainingSize() {
        return delegate.trainingSize();
    }

    /** {@inheritDoc} */
    @Override
    public void weights(double[] out) {
        start();
        try {
            delegate.weights(out);
        } finally {
            stop();
        }
    }

    /** {@inheritDoc} */
    @Override
    public void setWeights(double[] w) {
        start();
        try {
            delegate.setWeights(w);
        } finally {
            stop();
        }
    }

    /** {@inheritDoc} */
    @Override
    public double lossAndGradient(int[] examples, int count, double[] grad) {
        start();
        try {
            return delegate.lossAndGradient(examples, count, grad);
        } finally {
            stop();
            gradientEvaluations++;
            gradientExamples += count;
        }
    }

    /** {@inheritDoc} */
    @Override
    public Evaluation evaluate(int[] examples, int count) {
        start();
        try {
            return delegate.evaluate(examples, count);
        } finally {
            stop();
        }
    }
}
