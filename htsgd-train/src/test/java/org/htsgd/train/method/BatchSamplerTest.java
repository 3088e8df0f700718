package org.htsgd.train.method;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

class BatchSamplerTest {
    @Test
    void distinctWithinBatchAndInRange() {
        BatchSampler s = BatchSampler.of(RandomSource.XO_RO_SHI_RO_128_PP.create(1L), 50, 20);
        for (int r = 0; r < 2000; r++) {
            int[] b = s.next();
            assertEquals(20, b.length);
            boolean[] seen = new boolean[50];
            for (int i : b) {
                assertTrue(i >= 0 && i < 50);
                assertFalse(seen[i], "repeat within a batch");
                seen[i] = true;
            }
        }
        // batch == n: a permutation
        BatchSampler full = BatchSampler.of(RandomSource.XO_RO_SHI_RO_128_PP.create(1L), 7, 7);
        int[] p = full.next().clone();
        Arrays.sort(p);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6}, p);
    }

    /**
     * Uniform marginal: counts of each of n = 40 indices over R = 4000 batches of B = 10. Without replacement the
     * Pearson statistic X^2 = sum (O - E)^2 / E is asymptotically (n - B)/(n - 1) chi^2_{n-1} (the indicator vector of a
     * batch has covariance (B/n)(1 - B/n) n/(n-1) (I - J/n)), so X^2 (n-1)/(n-B) is tested against chi^2_{39}:
     * false alarm 1e-3 per run.
     */
    @Test
    void uniformMarginal() {
        int n = 40;
        int batch = 10;
        int rounds = 4000;
        BatchSampler s = BatchSampler.of(RandomSource.XO_RO_SHI_RO_128_PP.create(2L), n, batch);
        long[] counts = new long[n];
        for (int r = 0; r < rounds; r++) {
            for (int i : s.next()) {
                counts[i]++;
            }
        }
        double expected = (double) rounds * batch / n;
        double x2 = 0;
        for (long c : counts) {
            x2 += (c - expected) * (c - expected) / expected;
        }
        double scaled = x2 * (n - 1) / (n - batch);
        double p = ChiSquaredDistribution.of(n - 1).survivalProbability(scaled);
        assertTrue(p > 1e-3, "chi-square p-value " + p);
    }

    /**
     * Every subset equally likely: n = 6, B = 3 gives 20 subsets, each batch is one multinomial draw, so Pearson's
     * test on 20,000 batches is exact-in-the-limit chi^2_{19}: false alarm 1e-3.
     */
    @Test
    void uniformOverSubsets() {
        BatchSampler s = BatchSampler.of(RandomSource.XO_RO_SHI_RO_128_PP.create(3L), 6, 3);
        int[] code = new int[64];
        int k = 0;
        for (int m = 0; m < 64; m++) {
            code[m] = Integer.bitCount(m) == 3 ? k++ : -1;
        }
        assertEquals(20, k);
        long[] counts = new long[20];
        for (int r = 0; r < 20_000; r++) {
            int mask = 0;
            for (int i : s.next()) {
                mask |= 1 << i;
            }
            counts[code[mask]]++;
        }
        double p = ChiSquareTest.withDefaults().test(counts).getPValue();
        assertTrue(p > 1e-3, "chi-square p-value " + p);
    }

    @Test
    void deterministicPerSeedAndIndependentOfHistory() {
        BatchSampler a = BatchSampler.of(RandomSource.XO_RO_SHI_RO_128_PP.create(4L), 100, 10);
        BatchSampler b = BatchSampler.of(RandomSource.XO_RO_SHI_RO_128_PP.create(4L), 100, 10);
        BatchSampler c = BatchSampler.of(RandomSource.XO_RO_SHI_RO_128_PP.create(5L), 100, 10);
        int[] out = new int[12];
        boolean differs = false;
        for (int r = 0; r < 100; r++) {
            int[] x = a.next().clone();
            b.next(out);
            assertArrayEquals(x, Arrays.copyOf(out, 10));
            differs |= !Arrays.equals(x, c.next());
        }
        assertTrue(differs);
        // The pool is restored after each draw: a fresh sampler on a generator in the same state gives the same batch.
        var g1 = RandomSource.XO_RO_SHI_RO_128_PP.create(6L);
        BatchSampler used = BatchSampler.of(g1, 100, 10);
        for (int r = 0; r < 7; r++) {
            used.next();
        }
        var state = g1.saveState();
        var g2 = RandomSource.XO_RO_SHI_RO_128_PP.create(0L);
        g2.restoreState(state);
        assertArrayEquals(BatchSampler.of(g2, 100, 10).next(), used.next());
        assertSame(used.next(), used.next(), "reuses its array");
    }

    @Test
    void validation() {
        var rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        assertThrows(IllegalArgumentException.class, () -> BatchSampler.of(rng, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> BatchSampler.of(rng, 5, 0));
        assertThrows(IllegalArgumentException.class, () -> BatchSampler.of(rng, 5, 6));
        assertThrows(IllegalArgumentException.class, () -> BatchSampler.of(rng, 5, 3).next(new int[2]));
    }
}
