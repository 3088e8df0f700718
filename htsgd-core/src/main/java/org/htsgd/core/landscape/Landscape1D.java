package org.htsgd.core.landscape;

/**
 * A one-dimensional landscape \(f : \mathbb{R} \to \mathbb{R}\) (the setting of the paper's §2) with scalar
 * entry points for the hot loop of the 1-D simulator.
 */
public interface Landscape1D extends Landscape {
    /** @param x a point @return \(f(x)\) */
    double value(double x);

    /** @param x a point @return \(f'(x)\), exact (not a finite difference) */
    double derivative(double x);

    @Override
    default int dimension() {
        return 1;
    }

    @Override
    default double value(double[] x) {
        return value(x[0]);
    }

    @Override
    default void gradient(double[] x, double[] grad) {
        grad[0] = derivative(x[0]);
    }

    /** @return the interval \([-L, L]\) (or \([lo, hi]\)) the iterates are projected onto */
    @Override
    Domain.Interval domain();
}
