package org.htsgd.core.landscape;

import java.util.List;

/**
 * A formula compiled to postfix order: op codes with their constant operands, the deepest stack they need and
 * whether they read y. Built by {@link ExpressionParser}, evaluated by {@link DualEvaluator}; immutable.
 */
final class Tape {
    /** Push a constant (operand: its value). */
    static final int CONST = 0;
    /** Push x. */
    static final int VAR_X = 1;
    /** Push y. */
    static final int VAR_Y = 2;
    /** Pop two, push their sum. */
    static final int ADD = 3;
    /** Pop two, push their difference. */
    static final int SUB = 4;
    /** Pop two, push their product. */
    static final int MUL = 5;
    /** Pop two, push their quotient. */
    static final int DIV = 6;
    /** Negate the top. */
    static final int NEG = 7;
    /** Pop two, push u^v. */
    static final int POW = 8;
    /** First of the functions, in the order of {@link #FUNCTIONS}: op {@code EXP + k} applies function k. */
    static final int EXP = 9;
    /** log. */
    static final int LOG = 10;
    /** sin. */
    static final int SIN = 11;
    /** cos. */
    static final int COS = 12;
    /** tan. */
    static final int TAN = 13;
    /** sqrt. */
    static final int SQRT = 14;
    /** abs. */
    static final int ABS = 15;
    /** tanh. */
    static final int TANH = 16;
    /** Raise the top to a constant power (operand: the exponent). */
    static final int POWC = 17;
    /** The function names, in op-code order from {@link #EXP}. */
    static final List<String> FUNCTIONS = List.of("exp", "log", "sin", "cos", "tan", "sqrt", "abs", "tanh");

    /** Op codes in postfix order. */
    final int[] ops;
    /** Constant operand of each op (CONST value, POWC exponent). */
    final double[] args;
    /** Maximum stack depth (at least 1). */
    final int depth;
    /** Whether the formula reads y. */
    final boolean usesY;

    private Tape(int[] ops, double[] args, int depth, boolean usesY) {
        this.ops = ops;
        this.args = args;
        this.depth = depth;
        this.usesY = usesY;
    }

    /**
     * @param ops op codes in postfix order
     * @param args their operands (same length)
     * @param usesY whether y is read
     * @return the tape, with the stack depth it needs
     */
    static Tape of(List<Integer> ops, List<Double> args, boolean usesY) {
        int n = ops.size();
        int[] o = new int[n];
        double[] a = new double[n];
        int d = 0;
        int maxD = 0;
        for (int i = 0; i < n; i++) {
            o[i] = ops.get(i);
            a[i] = args.get(i);
            d += stackEffect(o[i]);
            maxD = Math.max(maxD, d);
        }
        return new Tape(o, a, Math.max(1, maxD), usesY);
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
}
