package org.htsgd.core.landscape;

/**
 * A user-written formula in \(x\) (and optionally \(y\)) compiled to a postfix tape and evaluated in forward-mode
 * automatic differentiation (dual numbers \(v + \partial_x v\,\epsilon_x + \partial_y v\,\epsilon_y\)), so the
 * gradient is exact up to rounding. Grammar (recursive descent):
 * <pre>
 * expr    := term (('+' | '-') term)*
 * term    := unary (('*' | '/') unary)*
 * unary   := ('-' | '+') unary | power
 * power   := primary ('^' unary)?          right-associative, so -x^2 = -(x^2) and 2^-x is allowed
 * primary := number | 'x' | 'y' | 'pi' | 'e' | func '(' expr ')' | '(' expr ')'
 * func    := exp | log | sin | cos | tan | sqrt | abs | tanh
 * </pre>
 * Nesting (brackets, function calls, signs and exponents inside one another) is limited to {@value #MAX_NESTING}
 * levels, so that no formula can exhaust the parser's stack.
 * Immutable and thread-safe: evaluation uses a per-thread work stack, so it allocates nothing after warm-up.
 * Parsing is {@code ExpressionParser}'s, the compiled form a {@code Tape}, the derivative rules {@code DualEvaluator}'s.
 */
public final class Expression {
    /** Deepest nesting {@link #parse} accepts (a formula a person writes stays far below it). */
    public static final int MAX_NESTING = 256;

    /** The source text. */
    private final String source;
    /** The compiled formula. */
    private final Tape tape;
    /** Per-thread work stack: value, d/dx, d/dy interleaved. */
    private final ThreadLocal<double[]> stack;

    private Expression(String source, Tape tape) {
        this.source = source;
        this.tape = tape;
        this.stack = ThreadLocal.withInitial(() -> new double[3 * tape.depth]);
    }

    /**
     * @param text the formula
     * @return the compiled expression
     * @throws IllegalArgumentException with one sentence naming the problem and its (1-based) position, also if the
     *     formula nests deeper than {@value #MAX_NESTING} levels
     */
    public static Expression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("expression is empty");
        }
        return new Expression(text, ExpressionParser.parse(text));
    }

    /** @return whether the formula mentions y (a 2-D landscape) */
    public boolean usesY() {
        return tape.usesY;
    }

    /** @return the source text */
    public String source() {
        return source;
    }

    /**
     * Evaluates value and gradient.
     *
     * @param x first coordinate
     * @param y second coordinate (ignored if unused)
     * @param grad receives \((\partial_x, \partial_y)\) in its first two slots if non-null; length &gt;= 1 for 1-D
     * @return the value
     */
    public double evaluate(double x, double y, double[] grad) {
        double[] s = stack.get();
        double value = DualEvaluator.evaluate(tape, x, y, s);
        if (grad != null) {
            grad[0] = s[1];
            if (grad.length > 1) {
                grad[1] = s[2];
            }
        }
        return value;
    }

    /**
     * @param x the point (1-D use; y = 0)
     * @return \(\partial_x\) of the formula at (x, 0), without allocating
     */
    public double derivative(double x) {
        double[] s = stack.get();
        DualEvaluator.evaluate(tape, x, 0, s);
        return s[1];
    }

    @Override
    public String toString() {
        return source;
    }
}
