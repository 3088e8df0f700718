package org.htsgd.core.landscape;

import static org.htsgd.core.landscape.Tape.ABS;
import static org.htsgd.core.landscape.Tape.ADD;
import static org.htsgd.core.landscape.Tape.CONST;
import static org.htsgd.core.landscape.Tape.COS;
import static org.htsgd.core.landscape.Tape.DIV;
import static org.htsgd.core.landscape.Tape.EXP;
import static org.htsgd.core.landscape.Tape.LOG;
import static org.htsgd.core.landscape.Tape.MUL;
import static org.htsgd.core.landscape.Tape.NEG;
import static org.htsgd.core.landscape.Tape.POW;
import static org.htsgd.core.landscape.Tape.POWC;
import static org.htsgd.core.landscape.Tape.SIN;
import static org.htsgd.core.landscape.Tape.SQRT;
import static org.htsgd.core.landscape.Tape.SUB;
import static org.htsgd.core.landscape.Tape.TAN;
import static org.htsgd.core.landscape.Tape.TANH;
import static org.htsgd.core.landscape.Tape.VAR_X;
import static org.htsgd.core.landscape.Tape.VAR_Y;

/**
 * Forward-mode automatic differentiation of a {@link Tape}: every stack slot is a dual number
 * \(v + \partial_x v\,\epsilon_x + \partial_y v\,\epsilon_y\), stored as three consecutive doubles, and each op applies
 * its derivative rule (sum, product, quotient, \(u^v = e^{v \log u}\), chain rule for the functions), so the gradient
 * is exact up to rounding. Stateless; the caller owns the work stack.
 */
final class DualEvaluator {
    private DualEvaluator() {
    }

    /**
     * @param tape the formula
     * @param x first coordinate
     * @param y second coordinate
     * @param s work stack of length at least {@code 3 * tape.depth}; on return \((f, \partial_x f, \partial_y f)\) are
     *     in its first three slots
     * @return the value \(f(x, y)\)
     */
    static double evaluate(Tape tape, double x, double y, double[] s) {
        final int[] ops = tape.ops;
        final double[] args = tape.args;
        int sp = -3;
        for (int i = 0; i < ops.length; i++) {
            switch (ops[i]) {
                case CONST:
                    sp = push(s, sp, args[i], 0, 0);
                    break;
                case VAR_X:
                    sp = push(s, sp, x, 1, 0);
                    break;
                case VAR_Y:
                    sp = push(s, sp, y, 0, 1);
                    break;
                case ADD:
                case SUB:
                case MUL:
                case DIV:
                case POW:
                    binary(ops[i], s, sp);
                    sp -= 3;
                    break;
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
        return s[0];
    }

    private static int push(double[] s, int sp, double v, double dx, double dy) {
        int top = sp + 3;
        s[top] = v;
        s[top + 1] = dx;
        s[top + 2] = dy;
        return top;
    }

    /** Combines the two top slots (a below, sp on top) into a. */
    private static void binary(int op, double[] s, int sp) {
        int a = sp - 3;
        double u = s[a];
        double v = s[sp];
        switch (op) {
            case ADD:
                s[a] += v;
                s[a + 1] += s[sp + 1];
                s[a + 2] += s[sp + 2];
                break;
            case SUB:
                s[a] -= v;
                s[a + 1] -= s[sp + 1];
                s[a + 2] -= s[sp + 2];
                break;
            case MUL:
                s[a + 1] = s[a + 1] * v + u * s[sp + 1];
                s[a + 2] = s[a + 2] * v + u * s[sp + 2];
                s[a] = u * v;
                break;
            case DIV: {
                double r = u / v;
                s[a + 1] = (s[a + 1] - r * s[sp + 1]) / v;
                s[a + 2] = (s[a + 2] - r * s[sp + 2]) / v;
                s[a] = r;
                break;
            }
            case POW: {
                // u^v = exp(v log u): d = u^v (v' log u + v u'/u)
                double w = Math.pow(u, v);
                double lu = Math.log(u);
                s[a + 1] = w * (s[sp + 1] * lu + v * s[a + 1] / u);
                s[a + 2] = w * (s[sp + 2] * lu + v * s[a + 2] / u);
                s[a] = w;
                break;
            }
            default:
                throw new IllegalStateException("Unhandled op: " + op);
        }
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
}
