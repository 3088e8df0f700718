package org.htsgd.core.landscape;

/**
 * A loss landscape \(f : \mathbb{R}^d \to \mathbb{R}\) with its gradient, on the domain the iterates are projected
 * onto (\(\varphi_L\), eq. 2). Implementations are immutable and thread-safe; gradient evaluation writes into a
 * caller-owned buffer so simulation loops allocate nothing.
 */
public interface Landscape {
    /** @return the dimension \(d\), the domain's */
    default int dimension() {
        return domain().dimension();
    }

    /** @return the domain the iterates live in (interval \([-L, L]\) in 1-D, a ball in d-D). */
    Domain domain();

    /** @param x a point, {@code x.length == dimension()} @return \(f(x)\) */
    double value(double[] x);

    /**
     * @param x a point
     * @param grad receives \(\nabla f(x)\)
     */
    void gradient(double[] x, double[] grad);

    /** @return a short name, e.g. {@code paper1d} */
    String name();
}
