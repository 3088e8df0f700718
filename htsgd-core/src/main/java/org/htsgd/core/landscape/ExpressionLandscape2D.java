package org.htsgd.core.landscape;

/**
 * A 2-D landscape given by a user formula in {@code x} and {@code y} ({@link Expression}) on a ball; the gradient
 * is exact (forward-mode automatic differentiation).
 */
public final class ExpressionLandscape2D extends ExpressionLandscape<Domain.Ball> {
    private ExpressionLandscape2D(Expression expression, Domain.Ball domain) {
        super(expression, domain);
    }

    /**
     * @param expression the formula
     * @param domain a 2-D ball
     * @return the landscape
     * @throws IllegalArgumentException if the ball is not 2-D
     */
    public static ExpressionLandscape2D of(Expression expression, Domain.Ball domain) {
        if (domain.dimension() != 2) {
            throw new IllegalArgumentException("ball dimension is not 2: " + domain.dimension());
        }
        return new ExpressionLandscape2D(expression, domain);
    }

    @Override
    public double value(double[] x) {
        return expression.evaluate(x[0], x[1], null);
    }

    @Override
    public void gradient(double[] x, double[] grad) {
        expression.evaluate(x[0], x[1], grad);
    }
}
