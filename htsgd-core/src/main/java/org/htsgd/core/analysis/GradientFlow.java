package org.htsgd.core.analysis;

import java.util.Arrays;
import org.htsgd.core.landscape.Landscape;
import org.htsgd.core.validation.Require;

/**
 * The gradient flow \(\dot x = a(x) = -\nabla f(x)\) of a landscape, projected onto its domain (\(\varphi_L\), eq. 2),
 * integrated numerically in two ways (paper.md §2.1 eqs. 5–7, §2.6):
 * <ul>
 *   <li>{@link #trace}: the <b>orbit as a curve</b>, parametrised by arc length. Reachable sets \(G^{(k)|b}\) depend
 *       on the orbits only (any flow time \(\ge 0\) is allowed), so the time parametrisation is dropped: midpoint
 *       (RK2) steps of the unit field \(-\nabla f/\|\nabla f\|\) of length at most {@code step}, falling back to an
 *       Euler step and then halving the length whenever \(f\) would not decrease (a kink, or overshooting a minimum).
 *       When even a length {@code step/256} does not decrease \(f\), the point is kicked by {@code step} in the
 *       \(2d^2\) directions \(\pm e_i\), \((\pm e_i \pm e_j)/\sqrt2\); if a kick lowers \(f\) the trace goes on from the
 *       lowest kick (a saddle, or a stiff valley floor the unit step cannot follow), else the point is a
 *       <b>stall</b>: a local minimum of \(f\) at scale {@code step}.</li>
 *   <li>{@link #advance}: the <b>timed</b> flow, for the waiting times of the rates \(\mu = \nu_\alpha^J \times
 *       \mathrm{Leb}^{J-1}\) (eq. 10): Heun's method with step-size control on the local error estimate
 *       \(\tfrac{dt}{2}\|\nabla f(x_{pred}) - \nabla f(x)\|\le\) {@code step/16} and displacement at most {@code step}.</li>
 * </ul>
 * Thread-safe (no mutable state; buffers are per call).
 */
public final class GradientFlow {
    /** Smallest step length, as a fraction of {@code step}, tried before a stall is declared. */
    private static final double MIN_FRACTION = 1.0 / 256;
    /** Cap on accepted steps per call (a trace or an advance), against endless chattering on a kink. */
    private static final int MAX_STEPS = 2_000_000;

    /** The landscape. */
    private final Landscape f;
    /** Largest displacement per step. */
    private final double step;
    /** Dimension. */
    private final int d;

    /** Receives each accepted point of a trace; returns {@code false} to stop it. */
    @FunctionalInterface
    public interface Visitor {
        /** @param x the current point (read only, reused) @return whether to go on */
        boolean visit(double[] x);
    }

    /** Why a trace ended. */
    public enum Stop {
        /** The arc-length budget was used up. */
        ARC,
        /** A local minimum at scale {@code step} (see the class comment). */
        STALL,
        /** The visitor asked to stop. */
        VISITOR
    }

    /**
     * A timed trajectory: times \(t_0 = 0 &lt; t_1 &lt; \dots\) and the points, flattened.
     *
     * @param times the times
     * @param points the points, {@code d} coordinates per time
     */
    public record Path(double[] times, double[] points) {
        /** @return the last time \(T\) */
        public double duration() {
            return times[times.length - 1];
        }

        /**
         * @param t a time in \([0, T]\)
         * @param out receives the point at time t (linear interpolation between recorded steps)
         */
        public void pointAt(double t, double[] out) {
            int d = out.length;
            int k = Arrays.binarySearch(times, t);
            if (k >= 0) {
                System.arraycopy(points, k * d, out, 0, d);
                return;
            }
            int hi = Math.min(-k - 1, times.length - 1);
            int lo = Math.max(hi - 1, 0);
            double w = hi == lo ? 0 : (t - times[lo]) / (times[hi] - times[lo]);
            for (int i = 0; i < d; i++) {
                out[i] = (1 - w) * points[lo * d + i] + w * points[hi * d + i];
            }
        }
    }

    private GradientFlow(Landscape f, double step) {
        this.f = f;
        this.step = step;
        this.d = f.dimension();
    }

    /**
     * @param f the landscape
     * @param step largest displacement per step, finite and {@code > 0}
     * @return the flow
     * @throws IllegalArgumentException if {@code f} is null or {@code step} is not finite and {@code > 0}
     */
    public static GradientFlow of(Landscape f, double step) {
        Require.nonNull(f, "landscape");
        return new GradientFlow(f, Require.finitePositive(step, "flow step"));
    }

    /** @return the largest displacement per step */
    public double step() {
        return step;
    }

    /**
     * Follows the orbit from {@code x} (modified in place: it ends at the last point).
     *
     * @param x the start, inside the domain
     * @param maxArc arc-length budget ({@code +inf} allowed: then only a stall or the visitor ends it)
     * @param visitor called with every accepted point
     * @return why the trace ended
     */
    public Stop trace(double[] x, double maxArc, Visitor visitor) {
        double[] g = new double[d];
        double[] t = new double[d];
        double[] mid = new double[d];
        double[] g2 = new double[d];
        double s = step;
        double arc = 0;
        double fx = f.value(x);
        for (int it = 0; it < MAX_STEPS && arc < maxArc; it++) {
            double ft = Double.NaN;
            boolean moved = false;
            f.gradient(x, g);
            while (s >= step * MIN_FRACTION) {
                if ((ft = move(x, fx, g, s, mid, g2, t)) < fx) {
                    moved = true;
                    break;
                }
                s *= 0.5;
            }
            if (!moved) {
                if (!kick(x, fx, t)) {
                    return Stop.STALL;
                }
                ft = f.value(t);
                s = step;
            }
            arc += distance(x, t);
            System.arraycopy(t, 0, x, 0, d);
            fx = ft;
            if (!visitor.visit(x)) {
                return Stop.VISITOR;
            }
            s = Math.min(step, 2 * s);
        }
        return Stop.ARC;
    }

    /**
     * One midpoint step of length s along the unit field into t (an Euler step instead if the midpoint step does not
     * decrease f); returns f(t), or NaN if the gradient vanishes or is not finite.
     */
    private double move(double[] x, double fx, double[] g, double s, double[] mid, double[] g2, double[] t) {
        double gn = norm(g);
        if (!(gn > 0) || !Double.isFinite(gn)) {
            return Double.NaN;
        }
        for (int i = 0; i < d; i++) {
            mid[i] = x[i] - 0.5 * s * g[i] / gn;
        }
        f.domain().project(mid);
        f.gradient(mid, g2);
        double n2 = norm(g2);
        if (n2 > 0 && Double.isFinite(n2)) {
            for (int i = 0; i < d; i++) {
                t[i] = x[i] - s * g2[i] / n2;
            }
            f.domain().project(t);
            double ft = f.value(t);
            if (ft < fx) {
                return ft;
            }
        }
        for (int i = 0; i < d; i++) {
            t[i] = x[i] - s * g[i] / gn;
        }
        f.domain().project(t);
        return f.value(t);
    }

    /** Writes into out the lowest of the 2d^2 kicks of length step if it lowers f; returns whether one did. */
    private boolean kick(double[] x, double fx, double[] out) {
        double tol = 1e-13 * (1 + Math.abs(fx));
        double best = fx - tol;
        boolean found = false;
        double[] p = new double[d];
        double diag = step / Math.sqrt(2);
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                for (int si = -1; si <= 1; si += 2) {
                    for (int sj = -1; sj <= (i == j ? -1 : 1); sj += 2) {
                        System.arraycopy(x, 0, p, 0, d);
                        if (i == j) {
                            p[i] += si * step;
                        } else {
                            p[i] += si * diag;
                            p[j] += sj * diag;
                        }
                        f.domain().project(p);
                        double v = f.value(p);
                        if (v < best) {
                            best = v;
                            found = true;
                            System.arraycopy(p, 0, out, 0, d);
                        }
                    }
                }
            }
        }
        return found;
    }

    /**
     * The timed flow from {@code x0} until {@code stop} accepts a point or the time reaches {@code tMax}.
     *
     * @param x0 the start (not modified)
     * @param tMax largest flow time, {@code > 0}
     * @param stop tested on every accepted point (and on the start)
     * @return the recorded trajectory, starting at time 0 and {@code x0}
     */
    public Path advance(double[] x0, double tMax, Visitor stop) {
        double[] x = x0.clone();
        double[] g1 = new double[d];
        double[] g2 = new double[d];
        double[] pred = new double[d];
        double[] next = new double[d];
        double tol = step / 16;
        double[] times = new double[64];
        double[] pts = new double[64 * d];
        int n = 1;
        System.arraycopy(x, 0, pts, 0, d);
        double t = 0;
        f.gradient(x, g1);
        double dt = step / Math.max(norm(g1), 1e-12);
        for (int it = 0; it < MAX_STEPS && t < tMax && !stop.visit(x); it++) {
            dt = Math.min(dt, tMax - t);
            for (int i = 0; i < d; i++) {
                pred[i] = x[i] - dt * g1[i];
            }
            f.domain().project(pred);
            f.gradient(pred, g2);
            double err = 0;
            for (int i = 0; i < d; i++) {
                next[i] = x[i] - 0.5 * dt * (g1[i] + g2[i]);
                err += (g2[i] - g1[i]) * (g2[i] - g1[i]);
            }
            f.domain().project(next);
            err = 0.5 * dt * Math.sqrt(err);
            double disp = distance(x, next);
            boolean tiny = dt < 1e-12 * Math.max(1, t);
            if (!tiny && (err > tol || disp > step)) {
                dt *= Math.max(0.1, Math.min(0.5, 0.9 * Math.sqrt(tol / Math.max(err, 1e-300))));
                continue;
            }
            t += dt;
            System.arraycopy(next, 0, x, 0, d);
            if (n == times.length) {
                times = Arrays.copyOf(times, 2 * n);
                pts = Arrays.copyOf(pts, 2 * n * d);
            }
            times[n] = t;
            System.arraycopy(x, 0, pts, n * d, d);
            n++;
            f.gradient(x, g1);
            dt *= Math.min(2, 0.9 * Math.sqrt(tol / Math.max(err, 1e-300)));
        }
        return new Path(Arrays.copyOf(times, n), Arrays.copyOf(pts, n * d));
    }

    private double norm(double[] v) {
        double s = 0;
        for (double c : v) {
            s += c * c;
        }
        return Math.sqrt(s);
    }

    private double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < d; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    @Override
    public String toString() {
        return "GradientFlow[" + f.name() + ", step=" + step + "]";
    }
}
