package org.htsgd.core.simulation;

import org.htsgd.core.analysis.Partition1D;
import org.htsgd.core.validation.Require;

/**
 * Labels points of \(\mathbb{R}^d\) with a field index in {@code [0, fieldCount())}: the attraction fields of a
 * d-D landscape, or any partition used to measure occupation (e.g. the paper's Figure 3(c): "within 0.5 of a
 * field's minimiser", else "Out": {@link ProximityLabeller}). Implementations are immutable, thread-safe and
 * allocate nothing.
 */
public interface FieldLabeller {
    /** @return the number of labels */
    int fieldCount();

    /** @param x a point (not modified) @return its label in {@code [0, fieldCount())} */
    int field(double[] x);

    /**
     * @param fieldCount number of labels
     * @param label the labelling function (thread-safe, allocation-free), values in {@code [0, fieldCount)}
     * @return a labeller
     * @throws IllegalArgumentException if {@code fieldCount < 1}
     */
    static FieldLabeller of(int fieldCount, java.util.function.ToIntFunction<double[]> label) {
        Require.atLeast(fieldCount, 1, "fieldCount");
        java.util.Objects.requireNonNull(label, "label");
        return new FieldLabeller() {
            @Override
            public int fieldCount() {
                return fieldCount;
            }

            @Override
            public int field(double[] x) {
                return label.applyAsInt(x);
            }
        };
    }

    /**
     * @param partition 1-D fields
     * @return a labeller of the first coordinate by {@code partition}
     */
    static FieldLabeller of(Partition1D partition) {
        return new FieldLabeller() {
            @Override
            public int fieldCount() {
                return partition.fieldCount();
            }

            @Override
            public int field(double[] x) {
                return partition.field(x[0]);
            }

            @Override
            public String toString() {
                return partition.toString();
            }
        };
    }
}
