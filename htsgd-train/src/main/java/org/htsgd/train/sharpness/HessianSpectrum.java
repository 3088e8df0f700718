package org.htsgd.train.sharpness;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.htsgd.core.validation.Require;

/**
 * Curvature of the full training loss at \(\theta\) from {@link HessianVectorProduct}s:
 * <ul>
 * <li><b>Top eigenvalue</b> by power iteration: \(v_{k+1} = Hv_k/\|Hv_k\|\) from a Gaussian \(v_0\) (stream
 * (seed, HESSIAN, 0)), reporting the Rayleigh quotient \(\lambda_k = v_k^\top H v_k\) once
 * \(|\lambda_k - \lambda_{k-1}| \le \text{tolerance}\cdot|\lambda_k|\) or after {@code maxIterations}. This is the
 * eigenvalue of largest magnitude (the top one at a minimum, where H is positive semi-definite); its error decays as
 * \((\lambda_2/\lambda_1)^{2k}\). The residual \(\|Hv - \lambda v\|\) is reported as a diagnostic.</li>
 * <li><b>Trace</b> by Hutchinson's estimator \(\mathrm{tr} H = E[z^\top H z]\) with Rademacher z (probe k from
 * stream (seed, HESSIAN, k + 1)), mean over {@code probes} with its standard error; the variance of one probe is
 * \(2\sum_{i\ne j} H_{ij}^2\).</li>
 * </ul>
 */
public final class HessianSpectrum {
    private HessianSpectrum() {
    }

    /**
     * @param maxIterations power iterations at most
     * @param tolerance relative change of the Rayleigh quotient that stops the iteration
     * @param probes Hutchinson probes
     * @param relativeStep c of the finite-difference step (see {@link HessianVectorProduct})
     */
    public record Config(int maxIterations, double tolerance, int probes, double relativeStep) {
        /** @throws IllegalArgumentException if a count is not positive or a real is not finite and positive */
        public Config {
            Require.positive(maxIterations, "maxIterations");
            Require.finitePositive(tolerance, "tolerance");
            Require.positive(probes, "probes");
            Require.finitePositive(relativeStep, "relativeStep");
        }

        /** @return 100 iterations, tolerance 1e-4, 100 probes, c = 1e-3 */
        public static Config defaults() {
            return new Config(100, 1e-4, 100, 1e-3);
        }

        /** @param iterations max iterations @param tol tolerance @return a copy with them */
        public Config withPowerIteration(int iterations, double tol) {
            return new Config(iterations, tol, probes, relativeStep);
        }

        /** @param m probes @return a copy with them */
        public Config withProbes(int m) {
            return new Config(maxIterations, tolerance, m, relativeStep);
        }

        /** @param c relative step @return a copy with it */
        public Config withRelativeStep(double c) {
            return new Config(maxIterations, tolerance, probes, c);
        }
    }

    /**
     * @param config settings
     * @param seed seed of the start vector and probes
     * @param topEigenvalue the Rayleigh quotient at the last iterate
     * @param iterations power iterations done
     * @param converged whether the tolerance was met
     * @param residual \(\|Hv - \lambda v\|\) at the last iterate (unit v)
     * @param trace Hutchinson's estimate of tr H with its standard error
     * @param stepLength the finite-difference step length in weight space
     */
    public record Result(Config config, long seed, double topEigenvalue, int iterations, boolean converged,
                         double residual, MonteCarloEstimate trace, double stepLength) {
    }

    /**
     * Computes both at the model's current weights (restored afterwards).
     *
     * @param objective the full training loss
     * @param config settings
     * @param seed seed
     * @param progress called after each Hessian-vector product (total: maxIterations + probes)
     * @return the result
     */
    public static Result estimate(TrainingObjective objective, Config config, long seed, SharpnessProgress progress) {
        int d = objective.dimension();
        long total = (long) config.maxIterations() + config.probes();
        SavedWeights saved = SavedWeights.of(objective.model()); // restored on leaving the try
        try (saved) {
            HessianVectorProduct hvp = HessianVectorProduct.of(objective, config.relativeStep());
            double[] v = new double[d];
            double[] hv = new double[d];
            ZigguratSampler.NormalizedGaussian g =
                    ZigguratSampler.NormalizedGaussian.of(Streams.of(seed, Measure.HESSIAN, 0));
            for (int j = 0; j < d; j++) {
                v[j] = g.sample();
            }
            scale(v, 1 / norm(v));
            double lambda = Double.NaN;
            double residual = Double.NaN;
            boolean converged = false;
            int it = 0;
            while (it < config.maxIterations()) {
                hvp.apply(v, hv);
                it++;
                progress.update(Measure.HESSIAN, it, total);
                double next = dot(v, hv);
                double r = 0;
                for (int j = 0; j < d; j++) {
                    double e = hv[j] - next * v[j];
                    r += e * e;
                }
                residual = Math.sqrt(r);
                boolean done = Math.abs(next - lambda) <= config.tolerance() * Math.abs(next);
                lambda = next;
                double n = norm(hv);
                if (done || !(n > 0)) {
                    converged = done;
                    break;
                }
                System.arraycopy(hv, 0, v, 0, d);
                scale(v, 1 / n);
            }
            double[] quad = new double[config.probes()];
            for (int k = 0; k < quad.length; k++) {
                UniformRandomProvider rng = Streams.of(seed, Measure.HESSIAN, k + 1L);
                for (int j = 0; j < d; j++) {
                    v[j] = rng.nextBoolean() ? 1 : -1;
                }
                hvp.apply(v, hv);
                quad[k] = dot(v, hv);
                progress.update(Measure.HESSIAN, config.maxIterations() + k + 1L, total);
            }
            return new Result(config, seed, lambda, it, converged, residual, MonteCarloEstimate.of(quad),
                    hvp.stepLength());
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void scale(double[] a, double f) {
        for (int j = 0; j < a.length; j++) {
            a[j] *= f;
        }
    }
}
