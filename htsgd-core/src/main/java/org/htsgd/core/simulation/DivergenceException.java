package org.htsgd.core.simulation;

/**
 * Thrown when an iterate becomes NaN or infinite (e.g. a landscape whose gradient overflows, or a noise law that
 * produced NaN). It names the path and the step, so the run can be replayed from its seed. A run that failed in a
 * way the user can act on (the command line reports it in one line with exit 3), not bad input nor a defect.
 */
public final class DivergenceException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    /** Index of the diverged path. */
    private final int path;
    /** Step at which the iterate first became non-finite. */
    private final long step;

    /**
     * @param path the path index
     * @param step the step number (1 = first update)
     * @param value the offending iterate (first coordinate in d-D)
     */
    DivergenceException(int path, long step, double value) {
        super("path " + path + " diverged at step " + step + ": iterate = " + value + " (an update overflowed; a "
                + "smaller learning rate or a finite truncation threshold b keeps it finite)");
        this.path = path;
        this.step = step;
    }

    /** @return the index of the diverged path */
    public int path() {
        return path;
    }

    /** @return the step at which the iterate became non-finite */
    public long step() {
        return step;
    }
}
