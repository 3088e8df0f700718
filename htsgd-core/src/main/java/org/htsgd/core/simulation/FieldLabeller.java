package org.htsgd.core.simulation;

/**
 * Labels points of \(\mathbb{R}^d\) with a field index in {@code [0, fieldCount())}: the attraction fields of a
 * d-D landscape, or any partition used to measure occupation (e.g. the paper's Figure 3(c): "within 0.5 of a
 * field's minimiser", else "Out"). Implementations are immutable and thread-safe and allocate nothing.
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
        if (!(fieldCount >= 1)) {
            throw new IllegalArgumentException("fieldCount is not >= 1: " + fieldCount);
        }
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
     * The paper's Figure 3(c) convention: label {@code i} within distance {@code radius} of {@code centres[i]}
     * (the first such centre), else "Out" = label {@code centres.length}.
     *
     * @param centres the minimisers (copied)
     * @param radius the visit radius, {@code > 0}
     * @return a labeller with {@code centres.length + 1} labels
     * @throws IllegalArgumentException if {@code radius} is not {@code > 0} or there is no centre
     */
    static FieldLabeller nearCentres(double[][] centres, double radius) {
        if (!(radius > 0)) {
            throw new IllegalArgumentException("radius is not > 0: " + radius);
        }
        if (centres.length == 0) {
            throw new IllegalArgumentException("centres is empty");
        }
        double[][] c = java.util.Arrays.stream(centres).map(double[]::clone).toArray(double[][]::new);
        double r2 = radius * radius;
        return of(c.length + 1, x -> {
            for (int i = 0; i < c.length; i++) {
                double s = 0;
                for (int j = 0; j < x.length; j++) {
                    double d = x[j] - c[i][j];
                    s += d * d;
                }
                if (s < r2) {
                    return i;
                }
            }
            return c.length;
        });
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
