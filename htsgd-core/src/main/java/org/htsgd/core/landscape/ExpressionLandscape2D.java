package org.htsgd.core.landscape;

/**
 * A 2-D landscape given by a user formula in {@code x} and {@code y} ({@link Expression}) on a ball; the gradient
 * is exact (forward-mode automatic differentiation).
 */
public final class ExpressionLandscape2D implements Landscape {
    /** The compiled formula. */
    private final Expression expression;
    /** Projection ball. */
    private final Domain.Ball domain;

    private ExpressionLandscape2D(Expression expression, Domain.Ball domain) {
        this.expression = expression;
        this.domain = domain;
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
    public int dimension() {
        return 2;
    }

    @Override
    public Domain.Ball domain() {
        return domain;
    }

    @Override
    public double value(double[] x) {
        return expression.evaluate(x[0], x[1], null);
    }

    @Override
    public void gradient(double[] x, double[] grad) {
        expression.evaluate(x[0], x[1], grad);
    }

    @Override
    public String name() {
        return "expr:" + expression.source();
    }

    @Override
    public String toString() {
        return "ExpressionLandscape2D[" + expression.source() + ", " + domain + "]";
    }
}
