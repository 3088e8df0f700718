package org.htsgd.train.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.htsgd.train.data.ImageDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stacked model against K separate {@link Network}s with the same weights and batches.
 *
 * <p><b>Tolerance.</b> Both compute the same float32 sums in different orders (grouped vs plain convolution kernels,
 * batched vs plain matrix products). A gradient component is a sum of M float32 terms (fc layers: M = N, the batch;
 * conv2 weight: 64 N; conv1 weight: 576 N, up to 691,200 at N = 1,200); the kernels sum in blocks, so either order
 * is off by about \(u \sqrt{M} \sum|\text{terms}|\), \(u = 2^{-24} \approx 6 \cdot 10^{-8}\), which for M ~ 1e3-1e4
 * terms of the gradient's own size is a few 1e-7 of the gradient's norm. Measured (AMD EPYC Zen 3, AVX2 kernels):
 * at most 9e-8 of the norm at N = 100 and 5.4e-7 at N = 1,200; with {@code DNNL_MAX_CPU_ISA=SSE41} at most 1.6e-7.
 * We allow {@value #COMPONENT} of the gradient's L2 norm per component (20x the largest measured) and
 * {@value #COMPONENT} relative on the loss.
 *
 * <p>That holds away from LeNet's kinks. Where an example has a max-pool window whose top two inputs, or a ReLU
 * input, lie within float32 rounding of each other or of 0, the float32 gradient is discontinuous and the two
 * roundings may route that example's share differently (seen: one example of 1,200 whose float64 pooled conv2 value
 * is 2.1e-7 moved 358 components by up to 2e-5 of the norm at N = 1,200, and 2.3e-4 at N = 100). {@link LeNetKinks}
 * finds such examples in float64, independently of both models, with a band of {@value #KINK_BAND} of each unit's
 * scale (about twice the typical float32 error \(\sqrt{M} u\) of conv2's M = 250-term sums; it flags ~7% of the
 * examples per network). The per-component tolerance is checked on the batches without them (at least 2/3 of each
 * batch); leaving examples out cannot hide a wrong pack or gather, which would move every example's share, and a
 * kink the band misses can only make the test fail. On the full batches, which contain a few kink examples, the
 * whole gradient must agree to {@value #WITH_KINKS} of its norm (one example's share is ~1/N of the norm). A wrong
 * pack or unpack (another network's weights or batch) moves the gradient by 0.1-0.4 of its norm, which both
 * criteria reject ({@link #anotherNetworksGradientOrBatchIsRejected}); the layout itself is checked exactly
 * ({@link #packingPutsNetworkKInTheKthBlockOfEveryTensor}).
 */
class StackedLeNetTest {
    /** Allowed |stacked - separate| per gradient component, relative to the gradient's L2 norm, away from kinks. */
    static final double COMPONENT = 1e-5;
    /** Allowed ||stacked - separate|| relative to ||separate|| on batches that contain kink examples. */
    static final double WITH_KINKS = 1e-2;
    /** The rounding band of {@link LeNetKinks}, relative to each unit's scale. */
    static final double KINK_BAND = 2e-6;
    static final int K = 3;
    static ImageDataset data;

    @BeforeAll
    static void data() {
        data = TestData.synthetic(1_500, 1, 28, 28, 10, 11);
    }

    /**
     * Weights with signal in every layer: normal with std sqrt(2 / fan-in) (fan-in 25, 250, 160, 50), biases
     * N(0, 0.1^2). The paper's 0.02-std initialisation leaves the early layers' gradients near zero, which would make
     * a norm-relative tolerance weak for them.
     */
    static double[] randomWeights(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        int[] sizes = {250, 10, 2_500, 10, 8_000, 50, 500, 10};
        int[] fanIn = {25, 0, 250, 0, 160, 0, 50, 0};
        double[] w = new double[Models.LENET_PARAMETERS];
        for (int t = 0, i = 0; t < sizes.length; t++) {
            double std = fanIn[t] > 0 ? Math.sqrt(2.0 / fanIn[t]) : 0.1;
            for (int j = 0; j < sizes[t]; j++) {
                w[i++] = std * normal.sample();
            }
        }
        return w;
    }

    static double[][] networkWeights(int networks) {
        double[][] w = new double[networks][];
        for (int k = 0; k < networks; k++) {
            w[k] = randomWeights(100 + k);
        }
        return w;
    }

    /** @return {@code size} distinct training indices (a partial Fisher-Yates shuffle) */
    static int[] batch(int size, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int[] perm = NetworkTest.range(data.size());
        for (int i = 0; i < size; i++) {
            int j = i + rng.nextInt(perm.length - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return Arrays.copyOf(perm, size);
    }

    /** @return the examples of {@code batch} at no kink of any of the networks {@code w} */
    static int[] awayFromKinks(int[] batch, double[]... w) {
        return Arrays.stream(batch)
                .filter(i -> Arrays.stream(w).noneMatch(wk -> LeNetKinks.atKink(wk, data.pixels(), i, KINK_BAND)))
                .toArray();
    }

    static double norm(double[] g) {
        double s = 0;
        for (double v : g) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /**
     * @param perComponent whether to apply {@link #COMPONENT} per component (else {@link #WITH_KINKS} on the norm)
     * @return null if {@code actual} is within tolerance of {@code expected}, else what is off
     */
    static String mismatch(double[] actual, double[] expected, boolean perComponent) {
        double norm = norm(expected);
        double max = 0;
        double l2 = 0;
        for (int i = 0; i < actual.length; i++) {
            double d = Math.abs(actual[i] - expected[i]);
            max = Math.max(max, d);
            l2 += d * d;
        }
        if (perComponent && max > COMPONENT * norm) {
            return "max |diff| / ||g|| = " + max / norm;
        }
        return Math.sqrt(l2) > WITH_KINKS * norm ? "||diff|| / ||g|| = " + Math.sqrt(l2) / norm : null;
    }

    /** Separate networks: {@code grads[k]} and the returned {@code losses[k]} of weights k on batch k. */
    static double[] separate(double[][] w, int[][] batches, int count, double[][] grads) {
        double[] losses = new double[w.length];
        try (Network net = Network.create(Models.lenet(), data, 1)) {
            for (int k = 0; k < w.length; k++) {
                grads[k] = new double[net.dimension()];
                net.setWeights(w[k]);
                losses[k] = net.lossAndGradient(batches[k], count, grads[k]);
            }
        }
        return losses;
    }

    static StackedLeNet stacked(double[][] w) {
        StackedLeNet s = StackedLeNet.of(Models.lenet(), data, w.length);
        for (int k = 0; k < w.length; k++) {
            s.setWeights(k, w[k]);
        }
        return s;
    }

    /** Own batches (shared == false) or one shared batch: the stacked results against the separate ones. */
    static void assertMatchesSeparate(double[][] w, int[][] batches, int count, boolean shared, boolean strict) {
        double[][] expected = new double[w.length][];
        double[] expectedLosses = separate(w, batches, count, expected);
        double[][] grads = new double[w.length][Models.LENET_PARAMETERS];
        double[] losses;
        try (StackedLeNet s = stacked(w)) {
            losses = shared ? s.lossAndGradient(batches[0], count, grads) : s.lossAndGradient(batches, count, grads);
        }
        for (int k = 0; k < w.length; k++) {
            assertEquals(expectedLosses[k], losses[k], COMPONENT * Math.abs(expectedLosses[k]), "loss " + k);
            assertNull(mismatch(grads[k], expected[k], strict), "network " + k + " (N=" + count + ")");
        }
    }

    @Test
    void ownBatchesGiveEachNetworkItsOwnLossAndGradient() {
        double[][] w = networkWeights(K);
        int[][] full = {batch(100, 1), batch(100, 2), batch(100, 3)};
        assertMatchesSeparate(w, full, 100, false, false);
        int[][] clean = new int[K][];
        int count = Integer.MAX_VALUE;
        for (int k = 0; k < K; k++) {
            clean[k] = awayFromKinks(full[k], w[k]);
            count = Math.min(count, clean[k].length);
        }
        assertTrue(count >= 67, "at least 2/3 of the batch is away from kinks: " + count + " of 100 left");
        assertMatchesSeparate(w, clean, count, false, true);
    }

    @Test
    void aSharedLargeBatchGivesEachNetworkItsOwnLossAndGradient() {
        double[][] w = networkWeights(K);
        int[] full = batch(1_200, 4);
        assertMatchesSeparate(w, new int[][] {full, full, full}, full.length, true, false);
        int[] clean = awayFromKinks(full, w);
        assertTrue(clean.length >= 800,
                "at least 2/3 of the batch is away from kinks: " + clean.length + " of 1,200 left");
        assertMatchesSeparate(w, new int[][] {clean, clean, clean}, clean.length, true, true);
    }

    @Test
    void repeatedCallsGiveTheSameGradients() {
        // PyTorch accumulates into .grad: a missing clear would double the second call's gradients
        double[][] w = networkWeights(2);
        int[][] batches = {batch(50, 8), batch(50, 9)};
        try (StackedLeNet s = stacked(w)) {
            double[][] first = new double[2][Models.LENET_PARAMETERS];
            double[][] second = new double[2][Models.LENET_PARAMETERS];
            double[] l1 = s.lossAndGradient(batches, 50, first);
            assertArrayEquals(l1, s.lossAndGradient(batches, 50, second));
            for (int k = 0; k < 2; k++) {
                assertArrayEquals(first[k], second[k], "network " + k);
            }
        }
    }

    @Test
    void anotherNetworksGradientOrBatchIsRejected() {
        double[][] w = networkWeights(K);
        int[][] batches = {batch(100, 5), batch(100, 6), batch(100, 7)};
        double[][] right = new double[K][];
        separate(w, batches, 100, right);
        double[][] otherBatch = new double[K][];
        separate(w, new int[][] {batches[1], batches[2], batches[0]}, 100, otherBatch);
        for (int k = 0; k < K; k++) {
            // what a swapped unpack (network k+1's gradient) or a swapped gather (network k on batch k+1) returns
            assertNotNull(mismatch(right[(k + 1) % K], right[k], false), "network " + k);
            assertNotNull(mismatch(otherBatch[k], right[k], false), "batch " + k);
        }
    }

    @Test
    void packingPutsNetworkKInTheKthBlockOfEveryTensor() {
        int[] sizes = {250, 10, 2_500, 10, 8_000, 50, 500, 10};
        double[][] w = new double[K][Models.LENET_PARAMETERS];
        for (int k = 0; k < K; k++) {
            for (int i = 0; i < w[k].length; i++) {
                w[k][i] = 100_000 * k + i; // exact in float32 (< 2^24), and distinct
            }
        }
        try (StackedLeNet s = stacked(w)) {
            for (int t = 0, offset = 0; t < sizes.length; offset += sizes[t], t++) {
                float[] tensor = s.stackedTensor(t);
                assertEquals(K * sizes[t], tensor.length, "tensor " + t);
                for (int k = 0; k < K; k++) {
                    for (int j = 0; j < sizes[t]; j++) {
                        assertEquals(w[k][offset + j], tensor[k * sizes[t] + j], "tensor " + t + " network " + k);
                    }
                }
            }
            // e.g. network 2's fc1 weight [o=3][i=7] is element [2][3][7] of the [K, 50, 160] tensor
            assertEquals(200_000 + 2_770 + 3 * 160 + 7, s.stackedTensor(4)[(2 * 50 + 3) * 160 + 7]);
            // unpacking gives each network its own weights back; setting one leaves the others alone
            s.setWeights(1, w[0]);
            double[] out = new double[Models.LENET_PARAMETERS];
            for (int k = 0; k < K; k++) {
                s.weights(k, out);
                assertArrayEquals(k == 1 ? w[0] : w[k], out, "network " + k);
            }
        }
    }

    @Test
    void weightsAreRoundedToFloatAsNetworkRoundsThem() {
        double[] w = randomWeights(100);
        w[0] = 0.1;
        try (StackedLeNet s = StackedLeNet.of(Models.lenet(), data, 1);
             Network net = Network.create(Models.lenet(), data, 1)) {
            s.setWeights(0, w);
            net.setWeights(w);
            double[] a = new double[w.length];
            double[] b = new double[w.length];
            s.weights(0, a);
            net.weights(b);
            assertArrayEquals(b, a);
            assertEquals((float) 0.1, a[0]);
        }
    }

    @Test
    void refusesWhatItDoesNotStack() {
        assertEquals("networks is not > 0: 0", assertThrows(IllegalArgumentException.class,
                () -> StackedLeNet.of(Models.lenet(), data, 0)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> StackedLeNet.of(Models.vgg11(), data, 2)).getMessage().contains("not lenet"));
        // a LeNet-named architecture with other layers
        Architecture impostor = new Architecture("lenet", 1, 28, 28, 10, () -> NetworkTest.tiny().blockFactory().get(),
                Initialization.TRUNCATED_NORMAL);
        assertThrows(IllegalArgumentException.class, () -> StackedLeNet.of(impostor, data, 2));
        ImageDataset small = TestData.synthetic(4, 1, 4, 4, 3, 1);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> StackedLeNet.of(Models.lenet(), small, 2)).getMessage().contains("does not fit lenet"));
        try (StackedLeNet s = StackedLeNet.of(Models.lenet(), data, 2)) {
            assertEquals(Models.LENET_PARAMETERS, s.dimension());
            assertEquals(2, s.networks());
            assertEquals(1_500, s.trainingSize());
            double[][] grads = new double[2][Models.LENET_PARAMETERS];
            int[] b = {1, 2, 3};
            assertThrows(IllegalArgumentException.class, () -> s.lossAndGradient(new int[][] {b}, 3, grads));
            assertThrows(IllegalArgumentException.class, () -> s.lossAndGradient(new int[][] {b, b}, 4, grads));
            assertThrows(IllegalArgumentException.class, () -> s.lossAndGradient(b, 0, grads));
            assertThrows(IllegalArgumentException.class, () -> s.lossAndGradient(b, 3, new double[1][]));
            assertThrows(IllegalArgumentException.class,
                    () -> s.lossAndGradient(b, 3, new double[][] {grads[0], new double[5]}));
            assertThrows(IllegalArgumentException.class, () -> s.setWeights(2, grads[0]));
            assertThrows(IllegalArgumentException.class, () -> s.weights(0, new double[5]));
        }
    }
}
