package org.htsgd.train.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.htsgd.train.data.ImageDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The large-batch gradient in chunks on several threads: bit-identical for every thread count >= 2, equal to the
 * one-batch gradient to float rounding, and following the network's weights. Tolerance: 1e-5 of the gradient's norm
 * for the whole vector (float32 sums in another order; the spike measured 6.6e-7), and a gradient of another batch
 * or at other weights is rejected by the same criterion.
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

    private static double relativeDistance(double[] a, double[] b) {
        double d = 0;
        double n = 0;
        for (int i = 1; i < a.length; i++) {
            d += (a[i] - b[i]) * (a[i] - b[i]);
            n += b[i] * b[i];
        }
        return Math.sqrt(d / n);
    }

    @Test
    void bitIdenticalForEveryThreadCountFromTwoAndEqualToOneBatch() {
        try (Network net = Network.create(Models.lenet(), TRAIN, 3)) {
            double[] one = lossAndGradient(net, 1_200, 1);
            double[] two = lossAndGradient(net, 1_200, 2);
            assertArrayEquals(two, lossAndGradient(net, 1_200, 3));
            assertArrayEquals(two, lossAndGradient(net, 1_200, 4));
            assertArrayEquals(two, lossAndGradient(net, 1_200, 2), "the same call again");
            assertTrue(relativeDistance(two, one) < TOLERANCE, "distance " + relativeDistance(two, one));
            assertEquals(one[0], two[0], 1e-6 * one[0], "the mean loss");
            // the criterion rejects another batch: the first 900 examples
            double[] other = lossAndGradient(net, 900, 1);
            assertTrue(relativeDistance(other, one) > 100 * TOLERANCE, "distance " + relativeDistance(other, one));
            // a batch that is not a multiple of the chunk (1,000 = 300 + 300 + 300 + 100)
            double[] thousand = lossAndGradient(net, 1_000, 2);
            assertTrue(relativeDistance(thousand, lossAndGradient(net, 1_000, 1)) < TOLERANCE);
        }
    }

    @Test
    void roundsOfOneChunkPerThreadGiveTheSameBits() {
        try (Network net = Network.create(Models.lenet(), TRAIN, 3)) {
            double[] all = lossAndGradient(net, 1_200, 2); // LeNet's four chunks fit: one round
            net.limitHeldChunkValues(net.dimension()); // one chunk's values: rounds of one chunk per thread
            assertArrayEquals(all, lossAndGradient(net, 1_200, 2));
            assertArrayEquals(all, lossAndGradient(net, 1_200, 3), "rounds of 3, 1");
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
            double[] chunked = lossAndGradient(net, 1_200, 2);
            double[] one = lossAndGradient(net, 1_200, 1);
            assertTrue(relativeDistance(chunked, one) < TOLERANCE, "distance " + relativeDistance(chunked, one));
            assertTrue(relativeDistance(before, one) > 100 * TOLERANCE, "premise: the weights change the gradient");
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
            if (before == null) {
                System.clearProperty(ChunkedGradient.PROPERTY);
            } else {
                System.setProperty(ChunkedGradient.PROPERTY, before);
            }
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
