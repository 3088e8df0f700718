package org.htsgd.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Sink;
import us.hebi.matlab.mat.types.Sinks;

/** Round trips on small MAT-files written, like the real SVHN files, by a MAT-file writer (mfl-core). */
class SvhnTest {
    @TempDir
    Path dir;

    /** Value written at MATLAB X(h+1, w+1, c+1, n+1). */
    static int pixel(int h, int w, int c, int n) {
        return (h * 7 + w * 3 + c * 60 + n * 11) % 256;
    }

    /** X: uint8 32x32x3xN set through the library's own (h, w, c, n) indexing. */
    static Matrix images(int n) {
        Matrix x = Mat5.newMatrix(new int[] {32, 32, 3, n}, MatlabType.UInt8);
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                for (int w = 0; w < 32; w++) {
                    for (int h = 0; h < 32; h++) {
                        x.setByte(new int[] {h, w, c, i}, (byte) pixel(h, w, c, i));
                    }
                }
            }
        }
        return x;
    }

    static Matrix labels(MatlabType type, int... values) {
        Matrix y = Mat5.newMatrix(new int[] {values.length, 1}, type);
        for (int i = 0; i < values.length; i++) {
            y.setDouble(i, values[i]);
        }
        return y;
    }

    static Path write(Path file, MatFile mat, int deflateLevel) throws IOException {
        try (Sink sink = Sinks.newStreamingFile(file.toFile())) {
            Mat5.newWriter(sink).setDeflateLevel(deflateLevel).writeMat(mat);
        }
        return file;
    }

    static Path writeSvhn(Path file, Matrix x, Matrix y, int deflateLevel) throws IOException {
        return write(file, Mat5.newMatFile().addArray("X", x).addArray("y", y), deflateLevel);
    }

    private IllegalArgumentException fails(Path file) {
        return assertThrows(IllegalArgumentException.class, () -> Svhn.read("t", file, Integer.MAX_VALUE));
    }

    @Test
    void roundTripUncompressedAndCompressed() throws IOException {
        int[] y = {10, 1, 9, 10, 5};
        Path plain = writeSvhn(dir.resolve("a.mat"), images(5), labels(MatlabType.Double, y), 0);
        Path packed = writeSvhn(dir.resolve("b.mat"), images(5), labels(MatlabType.Double, y), 6);
        assertTrue(Files.size(packed) < Files.size(plain), "compressed file is smaller");
        for (Path p : new Path[] {plain, packed}) {
            ImageDataset d = Svhn.read("t", p, Integer.MAX_VALUE);
            assertEquals(5, d.size());
            assertEquals(3, d.channels());
            assertEquals(10, d.classes());
            assertArrayEquals(new int[] {0, 1, 9, 0, 5}, d.labels(), "label 10 means digit 0");
            for (int n = 0; n < 5; n++) {
                for (int c = 0; c < 3; c++) {
                    for (int h = 0; h < 32; h++) {
                        for (int w = 0; w < 32; w++) {
                            assertEquals(pixel(h, w, c, n), d.pixels()[((n * 3 + c) * 32 + h) * 32 + w]);
                        }
                    }
                }
            }
        }
    }

    @Test
    void knownPixelLandsAtRowHColumnW() throws IOException {
        Matrix x = Mat5.newMatrix(new int[] {32, 32, 3, 2}, MatlabType.UInt8);
        x.setByte(new int[] {5, 7, 2, 1}, (byte) 200); // MATLAB X(6, 8, 3, 2) = 200: row 6, column 8, blue, image 2
        ImageDataset d = Svhn.read("t", writeSvhn(dir.resolve("p.mat"), x, labels(MatlabType.UInt8, 3, 4), 0), 9);
        float[] px = d.pixels();
        assertEquals(200f, px[((1 * 3 + 2) * 32 + 5) * 32 + 7]);
        assertEquals(0f, px[((1 * 3 + 2) * 32 + 7) * 32 + 5], "not transposed");
        assertEquals(200.0, Arrays.stream(toDoubles(px)).sum(), "exactly one non-zero pixel");
        assertArrayEquals(new int[] {3, 4}, d.labels(), "uint8 labels");
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    @Test
    void singleImageFileWithTrailingSingletonDropped() throws IOException {
        Matrix x = Mat5.newMatrix(new int[] {32, 32, 3}, MatlabType.UInt8);
        x.setByte(new int[] {0, 1, 0}, (byte) 9);
        ImageDataset d = Svhn.read("t", writeSvhn(dir.resolve("one.mat"), x, labels(MatlabType.Double, 2), 0), 10);
        assertEquals(1, d.size());
        assertEquals(9f, d.pixels()[1]);
    }

    @Test
    void limitReadsOnlyTheFirstImages() throws IOException {
        Path f = writeSvhn(dir.resolve("train_32x32.mat"), images(4), labels(MatlabType.Double, 1, 2, 3, 4), 6);
        ImageDataset d = Svhn.load(dir, Split.TRAIN, 2);
        assertArrayEquals(new int[] {1, 2}, d.labels());
        assertArrayEquals(Arrays.copyOf(Svhn.read("t", f, 4).pixels(), 2 * 3072), d.pixels());
        assertEquals("svhn/train", d.name());
    }

    @Test
    void wrongVariableNames() throws IOException {
        Path f = write(dir.resolve("w.mat"), Mat5.newMatFile().addArray("images", images(1))
                .addArray("y", labels(MatlabType.Double, 1)), 0);
        assertEquals("w.mat: has no variable 'X' (found: images, y); expected SVHN format 2 with X and y",
                fails(f).getMessage());
    }

    @Test
    void missingLabels() throws IOException {
        Path f = write(dir.resolve("w.mat"), Mat5.newMatFile().addArray("X", images(1)), 0);
        assertEquals("w.mat: has no variable 'y' (found: X); expected SVHN format 2 with X and y",
                fails(f).getMessage());
    }

    @Test
    void wrongImageShape() throws IOException {
        Matrix x = Mat5.newMatrix(new int[] {28, 28, 1, 2}, MatlabType.UInt8);
        Path f = writeSvhn(dir.resolve("s.mat"), x, labels(MatlabType.Double, 1, 2), 0);
        assertEquals("s.mat: X has size 28x28x1x2, expected 32x32x3xN", fails(f).getMessage());
    }

    @Test
    void imagesNotUint8() throws IOException {
        Matrix x = Mat5.newMatrix(new int[] {32, 32, 3, 1}, MatlabType.Double);
        Path f = writeSvhn(dir.resolve("d.mat"), x, labels(MatlabType.Double, 1), 0);
        assertEquals("d.mat: X is double, expected real uint8", fails(f).getMessage());
    }

    @Test
    void labelCountDoesNotMatchImages() throws IOException {
        Path f = writeSvhn(dir.resolve("c.mat"), images(2), labels(MatlabType.Double, 1, 2, 3), 0);
        assertEquals("c.mat: y has size 3x1, expected 2x1 to match X", fails(f).getMessage());
    }

    @Test
    void labelOutOfRange() throws IOException {
        Path f = writeSvhn(dir.resolve("l.mat"), images(2), labels(MatlabType.Double, 1, 11), 0);
        assertEquals("l.mat: label y(2) = 11.0 is not an integer in 1..10", fails(f).getMessage());
        Path g = writeSvhn(dir.resolve("z.mat"), images(1), labels(MatlabType.UInt8, 0), 0);
        assertEquals("z.mat: label y(1) = 0.0 is not an integer in 1..10", fails(g).getMessage());
    }

    @Test
    void truncatedFile() throws IOException {
        for (int level : new int[] {0, 6}) {
            Path f = writeSvhn(dir.resolve("t" + level + ".mat"), images(3), labels(MatlabType.Double, 1, 2, 3), level);
            byte[] b = Files.readAllBytes(f);
            Files.write(f, Arrays.copyOf(b, b.length * 2 / 3));
            String msg = fails(f).getMessage();
            assertTrue(msg.startsWith("t" + level + ".mat: not a readable MATLAB v5 MAT-file (truncated or corrupt?)"),
                    msg);
        }
    }

    @Test
    void notAMatFile() throws IOException {
        Path f = Files.write(dir.resolve("x.mat"), IdxTest.images(Idx.IMAGES_MAGIC, 2, 28, 28));
        String msg = fails(f).getMessage();
        assertTrue(msg.startsWith("x.mat: not a readable MATLAB v5 MAT-file"), msg);
    }

    @Test
    void hdf5MatFileIsNamed() throws IOException {
        byte[] header = new byte[512];
        byte[] text = "MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Mon Jan  1 00:00:00 2024 HDF5 schema 1.00 ."
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, header, 0, text.length);
        Path f = Files.write(dir.resolve("h.mat"), header);
        assertTrue(fails(f).getMessage().startsWith("h.mat: is a MATLAB 7.3 (HDF5) MAT-file"));
    }

    @Test
    void missingFileSaysWhereAndHow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Svhn.load(dir, Split.TEST));
        assertEquals("test_32x32.mat: file not found in " + dir.toAbsolutePath() + "; " + Svhn.HOW_TO_GET,
                e.getMessage());
    }

    @Test
    void rejectsNonPositiveLimit() throws IOException {
        Path f = writeSvhn(dir.resolve("a.mat"), images(1), labels(MatlabType.Double, 1), 0);
        assertNotEquals(null, assertThrows(IllegalArgumentException.class, () -> Svhn.read("t", f, 0)));
    }
}
