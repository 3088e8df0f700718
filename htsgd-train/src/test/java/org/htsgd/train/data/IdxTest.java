package org.htsgd.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
    @TempDir
    Path dir;

    /** IDX images file of n images rows x cols with pixel (i, r, c) = (i*31 + r*7 + c) mod 256. */
    static byte[] images(int magic, int n, int rows, int cols) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * rows * cols);
        b.putInt(magic).putInt(n).putInt(rows).putInt(cols);
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    b.put((byte) ((i * 31 + r * 7 + c) % 256));
                }
            }
        }
        return b.array();
    }

    static byte[] labels(int magic, int... values) {
        ByteBuffer b = ByteBuffer.allocate(8 + values.length);
        b.putInt(magic).putInt(values.length);
        for (int v : values) {
            b.put((byte) v);
        }
        return b.array();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bos)) {
            out.write(raw);
        }
        return bos.toByteArray();
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private IllegalArgumentException fails(Path images, Path labels) {
        return assertThrows(IllegalArgumentException.class, () -> Idx.read("t", images, labels, 10));
    }

    @Test
    void readsRawAndGzippedAlike() throws IOException {
        byte[] im = images(Idx.IMAGES_MAGIC, 3, 4, 5);
        byte[] lab = labels(Idx.LABELS_MAGIC, 9, 0, 4);
        ImageDataset raw = Idx.read("t", write("i", im), write("l", lab), 10);
        ImageDataset gz = Idx.read("t", write("i.gz", gzip(im)), write("l.gz", gzip(lab)), 10);
        assertEquals(3, raw.size());
        assertEquals(1, raw.channels());
        assertEquals(4, raw.height());
        assertEquals(5, raw.width());
        assertArrayEquals(new int[] {9, 0, 4}, raw.labels());
        // pixel (i=2, r=3, c=4) = (62 + 21 + 4) = 87 at NCHW index ((2*1+0)*4+3)*5+4
        assertEquals(87f, raw.pixels()[((2 * 4) + 3) * 5 + 4]);
        assertArrayEquals(raw.pixels(), gz.pixels());
        assertArrayEquals(raw.labels(), gz.labels());
    }

    @Test
    void unsignedPixelsAbove127() throws IOException {
        byte[] im = images(Idx.IMAGES_MAGIC, 1, 1, 1);
        im[16] = (byte) 0xFF;
        ImageDataset d = Idx.read("t", write("i", im), write("l", labels(Idx.LABELS_MAGIC, 1)), 10);
        assertEquals(255f, d.pixels()[0]);
    }

    @Test
    void truncatedGzip() throws IOException {
        byte[] gz = gzip(images(Idx.IMAGES_MAGIC, 50, 28, 28));
        Path im = write("train-images-idx3-ubyte.gz", Arrays.copyOf(gz, gz.length / 2));
        IllegalArgumentException e = fails(im, write("l", labels(Idx.LABELS_MAGIC, 1)));
        assertTrue(e.getMessage().startsWith("train-images-idx3-ubyte.gz: truncated gzip stream"), e.getMessage());
    }

    @Test
    void badMagicLabelsFileGivenAsImages() throws IOException {
        Path wrong = write("train-images-idx3-ubyte.gz", gzip(labels(Idx.LABELS_MAGIC, 1, 2, 3, 4, 5, 6, 7, 8)));
        IllegalArgumentException e = fails(wrong, write("l", labels(Idx.LABELS_MAGIC, 1)));
        assertEquals("train-images-idx3-ubyte.gz: bad magic 0x00000801, expected 0x00000803 (IDX images)",
                e.getMessage());
    }

    @Test
    void badMagicImagesFileGivenAsLabels() throws IOException {
        Path im = write("i", images(Idx.IMAGES_MAGIC, 1, 2, 2));
        IllegalArgumentException e = fails(im, write("lab", images(Idx.IMAGES_MAGIC, 1, 2, 2)));
        assertEquals("lab: bad magic 0x00000803, expected 0x00000801 (IDX labels)", e.getMessage());
    }

    @Test
    void truncatedRawImages() throws IOException {
        byte[] im = images(Idx.IMAGES_MAGIC, 3, 4, 4);
        IllegalArgumentException e = fails(write("img", Arrays.copyOf(im, im.length - 1)),
                write("l", labels(Idx.LABELS_MAGIC, 1, 2, 3)));
        assertEquals("img: truncated: 63 bytes, header promises 3 images of 4x4 = 64 bytes", e.getMessage());
    }

    @Test
    void shorterThanHeader() throws IOException {
        IllegalArgumentException e = fails(write("img", new byte[] {0, 0, 8, 3, 0}),
                write("l", labels(Idx.LABELS_MAGIC, 1)));
        assertTrue(e.getMessage().startsWith("img: truncated: 5 bytes, shorter than the 16-byte"), e.getMessage());
    }

    @Test
    void headerCountLargerThanData() throws IOException {
        byte[] lab = labels(Idx.LABELS_MAGIC, 1, 2, 3);
        ByteBuffer.wrap(lab).putInt(4, 4);
        IllegalArgumentException e = fails(write("img", images(Idx.IMAGES_MAGIC, 3, 2, 2)), write("lab", lab));
        assertEquals("lab: truncated: 11 bytes, header promises 4 labels = 12 bytes", e.getMessage());
    }

    @Test
    void trailingBytes() throws IOException {
        byte[] im = images(Idx.IMAGES_MAGIC, 2, 2, 2);
        IllegalArgumentException e = fails(write("img", Arrays.copyOf(im, im.length + 3)),
                write("l", labels(Idx.LABELS_MAGIC, 1, 2)));
        assertTrue(e.getMessage().startsWith("img: 27 bytes, but header promises 2 images of 2x2 = 24 bytes"),
                e.getMessage());
    }

    @Test
    void imageAndLabelCountsDiffer() throws IOException {
        IllegalArgumentException e = fails(write("img", images(Idx.IMAGES_MAGIC, 3, 2, 2)),
                write("lab", labels(Idx.LABELS_MAGIC, 1, 2)));
        assertEquals("lab: has 2 labels but img has 3 images", e.getMessage());
    }

    @Test
    void labelOutOfRange() throws IOException {
        IllegalArgumentException e = fails(write("img", images(Idx.IMAGES_MAGIC, 3, 2, 2)),
                write("lab", labels(Idx.LABELS_MAGIC, 1, 10, 2)));
        assertEquals("lab: label 10 of item 1 is outside [0, 10)", e.getMessage());
    }

    @Test
    void zeroDimension() throws IOException {
        IllegalArgumentException e = fails(write("img", images(Idx.IMAGES_MAGIC, 2, 0, 3)),
                write("lab", labels(Idx.LABELS_MAGIC, 1, 2)));
        assertEquals("img: dimensions are not positive: 2x0x3", e.getMessage());
    }

    @Test
    void missingFileNamesIt() {
        IllegalArgumentException e = fails(dir.resolve("nope.gz"), dir.resolve("l"));
        assertTrue(e.getMessage().startsWith("nope.gz: file not found"), e.getMessage());
    }
}
