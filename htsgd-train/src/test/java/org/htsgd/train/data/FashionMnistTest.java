package org.htsgd.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the real Fashion-MNIST files installed by Debian's dataset-fashion-mnist (as .ci/run does). */
class FashionMnistTest {
    @TempDir
    Path dir;

    private static int[] perClass(ImageDataset d) {
        int[] counts = new int[d.classes()];
        for (int label : d.labels()) {
            counts[label]++;
        }
        return counts;
    }

    @Test
    void realTrainingSet() {
        ImageDataset d = FashionMnist.load(FashionMnist.DEFAULT_DIR, Split.TRAIN);
        assertEquals(60_000, d.size());
        assertEquals(1, d.channels());
        assertEquals(28, d.height());
        assertEquals(28, d.width());
        int[] six = new int[10];
        java.util.Arrays.fill(six, 6000);
        assertArrayEquals(six, perClass(d));
        // First labels 9 (ankle boot), 0, 0, 3, as published; an independent Python gzip read gives the same.
        assertArrayEquals(new int[] {9, 0, 0, 3}, java.util.Arrays.copyOf(d.labels(), 4));
        // Sum of the 784 raw pixels of image 0, from the same independent read.
        double sum = 0;
        for (int k = 0; k < 784; k++) {
            sum += d.pixels()[k];
        }
        assertEquals(76_247, sum);
        assertEquals("fashion-mnist/train", d.name());
    }

    @Test
    void realTestSet() {
        ImageDataset d = FashionMnist.load(FashionMnist.DEFAULT_DIR, Split.TEST);
        assertEquals(10_000, d.size());
        int[] thousand = new int[10];
        java.util.Arrays.fill(thousand, 1000);
        assertArrayEquals(thousand, perClass(d));
    }

    @Test
    void acceptsUngzippedNames() throws IOException {
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), IdxTest.images(Idx.IMAGES_MAGIC, 2, 28, 28));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxTest.labels(Idx.LABELS_MAGIC, 3, 4));
        ImageDataset d = FashionMnist.load(dir, Split.TEST);
        assertArrayEquals(new int[] {3, 4}, d.labels());
    }

    @Test
    void rejectsWrongImageSize() throws IOException {
        Files.write(dir.resolve("t10k-images-idx3-ubyte.gz"),
                IdxTest.gzip(IdxTest.images(Idx.IMAGES_MAGIC, 2, 32, 32)));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), IdxTest.gzip(IdxTest.labels(Idx.LABELS_MAGIC, 3, 4)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FashionMnist.load(dir, Split.TEST));
        assertEquals("t10k-images-idx3-ubyte.gz: images are 32x32, expected 28x28 (Fashion-MNIST)", e.getMessage());
    }

    @Test
    void missingFilesSayHowToInstall() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FashionMnist.load(dir, Split.TRAIN));
        assertTrue(e.getMessage().startsWith("train-images-idx3-ubyte.gz: file not found in " + dir.toAbsolutePath()),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("; install with: apt-get install -y dataset-fashion-mnist"),
                e.getMessage());
    }
}
