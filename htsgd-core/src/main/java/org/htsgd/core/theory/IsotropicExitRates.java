package org.htsgd.core.theory;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.UnitSphereSampler;
import org.htsgd.core.analysis.FlowGrid;
import org.htsgd.core.analysis.GradientFlow;
import org.htsgd.core.analysis.Grid;
import org.htsgd.core.analysis.ReachableSets;
import org.htsgd.core.validation.Require;

/**
 * Exit rates \(q_i = \mu_J(E_i)\), \(q_{i,j} = \mu_J(E_{i,j})\) (paper.md §2.1 eq. 10, §2.6) of the fields of a
 * {@link FlowGrid} for isotropic noise: \(\nu(dw) = \nu_\alpha(dr)\,S(du)\), \(\nu_\alpha[r,\infty) = r^{-\alpha}\),
 * \(S\) uniform on the sphere; a jump \(w = ru\) moves \(y\) to \(\varphi_L(y + \varphi_b(w)) = P(y + \min(r,b)u)\).
 *
 * <p><b>Ray mass</b> (the last jump, exactly): for a point \(y\) and a direction \(u\), the landing field along
 * \(r \mapsto P(y + ru)\) is piecewise constant; its breakpoints are found by marching in steps of \(h'/2\) and
 * bisecting with accurate labels ({@link FlowGrid#field}). A piece \([r_a, r_b)\) landing in \(\Omega_j\) carries
 * \(r_a^{-\alpha} - r_b^{-\alpha}\); the mass \(b^{-\alpha}\) of all jumps clipped to \(b\) goes to the field of
 * \(P(y + bu)\). With \(b = \infty\) the ray is followed in \(s = 1/r\) beyond \(r_0 = 2R + |y|\) up to its limit
 * \(P(y + ru) \to Ru\).
 *
 * <p><b>J = 1: quadrature</b> (2-D): \(q_{i,j} = \frac{1}{n}\sum_{k<n} \mathrm{mass}_j(m_i, u_k)\) over \(n\)
 * equally spaced angles (the periodic trapezoid rule); the error estimate is the difference to the rule on every
 * second angle. The rays run on {@link #withThreads threads} (all processors by default); each ray's mass is summed
 * in the order of its angle, so the result does not depend on the thread count.
 *
 * <p><b>J &ge; 2: Monte Carlo</b> (any d), stated as such: jumps \(1..J-1\) are drawn with \(r\) from
 * \(\nu_\alpha\) restricted to \([\rho, \infty)\) (mass \(\rho^{-\alpha}\); \(\rho\) from
 * {@link ReachableSets#safeRadius}: no shorter jump can be part of an exit) and \(u \sim S\); after each the timed
 * flow runs until it enters the \(\rho\)-neighbourhood of the minimiser set, from where no exit with the remaining
 * jumps is possible, at time \(T\); the waiting time is drawn uniformly on \([0, T]\) (weight \(T\): the Lebesgue
 * measure \(\mathrm{Leb}_+\)); the last jump's radius is integrated exactly by the ray mass along a random direction.
 * The estimate is unbiased up to the grid's labels and the flow integration; the standard error is reported.
 */
public final class IsotropicExitRates {
    /** Largest waiting time followed (a trajectory not back near the minimiser set by then is cut there). */
    static final double T_CAP = 1e4;
    /** Bisection steps per breakpoint. */
    private static final int BISECTIONS = 30;

    /** The grid. */
    private final FlowGrid grid;
    /** Threshold b. */
    private final double b;
    /** Tail index. */
    private final double alpha;
    /** Threads of the quadrature's rays. */
    private final int threads;

    private IsotropicExitRates(FlowGrid grid, double b, double alpha, int threads) {
        this.grid = grid;
        this.b = b;
        this.alpha = alpha;
        this.threads = threads;
    }

    /**
     * @param grid the flow grid
     * @param b truncation threshold, {@code > 0}, possibly {@code +inf}
     * @param alpha tail index, finite and {@code > 1}
     * @return the rate calculator
     * @throws IllegalArgumentException on a bad parameter
     */
    public static IsotropicExitRates of(FlowGrid grid, double b, double alpha) {
        Require.nonNull(grid, "flow grid");
        return new IsotropicExitRates(grid, Require.positive(b, "b"), Require.tailIndex(alpha, "alpha"),
            Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param n threads of the quadrature's rays, {@code >= 1} (never changes a result)
     * @return a copy running on {@code n} threads
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public IsotropicExitRates withThreads(int n) {
        return new IsotropicExitRates(grid, b, alpha, (int) Require.atLeast(n, 1, "threads"));
    }

    /**
     * The J = 1 rates by quadrature over the direction (2-D only).
     *
     * @param field the field
     * @param from the minimiser the jump starts from
     * @param directions number of angles, even and {@code >= 4}
     * @return the rates
     * @throws IllegalArgumentException if the grid is not 2-D or directions is odd or below 4
     */
    public ExitRate quadrature(int field, double[] from, int directions) {
        if (grid.grid().dimension() != 2) {
            throw new IllegalArgumentException("direction quadrature is not available in dimension "
                + grid.grid().dimension() + " (2-D only)");
        }
        if (directions < 4 || directions % 2 != 0) {
            throw new IllegalArgumentException("directions is not even and >= 4: " + directions);
        }
        int n = grid.fieldCount();
        double[] all = new double[n];
        double[] even = new double[n];
        double[][] masses = new double[directions][n];
        forEach(directions, k -> {
            double th = 2 * Math.PI * k / directions;
            rayMass(from, new double[] {Math.cos(th), Math.sin(th)}, field, masses[k]);
        });
        for (int k = 0; k < directions; k++) {
            double[] one = masses[k];
            for (int j = 0; j < n; j++) {
                all[j] += one[j] / directions;
                even[j] += k % 2 == 0 ? 2 * one[j] / directions : 0;
            }
        }
        double[] err = new double[n];
        double q = 0;
        double qHalf = 0;
        for (int j = 0; j < n; j++) {
            err[j] = Math.abs(all[j] - even[j]);
            q += all[j];
            qHalf += even[j];
        }
        return new ExitRate(field, ExitRate.QUADRATURE, from, 1, q, Math.abs(q - qHalf), all, err, directions,
            Double.NaN, "quadrature over " + directions + " directions (error: difference to " + directions / 2
                + ")");
    }

    /**
     * The J = 1 rates of a field whose minimiser is a set (a flat bottom, e.g. a segment) rather than a point: the
     * quadrature of {@link #quadrature} from every point of the set, averaged with equal weights. [I] On a set where
     * \(\nabla f = 0\) the iterates have no drift, so between exits they spread along the set; the uniform average
     * is this project's reading (the paper's theory assumes isolated minimisers, paper.md §2.6). The rate from one
     * point can be 0 where the set's end is within b of the boundary (then J = 1 is reached only from there), so a
     * single representative point would contradict the jump number.
     *
     * @param field the field
     * @param set the minimiser set, flattened (x, y) pairs, at least one
     * @param directions number of angles, even and {@code >= 4}
     * @return the averaged rates; {@code from} is the set's first point, the note gives the range over the set
     * @throws IllegalArgumentException as {@link #quadrature}, or if the set is empty or not of (x, y) pairs
     */
    public ExitRate quadratureOverSet(int field, double[] set, int directions) {
        if (set.length == 0 || set.length % 2 != 0) {
            throw new IllegalArgumentException("minimiser set is not a non-empty list of (x, y) pairs: length "
                + set.length);
        }
        int points = set.length / 2;
        if (points == 1) {
            return quadrature(field, set, directions);
        }
        int n = grid.fieldCount();
        double[] mean = new double[n];
        double[] err = new double[n];
        double q = 0;
        double qErr = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int k = 0; k < points; k++) {
            ExitRate one = quadrature(field, new double[] {set[2 * k], set[2 * k + 1]}, directions);
            double[] to = one.toField();
            double[] e = one.toFieldError();
            for (int j = 0; j < n; j++) {
                mean[j] += to[j] / points;
                err[j] += e[j] / points;
            }
            q += one.exitRate() / points;
            qErr += one.exitRateError() / points;
            lo = Math.min(lo, one.exitRate());
            hi = Math.max(hi, one.exitRate());
        }
        return new ExitRate(field, ExitRate.QUADRATURE, new double[] {set[0], set[1]}, 1, q, qErr, mean, err,
            directions, Double.NaN, "quadrature over " + directions + " directions, averaged over the " + points
                + " points of the minimiser set (from one point: " + String.format("%.4g", lo) + " to "
                + String.format("%.4g", hi) + ")");
    }

    /**
     * The rates of a field with jump number {@code jumps >= 2} by Monte Carlo (see the class comment).
     *
     * @param sets the reachable sets of the same grid (for the safe radius and the distance to the minimisers)
     * @param field the field
     * @param from the minimiser the first jump starts from
     * @param jumps the field's jump number J, {@code >= 1}
     * @param samples number of samples, {@code >= 2}
     * @param rng the generator
     * @return the estimate with standard errors, or a {@link ExitRate#NONE} record if no safe radius exists
     * @throws IllegalArgumentException on a bad parameter
     */
    public ExitRate monteCarlo(ReachableSets sets, int field, double[] from, int jumps, long samples,
            UniformRandomProvider rng) {
        Require.positive(jumps, "jumps");
        Require.atLeast(samples, 2, "samples");
        Require.nonNull(rng, "rng");
        int n = grid.fieldCount();
        double rho = sets.safeRadius(field, b, jumps);
        if (Double.isNaN(rho)) {
            return new ExitRate(field, ExitRate.NONE, from, jumps, Double.NaN, Double.NaN, nan(n), nan(n), 0, rho,
                "not computed: no jump length below which exits are impossible at this grid resolution");
        }
        Grid g = grid.grid();
        double[] toMin = sets.distanceToMinimisers(field);
        GradientFlow flow = grid.flow();
        UnitSphereSampler dirs = UnitSphereSampler.of(rng, g.dimension());
        double mass = Math.pow(rho, -alpha);
        double[] sum = new double[n];
        double[] sumSq = new double[n];
        double[] one = new double[n];
        double sumT = 0;
        double sumTSq = 0;
        long capped = 0;
        long strayed = 0;
        for (long s = 0; s < samples; s++) {
            double[] x = from.clone();
            double w = 1;
            boolean inside = true;
            for (int k = 1; k < jumps && inside; k++) {
                double r = Math.min(b, rho * Math.pow(1 - rng.nextDouble(), -1 / alpha));
                double[] u = dirs.sample();
                for (int a = 0; a < x.length; a++) {
                    x[a] += r * u[a];
                }
                grid.landscape().domain().project(x);
                if (grid.field(x) != field) {
                    inside = false;
                    strayed++;
                    break;
                }
                GradientFlow.Path path = flow.advance(x, T_CAP, p -> toMin[g.cellOf(p)] <= rho);
                double t = path.duration();
                capped += t >= T_CAP ? 1 : 0;
                w *= mass * t;
                path.pointAt(rng.nextDouble() * t, x);
            }
            java.util.Arrays.fill(one, 0);
            if (inside && w > 0) {
                rayMass(x, dirs.sample(), field, one);
            }
            double tot = 0;
            for (int j = 0; j < n; j++) {
                double v = w * one[j];
                sum[j] += v;
                sumSq[j] += v * v;
                tot += v;
            }
            sumT += tot;
            sumTSq += tot * tot;
        }
        double[] mean = new double[n];
        double[] se = new double[n];
        for (int j = 0; j < n; j++) {
            mean[j] = sum[j] / samples;
            se[j] = standardError(sum[j], sumSq[j], samples);
        }
        double total = sumT / samples;
        double totalSe = standardError(sumT, sumTSq, samples);
        String note = "Monte Carlo estimate, " + samples + " samples, +- 1 standard error; jumps before the last "
            + "from nu_alpha on [" + rho + ", inf)" + (capped > 0 ? "; " + capped + " waiting times cut at " + T_CAP
                : "") + (strayed > 0 ? "; " + strayed + " samples left the field early (counted as 0)" : "");
        return new ExitRate(field, ExitRate.MONTE_CARLO, from, jumps, total, totalSe, mean, se, samples, rho, note);
    }

    /** Runs task(0 .. count - 1) on this calculator's threads; each index writes only its own slots. */
    private void forEach(int count, IntConsumer task) {
        if (threads == 1) {
            IntStream.range(0, count).forEach(task);
            return;
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, count).parallel().forEach(task)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("exit-rate quadrature interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Adds to out[j] the nu-mass of jump lengths r along direction u from y that land in field j != field. */
    void rayMass(double[] y, double[] u, int field, double[] out) {
        double dr = grid.grid().spacing() / 2;
        boolean clipped = b < Double.POSITIVE_INFINITY;
        double rEnd = clipped ? b : 2 * grid.grid().radius() + norm(y);
        double[] p = new double[y.length];
        double segStart = 0;
        int segLabel = field;
        double prev = 0;
        for (int i = 1; prev < rEnd; i++) {
            double r = Math.min(i * dr, rEnd);
            int l = labelAt(y, u, r, p);
            if (l != segLabel) {
                double lo = prev;
                double hi = r;
                for (int it = 0; it < BISECTIONS; it++) {
                    double mid = 0.5 * (lo + hi);
                    if (labelAt(y, u, mid, p) == segLabel) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                add(out, segLabel, field, segStart, hi);
                segStart = hi;
                segLabel = l;
            }
            prev = r;
        }
        if (clipped) {
            // the piece [segStart, b) and the atom nu[b, inf) of clipped jumps: segStart^-alpha in all
            add(out, segLabel, field, segStart, Double.POSITIVE_INFINITY);
            return;
        }
        // beyond r0 follow s = 1/r from 1/r0 down to 0 (the limit point R u)
        int steps = 64;
        double s0 = 1 / rEnd;
        double prevS = s0;
        for (int i = 1; i <= steps; i++) {
            double s = s0 * (steps - i) / steps;
            int l = labelAt(y, u, 1 / s, p);
            if (l != segLabel) {
                double hiS = prevS;
                double loS = s;
                for (int it = 0; it < BISECTIONS; it++) {
                    double mid = 0.5 * (loS + hiS);
                    if (labelAt(y, u, 1 / mid, p) == segLabel) {
                        hiS = mid;
                    } else {
                        loS = mid;
                    }
                }
                add(out, segLabel, field, segStart, 1 / loS);
                segStart = 1 / loS;
                segLabel = l;
            }
            prevS = s;
        }
        add(out, segLabel, field, segStart, Double.POSITIVE_INFINITY);
    }

    /** Field of P(y + r u) (r = +inf: of R u). */
    private int labelAt(double[] y, double[] u, double r, double[] p) {
        for (int a = 0; a < y.length; a++) {
            p[a] = r == Double.POSITIVE_INFINITY ? grid.grid().radius() * u[a] : y[a] + r * u[a];
        }
        return grid.field(p);
    }

    private void add(double[] out, int label, int field, double ra, double rb) {
        if (label != field && label >= 0) {
            out[label] += Math.pow(ra, -alpha) - (rb == Double.POSITIVE_INFINITY ? 0 : Math.pow(rb, -alpha));
        }
    }

    private static double standardError(double sum, double sumSq, long n) {
        double mean = sum / n;
        return Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1)) / n);
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double c : v) {
            s += c * c;
        }
        return Math.sqrt(s);
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }
}
