package org.htsgd.train.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.htsgd.train.data.ImageDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gradient in chunks: bit-identical for every thread count, 1 included, for large batches (several chunks) and
 * small ones (two halves); equal to the one-batch gradient ({@code -Dhtsgd.chunked-gradient=off}) to float rounding;
 * following the network's weights. Tolerance: 1e-5 of the gradient's norm for the whole vector (float32 sums in
 * another order; the spike measured 6.6e-7), and a gradient of another batch or at other weights is rejected by the
 * same criterion.
 */
class ChunkedGradientTest {
    private static final ImageDataset TRAIN = TestData.synthetic(1_200, 1, 28, 28, 10, 5);
    private static final double TOLERANCE = 1e-5;
    private final int threadsBefore = TorchRuntime.threads();

    @AfterEach
    void restoreThreads() {
        TorchRuntime.setThreads(threadsBefore);
    }

    private static int[] first(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** @return {loss, gradient...} of the first n examples with that many intra-op threads */
    private static double[] lossAndGradient(Network net, int n, int threads) {
        TorchRuntime.setThreads(threads);
        double[] g = new double[net.dimension() + 1];
        double[] grad = new double[net.dimension()];
        g[0] = net.lossAndGradient(first(n), n, grad);
        System.arraycopy(grad, 0, g, 1, grad.length);
        assertEquals(threads, TorchRuntime.threads(), "the intra-op count is restored");
        return g;
    }

    /** @return {loss, gradient...} of the first n examples on one thread, asserted equal on each thread count */
    private static double[] sameOnThreads(Network net, int n, int... threads) {
        double[] one = lossAndGradient(net, n, 1);
        for (int t : threads) {
            assertArrayEquals(one, lossAndGradient(net, n, t), t + " threads, batch " + n);
        }
        return one;
    }

    private static double relativeDistance(double[] a, double[] b) {
        double d = 0;
        double n = 0;
        for (int i = 1; i < a.length; i++) {
            d += (a[i] - b[i]) * (a[i] - b[i]);
            n += b[i] * b[i];
        }
        return Math.sqrt(d / n);
    }

    /** @return LeNet with the seed's weights, computing every batch as one ({@code -Dhtsgd.chunked-gradient=off}) */
    private static Network unchunked(long seed) {
        String before = System.getProperty(ChunkedGradient.PROPERTY);
        System.setProperty(ChunkedGradient.PROPERTY, "off");
        try {
            return Network.create(Models.lenet(), TRAIN, seed);
        } finally {
            SystemProperties.restore(ChunkedGradient.PROPERTY, before);
        }
    }

    @Test
    void bitIdenticalForEveryThreadCountAndEqualToOneBatch() {
        try (Network net = Network.create(Models.lenet(), TRAIN, 3); Network oneBatch = unchunked(3)) {
            double[] one = sameOnThreads(net, 1_200, 2, 3, 4, 1);
            double[] reference = lossAndGradient(oneBatch, 1_200, 1);
            assertTrue(relativeDistance(one, reference) < TOLERANCE, "distance " + relativeDistance(one, reference));
            assertEquals(reference[0], one[0], 1e-6 * reference[0], "the mean loss");
            // the criterion rejects another batch: the first 900 examples
            double[] other = lossAndGradient(net, 900, 1);
            assertTrue(relativeDistance(other, one) > 100 * TOLERANCE, "distance " + relativeDistance(other, one));
            // a batch that is not a multiple of the chunk (1,000 = 300 + 300 + 300 + 100)
            double[] thousand = sameOnThreads(net, 1_000, 3);
            assertTrue(relativeDistance(thousand, lossAndGradient(oneBatch, 1_000, 1)) < TOLERANCE);
        }
    }

    @Test
    void aSmallBatchIsTwoHalvesWithTheSameBitsOnAnyThreadCount() {
        try (Network net = Network.create(Models.lenet(), TRAIN, 4); Network oneBatch = unchunked(4)) {
            double[] one = sameOnThreads(net, 100, 2, 3); // 50 + 50
            double[] reference = lossAndGradient(oneBatch, 100, 1);
            assertTrue(relativeDistance(one, reference) < TOLERANCE, "distance " + relativeDistance(one, reference));
            assertFalse(java.util.Arrays.equals(one, reference), "premise: two chunks, not the one-batch sums");
            sameOnThreads(net, 300, 2); // exactly the architecture's chunk: 150 + 150
            sameOnThreads(net, 301, 2); // 300 + 1
            // a batch of one example is one chunk, and one chunk on one thread is the one-batch computation
            assertArrayEquals(lossAndGradient(oneBatch, 1, 1), sameOnThreads(net, 1, 2));
        }
    }

    @Test
    void theChunkSizeDependsOnTheBatchAloneAndHalvesOneChunk() {
        assertEquals(300, ChunkedGradient.chunkSize(1_200, 300)); // LeNet's large batch: 4 x 300
        assertEquals(300, ChunkedGradient.chunkSize(301, 300));   // 300 + 1
        assertEquals(150, ChunkedGradient.chunkSize(300, 300));   // one chunk's worth: two halves
        assertEquals(50, ChunkedGradient.chunkSize(100, 300));    // LeNet's small batch: 50 + 50
        assertEquals(2, ChunkedGradient.chunkSize(3, 300));       // 2 + 1
        assertEquals(1, ChunkedGradient.chunkSize(1, 300));       // one example, one chunk
        assertEquals(25, ChunkedGradient.chunkSize(100, 25));     // VGG's small batch: 4 x 25, as before
        assertEquals(25, ChunkedGradient.chunkSize(1_024, 25));   // VGG's large batch: 41 chunks
    }

    @Test
    void theArchitecturesChunkSizeSplitsSmallBatchesToo() {
        // LeNet cut into chunks of 30 (VGG's batch of 100 is four chunks of 25 the same way): 100 = 30 + 30 + 30 + 10
        Architecture lenet = Models.lenet();
        Architecture small = new Architecture("lenet-30", 1, 28, 28, 10, lenet.blockFactory(),
            lenet.initialization(), 30);
        try (Network net = Network.create(small, TRAIN, 5); Network oneBatch = unchunked(5)) {
            double[] one = sameOnThreads(net, 100, 2, 3, 4);
            double[] reference = lossAndGradient(oneBatch, 100, 1);
            assertTrue(relativeDistance(one, reference) < TOLERANCE, "distance " + relativeDistance(one, reference));
            assertFalse(java.util.Arrays.equals(one, reference), "premise: four chunks, not the one-batch sums");
        }
    }

    @Test
    void aChunkSizeBelowOneIsRefused() {
        Architecture lenet = Models.lenet();
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> new Architecture("lenet", 1, 28, 28, 10, lenet.blockFactory(), lenet.initialization(), 0));
        assertEquals("gradientChunk is not > 0: 0", e.getMessage());
        assertEquals(Architecture.DEFAULT_GRADIENT_CHUNK, lenet.gradientChunk());
        assertEquals(Models.VGG_GRADIENT_CHUNK, Models.vgg11().gradientChunk());
    }

    @Test
    void roundsOfOneChunkPerThreadGiveTheSameBits() {
        try (Network net = Network.create(Models.lenet(), TRAIN, 3)) {
            double[] all = lossAndGradient(net, 1_200, 2); // LeNet's four chunks fit: one round
            net.limitHeldChunkValues(net.dimension()); // one chunk's values: rounds of one chunk per thread
            assertArrayEquals(all, lossAndGradient(net, 1_200, 2));
            assertArrayEquals(all, lossAndGradient(net, 1_200, 3), "rounds of 3, 1");
            assertArrayEquals(all, lossAndGradient(net, 1_200, 1), "four rounds of one chunk");
            assertArrayEquals(lossAndGradient(net, 1_000, 2), lossAndGradient(net, 1_000, 4));
        }
    }

    @Test
    void theWorkersFollowTheNetworksWeights() {
        try (Network net = Network.create(Models.lenet(), TRAIN, 3)) {
            double[] before = lossAndGradient(net, 1_200, 2); // starts the replicas at the initial weights
            double[] w = new double[net.dimension()];
            net.weights(w);
            for (int i = 0; i < w.length; i++) {
                w[i] *= 1.5;
            }
            net.setWeights(w);
            // two threads: chunks 1 and 3 on the replica; one thread: every chunk on the network itself
            assertArrayEquals(lossAndGradient(net, 1_200, 1), lossAndGradient(net, 1_200, 2));
            assertTrue(relativeDistance(before, lossAndGradient(net, 1_200, 1)) > 100 * TOLERANCE,
                "premise: the weights change the gradient");
        }
    }

    @Test
    void thePropertyTurnsItOffAndABadValueIsNamed() {
        String before = System.getProperty(ChunkedGradient.PROPERTY);
        try {
            System.clearProperty(ChunkedGradient.PROPERTY);
            assertTrue(ChunkedGradient.configured());
            System.setProperty(ChunkedGradient.PROPERTY, "off");
            assertFalse(ChunkedGradient.configured());
            try (Network net = Network.create(Models.lenet(), TRAIN, 3)) {
                // off: two intra-op threads on one batch, not the chunks' numbers
                double[] two = lossAndGradient(net, 1_200, 2);
                System.clearProperty(ChunkedGradient.PROPERTY);
                try (Network on = Network.create(Models.lenet(), TRAIN, 3)) {
                    assertFalse(java.util.Arrays.equals(two, lossAndGradient(on, 1_200, 2)));
                }
            }
            System.setProperty(ChunkedGradient.PROPERTY, "yes");
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, ChunkedGradient::configured);
            assertEquals("htsgd.chunked-gradient is not on or off: 'yes'", e.getMessage());
        } finally {
            SystemProperties.restore(ChunkedGradient.PROPERTY, before);
        }
    }

    @Test
    void onlyNetworksWhoseLossIsASumOverExamplesAreChunked() {
        assertTrue(ChunkedGradient.separable(Models.lenet().blockFactory().get()));
        assertTrue(ChunkedGradient.separable(Models.vgg11().blockFactory().get()), "no batch norm, no dropout");
        assertFalse(ChunkedGradient.separable(Models.vgg16().blockFactory().get()), "dropout");
        assertFalse(ChunkedGradient.separable(
            Models.vgg(Models.VggConfig.A, 10, true, 0).blockFactory().get()), "batch norm");
    }
}
