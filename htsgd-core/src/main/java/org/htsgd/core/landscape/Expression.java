package org.htsgd.core.landscape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
 */
public final class Expression {
    private static final int CONST = 0;
    private static final int VAR_X = 1;
    private static final int VAR_Y = 2;
    private static final int ADD = 3;
    private static final int SUB = 4;
    private static final int MUL = 5;
    private static final int DIV = 6;
    private static final int NEG = 7;
    private static final int POW = 8;
    private static final int EXP = 9;
    private static final int LOG = 10;
    private static final int SIN = 11;
    private static final int COS = 12;
    private static final int TAN = 13;
    private static final int SQRT = 14;
    private static final int ABS = 15;
    private static final int TANH = 16;
    private static final int POWC = 17;
    private static final String[] FUNCTIONS = {"exp", "log", "sin", "cos", "tan", "sqrt", "abs", "tanh"};
    /** Deepest nesting {@link #parse} accepts (a formula a person writes stays far below it). */
    public static final int MAX_NESTING = 256;
    /** Longest excerpt of the source quoted in an error message. */
    private static final int QUOTE = 60;

    /** The source text. */
    private final String source;
    /** Op codes in postfix order. */
    private final int[] ops;
    /** Constant operand of each op (CONST value, POWC exponent). */
    private final double[] args;
    /** Maximum stack depth. */
    private final int depth;
    /** Whether the formula uses y. */
    private final boolean usesY;
    /** Per-thread work stack: value, d/dx, d/dy interleaved. */
    private final ThreadLocal<double[]> stack;

    private Expression(String source, int[] ops, double[] args, int depth, boolean usesY) {
        this.source = source;
        this.ops = ops;
        this.args = args;
        this.depth = depth;
        this.usesY = usesY;
        this.stack = ThreadLocal.withInitial(() -> new double[3 * depth]);
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
        Parser p = new Parser(text);
        p.expr();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "'");
        }
        int n = p.ops.size();
        int[] ops = new int[n];
        double[] args = new double[n];
        int d = 0;
        int maxD = 0;
        for (int i = 0; i < n; i++) {
            ops[i] = p.ops.get(i);
            args[i] = p.args.get(i);
            d += stackEffect(ops[i]);
            maxD = Math.max(maxD, d);
        }
        return new Expression(text, ops, args, Math.max(1, maxD), p.usesY);
    }

    private static int stackEffect(int op) {
        switch (op) {
            case CONST:
            case VAR_X:
            case VAR_Y:
                return 1;
            case ADD:
            case SUB:
            case MUL:
            case DIV:
            case POW:
                return -1;
            default:
                return 0;
        }
    }

    /** @return whether the formula mentions y (a 2-D landscape) */
    public boolean usesY() {
        return usesY;
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
        int sp = -3;
        for (int i = 0; i < ops.length; i++) {
            switch (ops[i]) {
                case CONST:
                    sp += 3;
                    s[sp] = args[i];
                    s[sp + 1] = 0;
                    s[sp + 2] = 0;
                    break;
                case VAR_X:
                    sp += 3;
                    s[sp] = x;
                    s[sp + 1] = 1;
                    s[sp + 2] = 0;
                    break;
                case VAR_Y:
                    sp += 3;
                    s[sp] = y;
                    s[sp + 1] = 0;
                    s[sp + 2] = 1;
                    break;
                case ADD: {
                    int a = sp - 3;
                    s[a] += s[sp];
                    s[a + 1] += s[sp + 1];
                    s[a + 2] += s[sp + 2];
                    sp = a;
                    break;
                }
                case SUB: {
                    int a = sp - 3;
                    s[a] -= s[sp];
                    s[a + 1] -= s[sp + 1];
                    s[a + 2] -= s[sp + 2];
                    sp = a;
                    break;
                }
                case MUL: {
                    int a = sp - 3;
                    double u = s[a];
                    double v = s[sp];
                    s[a + 1] = s[a + 1] * v + u * s[sp + 1];
                    s[a + 2] = s[a + 2] * v + u * s[sp + 2];
                    s[a] = u * v;
                    sp = a;
                    break;
                }
                case DIV: {
                    int a = sp - 3;
                    double u = s[a];
                    double v = s[sp];
                    double r = u / v;
                    s[a + 1] = (s[a + 1] - r * s[sp + 1]) / v;
                    s[a + 2] = (s[a + 2] - r * s[sp + 2]) / v;
                    s[a] = r;
                    sp = a;
                    break;
                }
                case POW: {
                    // u^v = exp(v log u): d = u^v (v' log u + v u'/u)
                    int a = sp - 3;
                    double u = s[a];
                    double v = s[sp];
                    double w = Math.pow(u, v);
                    double lu = Math.log(u);
                    s[a + 1] = w * (s[sp + 1] * lu + v * s[a + 1] / u);
                    s[a + 2] = w * (s[sp + 2] * lu + v * s[a + 2] / u);
                    s[a] = w;
                    sp = a;
                    break;
                }
                case POWC: {
                    // constant exponent: d = c u^(c-1) u', valid for negative u with integer c
                    double c = args[i];
                    double u = s[sp];
                    double dv = c == 0 ? 0 : c * Math.pow(u, c - 1);
                    s[sp] = Math.pow(u, c);
                    s[sp + 1] *= dv;
                    s[sp + 2] *= dv;
                    break;
                }
                case NEG:
                    s[sp] = -s[sp];
                    s[sp + 1] = -s[sp + 1];
                    s[sp + 2] = -s[sp + 2];
                    break;
                default:
                    unary(ops[i], s, sp);
                    break;
            }
        }
        if (grad != null) {
            grad[0] = s[1];
            if (grad.length > 1) {
                grad[1] = s[2];
            }
        }
        return s[0];
    }

    private static void unary(int op, double[] s, int sp) {
        double u = s[sp];
        double v;
        double dv;
        switch (op) {
            case EXP:
                v = Math.exp(u);
                dv = v;
                break;
            case LOG:
                v = Math.log(u);
                dv = 1 / u;
                break;
            case SIN:
                v = Math.sin(u);
                dv = Math.cos(u);
                break;
            case COS:
                v = Math.cos(u);
                dv = -Math.sin(u);
                break;
            case TAN:
                v = Math.tan(u);
                dv = 1 + v * v;
                break;
            case SQRT:
                v = Math.sqrt(u);
                dv = 0.5 / v;
                break;
            case ABS:
                v = Math.abs(u);
                dv = Math.signum(u);
                break;
            case TANH:
                v = Math.tanh(u);
                dv = 1 - v * v;
                break;
            default:
                throw new IllegalStateException("Unhandled op: " + op);
        }
        s[sp] = v;
        s[sp + 1] *= dv;
        s[sp + 2] *= dv;
    }

    /**
     * @param x the point (1-D use; y = 0)
     * @return \(\partial_x\) of the formula at (x, 0), without allocating
     */
    public double derivative(double x) {
        evaluate(x, 0, null);
        return stack.get()[1];
    }

    @Override
    public String toString() {
        return source;
    }

    /** Recursive-descent parser emitting postfix ops. */
    private static final class Parser {
        /** Source. */
        private final String t;
        /** Cursor. */
        private int pos;
        /** Output ops. */
        private final List<Integer> ops = new ArrayList<>();
        /** Output args. */
        private final List<Double> args = new ArrayList<>();
        /** Whether y was seen. */
        private boolean usesY;
        /** Current nesting depth of the recursive descent. */
        private int nesting;

        Parser(String t) {
            this.t = t;
        }

        IllegalArgumentException error(String what) {
            String quoted = t.length() <= QUOTE ? t : t.substring(0, QUOTE - 3) + "...";
            return new IllegalArgumentException("bad expression '" + quoted + "': " + what + " at position "
                    + (pos + 1));
        }

        /**
         * Enters one level of nesting; every cycle of the recursion (a bracket, a function argument, a sign, an
         * exponent) passes through {@link #unaryExpr}, which calls this, so the bound keeps the stack small.
         */
        void enter() {
            if (++nesting > MAX_NESTING) {
                throw error("nested deeper than " + MAX_NESTING + " levels (brackets, functions, signs, powers)");
            }
        }

        void emit(int op, double arg) {
            ops.add(op);
            args.add(arg);
        }

        void skipSpace() {
            while (pos < t.length() && Character.isWhitespace(t.charAt(pos))) {
                pos++;
            }
        }

        boolean eat(char c) {
            skipSpace();
            if (pos < t.length() && t.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        void expr() {
            term();
            while (true) {
                if (eat('+')) {
                    term();
                    emit(ADD, 0);
                } else if (eat('-')) {
                    term();
                    emit(SUB, 0);
                } else {
                    return;
                }
            }
        }

        void term() {
            unaryExpr();
            while (true) {
                if (eat('*')) {
                    unaryExpr();
                    emit(MUL, 0);
                } else if (eat('/')) {
                    unaryExpr();
                    emit(DIV, 0);
                } else {
                    return;
                }
            }
        }

        void unaryExpr() {
            enter();
            if (eat('-')) {
                unaryExpr();
                emit(NEG, 0);
            } else if (eat('+')) {
                unaryExpr();
            } else {
                power();
            }
            nesting--;
        }

        void power() {
            primary();
            if (eat('^')) {
                int mark = ops.size();
                unaryExpr();
                // a constant exponent (possibly negated) folds into POWC, which handles negative bases
                if (ops.size() == mark + 1 && ops.get(mark) == CONST) {
                    double c = args.get(mark);
                    ops.remove(mark);
                    args.remove(mark);
                    emit(POWC, c);
                } else if (ops.size() == mark + 2 && ops.get(mark) == CONST && ops.get(mark + 1) == NEG) {
                    double c = -args.get(mark);
                    ops.subList(mark, mark + 2).clear();
                    args.subList(mark, mark + 2).clear();
                    emit(POWC, c);
                } else {
                    emit(POW, 0);
                }
            }
        }

        void primary() {
            skipSpace();
            if (pos >= t.length()) {
                throw error("unexpected end of expression");
            }
            char c = t.charAt(pos);
            if (c == '(') {
                pos++;
                expr();
                if (!eat(')')) {
                    throw error("missing ')'");
                }
                return;
            }
            if (Character.isDigit(c) || c == '.') {
                int start = pos;
                while (pos < t.length() && (Character.isDigit(t.charAt(pos)) || t.charAt(pos) == '.')) {
                    pos++;
                }
                if (pos < t.length() && (t.charAt(pos) == 'e' || t.charAt(pos) == 'E')) {
                    int save = pos;
                    pos++;
                    if (pos < t.length() && (t.charAt(pos) == '+' || t.charAt(pos) == '-')) {
                        pos++;
                    }
                    if (pos < t.length() && Character.isDigit(t.charAt(pos))) {
                        while (pos < t.length() && Character.isDigit(t.charAt(pos))) {
                            pos++;
                        }
                    } else {
                        pos = save;
                    }
                }
                String num = t.substring(start, pos);
                try {
                    emit(CONST, Double.parseDouble(num));
                } catch (NumberFormatException ex) {
                    pos = start;
                    throw error("malformed number '" + num + "'");
                }
                return;
            }
            if (Character.isLetter(c)) {
                int start = pos;
                while (pos < t.length() && Character.isLetterOrDigit(t.charAt(pos))) {
                    pos++;
                }
                String id = t.substring(start, pos).toLowerCase(Locale.ROOT);
                switch (id) {
                    case "x":
                        emit(VAR_X, 0);
                        return;
                    case "y":
                        usesY = true;
                        emit(VAR_Y, 0);
                        return;
                    case "pi":
                        emit(CONST, Math.PI);
                        return;
                    case "e":
                        emit(CONST, Math.E);
                        return;
                    default:
                        break;
                }
                for (int k = 0; k < FUNCTIONS.length; k++) {
                    if (FUNCTIONS[k].equals(id)) {
                        if (!eat('(')) {
                            throw error("function '" + id + "' needs '(' after it");
                        }
                        expr();
                        if (!eat(')')) {
                            throw error("missing ')' after the argument of '" + id + "'");
                        }
                        emit(EXP + k, 0);
                        return;
                    }
                }
                pos = start;
                throw error("unknown name '" + id + "' (variables are x and y; functions are "
                        + String.join(", ", FUNCTIONS) + ")");
            }
            throw error("unexpected '" + c + "'");
        }
    }
}
