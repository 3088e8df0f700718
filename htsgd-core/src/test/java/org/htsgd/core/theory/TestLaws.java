package org.htsgd.core.theory;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;
import org.htsgd.core.noise.NoiseLaw;

/** Minimal noise laws for the theory tests (the real samplers live in org.htsgd.core.noise, owned elsewhere). */
final class TestLaws {
    private TestLaws() {
    }

    /**
     * @param alpha tail index
     * @param scale Lomax scale
     * @param pPlus right-tail weight
     * @return the law with \(H(x) = (1 + x/scale)^{-\alpha}\) (the paper's symmetric Lomax when pPlus = 1/2)
     */
    static NoiseLaw lomax(double alpha, double scale, double pPlus) {
        return new NoiseLaw() {
            @Override
            public double alpha() {
                return alpha;
            }

            @Override
            public double tail(double x) {
                return Math.pow(1 + x / scale, -alpha);
            }

            @Override
            public double pPlus() {
                return pPlus;
            }

            @Override
            public SharedStateContinuousSampler sampler(UniformRandomProvider rng) {
                throw new UnsupportedOperationException("theory tests do not sample");
            }
        };
    }
}
