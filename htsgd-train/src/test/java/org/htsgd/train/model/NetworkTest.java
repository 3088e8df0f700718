package org.htsgd.train.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.htsgd.train.data.ImageDataset;
import org.htsgd.train.model.DifferentiableModel.Evaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkTest {
    /** A tiny smooth net (conv3x3 1->2, tanh, FC 8->3) on 1x4x4 images, for finite differences. */
    static Architecture tiny() {
        return new Architecture("tiny", 1, 4, 4, 3, () -> new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(2).build())
                .add(Activation::tanh)
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(3).build()), Initialization.VGG);
    }

    static int[] range(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    @Test
    void lenetHasThePapersParameterCount() {
        ImageDataset data = TestData.synthetic(20, 1, 28, 28, 10, 1);
        try (Network net = Network.create(Models.lenet(), data, 7)) {
            assertEquals(Models.LENET_PARAMETERS, net.dimension());
            assertEquals(11_330, net.dimension());
            double[] w = new double[net.dimension()];
            net.weights(w);
            // every weight and bias (as S7) is truncated normal: |w| <= 2 * 0.02, none exactly 0
            for (int i = 0; i < w.length; i++) {
                assertTrue(Math.abs(w[i]) <= 2 * Initialization.LENET_STD + 1e-7, "w" + i + "=" + w[i]);
                assertTrue(w[i] != 0, "w" + i);
            }
            // sample std of the 8,000 fc1 weights (offset 2,770): truncated N(0, 0.02^2) at 2 sd has sd 0.0176;
            // the standard error of a sample sd over 8,000 is ~0.0176/sqrt(16,000) = 1.4e-4, allow 5e-4 (>3 se)
            double s2 = 0;
            for (int i = 2770; i < 10770; i++) {
                s2 += w[i] * w[i];
            }
            assertEquals(0.02 * 0.8796, Math.sqrt(s2 / 8000), 5e-4);
        }
    }

    @Test
    void vggParameterCountsAndForwardShapes() {
        // VGG11 (config A) convs 9,220,480 + classifier 512-512-512-10 = 530,442 -> 9,750,922
        ImageDataset ten = TestData.synthetic(4, 3, 32, 32, 10, 9);
        try (Network net = Network.create(Models.vgg11(), ten, 1)) {
            assertEquals(9_750_922, net.dimension());
            Evaluation e = net.evaluateTraining();
            assertTrue(Double.isFinite(e.loss()));
        }
        // VGG16 (config D) convs 14,714,688 + classifier 512-512-512-100 = 576,612 -> 15,291,300; batch norm adds
        // 2 x (sum of conv widths 4,224) trainable weights (gamma, beta)
        ImageDataset hundred = TestData.synthetic(4, 3, 32, 32, 100, 9);
        try (Network net = Network.create(Models.vgg(Models.VggConfig.D, 100, true, 0.5f), hundred, 1)) {
            assertEquals(15_291_300 + 2 * 4_224, net.dimension());
            double[] g = new double[net.dimension()];
            assertTrue(Double.isFinite(net.lossAndGradient(new int[] {0, 1, 2, 3}, 4, g)));
        }
    }

    @Test
    void sameSeedGivesBitIdenticalWeightsAndOtherSeedDiffers() {
        ImageDataset data = TestData.synthetic(20, 1, 28, 28, 10, 1);
        double[] a = new double[Models.LENET_PARAMETERS];
        double[] b = a.clone();
        double[] c = a.clone();
        try (Network n1 = Network.create(Models.lenet(), data, 3);
             Network n2 = Network.create(Models.lenet(), data, 3);
             Network n3 = Network.create(Models.lenet(), data, 4)) {
            n1.weights(a);
            n2.weights(b);
            n3.weights(c);
        }
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void weightsRoundTripAndSaveLoad(@TempDir Path dir) throws Exception {
        ImageDataset data = TestData.synthetic(50, 1, 28, 28, 10, 2);
        try (Network net = Network.create(Models.lenet(), data, 1);
             Network other = Network.create(Models.lenet(), data, 2)) {
            double[] w = new double[net.dimension()];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) Math.cos(i); // float-representable, so the round trip is exact
            }
            net.setWeights(w);
            double[] back = new double[w.length];
            net.weights(back);
            assertArrayEquals(w, back);
            Path file = dir.resolve("w.bin");
            net.save(file);
            assertFalse(Files.exists(dir.resolve("w.bin.tmp")));
            other.load(file);
            other.weights(back);
            assertArrayEquals(w, back);
            assertEquals(net.evaluateTraining(), other.evaluateTraining());
            assertThrows(IllegalArgumentException.class, () -> net.setWeights(new double[3]));
        }
    }

    @Test
    void gradientMatchesCentralFiniteDifferences() {
        ImageDataset data = TestData.synthetic(30, 1, 4, 4, 3, 3);
        try (Network net = Network.create(tiny(), data, 5)) {
            int d = net.dimension();
            assertEquals(2 * 9 + 2 + 8 * 3 + 3, d);
            int[] batch = {3, 7, 11, 2, 29, 0};
            double[] w = new double[d];
            net.weights(w);
            double[] g = new double[d];
            double loss = net.lossAndGradient(batch, batch.length, g);
            assertEquals(net.evaluate(batch, batch.length).loss(), loss, 1e-6);
            // a second call must not accumulate the previous gradient
            double[] g2 = new double[d];
            net.lossAndGradient(batch, batch.length, g2);
            assertArrayEquals(g, g2, 1e-7);
            double eps = 1e-2;
            for (int i = 0; i < d; i += 3) {
                double[] p = w.clone();
                p[i] += eps;
                net.setWeights(p);
                double up = net.evaluate(batch, batch.length).loss();
                p[i] -= 2 * eps;
                net.setWeights(p);
                double down = net.evaluate(batch, batch.length).loss();
                double fd = (up - down) / (2 * eps);
                // float32 loss (~1) has rounding ~1e-7, /eps -> 1e-5; truncation eps^2 f'''/6 ~ 2e-5
                assertEquals(fd, g[i], 2e-4, "coordinate " + i);
            }
            net.setWeights(w);
        }
    }

    @Test
    void evaluateOtherDatasetAgreesWithTrainingEvaluationAndRepeatedCallsDoNotDrift() {
        ImageDataset data = TestData.synthetic(12_000, 1, 4, 4, 3, 4);
        try (Network net = Network.create(tiny(), data, 5)) {
            Evaluation a = net.evaluateTraining();
            Evaluation b = net.evaluate(data);
            assertEquals(a.loss(), b.loss(), 1e-6);
            assertEquals(a.accuracy(), b.accuracy());
            double[] g = new double[net.dimension()];
            int[] batch = range(100);
            double first = net.lossAndGradient(batch, 100, g);
            for (int i = 0; i < 200; i++) {
                assertEquals(first, net.lossAndGradient(batch, 100, g));
            }
        }
    }

    @Test
    void theChunkedNetworksAreTheOnesWhoseThreadCountMayChangeDuringARun() {
        assertTrue(Network.sameOnAnyThreadCount(Models.lenet()));
        assertTrue(Network.sameOnAnyThreadCount(Models.vgg11()));
        assertFalse(Network.sameOnAnyThreadCount(Models.vgg16()), "dropout");
        assertFalse(Network.sameOnAnyThreadCount(Models.vgg(Models.VggConfig.A, 10, true, 0)), "batch norm");
        String before = System.getProperty(ChunkedGradient.PROPERTY);
        try {
            System.setProperty(ChunkedGradient.PROPERTY, "off");
            assertFalse(Network.sameOnAnyThreadCount(Models.lenet()), "every batch as one on the intra-op threads");
        } finally {
            SystemProperties.restore(ChunkedGradient.PROPERTY, before);
        }
    }
}
