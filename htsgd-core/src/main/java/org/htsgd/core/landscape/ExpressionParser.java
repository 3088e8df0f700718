package org.htsgd.core.landscape;

import static org.htsgd.core.landscape.Tape.ADD;
import static org.htsgd.core.landscape.Tape.CONST;
import static org.htsgd.core.landscape.Tape.DIV;
import static org.htsgd.core.landscape.Tape.EXP;
import static org.htsgd.core.landscape.Tape.FUNCTIONS;
import static org.htsgd.core.landscape.Tape.MUL;
import static org.htsgd.core.landscape.Tape.NEG;
import static org.htsgd.core.landscape.Tape.POW;
import static org.htsgd.core.landscape.Tape.POWC;
import static org.htsgd.core.landscape.Tape.SUB;
import static org.htsgd.core.landscape.Tape.VAR_X;
import static org.htsgd.core.landscape.Tape.VAR_Y;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recursive-descent parser of the {@link Expression} grammar, emitting a postfix {@link Tape}. A constant exponent
 * (possibly negated) folds into one {@link Tape#POWC} op, which also handles negative bases. One parser reads one
 * text; errors are {@link IllegalArgumentException}s naming the problem and its (1-based) position.
 */
final class ExpressionParser {
    /** Longest excerpt of the source quoted in an error message. */
    private static final int QUOTE = 60;
    /** The binary operators of each precedence level (sums, then products). */
    private static final char[][] SYMBOLS = {{'+', '-'}, {'*', '/'}};
    /** Their op codes. */
    private static final int[][] CODES = {{ADD, SUB}, {MUL, DIV}};

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

    private ExpressionParser(String t) {
        this.t = t;
    }

    /**
     * @param text the formula (not blank)
     * @return its tape
     * @throws IllegalArgumentException if the text is not a formula of the grammar or nests too deeply
     */
    static Tape parse(String text) {
        ExpressionParser p = new ExpressionParser(text);
        p.binary(0);
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "'");
        }
        return Tape.of(p.ops, p.args, p.usesY);
    }

    private IllegalArgumentException error(String what) {
        String quoted = t.length() <= QUOTE ? t : t.substring(0, QUOTE - 3) + "...";
        return new IllegalArgumentException("bad expression '" + quoted + "': " + what + " at position " + (pos + 1));
    }

    /**
     * Enters one level of nesting; every cycle of the recursion (a bracket, a function argument, a sign, an
     * exponent) passes through {@link #unaryExpr}, which calls this, so the bound keeps the stack small.
     */
    private void enter() {
        if (++nesting > Expression.MAX_NESTING) {
            throw error("nested deeper than " + Expression.MAX_NESTING
                    + " levels (brackets, functions, signs, powers)");
        }
    }

    private void emit(int op, double arg) {
        ops.add(op);
        args.add(arg);
    }

    private void skipSpace() {
        while (pos < t.length() && Character.isWhitespace(t.charAt(pos))) {
            pos++;
        }
    }

    private boolean eat(char c) {
        skipSpace();
        if (pos < t.length() && t.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** {@code expr := term (('+' | '-') term)*} at level 0, {@code term := unary (('*' | '/') unary)*} at level 1. */
    private void binary(int level) {
        operand(level);
        while (true) {
            int k = eat(SYMBOLS[level][0]) ? 0 : eat(SYMBOLS[level][1]) ? 1 : -1;
            if (k < 0) {
                return;
            }
            operand(level);
            emit(CODES[level][k], 0);
        }
    }

    private void operand(int level) {
        if (level == 0) {
            binary(1);
        } else {
            unaryExpr();
        }
    }

    private void unaryExpr() {
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

    private void power() {
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

    private void primary() {
        skipSpace();
        if (pos >= t.length()) {
            throw error("unexpected end of expression");
        }
        char c = t.charAt(pos);
        if (c == '(') {
            pos++;
            binary(0);
            if (!eat(')')) {
                throw error("missing ')'");
            }
        } else if (Character.isDigit(c) || c == '.') {
            number();
        } else if (Character.isLetter(c)) {
            name();
        } else {
            throw error("unexpected '" + c + "'");
        }
    }

    private void number() {
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
    }

    private void name() {
        int start = pos;
        while (pos < t.length() && Character.isLetterOrDigit(t.charAt(pos))) {
            pos++;
        }
        String id = t.substring(start, pos).toLowerCase(Locale.ROOT);
        switch (id) {
            case "x" -> emit(VAR_X, 0);
            case "y" -> {
                usesY = true;
                emit(VAR_Y, 0);
            }
            case "pi" -> emit(CONST, Math.PI);
            case "e" -> emit(CONST, Math.E);
            default -> function(id, start);
        }
    }

    private void function(String id, int start) {
        int k = FUNCTIONS.indexOf(id);
        if (k < 0) {
            pos = start;
            throw error("unknown name '" + id + "' (variables are x and y; functions are "
                    + String.join(", ", FUNCTIONS) + ")");
        }
        if (!eat('(')) {
            throw error("function '" + id + "' needs '(' after it");
        }
        binary(0);
        if (!eat(')')) {
            throw error("missing ')' after the argument of '" + id + "'");
        }
        emit(EXP + k, 0);
    }
}
