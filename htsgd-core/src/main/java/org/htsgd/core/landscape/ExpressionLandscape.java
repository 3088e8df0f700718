package org.htsgd.core.landscape;

/**
 * What the 1-D and 2-D formula landscapes share: the compiled {@link Expression}, the domain the iterates are
 * projected onto, and the name {@code expr:<formula>} that {@link Landscapes#parse} reads back.
 *
 * @param <D> the kind of domain (an interval in 1-D, a ball in 2-D)
 */
abstract class ExpressionLandscape<D extends Domain> implements Landscape {
    /** The compiled formula. */
    final Expression expression;
    /** The projection domain. */
    private final D domain;

    ExpressionLandscape(Expression expression, D domain) {
        this.expression = expression;
        this.domain = domain;
    }

    @Override
    public D domain() {
        return domain;
    }

    @Override
    public String name() {
        return "expr:" + expression.source();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + expression.source() + ", " + domain + "]";
    }
}
