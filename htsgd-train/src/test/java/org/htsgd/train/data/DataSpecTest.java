package org.htsgd.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import us.hebi.matlab.mat.types.MatlabType;

class DataSpecTest {
    /** The real Fashion-MNIST training set, raw pixels. */
    private static ImageDataset rawTrain;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadRaw() {
        rawTrain = FashionMnist.load(FashionMnist.DEFAULT_DIR, Split.TRAIN);
    }

    @Test
    void fmnistCorruptedIsThePaperSubset() {
        TaskData t = DataSpec.FMNIST_CORRUPTED.load(null, 42);
        assertEquals(FashionMnist.DEFAULT_DIR, t.directory());
        assertEquals(1200, t.train().size());
        assertEquals(10_000, t.test().size());
        assertNull(t.augmentation());
        int[] raw = rawTrain.labels();
        int[] labels = t.train().labels();
        assertArrayEquals(Arrays.copyOf(raw, 1000), Arrays.copyOf(labels, 1000), "first 1000 untouched");
        // positions 1000..1199 are exactly the 200 draws nextInt(10) of the seeded stream, in order
        UniformRandomProvider replay = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
        for (int i = 1000; i < 1200; i++) {
            assertEquals(replay.nextInt(10), labels[i], "label " + i);
        }
        // pixels: (x - 127.5) / 127.5 of the first 1200 raw images, in [-1, 1]
        float[] px = t.train().pixels();
        assertEquals(1200 * 784, px.length);
        for (int k = 0; k < px.length; k += 997) {
            assertEquals((float) ((rawTrain.pixels()[k] - 127.5) / 127.5), px[k]);
        }
        for (float v : t.test().pixels()) {
            assertTrue(v >= -1f && v <= 1f);
        }
    }

    @Test
    void corruptionIsDeterministicPerSeedAndUniform() {
        int[] raw = rawTrain.labels();
        int[] a = LabelCorruption.paperSubset(rawTrain, RandomSource.XO_RO_SHI_RO_128_PP.create(1L)).labels();
        int[] b = DataSpec.FMNIST_CORRUPTED.load(null, 1).train().labels();
        int[] c = LabelCorruption.paperSubset(rawTrain, RandomSource.XO_RO_SHI_RO_128_PP.create(2L)).labels();
        assertArrayEquals(a, b, "same seed, same labels");
        assertFalse(Arrays.equals(a, c), "another seed, other labels");
        for (int[] l : new int[][] {a, c}) {
            assertEquals(1200, l.length);
            assertArrayEquals(Arrays.copyOf(raw, 1000), Arrays.copyOf(l, 1000));
            int changed = 0;
            for (int i = 1000; i < 1200; i++) {
                changed += l[i] != raw[i] ? 1 : 0;
            }
            // Binomial(200, 9/10): mean 180, sd 4.24; 5 sd below the mean, false alarm < 1e-6. A redraw can keep
            // the true label (as in S7's np.random.choice(10, 200)), so all 200 changing has probability
            // 0.9^200 < 1e-9.
            assertTrue(changed >= 159 && changed < 200, "changed " + changed);
        }
    }

    @Test
    void svhnCleanSplitAndS7SwappedSplit() throws IOException {
        SvhnTest.writeSvhn(dir.resolve("train_32x32.mat"), SvhnTest.images(3),
                SvhnTest.labels(MatlabType.Double, 1, 2, 3), 6);
        SvhnTest.writeSvhn(dir.resolve("test_32x32.mat"), SvhnTest.images(2),
                SvhnTest.labels(MatlabType.Double, 10, 9), 6);
        TaskData t = DataSpec.SVHN.load(dir, 0);
        assertArrayEquals(new int[] {1, 2, 3}, t.train().labels());
        assertArrayEquals(new int[] {0, 9}, t.test().labels());
        assertEquals(SvhnTest.pixel(4, 5, 1, 2) / 255f, t.train().pixels()[((2 * 3 + 1) * 32 + 4) * 32 + 5], 1e-7f);
        TaskData s = DataSpec.SVHN_S7_SWAPPED.load(dir, 0);
        assertArrayEquals(new int[] {0, 9}, s.train().labels());
        assertArrayEquals(new int[] {1, 2, 3}, s.test().labels());
    }

    @Test
    void cifarTasks() throws IOException {
        for (int k = 1; k <= 5; k++) {
            Files.write(dir.resolve("data_batch_" + k + ".bin"),
                    CifarTest.records(Cifar.Variant.CIFAR10, 0, null, new int[] {k}));
        }
        Files.write(dir.resolve("test_batch.bin"), CifarTest.records(Cifar.Variant.CIFAR10, 0, null, new int[] {0}));
        TaskData ten = DataSpec.CIFAR10.load(dir, 0);
        assertEquals(5, ten.train().size());
        assertEquals(CifarTest.pixel(0, 2, 3, 4) / 255f, ten.test().pixels()[(2 * 32 + 3) * 32 + 4], 1e-7f);
        assertNull(ten.augmentation());

        Path sub = Files.createDirectories(dir.resolve("c100").resolve("cifar-100-binary"));
        Files.write(sub.resolve("train.bin"), CifarTest.records(Cifar.Variant.CIFAR100, 0, new int[] {1},
                new int[] {77}));
        Files.write(sub.resolve("test.bin"), CifarTest.records(Cifar.Variant.CIFAR100, 0, new int[] {1},
                new int[] {5}));
        TaskData hundred = DataSpec.CIFAR100.load(dir.resolve("c100"), 0);
        assertEquals(100, hundred.train().classes());
        assertEquals((float) ((CifarTest.pixel(0, 0, 0, 0) / 255.0 - 0.485) / 0.229), hundred.train().pixels()[0],
                1e-6f);
        assertNotNull(hundred.augmentation());
        assertEquals(4, hundred.augmentation().padding());
    }

    @Test
    void missingDatasetsSayWhereAndHow() {
        for (DataSpec s : DataSpec.values()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.load(dir, 0));
            assertTrue(e.getMessage().contains("file not found in " + dir.toAbsolutePath()), e.getMessage());
            assertTrue(e.getMessage().endsWith(s.howToGet()), e.getMessage());
        }
        assertTrue(DataSpec.FMNIST_CORRUPTED.howToGet().contains("apt-get install -y dataset-fashion-mnist"));
    }

    @Test
    void idsRoundTrip() {
        for (DataSpec s : DataSpec.values()) {
            assertEquals(s, DataSpec.fromId(s.id()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataSpec.fromId("mnist"));
        assertTrue(e.getMessage().contains("fmnist-corrupted, svhn"), e.getMessage());
    }

    @Test
    void locateInFindsADatasetInTheDirectoryOrItsSubdirectoryAndNothingElse() throws IOException {
        assertNull(DataSpec.FMNIST_CORRUPTED.locateIn(dir), "an empty directory holds no dataset");
        Files.createDirectories(dir.resolve("fashion-mnist"));
        Files.write(dir.resolve("fashion-mnist").resolve("train-images-idx3-ubyte.gz"), new byte[] {1});
        assertEquals(dir.resolve("fashion-mnist"), DataSpec.FMNIST_CORRUPTED.locateIn(dir));
        // one file, even a damaged one, is enough: the copy is the user's and must be used or refused
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), new byte[] {1});
        assertEquals(dir, DataSpec.FMNIST_CORRUPTED.locateIn(dir));
        assertNull(DataSpec.SVHN.locateIn(dir));
        Files.createDirectories(dir.resolve("svhn"));
        Files.write(dir.resolve("svhn").resolve("test_32x32.mat"), new byte[] {1});
        assertEquals(dir.resolve("svhn"), DataSpec.SVHN.locateIn(dir));
        assertEquals(dir.resolve("svhn"), DataSpec.SVHN_S7_SWAPPED.locateIn(dir));
        Files.createDirectories(dir.resolve("cifar10").resolve("cifar-10-batches-bin"));
        Files.write(dir.resolve("cifar10").resolve("cifar-10-batches-bin").resolve("test_batch.bin"), new byte[] {1});
        assertEquals(dir.resolve("cifar10"), DataSpec.CIFAR10.locateIn(dir));
        assertNull(DataSpec.CIFAR100.locateIn(dir));
    }
}
