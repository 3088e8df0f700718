package org.htsgd.train.sharpness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.StableSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.htsgd.core.stats.TailIndex;
import org.junit.jupiter.api.Test;

class StreamingMohammadiTest {
    @Test
    void sameAsTailIndexOnStoredVectors() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1);
        StableSampler law = StableSampler.of(rng, 1.5, 0);
        double[][] x = new double[1030][4]; // 1030 = 10 blocks of 100 + 30 ignored
        StreamingMohammadi streaming = new StreamingMohammadi(4, 100, 10);
        for (double[] v : x) {
            for (int c = 0; c < v.length; c++) {
                v[c] = law.sample();
            }
            streaming.accept(v);
        }
        TailIndex expected = TailIndex.mohammadi(x, 100);
        TailIndex actual = streaming.result();
        assertEquals(expected.alpha(), actual.alpha(), 1e-12 * expected.alpha());
        assertEquals(expected.standardError(), actual.standardError(), 1e-9 * expected.standardError());
        assertEquals(expected.n(), actual.n());
        assertEquals(expected.k(), actual.k());
        assertEquals(TailIndex.Estimator.MOHAMMADI, actual.estimator());
    }

    @Test
    void needsTwoBlocks() {
        StreamingMohammadi s = new StreamingMohammadi(1, 2, 5);
        s.accept(new double[] {1});
        s.accept(new double[] {2});
        assertThrows(IllegalStateException.class, s::result);
    }
}
