package org.htsgd.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round trips on small files written in the exact CIFAR binary formats. */
class CifarTest {
    @TempDir
    Path dir;

    /** Raw pixel of global image {@code i}, channel c, row h, column w in the written files. */
    static int pixel(int i, int c, int h, int w) {
        return (i * 37 + c * 85 + h * 3 + w * 5) % 256;
    }

    /**
     * Writes records for global images {@code first .. first+labels.length): the label byte(s) then the R, G, B
     * planes, each 32 rows of 32 bytes.
     */
    static byte[] records(Cifar.Variant v, int first, int[] coarse, int[] labels) {
        int rec = v.recordBytes();
        byte[] b = new byte[labels.length * rec];
        for (int r = 0; r < labels.length; r++) {
            int off = r * rec;
            if (v == Cifar.Variant.CIFAR100) {
                b[off++] = (byte) coarse[r];
            }
            b[off++] = (byte) labels[r];
            for (int c = 0; c < 3; c++) {
                for (int h = 0; h < 32; h++) {
                    for (int w = 0; w < 32; w++) {
                        b[off++] = (byte) pixel(first + r, c, h, w);
                    }
                }
            }
        }
        return b;
    }

    private static void assertPixels(ImageDataset d) {
        for (int i = 0; i < d.size(); i++) {
            for (int c = 0; c < 3; c++) {
                for (int h = 0; h < 32; h++) {
                    for (int w = 0; w < 32; w++) {
                        assertEquals(pixel(i, c, h, w), d.pixels()[((i * 3 + c) * 32 + h) * 32 + w]);
                    }
                }
            }
        }
    }

    private void writeCifar10(Path into) throws IOException {
        Files.createDirectories(into);
        for (int k = 1; k <= 5; k++) {
            Files.write(into.resolve("data_batch_" + k + ".bin"),
                    records(Cifar.Variant.CIFAR10, 2 * (k - 1), null, new int[] {k, 9 - k}));
        }
        Files.write(into.resolve("test_batch.bin"), records(Cifar.Variant.CIFAR10, 0, null, new int[] {0, 9, 5}));
    }

    @Test
    void cifar10RoundTrip() throws IOException {
        writeCifar10(dir);
        ImageDataset train = Cifar.load10(dir, Split.TRAIN);
        assertEquals(10, train.size());
        assertEquals(3, train.channels());
        assertEquals(10, train.classes());
        assertArrayEquals(new int[] {1, 8, 2, 7, 3, 6, 4, 5, 5, 4}, train.labels());
        assertPixels(train);
        // a known pixel: image 3, green plane, row 2, column 7, written as byte 3073*1 + 1 + 1024 + 2*32 + 7 of
        // data_batch_2.bin
        byte[] file2 = Files.readAllBytes(dir.resolve("data_batch_2.bin"));
        assertEquals(file2[3073 + 1 + 1024 + 64 + 7] & 0xFF, train.pixels()[((3 * 3 + 1) * 32 + 2) * 32 + 7]);
        ImageDataset test = Cifar.load10(dir, Split.TEST);
        assertArrayEquals(new int[] {0, 9, 5}, test.labels());
        assertPixels(test);
        assertEquals("cifar10/test", test.name());
    }

    @Test
    void findsTheArchiveSubdirectory() throws IOException {
        writeCifar10(dir.resolve("cifar-10-batches-bin"));
        assertEquals(3, Cifar.load10(dir, Split.TEST).size());
    }

    @Test
    void cifar100UsesFineLabels() throws IOException {
        Files.write(dir.resolve("train.bin"),
                records(Cifar.Variant.CIFAR100, 0, new int[] {19, 0, 7}, new int[] {99, 42, 0}));
        Files.write(dir.resolve("test.bin"), records(Cifar.Variant.CIFAR100, 0, new int[] {3}, new int[] {64}));
        ImageDataset train = Cifar.load100(dir, Split.TRAIN);
        assertEquals(100, train.classes());
        assertArrayEquals(new int[] {99, 42, 0}, train.labels());
        assertPixels(train);
        assertArrayEquals(new int[] {64}, Cifar.load100(dir, Split.TEST).labels());
    }

    @Test
    void sizeNotAMultipleOfTheRecord() throws IOException {
        writeCifar10(dir);
        byte[] b = Files.readAllBytes(dir.resolve("data_batch_1.bin"));
        Files.write(dir.resolve("data_batch_1.bin"), Arrays.copyOf(b, b.length - 3073 - 1 + 2)); // 3,074 bytes
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cifar.load10(dir, Split.TRAIN));
        assertEquals("data_batch_1.bin: size 3074 is not a positive multiple of the 3073-byte CIFAR10 record",
                e.getMessage());
    }

    @Test
    void cifar100FileReadAsCifar10IsRejectedBySize() throws IOException {
        Files.write(dir.resolve("test_batch.bin"),
                records(Cifar.Variant.CIFAR100, 0, new int[] {1, 2}, new int[] {3, 4}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cifar.load10(dir, Split.TEST));
        assertEquals("test_batch.bin: size 6148 is not a positive multiple of the 3073-byte CIFAR10 record",
                e.getMessage());
    }

    @Test
    void emptyFile() throws IOException {
        Files.write(dir.resolve("test.bin"), new byte[0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cifar.load100(dir, Split.TEST));
        assertEquals("test.bin: size 0 is not a positive multiple of the 3074-byte CIFAR100 record", e.getMessage());
    }

    @Test
    void labelOutOfRange() throws IOException {
        Files.write(dir.resolve("test_batch.bin"), records(Cifar.Variant.CIFAR10, 0, null, new int[] {1, 10}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cifar.load10(dir, Split.TEST));
        assertEquals("test_batch.bin: label 10 of record 1 is outside [0, 10)", e.getMessage());
    }

    @Test
    void fineAndCoarseLabelsOutOfRange() throws IOException {
        Files.write(dir.resolve("test.bin"), records(Cifar.Variant.CIFAR100, 0, new int[] {0, 0}, new int[] {1, 100}));
        assertEquals("test.bin: label 100 of record 1 is outside [0, 100)", assertThrows(
                IllegalArgumentException.class, () -> Cifar.load100(dir, Split.TEST)).getMessage());
        Files.write(dir.resolve("test.bin"), records(Cifar.Variant.CIFAR100, 0, new int[] {20}, new int[] {1}));
        assertEquals("test.bin: coarse label 20 of record 0 is outside [0, 20)", assertThrows(
                IllegalArgumentException.class, () -> Cifar.load100(dir, Split.TEST)).getMessage());
    }

    @Test
    void missingBatchSaysWhereAndHow() throws IOException {
        writeCifar10(dir);
        Files.delete(dir.resolve("data_batch_4.bin"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Cifar.load10(dir, Split.TRAIN));
        assertEquals("data_batch_4.bin: file not found in " + dir.toAbsolutePath() + "; "
                + Cifar.Variant.CIFAR10.howToGet(), e.getMessage());
        assertTrue(e.getMessage().contains("cifar-10-binary.tar.gz"));
    }
}
