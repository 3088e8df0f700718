package org.htsgd.core.simulation;

import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.htsgd.core.noise.NoiseLaw;
import org.htsgd.core.noise.SymmetricLomax;
import org.htsgd.core.noise.SymmetricLomaxSampler;

/**
 * A per-path stream of scalar noise draws for the 1-D hot loop. Two final implementations only, so the call site in
 * the loop stays at most bimorphic and is inlined by the JIT; the paper's noise ({@link SymmetricLomax}) calls its
 * final sampler class directly (no interface dispatch, inlined: one ziggurat exponential, one exp, a cached sign).
 */
abstract class ScalarNoise {
    /** @return the next draw of \(Z\) */
    abstract double next();

    /**
     * @param law a noise law
     * @return a factory of per-path streams; the draws are those of {@code law.sampler(rng)}
     */
    static Function<UniformRandomProvider, ScalarNoise> forLaw(NoiseLaw law) {
        if (law instanceof SymmetricLomax lomax) {
            return rng -> new Lomax(lomax.sampler(rng));
        }
        return rng -> new Sampled(law.sampler(rng));
    }

    /** Any law: delegates to its sampler through the interface. */
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

    /** The paper's symmetric Lomax noise, through its final sampler class. */
    static final class Lomax extends ScalarNoise {
        /** The sampler bound to the path's stream. */
        private final SymmetricLomaxSampler sampler;

        Lomax(SymmetricLomaxSampler sampler) {
            this.sampler = sampler;
        }

        @Override
        double next() {
            return sampler.sample();
        }
    }
}
