package org.htsgd.core.landscape;

/**
 * A 1-D landscape given by a user formula in {@code x} ({@link Expression}); the derivative is exact
 * (forward-mode automatic differentiation).
 */
public final class ExpressionLandscape1D implements Landscape1D {
    /** The compiled formula. */
    private final Expression expression;
    /** Projection interval. */
    private final Domain.Interval domain;

    private ExpressionLandscape1D(Expression expression, Domain.Interval domain) {
        this.expression = expression;
        this.domain = domain;
    }

    /**
     * @param expression a formula that does not use y
     * @param domain the projection interval
     * @return the landscape
     * @throws IllegalArgumentException if the formula uses y
     */
    public static ExpressionLandscape1D of(Expression expression, Domain.Interval domain) {
        if (expression.usesY()) {
            throw new IllegalArgumentException("a 1-D expression must not use y: " + expression);
        }
        return new ExpressionLandscape1D(expression, domain);
    }

    @Override
    public double value(double x) {
        return expression.evaluate(x, 0, null);
    }

    @Override
    public double derivative(double x) {
        return expression.derivative(x);
    }

    @Override
    public Domain.Interval domain() {
        return domain;
    }

    @Override
    public String name() {
        return "expr:" + expression.source();
    }

    @Override
    public String toString() {
        return "ExpressionLandscape1D[" + expression.source() + ", " + domain + "]";
    }
}
