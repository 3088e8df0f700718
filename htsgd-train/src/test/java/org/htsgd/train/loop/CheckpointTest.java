package org.htsgd.train.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.htsgd.train.model.Architecture;
import org.htsgd.train.model.Initialization;
import org.htsgd.train.model.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training checkpoint: bit-identical round trip, and one-line rejection of damaged or foreign files. */
class CheckpointTest {
    /** Softmax regression on 28x28 images: 7,850 weights, another architecture than {@link TrainerTest#SMALL}. */
    static final Architecture LINEAR = new Architecture("linear", 1, 28, 28, 10, () -> new SequentialBlock()
            .add(Blocks.batchFlattenBlock())
            .add(Linear.builder().setUnits(10).build()), Initialization.TRUNCATED_NORMAL);

    static Checkpoint sample() {
        byte[] generator = new byte[40];
        new Random(3).nextBytes(generator);
        // the rule state as a momentum buffer would hold it, with values whose bits a text format would lose
        double[] rule = {0.1, -0.0, Double.MIN_VALUE, -1e308, 1.0 / 3, Math.PI};
        // an open metrics window of 7 steps (a checkpoint between two metrics rows)
        MetricsWindow window = new MetricsWindow(7, 15.25, 0.1 + 0.2, 3, 1.0 / 7, 2.5);
        return new Checkpoint("fmnist-lenet|small|sb|seed=42", 120, 120, 17, 12.75, window, generator, rule);
    }

    static double[] weights(Network net) {
        double[] w = new double[net.dimension()];
        net.weights(w);
        return w;
    }

    @Test
    void roundTripIsBitIdentical(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(Trainer.CHECKPOINT);
        Checkpoint c = sample();
        try (Network a = Network.create(TrainerTest.SMALL, TrainerTest.TRAIN, 1);
             Network b = Network.create(TrainerTest.SMALL, TrainerTest.TRAIN, 2)) {
            c.write(file, a);
            Checkpoint back = Checkpoint.read(file, b, c.identity());
            assertArrayEquals(weights(a), weights(b));
            assertEquals(c.identity(), back.identity());
            assertEquals(c.iterationsDone(), back.iterationsDone());
            assertEquals(c.steps(), back.steps());
            assertEquals(c.truncated(), back.truncated());
            assertEquals(c.seconds(), back.seconds(), 0.0);
            assertEquals(c.window(), back.window(), "the open metrics window, bit for bit (record equality)");
            assertArrayEquals(c.generatorState(), back.generatorState());
            assertEquals(c.ruleState().length, back.ruleState().length);
            for (int i = 0; i < c.ruleState().length; i++) {
                assertEquals(Double.doubleToRawLongBits(c.ruleState()[i]),
                        Double.doubleToRawLongBits(back.ruleState()[i]), "rule state " + i);
            }
            assertEquals(120, Trainer.loadCheckpointWeights(file, b));
            assertEquals(120, Trainer.resumesAt(dir), "read without a network");
            Files.write(file, new byte[] {1, 2, 3});
            assertEquals(0, Trainer.resumesAt(dir), "not a checkpoint: the run starts afresh as far as one can tell");
            Files.delete(file);
            assertEquals(0, Trainer.resumesAt(dir));
        }
    }

    @Test
    void versionOneCheckpointsAreReadWithAnEmptyWindow(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(Trainer.CHECKPOINT);
        Checkpoint c = sample();
        try (Network a = Network.create(TrainerTest.SMALL, TrainerTest.TRAIN, 1);
             Network b = Network.create(TrainerTest.SMALL, TrainerTest.TRAIN, 2)) {
            c.write(file, a);
            // version 1 is version 2 without the 48 bytes of the window (after magic, version, identity, 3 longs,
            // 1 double) and with version byte 1
            byte[] v2 = Files.readAllBytes(file);
            int window = 8 + 2 + c.identity().length() + 4 * 8;
            byte[] v1 = new byte[v2.length - MetricsWindow.BYTES];
            System.arraycopy(v2, 0, v1, 0, window);
            System.arraycopy(v2, window + MetricsWindow.BYTES, v1, window, v1.length - window);
            v1[7] = 1;
            Files.write(file, v1);
            Checkpoint back = Checkpoint.read(file, b, c.identity());
            assertEquals(MetricsWindow.EMPTY, back.window());
            assertEquals(c.iterationsDone(), back.iterationsDone());
            assertArrayEquals(c.generatorState(), back.generatorState());
            assertArrayEquals(c.ruleState(), back.ruleState());
            assertArrayEquals(weights(a), weights(b));
        }
    }

    static void assertRejected(Network net, Path file, String identity, String message) {
        double[] before = weights(net);
        IOException e = assertThrows(IOException.class, () -> Checkpoint.read(file, net, identity));
        assertEquals(file + ": " + message, e.getMessage());
        assertArrayEquals(before, weights(net));
    }

    @Test
    void damagedOrForeignFilesAreRejectedInOneLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(Trainer.CHECKPOINT);
        Checkpoint c = sample();
        try (Network small = Network.create(TrainerTest.SMALL, TrainerTest.TRAIN, 1);
             Network linear = Network.create(LINEAR, TrainerTest.TRAIN, 1)) {
            c.write(file, small);
            byte[] full = Files.readAllBytes(file);
            // another run's checkpoint
            assertRejected(small, file, "other", "checkpoint belongs to another run (checkpoint: " + c.identity().replace("|", ", ")
                    + "; this run: other): resume with the same settings, or use a fresh --out");
            // another architecture
            assertRejected(linear, file, null,
                    "holds the weights of small (" + small.dimension() + " weights), not of linear (7850 weights)");
            // another version
            byte[] v2 = full.clone();
            v2[7] = 3;
            Files.write(file, v2);
            assertRejected(small, file, null, "htsgd checkpoint version 3, this build reads versions 1 to 2");
            // truncated in the weights, and in the header
            Files.write(file, Arrays.copyOf(full, full.length - 100));
            assertRejected(small, file, null, "truncated after " + (full.length - 100) + " of " + full.length
                    + " bytes");
            Files.write(file, Arrays.copyOf(full, 30));
            assertRejected(small, file, null, "truncated after 30 of at least " + (8 + 2 + c.identity().length())
                    + " bytes"); // inside the identity
            // random bytes
            byte[] noise = new byte[full.length];
            new Random(9).nextBytes(noise);
            Files.write(file, noise);
            assertRejected(small, file, null, "not an htsgd checkpoint (bad magic)");
            // final weights passed as a checkpoint
            small.save(file);
            assertRejected(small, file, null, "not an htsgd checkpoint (bad magic)");
        }
    }

    @Test
    void aForeignCheckpointIsDescribedByTheSettingsThatDiffer() {
        assertEquals("checkpoint: method=sb, seed=1; this run: method=our1, seed=9", Checkpoint.difference(
            "fmnist|lenet|method=sb|seed=1|H[lr=0.05, batch=100]", "fmnist|lenet|method=our1|seed=9|H[lr=0.05, batch=100]"));
    }
}
