package org.htsgd.core.simulation;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.htsgd.core.landscape.Domain;
import org.htsgd.core.landscape.Landscape1D;
import org.htsgd.core.noise.NoiseLaw;
import org.htsgd.core.noise.VectorNoiseLaw;

/** Test-local landscapes and noise laws with closed forms (the real ones live in other packages). */
final class TestProblems {
    private TestProblems() {
    }

    /** \(f(x) = x^2/2\) on \([-L, L]\). */
    static Landscape1D quadratic(double l) {
        return new Landscape1D() {
            @Override
            public double value(double x) {
                return 0.5 * x * x;
            }

            @Override
            public double derivative(double x) {
                return x;
            }

            @Override
            public Domain.Interval domain() {
                return Domain.Interval.symmetric(l);
            }

            @Override
            public String name() {
                return "quadratic";
            }
        };
    }

    /** Symmetric double well \(f(x) = (x^2-1)^2/4\), minima \(\pm 1\), maximum 0, on \([-2, 2]\). */
    static Landscape1D doubleWell() {
        return new Landscape1D() {
            @Override
            public double value(double x) {
                double u = x * x - 1;
                return 0.25 * u * u;
            }

            @Override
            public double derivative(double x) {
                return x * (x * x - 1);
            }

            @Override
            public Domain.Interval domain() {
                return Domain.Interval.symmetric(2);
            }

            @Override
            public String name() {
                return "doublewell";
            }
        };
    }

    /**
     * Double well of two parabolas \(f(x) = k(|x| - 1)^2/2\), minima \(\pm 1\), a cusp maximum at 0 where
     * \(|f'| = k\) pulls back any iterate that lands short of it, on \([-3, 3]\).
     */
    static Landscape1D cuspWell(double k) {
        return new Landscape1D() {
            @Override
            public double value(double x) {
                double u = Math.abs(x) - 1;
                return 0.5 * k * u * u;
            }

            @Override
            public double derivative(double x) {
                return k * (x < 0 ? x + 1 : x - 1);
            }

            @Override
            public Domain.Interval domain() {
                return Domain.Interval.symmetric(3);
            }

            @Override
            public String name() {
                return "cuspwell";
            }
        };
    }

    /** \(\|x\|^2/2\) on the ball of radius R in d dimensions. */
    static org.htsgd.core.landscape.Landscape quadraticNd(int d, double radius) {
        return new org.htsgd.core.landscape.Landscape() {
            @Override
            public int dimension() {
                return d;
            }

            @Override
            public Domain domain() {
                return new Domain.Ball(d, radius);
            }

            @Override
            public double value(double[] x) {
                double s = 0;
                for (double v : x) {
                    s += v * v;
                }
                return 0.5 * s;
            }

            @Override
            public void gradient(double[] x, double[] grad) {
                System.arraycopy(x, 0, grad, 0, d);
            }

            @Override
            public String name() {
                return "quadraticNd";
            }
        };
    }

    /**
     * Two cusp wells in the plane, \(f(x,y) = k((x - m(x))^2 + y^2)/2\) with \(m(x) = -a\) for \(x &lt; 0\) and
     * \(m(x) = c\) for \(x \ge 0\), on the disc of radius 3: minimisers \((-a, 0)\) and \((c, 0)\), the line
     * \(x = 0\) is the field boundary, the drift points at the minimiser in each half-plane (contractive), so the
     * field radii are \(a\) and \(c\) and \(J_b = \lceil a/b\rceil, \lceil c/b\rceil\). The value jumps at
     * \(x = 0\) when \(a \ne c\); the gradient (all the simulation and the flow use) is \(k(x - m(x), y)\).
     */
    static org.htsgd.core.landscape.Landscape cuspWells2D(double a, double c, double k) {
        return new org.htsgd.core.landscape.Landscape() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public Domain domain() {
                return new Domain.Ball(2, 3);
            }

            @Override
            public double value(double[] x) {
                double u = x[0] - (x[0] < 0 ? -a : c);
                return 0.5 * k * (u * u + x[1] * x[1]);
            }

            @Override
            public void gradient(double[] x, double[] grad) {
                grad[0] = k * (x[0] - (x[0] < 0 ? -a : c));
                grad[1] = k * x[1];
            }

            @Override
            public String name() {
                return "cuspWells2D";
            }
        };
    }

    /** A law from a sampler factory, alpha and tail given. */
    private record Law(double alpha, java.util.function.DoubleUnaryOperator h,
                       java.util.function.Function<UniformRandomProvider, SharedStateContinuousSampler> f)
        implements NoiseLaw {
        @Override
        public double tail(double x) {
            return h.applyAsDouble(x);
        }

        @Override
        public double pPlus() {
            return 0.5;
        }

        @Override
        public SharedStateContinuousSampler sampler(UniformRandomProvider rng) {
            return f.apply(rng);
        }
    }

    /** Sampler from a function of the generator. */
    private static SharedStateContinuousSampler sampler(UniformRandomProvider rng,
            java.util.function.ToDoubleFunction<UniformRandomProvider> draw) {
        return new SharedStateContinuousSampler() {
            @Override
            public double sample() {
                return draw.applyAsDouble(rng);
            }

            @Override
            public SharedStateContinuousSampler withUniformRandomProvider(UniformRandomProvider r) {
                return sampler(r, draw);
            }
        };
    }

    /** Z = 0. */
    static NoiseLaw zero() {
        return new Law(Double.POSITIVE_INFINITY, x -> 0, rng -> sampler(rng, r -> 0));
    }

    /** Z = NaN (to provoke divergence). */
    static NoiseLaw nan() {
        return new Law(Double.NaN, x -> Double.NaN, rng -> sampler(rng, r -> Double.NaN));
    }

    /** N(0, sigma^2). */
    static NoiseLaw gaussian(double sigma) {
        return new Law(Double.POSITIVE_INFINITY, x -> Double.NaN, rng -> {
            ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
            return sampler(rng, r -> sigma * g.sample());
        });
    }

    /** The paper's symmetric Lomax (fast sampler; the simulator specialises on it). */
    static NoiseLaw lomax(double alpha, double scale) {
        return org.htsgd.core.noise.SymmetricLomax.of(alpha, scale);
    }

    /** Symmetric Lomax by inversion: \(s U (V^{-1/\alpha} - 1)\), \(P(|Z| > x) = (1 + x/s)^{-\alpha}\). */
    static NoiseLaw lomaxByInversion(double alpha, double scale) {
        return new Law(alpha, x -> Math.pow(1 + x / scale, -alpha), rng -> sampler(rng, r -> {
            double w = scale * (Math.pow(r.nextDouble(), -1 / alpha) - 1);
            return r.nextBoolean() ? w : -w;
        }));
    }

    /** Isotropic N(0, sigma^2 I_d). */
    static VectorNoiseLaw gaussianNd(int d, double sigma) {
        return new VectorNoiseLaw() {
            @Override
            public int dimension() {
                return d;
            }

            @Override
            public double alpha() {
                return Double.POSITIVE_INFINITY;
            }

            @Override
            public double tail(double x) {
                return Double.NaN;
            }

            @Override
            public VectorSampler sampler(UniformRandomProvider rng) {
                ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
                return out -> {
                    for (int i = 0; i < out.length; i++) {
                        out[i] = sigma * g.sample();
                    }
                };
            }
        };
    }

    /** Isotropic heavy tail: Lomax radius times a Gaussian direction (uniform on the sphere). */
    static VectorNoiseLaw lomaxNd(int d, double alpha, double scale) {
        return new VectorNoiseLaw() {
            @Override
            public int dimension() {
                return d;
            }

            @Override
            public double alpha() {
                return alpha;
            }

            @Override
            public double tail(double x) {
                return Math.pow(1 + x / scale, -alpha);
            }

            @Override
            public VectorSampler sampler(UniformRandomProvider rng) {
                ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
                return out -> {
                    double s = 0;
                    for (int i = 0; i < out.length; i++) {
                        out[i] = g.sample();
                        s += out[i] * out[i];
                    }
                    double r = scale * (Math.pow(rng.nextDouble(), -1 / alpha) - 1) / Math.sqrt(s);
                    for (int i = 0; i < out.length; i++) {
                        out[i] *= r;
                    }
                };
            }
        };
    }
}
