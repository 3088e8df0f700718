package org.htsgd.train.loop;

import java.io.DataOutputStream;
import java.io.IOException;
import org.htsgd.train.io.BinaryReader;
import org.htsgd.train.method.StepRecord;
import org.htsgd.train.model.DifferentiableModel.Evaluation;

/**
 * The steps since the previous {@code metrics.csv} row, summed: what the row's window-averaged columns
 * ({@code batch_loss}, {@code gradient_norm}, {@code truncation_rate}, {@code mean_abs_z}, {@code max_abs_z}) are
 * computed from. A {@link Checkpoint} carries it, so a resumed run writes the same rows as an uninterrupted one even
 * when a checkpoint falls between two rows. Immutable.
 *
 * @param steps steps in the window
 * @param lossSum sum of their batch losses
 * @param rawStepNormSum sum of their pre-truncation step norms \(\|\eta g\|\)
 * @param truncated how many of them were truncated
 * @param absZSum sum of their |Z|
 * @param maxAbsZ largest |Z| (0 for an empty window)
 */
record MetricsWindow(long steps, double lossSum, double rawStepNormSum, long truncated, double absZSum,
                     double maxAbsZ) {
    /** No steps. */
    static final MetricsWindow EMPTY = new MetricsWindow(0, 0, 0, 0, 0, 0);
    /** Bytes of {@link #write}. */
    static final int BYTES = 2 * Long.BYTES + 4 * Double.BYTES;

    /** @param step one more step @return this window with it */
    MetricsWindow plus(StepRecord step) {
        double absZ = Math.abs(step.z());
        return new MetricsWindow(steps + 1, lossSum + step.loss(), rawStepNormSum + step.rawStepNorm(),
                truncated + (step.truncated() ? 1 : 0), absZSum + absZ, Math.max(maxAbsZ, absZ));
    }

    /**
     * @param iteration iterations done
     * @param train training-set loss and accuracy
     * @param test test-set loss and accuracy
     * @param seconds wall time of the run so far
     * @return the metrics row closing this window (means over its steps)
     */
    MetricsRow row(long iteration, Evaluation train, Evaluation test, double seconds) {
        return new MetricsRow(iteration, train.loss(), train.accuracy(), test.loss(), test.accuracy(),
                lossSum / steps, rawStepNormSum / steps, (double) truncated / steps, absZSum / steps, maxAbsZ,
                seconds);
    }

    /** @param out where to write the six sums, big-endian @throws IOException if writing fails */
    void write(DataOutputStream out) throws IOException {
        out.writeLong(steps);
        out.writeDouble(lossSum);
        out.writeDouble(rawStepNormSum);
        out.writeLong(truncated);
        out.writeDouble(absZSum);
        out.writeDouble(maxAbsZ);
    }

    /** @param in a reader at a window {@link #write} wrote @return the window @throws IOException if truncated */
    static MetricsWindow read(BinaryReader in) throws IOException {
        in.require(BYTES);
        return new MetricsWindow(in.readLong(), in.readDouble(), in.readDouble(), in.readLong(), in.readDouble(),
                in.readDouble());
    }
}
