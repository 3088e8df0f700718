package org.htsgd.core.theory;

import java.util.Arrays;
import java.util.TreeSet;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.htsgd.core.analysis.AttractionFields1D;
import org.htsgd.core.landscape.Landscape1D;

/**
 * The exit rates \(q_{i,j} = \mu_i(E_{i,j})\) and \(q_i = \mu_i(E_i) = \sum_{j \ne i} q_{i,j}\) of eq. (10), with
 * \(\mu_i = \nu_\alpha^{l^*_i} \times \mathrm{Leb}_+^{l^*_i - 1}\), \(\nu_\alpha(dx) = \alpha p_\pm |x|^{-\alpha-1}dx\)
 * (eq. 4), and the jump-perturbed gradient flow of eqs. (5)–(7) from \(m_i\).
 *
 * <p><b>\(l^* = 1\), closed form</b> (paper.md §2.5): with the clipped tail \(T_\pm(a) = p_\pm a^{-\alpha}\,1\{a \le b\}\)
 * (\(\nu_\alpha[a, \infty) = a^{-\alpha}\); the mass beyond b collapses onto the clipped jump b),
 * \(q_{i,j} = T_+(s_{j-1} - m_i) - T_+(s_j - m_i)\) for \(j &gt; i\) and symmetrically for \(j &lt; i\); outer ends
 * (\(\pm\infty\) or a domain end, where the projection keeps the iterate in the outer field) count as
 * \(T = 0\). So \(q_i = p_+(s_i - m_i)^{-\alpha}1\{s_i - m_i &lt; b\} + p_-(m_i - s_{i-1})^{-\alpha}1\{m_i - s_{i-1} &lt; b\}\).
 *
 * <p><b>\(l^* = l \ge 2\), numerical.</b> Two exact reductions make this a nested one-dimensional quadrature:
 * <ol>
 *   <li>Only same-sign jump sequences exit: the 1-D flow in \(\Omega_i\) moves monotonically towards \(m_i\), so
 *       with one jump of the other sign the reach on the exit side is at most \((l-1)b &lt; r_i\) (Assumption 3).
 *       Each side is computed in the distance \(d = \pm(x - m_i)\).</li>
 *   <li>The waiting time \(t'\) of a flow segment is replaced by the position \(y\) reached: the flow is monotone,
 *       so \(dt = dy / |f'(y)|\) and \(\int_0^\infty \cdot\, dt' = \int_{m_i}^{x} \cdot\, dy/|f'(y)|\) exactly; the
 *       integrand vanishes unless \(y\) is within \(k b\) of the boundary (k jumps left), so the integral is over
 *       a bounded interval where \(f' \ne 0\) and no ODE needs to be solved (this replaces the truncation of the
 *       time integral: there is no truncation error).</li>
 * </ol>
 * With \(k\) jumps left, \(A_1(y) = T(D_j - y) - T(D_{j+1} - y)\) (landing field j between distances \(D_j, D_{j+1}\)),
 * \(B_k(x) = \int_{D_0 - kb}^{x} A_k(y)\,dy/|f'(y)|\) and
 * \(A_k(y) = \int_{u_0}^{b} \alpha p u^{-\alpha-1} B_{k-1}(y+u)\,du + p\,b^{-\alpha}B_{k-1}(y+b)\) with
 * \(u_0 = D_0 - (k-1)b - y\) (the atom is the mass \(\nu[b,\infty)\) of jumps clipped to b); the side's
 * contribution is \(A_l(0)\). Every integral is split at the points \(D_j - kb\) where an integrand switches on
 * and is computed by composite Gauss–Legendre (commons-math3) with {@code order} nodes per piece, each piece graded
 * logarithmically towards the minimum and towards the saddle (the integrands nearly blow up there when \(r_i\) is
 * close to a multiple of b; see {@code Side.integrate}). If \(r_i\) is an exact multiple of b (Assumption 3 fails)
 * the waiting-time integral diverges and the rate is reported as \(+\infty\).
 *
 * <p><b>Error control.</b> The whole computation is repeated with \(\lceil 1.5\cdot\)order\(\rceil\) nodes; the
 * finer value is returned and the difference is reported by {@link Result#errors()}. Cost grows like
 * \((\text{pieces}\cdot\text{order})^{2(l-1)}\): a fraction of a second for \(l \le 3\) at the default order 8
 * (the estimated relative error on the paper's landscape is then below 1e-9); for larger \(l\) the order is lowered automatically to keep about \(10^8\) derivative evaluations (order 3 for
 * \(l = 4\)), and the reported error grows accordingly; when even order 2 would exceed that budget fourfold
 * (\(l \ge 5\)) the rates of that field are not computed and reported as NaN. Indices are 0-based.
 */
public final class JumpRates {
    /** Budget of derivative evaluations per field and side that lowers the order for large \(l^*\). */
    private static final double MAX_EVALUATIONS = 1e8;
    /** Default Gauss–Legendre order per piece. */
    public static final int DEFAULT_ORDER = 8;

    /** Result: the matrix \(q_{i,j}\) (zero diagonal), \(q_i\), and error estimates of \(q_i\). */
    public record Result(double[][] rates, double[] exitRates, double[] errors) {
        /** Deep copies. */
        public Result {
            rates = Arrays.stream(rates).map(double[]::clone).toArray(double[][]::new);
            exitRates = exitRates.clone();
            errors = errors.clone();
        }

        /** @return a deep copy of \(q_{i,j}\) */
        @Override
        public double[][] rates() {
            return Arrays.stream(rates).map(double[]::clone).toArray(double[][]::new);
        }

        /** @return a copy of \(q_i\) */
        @Override
        public double[] exitRates() {
            return exitRates.clone();
        }

        /** @return a copy of the error estimates of \(q_i\) */
        @Override
        public double[] errors() {
            return errors.clone();
        }
    }

    private JumpRates() {
    }

    /**
     * @param graph the typical transition graph (fields, b, \(l^*\))
     * @param flow the landscape whose \(f'\) drives the flow; may be {@code null}, then rates of fields with
     *     \(l^* \ge 2\) are {@code NaN}
     * @param alpha tail index, {@code alpha > 1}
     * @param pPlus \(p_+ \in [0, 1]\)
     * @param order Gauss–Legendre nodes per piece, {@code >= 2}
     * @return the rates
     * @throws IllegalArgumentException on bad parameters
     */
    public static Result of(TypicalTransitionGraph graph, Landscape1D flow, double alpha, double pPlus, int order) {
        if (!(alpha > 1) || alpha == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("alpha is not in (1, inf): " + alpha);
        }
        if (!(pPlus >= 0 && pPlus <= 1)) {
            throw new IllegalArgumentException("pPlus is not in [0, 1]: " + pPlus);
        }
        if (order < 2) {
            throw new IllegalArgumentException("order is not >= 2: " + order);
        }
        AttractionFields1D fields = graph.fields();
        int n = fields.size();
        double[][] q = new double[n][n];
        double[] qi = new double[n];
        double[] err = new double[n];
        for (int i = 0; i < n; i++) {
            int l = graph.lStar(i);
            if (l == TypicalTransitionGraph.NO_EXIT) {
                continue;
            }
            if (l >= 2 && flow == null) {
                Arrays.fill(q[i], Double.NaN);
                q[i][i] = 0;
                qi[i] = Double.NaN;
                err[i] = Double.NaN;
                continue;
            }
            int ord = order;
            while (l >= 3 && Math.pow(4.0 * Math.ceil(1.5 * ord), 2 * (l - 1)) > MAX_EVALUATIONS && ord > 2) {
                ord--;
            }
            if (Math.pow(4.0 * Math.ceil(1.5 * ord), 2 * (l - 1)) > 4 * MAX_EVALUATIONS) {
                Arrays.fill(q[i], Double.NaN);
                q[i][i] = 0;
                qi[i] = Double.NaN;
                err[i] = Double.NaN;
                continue;
            }
            int fine = (int) Math.ceil(1.5 * ord);
            for (int sigma = -1; sigma <= 1; sigma += 2) {
                Side coarse = new Side(fields, flow, i, sigma, graph.b(), alpha, sigma > 0 ? pPlus : 1 - pPlus, ord);
                double[] vc = l == 1 ? coarse.a(1, 0) : coarse.a(l, 0);
                double[] vf = vc;
                if (l >= 2) {
                    Side f = new Side(fields, flow, i, sigma, graph.b(), alpha, sigma > 0 ? pPlus : 1 - pPlus, fine);
                    vf = f.a(l, 0);
                }
                double dc = 0;
                double df = 0;
                for (int k = 0; k < vf.length; k++) {
                    int j = sigma > 0 ? i + 1 + k : i - 1 - k;
                    q[i][j] = vf[k];
                    df += vf[k];
                    dc += vc[k];
                }
                qi[i] += df;
                err[i] += Math.abs(df - dc);
            }
        }
        return new Result(q, qi, err);
    }

    /** One side of one field in distance coordinates. */
    private static final class Side {
        /** Distances to the successive boundaries on this side, then +inf. */
        private final double[] dist;
        /** Landscape. */
        private final Landscape1D f;
        /** Minimum. */
        private final double m;
        /** Direction. */
        private final int sigma;
        /** Threshold. */
        private final double b;
        /** Tail index. */
        private final double alpha;
        /** Tail weight of this side. */
        private final double p;
        /** Breakpoints (distances) where integrands switch on. */
        private final double[] breaks;
        /** Gauss-Legendre nodes on [-1, 1]. */
        private final double[] nodes;
        /** Gauss-Legendre weights on [-1, 1]. */
        private final double[] weights;

        Side(AttractionFields1D fields, Landscape1D f, int i, int sigma, double b, double alpha, double p, int order) {
            int n = fields.size();
            this.f = f;
            this.m = fields.minimum(i);
            this.sigma = sigma;
            this.b = b;
            this.alpha = alpha;
            this.p = p;
            int k = sigma > 0 ? n - 1 - i : i;
            dist = new double[k + 1];
            for (int t = 0; t < k; t++) {
                dist[t] = sigma > 0 ? fields.upper(i + t) - m : m - fields.lower(i - t);
            }
            dist[k] = Double.POSITIVE_INFINITY;
            TreeSet<Double> br = new TreeSet<>();
            if (Double.isFinite(b)) {
                for (int t = 0; t < k; t++) {
                    for (int mult = 1; mult <= 8; mult++) {
                        double v = dist[t] - mult * b;
                        if (v > 0) {
                            br.add(v);
                        }
                    }
                }
            }
            breaks = br.stream().mapToDouble(Double::doubleValue).toArray();
            GaussIntegrator gi = new GaussIntegratorFactory().legendre(order);
            nodes = new double[order];
            weights = new double[order];
            for (int t = 0; t < order; t++) {
                nodes[t] = gi.getPoint(t);
                weights[t] = gi.getWeight(t);
            }
        }

        /** Clipped tail mass \(\nu\{w : \varphi_b(w) \ge a\}\) on this side. */
        double tail(double a) {
            return a > b || a == Double.POSITIVE_INFINITY ? 0 : p * Math.pow(a, -alpha);
        }

        /** |f'| at distance y from m on this side. */
        double speed(double y) {
            return sigma * f.derivative(m + sigma * y);
        }

        /** A_k(y): vector over landing fields. */
        double[] a(int k, double y) {
            int nt = dist.length - 1;
            double[] out = new double[nt];
            if (nt == 0) {
                return out;
            }
            if (k == 1) {
                for (int t = 0; t < nt; t++) {
                    out[t] = tail(dist[t] - y) - tail(dist[t + 1] - y);
                }
                return out;
            }
            double u0 = Math.max(0, dist[0] - (k - 1) * b - y);
            if (!(u0 < b)) {
                return out;
            }
            // atom: jumps of size >= b, all clipped to b
            double[] atom = bfun(k - 1, y + b);
            double mass = p * Math.pow(b, -alpha);
            for (int t = 0; t < nt; t++) {
                out[t] = mass * atom[t];
            }
            integrate(u0, b, y, 0, dist[0] - y, (u, w, acc) -> {
                double[] v = bfun(k - 1, y + u);
                double dens = w * alpha * p * Math.pow(u, -alpha - 1);
                for (int t = 0; t < nt; t++) {
                    acc[t] += dens * v[t];
                }
            }, out);
            return out;
        }

        /** B_k(x) = int_{D0 - k b}^{x} A_k(y) / |f'(y)| dy. */
        double[] bfun(int k, double x) {
            int nt = dist.length - 1;
            double[] out = new double[nt];
            double lo = Math.max(0, dist[0] - k * b);
            if (!(x > lo)) {
                return out;
            }
            if (!(lo > 0)) {
                // r_i is a multiple of b (Assumption 3 fails): the waiting-time integral diverges like log
                Arrays.fill(out, Double.POSITIVE_INFINITY);
                return out;
            }
            integrate(lo, x, 0, 0, dist[0], (y, w, acc) -> {
                double[] v = a(k, y);
                double g = w / speed(y);
                for (int t = 0; t < nt; t++) {
                    acc[t] += g * v[t];
                }
            }, out);
            return out;
        }

        /**
         * Composite Gauss–Legendre over [lo, hi], split at the breaks (shifted by -shift). Each piece is graded
         * towards the two near-singular points sL &lt; lo and sU &gt; hi of the integrands: its lower half is
         * integrated in z = log(t - sL), its upper half in z = log(sU - t). (sL = 0: the flow speed |f'(y)| ~ f''(m) y
         * and the density u^(-alpha-1) blow up there; sU = the saddle, where |f'| -&gt; 0 and the last jump's mass
         * (D_0 - y)^(-alpha) blows up.) Both matter only when r_i is close to a multiple of b; elsewhere the grading
         * is harmless.
         */
        void integrate(double lo, double hi, double shift, double sL, double sU, Integrand g, double[] acc) {
            double a = lo;
            for (int idx = 0; idx <= breaks.length; idx++) {
                double c = idx < breaks.length ? breaks[idx] - shift : hi;
                if (!(c > a)) {
                    continue;
                }
                if (c > hi) {
                    c = hi;
                }
                if (sU < Double.POSITIVE_INFINITY) {
                    double mid = 0.5 * (a + c);
                    lowerGraded(a, mid, sL, g, acc);
                    upperGraded(mid, c, sU, g, acc);
                } else {
                    lowerGraded(a, c, sL, g, acc);
                }
                a = c;
                if (a >= hi) {
                    break;
                }
            }
        }

        /** Gauss–Legendre on [a, c] in z = log(t - sL). */
        private void lowerGraded(double a, double c, double sL, Integrand g, double[] acc) {
            double za = Math.log(a - sL);
            double half = 0.5 * (Math.log(c - sL) - za);
            double mid = za + half;
            for (int t = 0; t < nodes.length; t++) {
                double e = Math.exp(mid + half * nodes[t]);
                g.add(sL + e, half * weights[t] * e, acc);
            }
        }

        /** Gauss–Legendre on [a, c] in z = log(sU - t). */
        private void upperGraded(double a, double c, double sU, Integrand g, double[] acc) {
            double za = Math.log(sU - c);
            double half = 0.5 * (Math.log(sU - a) - za);
            double mid = za + half;
            for (int t = 0; t < nodes.length; t++) {
                double e = Math.exp(mid + half * nodes[t]);
                g.add(sU - e, half * weights[t] * e, acc);
            }
        }
    }

    /** Adds weight * integrand(point) into acc. */
    @FunctionalInterface
    private interface Integrand {
        void add(double point, double weight, double[] acc);
    }
}
