package org.htsgd.train.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.htsgd.train.data.ImageDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The weights format: bit-identical round trip of weights and state, its pinned layout, and damaged files. */
class WeightsFileTest {
    static final ImageDataset DATA = TestData.synthetic(40, 1, 4, 4, 3, 21);

    /** conv3x3 1->2, batch norm (2 running-mean and 2 running-variance values of state), tanh, FC 8->3. */
    static Architecture withBatchNorm() {
        return new Architecture("tiny-bn", 1, 4, 4, 3, () -> new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(2).build())
                .add(BatchNorm.builder().build())
                .add(Activation::tanh)
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(3).build()), Initialization.VGG);
    }

    static double[] weights(Network net) {
        double[] w = new double[net.dimension()];
        net.weights(w);
        return w;
    }

    static float[][] state(Network net) {
        float[][] s = new float[net.flat().stateTensors()][];
        for (int k = 0; k < s.length; k++) {
            s[k] = net.flat().state(k);
        }
        return s;
    }

    /** A network whose weights are not the seed's and whose batch norm statistics moved away from (0, 1). */
    static Network trained(long seed) {
        Network net = Network.create(withBatchNorm(), DATA, seed);
        double[] g = new double[net.dimension()];
        net.lossAndGradient(NetworkTest.range(20), 20, g); // a training-mode forward updates the running statistics
        double[] w = weights(net);
        for (int i = 0; i < w.length; i++) {
            w[i] -= 0.1 * g[i];
        }
        net.setWeights(w);
        return net;
    }

    @Test
    void roundTripIsBitIdenticalForWeightsAndState(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("weights.bin");
        try (Network a = trained(1); Network b = Network.create(withBatchNorm(), DATA, 2)) {
            assertEquals(2, a.flat().stateTensors());
            assertTrue(a.flat().state(0)[0] != 0, "running mean moved");
            a.save(file);
            assertTrue(!Arrays.equals(weights(a), weights(b)));
            b.load(file);
            assertArrayEquals(weights(a), weights(b));
            assertEquals(state(a).length, state(b).length);
            for (int k = 0; k < state(a).length; k++) {
                assertArrayEquals(state(a)[k], state(b)[k], "state tensor " + k);
            }
            assertEquals(a.evaluateTraining(), b.evaluateTraining());
            // saving again gives the same bytes
            Path again = dir.resolve("again.bin");
            b.save(again);
            assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again));
        }
    }

    @Test
    void layoutIsVersionOneBigEndian(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("weights.bin");
        try (Network net = trained(3)) {
            net.save(file);
            int d = net.dimension();
            // magic, version, UTF name, d, d floats, tensor count, (count, values) per state tensor
            assertEquals(4 + 4 + 2 + "tiny-bn".length() + 4 + 4L * d + 4 + 2 * (4 + 4 * 2), Files.size(file));
            try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
                assertEquals(0x48545344, in.readInt());
                assertEquals(1, in.readInt());
                assertEquals("tiny-bn", in.readUTF());
                assertEquals(d, in.readInt());
                double[] w = weights(net);
                for (int i = 0; i < d; i++) {
                    assertEquals((float) w[i], in.readFloat());
                }
                assertEquals(2, in.readInt());
                assertEquals(2, in.readInt());
                assertArrayEquals(net.flat().state(0), new float[] {in.readFloat(), in.readFloat()});
            }
        }
    }

    /** Loads a damaged file, checks the one-line message and that the network kept its weights. */
    static void assertRejected(Network net, Path file, String message) {
        double[] before = weights(net);
        IOException e = assertThrows(IOException.class, () -> net.load(file));
        assertEquals(file + ": " + message, e.getMessage());
        assertArrayEquals(before, weights(net));
    }

    @Test
    void truncatedFileIsRejectedWithItsLength(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("weights.bin");
        try (Network a = trained(1); Network b = Network.create(withBatchNorm(), DATA, 2)) {
            a.save(file);
            byte[] full = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(full, full.length - 5));
            assertRejected(b, file, "truncated after " + (full.length - 5) + " of " + full.length + " bytes");
            Files.write(file, Arrays.copyOf(full, 10));
            assertRejected(b, file, "truncated after 10 of at least 17 bytes"); // inside the name
            Files.write(file, new byte[0]);
            assertRejected(b, file, "truncated after 0 of at least 4 bytes");
            byte[] longer = Arrays.copyOf(full, full.length + 3);
            Files.write(file, longer);
            assertRejected(b, file, longer.length + " bytes, 3 more than the format holds (trailing data)");
        }
    }

    @Test
    void randomBytesAreRejectedAsBadMagic(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("weights.bin");
        byte[] noise = new byte[4096];
        new Random(5).nextBytes(noise);
        Files.write(file, noise);
        try (Network net = Network.create(withBatchNorm(), DATA, 2)) {
            assertRejected(net, file, "not an htsgd weights file (bad magic)");
        }
    }

    @Test
    void otherArchitectureOrVersionIsRejected(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("weights.bin");
        try (Network tiny = Network.create(NetworkTest.tiny(), DATA, 1);
             Network bn = Network.create(withBatchNorm(), DATA, 2)) {
            tiny.save(file);
            assertRejected(bn, file, "holds the weights of tiny (47 weights), not of tiny-bn (51 weights)");
            byte[] bytes = Files.readAllBytes(file);
            bytes[7] = 2; // version 2
            Files.write(file, bytes);
            assertRejected(tiny, file, "htsgd weights file version 2, this build reads version 1");
        }
    }

    @Test
    void missingFileNamesIt(@TempDir Path dir) {
        Path file = dir.resolve("absent.bin");
        try (Network net = Network.create(NetworkTest.tiny(), DATA, 1)) {
            IOException e = assertThrows(IOException.class, () -> net.load(file));
            assertTrue(e.getMessage().startsWith(file + ": cannot read"), e.getMessage());
        }
    }
}
