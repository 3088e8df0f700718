package org.htsgd.core.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.htsgd.core.noise.NoiseLaw;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScalarNoiseTest {
    @ParameterizedTest
    @ValueSource(strings = {"lomax", "inversion"})
    void testStreamDrawsAreTheLawSamplersDraws(String kind) {
        NoiseLaw law = kind.equals("lomax") ? TestProblems.lomax(1.2, 0.1) : TestProblems.lomaxByInversion(1.2, 0.1);
        ScalarNoise z = ScalarNoise.forLaw(law).apply(RandomSource.XO_RO_SHI_RO_128_PP.create(42L));
        assertTrue(kind.equals("lomax") == z instanceof ScalarNoise.Lomax, "specialised for SymmetricLomax only");
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        ContinuousSampler s = law.sampler(rng);
        for (int i = 0; i < 1000; i++) {
            assertEquals(s.sample(), z.next(), 0.0);
        }
    }
}
