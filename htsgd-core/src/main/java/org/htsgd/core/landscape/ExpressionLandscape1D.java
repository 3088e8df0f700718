package org.htsgd.core.landscape;

/**
 * A 1-D landscape given by a user formula in {@code x} ({@link Expression}); the derivative is exact
 * (forward-mode automatic differentiation).
 */
public final class ExpressionLandscape1D extends ExpressionLandscape<Domain.Interval> implements Landscape1D {
    private ExpressionLandscape1D(Expression expression, Domain.Interval domain) {
        super(expression, domain);
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
}
