package org.htsgd.core.simulation;

import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.htsgd.core.noise.NoiseLaw;

/**
 * A per-path stream of scalar noise draws for the 1-D hot loop. Two final implementations only, so the call site in
 * the loop stays at most bimorphic and is inlined by the JIT.
 */
abstract class ScalarNoise {
    /** @return the next draw of \(Z\) */
    abstract double next();

    /**
     * @param law a noise law
     * @return a factory of per-path streams; symmetric Lomax laws get the inlined exp(E/alpha) - 1 sampler
     */
    static Function<UniformRandomProvider, ScalarNoise> forLaw(NoiseLaw law) {
        if (law instanceof LomaxLaw l) {
            return lomax(l.alpha(), l.scale());
        }
        return rng -> new Sampled(law.sampler(rng));
    }

    /** Marks a law as the symmetric Lomax \(s\,U\,\mathrm{Lomax}(\alpha)\) with \(p_+ = 1/2\). */
    interface LomaxLaw {
        /** @return alpha */
        double alpha();

        /** @return the scale s */
        double scale();
    }

    /**
     * @param alpha tail index
     * @param scale scale
     * @return a factory of symmetric Lomax streams \(\mathrm{scale}\cdot U \cdot (e^{E/\alpha} - 1)\)
     */
    static Function<UniformRandomProvider, ScalarNoise> lomax(double alpha, double scale) {
        return rng -> new Lomax(rng, alpha, scale);
    }

    /** Any law: delegates to its sampler. */
    static final class Sampled extends ScalarNoise {
        /** The law's sampler bound to the path's stream. */
        private final ContinuousSampler sampler;

        Sampled(ContinuousSampler sampler) {
            this.sampler = sampler;
        }

        @Override
        double next() {
            return sampler.sample();
        }
    }

    /**
     * Symmetric Lomax \(Z = s\,U\,W\), \(P(W > w) = (1+w)^{-\alpha}\), \(U = \pm 1\) fair: \(W = e^{E/\alpha} - 1\)
     * with \(E \sim \mathrm{Exp}(1)\) (since \(P(e^{E/\alpha} > 1 + w) = (1+w)^{-\alpha}\)).
     */
    static final class Lomax extends ScalarNoise {
        // Implementation notes: E comes from the ziggurat exponential sampler (one nextLong for ~98% of draws)
        // and one exp; the sign is one bit of a cached 64-bit word, so a draw costs ~1.02 nextLong calls.
        // exp(E/alpha) - 1 loses relative accuracy only when the draw is tiny, where its absolute error (1e-16)
        // is irrelevant to the step.
        /** Exponential sampler on the path's stream. */
        private final ZigguratSampler.Exponential exponential;
        /** The path's stream (for sign bits). */
        private final UniformRandomProvider rng;
        /** 1/alpha. */
        private final double inverseAlpha;
        /** Scale s. */
        private final double scale;
        /** Cached sign bits. */
        private long bits;
        /** Unused bits left in {@link #bits}. */
        private int bitsLeft;

        Lomax(UniformRandomProvider rng, double alpha, double scale) {
            this.exponential = ZigguratSampler.Exponential.of(rng);
            this.rng = rng;
            this.inverseAlpha = 1 / alpha;
            this.scale = scale;
        }

        @Override
        double next() {
            double w = scale * (Math.exp(exponential.sample() * inverseAlpha) - 1);
            if (bitsLeft == 0) {
                bits = rng.nextLong();
                bitsLeft = 64;
            }
            long sign = bits & 1L;
            bits >>>= 1;
            bitsLeft--;
            return sign == 0 ? w : -w;
        }
    }
}
