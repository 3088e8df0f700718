package org.htsgd.train.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reader for the IDX format of MNIST and Fashion-MNIST (LeCun et al.; Xiao et al. 2017), gzip-compressed or raw.
 *
 * <p>Layout (all integers big-endian): an images file is the magic {@code 0x00000803} (unsigned bytes, 3
 * dimensions), then {@code N}, rows, columns, then {@code N*rows*cols} pixel bytes, row-major; a labels file is
 * the magic {@code 0x00000801}, then {@code N}, then {@code N} label bytes. Pixels are returned as raw floats in
 * {@code [0, 255]}; normalise with {@link Normalisation}.
 *
 * <p>Every check (magic, positive dimensions, file length equal to what the header promises, equal image and label
 * counts, labels in {@code [0, classes)}) fails with one {@link IllegalArgumentException} naming the file.
 */
public final class Idx {
    /** Magic number of an IDX file of unsigned bytes with 3 dimensions (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned bytes with 1 dimension (labels). */
    public static final int LABELS_MAGIC = 0x00000801;
    /** Header bytes of an images file: magic, N, rows, cols. */
    private static final int IMAGES_HEADER = 16;
    /** Header bytes of a labels file: magic, N. */
    private static final int LABELS_HEADER = 8;

    private Idx() {
    }

    /**
     * Reads an images file and a labels file and pairs them into a one-channel dataset.
     *
     * @param name     dataset name, e.g. {@code fashion-mnist/train}
     * @param images   IDX images file (gzip or raw)
     * @param labels   IDX labels file (gzip or raw)
     * @param classes  number of classes K; every label must lie in {@code [0, K)}
     * @return the dataset, N x 1 x rows x cols, raw pixel values in [0, 255]
     * @throws IllegalArgumentException if either file is missing or malformed, or the counts differ
     */
    public static ImageDataset read(String name, Path images, Path labels, int classes) {
        return read(name, images, labels, classes, Integer.MAX_VALUE);
    }

    /**
     * Like {@link #read(String, Path, Path, int)}, but converts only the first {@code limit} images to floats (the
     * whole files are still read and validated): the paper's 1,200-image subset needs 4 MB of floats, not 188 MB.
     *
     * @param limit maximum number of images, at least 1
     * @throws IllegalArgumentException if {@code limit < 1}, or as {@link #read(String, Path, Path, int)}
     */
    public static ImageDataset read(String name, Path images, Path labels, int classes, int limit) {
        Objects.requireNonNull(name, "name");
        if (!(limit >= 1)) {
            throw new IllegalArgumentException("limit is not >= 1: " + limit);
        }
        IdxImages im = readImages(images);
        int[] lab = readLabels(labels, classes);
        if (im.count() != lab.length) {
            throw DataFiles.fail(labels, "has " + lab.length + " labels but " + images.getFileName() + " has "
                    + im.count() + " images");
        }
        int n = Math.min(im.count(), limit);
        byte[] px = im.pixels();
        float[] pixels = new float[n * im.rows() * im.cols()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = px[i] & 0xFF;
        }
        return new ImageDataset(name, 1, im.rows(), im.cols(), classes, pixels,
                n == lab.length ? lab : Arrays.copyOf(lab, n));
    }

    /**
     * Reads and validates an IDX images file.
     *
     * @param file gzip or raw IDX file with magic {@link #IMAGES_MAGIC}
     * @return the header dimensions and the pixel bytes
     * @throws IllegalArgumentException if the file is missing, truncated, too long or has a bad magic or dimensions
     */
    static IdxImages readImages(Path file) {
        byte[] b = DataFiles.readMaybeGzipped(file);
        checkHeader(file, b, IMAGES_HEADER, IMAGES_MAGIC, "IDX images");
        long n = DataFiles.u32(b, 4);
        long rows = DataFiles.u32(b, 8);
        long cols = DataFiles.u32(b, 12);
        if (!(n >= 1 && rows >= 1 && cols >= 1)) {
            throw DataFiles.fail(file, "dimensions are not positive: " + n + "x" + rows + "x" + cols);
        }
        long need = IMAGES_HEADER + n * rows * cols;
        checkLength(file, b.length, need, n + " images of " + rows + "x" + cols);
        byte[] px = new byte[(int) (n * rows * cols)];
        System.arraycopy(b, IMAGES_HEADER, px, 0, px.length);
        return new IdxImages((int) n, (int) rows, (int) cols, px);
    }

    /**
     * Reads and validates an IDX labels file.
     *
     * @param file    gzip or raw IDX file with magic {@link #LABELS_MAGIC}
     * @param classes number of classes K
     * @return the labels, each in {@code [0, K)}
     * @throws IllegalArgumentException if the file is missing, truncated, too long, has a bad magic or a label
     *                                  outside {@code [0, K)}
     */
    public static int[] readLabels(Path file, int classes) {
        byte[] b = DataFiles.readMaybeGzipped(file);
        checkHeader(file, b, LABELS_HEADER, LABELS_MAGIC, "IDX labels");
        long n = DataFiles.u32(b, 4);
        if (!(n >= 1)) {
            throw DataFiles.fail(file, "label count is not positive: " + n);
        }
        checkLength(file, b.length, LABELS_HEADER + n, n + " labels");
        int[] labels = new int[(int) n];
        for (int i = 0; i < labels.length; i++) {
            int v = b[LABELS_HEADER + i] & 0xFF;
            if (v >= classes) {
                throw DataFiles.fail(file, "label " + v + " of item " + i + " is outside [0, " + classes + ")");
            }
            labels[i] = v;
        }
        return labels;
    }

    private static void checkHeader(Path file, byte[] b, int headerBytes, int magic, String kind) {
        if (b.length < headerBytes) {
            throw DataFiles.fail(file, "truncated: " + b.length + " bytes, shorter than the " + headerBytes
                    + "-byte " + kind + " header");
        }
        long m = DataFiles.u32(b, 0);
        if (m != magic) {
            throw DataFiles.fail(file, String.format("bad magic 0x%08x, expected 0x%08x (%s)", m, magic, kind));
        }
    }

    private static void checkLength(Path file, long actual, long need, String promised) {
        if (actual < need) {
            throw DataFiles.fail(file, "truncated: " + actual + " bytes, header promises " + promised + " = "
                    + need + " bytes");
        }
        if (actual > need) {
            throw DataFiles.fail(file, actual + " bytes, but header promises " + promised + " = " + need
                    + " bytes (wrong count in header or trailing data)");
        }
    }

    /** Dimensions and raw pixel bytes of an IDX images file. */
    record IdxImages(int count, int rows, int cols, byte[] pixels) {
    }
}
