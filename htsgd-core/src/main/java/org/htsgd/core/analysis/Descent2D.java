package org.htsgd.core.analysis;

import java.util.function.ToDoubleFunction;
import org.htsgd.core.landscape.Domain;
import org.htsgd.core.landscape.Landscape;

/**
 * Projected gradient descent on a 2-D landscape on a ball, as {@link Fields2D} uses it to find minima and label
 * points: \(x \leftarrow \varphi_L(x - \ell\,\nabla f(x)/\|\nabla f(x)\|)\) with \(\ell = \min(h\|\nabla f\|,
 * \text{maxStep})\), the step halved on any increase of f (so the kinks of piecewise landscapes, e.g.
 * \(|y - a_y|^{1.1}\), cannot make it oscillate), plus the saddle escape and the refusals of a landscape that cannot
 * be analysed (values or gradients that are not finite, a search that does not settle, steps lost to rounding).
 * Mutable: it counts the descent steps against a budget.
 */
final class Descent2D {
    /** Distance to a known minimiser at which a labelling descent stops. */
    static final double NEAR = 0.02;

    /** The landscape. */
    private final Landscape f;
    /** Descent step h. */
    private final double h;
    /** Maximum step length per iteration. */
    private final double maxStep;
    /** The radius of the domain. */
    private final double radius;
    /** Descent steps left ({@code Long.MAX_VALUE}: unlimited). */
    private long budget = Long.MAX_VALUE;

    /**
     * @param f a 2-D landscape on a ball
     * @param h descent step
     * @param maxStep cap on the length of one step
     */
    Descent2D(Landscape f, double h, double maxStep) {
        this.f = f;
        this.h = h;
        this.maxStep = maxStep;
        this.radius = ((Domain.Ball) f.domain()).radius();
    }

    /** @param steps the descent steps allowed from now on, in all descents together */
    void limit(long steps) {
        budget = steps;
    }

    /**
     * Descends from x in place; stops when a step is shorter than tol or, if {@code distanceToKnown} is given, when
     * it says x is within {@link #NEAR} of a known minimiser.
     *
     * @param x the start, replaced by the end point
     * @param tol step length that counts as settled
     * @param maxIter most iterations
     * @param distanceToKnown distance from a point to the nearest known minimiser, or null
     * @throws IllegalArgumentException if the budget runs out, a step is lost to rounding or f is not finite
     */
    void descend(double[] x, double tol, int maxIter, ToDoubleFunction<double[]> distanceToKnown) {
        double[] g = new double[2];
        double[] t = new double[2];
        double step = h;
        double fx = requireFinite(f, x, g, radius);
        for (int it = 0; it < maxIter; it++) {
            if (distanceToKnown != null && (it & 15) == 0 && distanceToKnown.applyAsDouble(x) < NEAR) {
                return;
            }
            if (--budget < 0) {
                throw LandscapeRefusal.of(f, "the search for minima did not settle: its descents took more than "
                        + Fields2D.MAX_WORK_PER_START + " steps per start point (the last at (" + fmt(x[0]) + ", "
                        + fmt(x[1]) + ")); the minima are not isolated, or the disc is too large for descent steps "
                        + "of at most " + fmt(maxStep));
            }
            f.gradient(x, g);
            if (!(Double.isFinite(g[0]) && Double.isFinite(g[1]))) {
                requireFinite(f, x, g, radius);
            }
            double gl = Math.hypot(g[0], g[1]);
            if (gl == 0) {
                return;
            }
            while (true) {
                double len = Math.min(step * gl, maxStep);
                t[0] = x[0] - len * g[0] / gl;
                t[1] = x[1] - len * g[1] / gl;
                if (t[0] == x[0] && t[1] == x[1] && len >= 1e3 * tol) {
                    throw LandscapeRefusal.of(f, "at (" + fmt(x[0]) + ", " + fmt(x[1]) + ") a descent step of "
                            + fmt(len) + " is lost to rounding: the disc of radius " + fmt(radius) + " is too large "
                            + "to find the minima; give a smaller R");
                }
                f.domain().project(t);
                double ft = f.value(t);
                if (ft <= fx) {
                    double moved = Math.hypot(t[0] - x[0], t[1] - x[1]);
                    x[0] = t[0];
                    x[1] = t[1];
                    fx = ft;
                    step = Math.min(h, step * 1.5);
                    if (moved < tol) {
                        return;
                    }
                    break;
                }
                step *= 0.5;
                if (!(step * gl >= tol)) {
                    return;
                }
            }
        }
    }

    /**
     * Kicks an end point by 1e-3 in 8 directions and descends again; if that lowers f, the end point was a saddle
     * (or a maximum) and the lower end point replaces it. Repeats until no kick helps.
     *
     * @param x an end point of {@link #descend}, replaced by a minimum's
     */
    void escapeSaddle(double[] x) {
        double[] t = new double[2];
        boolean moved = true;
        for (int round = 0; moved && round < 20; round++) {
            moved = false;
            double fx = f.value(x);
            for (int k = 0; k < 8; k++) {
                double th = Math.PI * k / 4;
                t[0] = x[0] + 1e-3 * Math.cos(th);
                t[1] = x[1] + 1e-3 * Math.sin(th);
                f.domain().project(t);
                descend(t, 1e-10, 20_000, null);
                if (f.value(t) < fx - 1e-9 * (1 + Math.abs(fx)) && Math.hypot(t[0] - x[0], t[1] - x[1]) > 1e-2) {
                    x[0] = t[0];
                    x[1] = t[1];
                    moved = true;
                    break;
                }
            }
        }
    }

    /**
     * Refuses a landscape whose value or gradient is not finite somewhere on a {@value Fields2D#CHECK_GRID}-point
     * grid over the disc, or whose gradient is 0 on all of it.
     *
     * @param f a 2-D landscape on a ball
     * @param r the ball's radius
     * @throws IllegalArgumentException saying which
     */
    static void requireAnalysable(Landscape f, double r) {
        final int n = Fields2D.CHECK_GRID;
        double[] x = new double[2];
        double[] g = new double[2];
        boolean flat = true;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                x[0] = -r + 2 * r * i / (n - 1);
                x[1] = -r + 2 * r * j / (n - 1);
                if (f.domain().contains(x)) {
                    requireFinite(f, x, g, r);
                    flat &= g[0] == 0 && g[1] == 0;
                }
            }
        }
        if (flat) {
            throw LandscapeRefusal.of(f, "has no minimum in the disc of radius " + fmt(r) + ": it is constant "
                    + "(gradient 0 at every point of a " + n + " x " + n + " grid)");
        }
    }

    /** @return f(x), with its gradient in g, after checking that both are finite */
    private static double requireFinite(Landscape f, double[] x, double[] g, double r) {
        double v = f.value(x);
        f.gradient(x, g);
        String what = !Double.isFinite(v) ? "value" : !(Double.isFinite(g[0]) && Double.isFinite(g[1]))
                ? "gradient" : null;
        if (what != null) {
            throw LandscapeRefusal.of(f, "the " + what + " is not finite at (" + fmt(x[0]) + ", " + fmt(x[1])
                    + ") (inside the disc of radius " + fmt(r) + ")");
        }
        return v;
    }

    private static String fmt(double v) {
        return LandscapeRefusal.fmt(v);
    }
}
