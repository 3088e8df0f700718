package org.htsgd.train.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reader for the binary versions of CIFAR-10 and CIFAR-100 (Krizhevsky 2009).
 *
 * <p>A file is a sequence of fixed-size records: CIFAR-10 {@code <label><3072 pixels>} (3,073 bytes) with labels
 * in [0, 10); CIFAR-100 {@code <coarse label><fine label><3072 pixels>} (3,074 bytes) with coarse labels in
 * [0, 20) and fine labels in [0, 100) — the fine labels are used. The 3,072 pixel bytes are the red, green and
 * blue 32x32 planes, each row-major, which is exactly NCHW, so pixels are copied in order. Pixels are returned as
 * raw floats in [0, 255].
 *
 * <p>Files: CIFAR-10 {@code data_batch_1.bin .. data_batch_5.bin} (train, 50,000) and {@code test_batch.bin}
 * (10,000); CIFAR-100 {@code train.bin} (50,000) and {@code test.bin} (10,000). The loaders look in the given
 * directory and, failing that, in its standard subdirectory ({@code cifar-10-batches-bin} /
 * {@code cifar-100-binary}) as unpacked from the official archive.
 */
public final class Cifar {
    /** Pixel bytes per record: 3 x 32 x 32. */
    public static final int IMAGE_BYTES = 3 * 32 * 32;

    /** The two CIFAR variants. */
    public enum Variant {
        /** CIFAR-10: one label byte, 10 classes. */
        CIFAR10(10, 1, "cifar-10-batches-bin",
                "download https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz and unpack it there"),
        /** CIFAR-100: coarse and fine label bytes, 100 fine classes. */
        CIFAR100(100, 2, "cifar-100-binary",
                "download https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz and unpack it there");

        /** Number of (fine) classes. */
        private final int classes;
        /** Label bytes before the pixels of each record. */
        private final int labelBytes;
        /** Subdirectory created by unpacking the official archive. */
        private final String subdirectory;
        /** One line telling how to obtain the files. */
        private final String howToGet;

        Variant(int classes, int labelBytes, String subdirectory, String howToGet) {
            this.classes = classes;
            this.labelBytes = labelBytes;
            this.subdirectory = subdirectory;
            this.howToGet = howToGet;
        }

        /** @return the number of (fine) classes */
        public int classes() {
            return classes;
        }

        /** @return bytes per record: label bytes + 3,072 */
        public int recordBytes() {
            return labelBytes + IMAGE_BYTES;
        }

        /** @return the standard subdirectory of the unpacked archive */
        public String subdirectory() {
            return subdirectory;
        }

        /** @return one line telling how to obtain the files */
        public String howToGet() {
            return howToGet;
        }

        /** @return the file names of a split, in order */
        public List<String> fileNames(Split split) {
            if (this == CIFAR100) {
                return List.of(split == Split.TRAIN ? "train.bin" : "test.bin");
            }
            if (split == Split.TEST) {
                return List.of("test_batch.bin");
            }
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                names.add("data_batch_" + i + ".bin");
            }
            return names;
        }
    }

    private Cifar() {
    }

    /**
     * Loads a CIFAR-10 split (train: 50,000 images from 5 batches; test: 10,000).
     *
     * @throws IllegalArgumentException if a file is missing or malformed
     */
    public static ImageDataset load10(Path dir, Split split) {
        return load(Variant.CIFAR10, dir, split);
    }

    /**
     * Loads a CIFAR-100 split with its fine labels (train: 50,000; test: 10,000).
     *
     * @throws IllegalArgumentException if a file is missing or malformed
     */
    public static ImageDataset load100(Path dir, Split split) {
        return load(Variant.CIFAR100, dir, split);
    }

    /**
     * Loads a split of either variant.
     *
     * @param variant CIFAR-10 or CIFAR-100
     * @param dir     directory with the {@code .bin} files, or its parent holding {@link Variant#subdirectory()}
     * @param split   which split
     * @return N x 3 x 32 x 32, raw pixels in [0, 255]
     * @throws IllegalArgumentException if a file is missing (with {@link Variant#howToGet()}) or malformed
     */
    public static ImageDataset load(Variant variant, Path dir, Split split) {
        List<String> names = variant.fileNames(split);
        Path base = dir;
        if (!Files.isRegularFile(dir.resolve(names.get(0)))
                && Files.isRegularFile(dir.resolve(variant.subdirectory()).resolve(names.get(0)))) {
            base = dir.resolve(variant.subdirectory());
        }
        Path[] files = new Path[names.size()];
        for (int i = 0; i < files.length; i++) {
            files[i] = DataFiles.firstExisting(base, variant.howToGet(), names.get(i));
        }
        String name = variant.name().toLowerCase(Locale.ROOT) + "/" + split.name().toLowerCase(Locale.ROOT);
        return read(name, variant, files);
    }

    /**
     * Reads and concatenates record files of one variant.
     *
     * @param name    dataset name
     * @param variant record layout and label range
     * @param files   files in order
     * @return N x 3 x 32 x 32, raw pixels in [0, 255]
     * @throws IllegalArgumentException if a file is missing, empty, not a whole number of records, or has a label
     *                                  out of range
     */
    public static ImageDataset read(String name, Variant variant, Path... files) {
        int record = variant.recordBytes();
        long total = 0;
        long[] counts = new long[files.length];
        for (int f = 0; f < files.length; f++) {
            long size = size(files[f]);
            if (size == 0 || size % record != 0) {
                throw DataFiles.fail(files[f], "size " + size + " is not a positive multiple of the " + record
                        + "-byte " + variant + " record");
            }
            counts[f] = size / record;
            total += counts[f];
        }
        if (total * IMAGE_BYTES > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(name + ": " + total + " images do not fit one float array");
        }
        float[] pixels = new float[(int) (total * IMAGE_BYTES)];
        int[] labels = new int[(int) total];
        int n = 0;
        for (Path file : files) {
            byte[] b = readAll(file);
            if (b.length % record != 0) {
                throw DataFiles.fail(file, "size " + b.length + " is not a multiple of the " + record
                        + "-byte " + variant + " record (file changed while reading)");
            }
            for (int off = 0; off < b.length; off += record, n++) {
                if (variant == Variant.CIFAR100) {
                    int coarse = b[off] & 0xFF;
                    if (coarse >= 20) {
                        throw DataFiles.fail(file, "coarse label " + coarse + " of record " + off / record
                                + " is outside [0, 20)");
                    }
                }
                int label = b[off + record - IMAGE_BYTES - 1] & 0xFF;
                if (label >= variant.classes()) {
                    throw DataFiles.fail(file, "label " + label + " of record " + off / record + " is outside [0, "
                            + variant.classes() + ")");
                }
                labels[n] = label;
                int src = off + record - IMAGE_BYTES;
                int dst = n * IMAGE_BYTES;
                for (int k = 0; k < IMAGE_BYTES; k++) {
                    pixels[dst + k] = b[src + k] & 0xFF;
                }
            }
        }
        return new ImageDataset(name, 3, 32, 32, variant.classes(), pixels, labels);
    }

    private static long size(Path file) {
        if (!Files.isRegularFile(file)) {
            throw DataFiles.fail(file, "file not found: " + file.toAbsolutePath());
        }
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw DataFiles.fail(file, "cannot be read: " + e);
        }
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw DataFiles.fail(file, "cannot be read: " + e);
        }
    }
}
