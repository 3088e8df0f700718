package org.htsgd.train.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;

/**
 * Reader for SVHN format 2 (Netzer et al. 2011, cropped 32x32 digits): {@code train_32x32.mat} (73,257 images)
 * and {@code test_32x32.mat} (26,032), MATLAB v5 MAT-files (possibly compressed) read with the MAT-file library
 * {@code us.hebi.matlab.mat:mfl-core}.
 *
 * <p>Each file holds {@code X}, uint8 of size 32x32x3xN (height x width x channel x image, stored column-major,
 * so element {@code X(h,w,c,n)} is at linear index {@code h + 32 w + 1024 c + 3072 n}), and {@code y}, an Nx1
 * uint8 or double vector with labels 1..10, where 10 stands for the digit 0. The reader transposes to NCHW
 * ({@code pixel[n][c][h][w]}) and maps label 10 to class 0, so class k is digit k. Pixels are returned as raw
 * floats in [0, 255].
 */
public final class Svhn {
    /** One line telling how to obtain the files. */
    public static final String HOW_TO_GET = "download train_32x32.mat and test_32x32.mat from "
            + "http://ufldl.stanford.edu/housenumbers/ into that directory";
    /** Image side in pixels. */
    public static final int SIDE = 32;
    /** Colour channels. */
    public static final int CHANNELS = 3;
    /** Number of classes (digits 0..9). */
    public static final int CLASSES = 10;

    private Svhn() {
    }

    /** @return the standard file name of a split: {@code train_32x32.mat} or {@code test_32x32.mat} */
    public static String fileName(Split split) {
        return (split == Split.TRAIN ? "train" : "test") + "_32x32.mat";
    }

    /**
     * Loads a whole split.
     *
     * @throws IllegalArgumentException if the file is missing (with {@link #HOW_TO_GET}) or malformed
     */
    public static ImageDataset load(Path dir, Split split) {
        return load(dir, split, Integer.MAX_VALUE);
    }

    /**
     * Loads the first {@code limit} images of a split (all if fewer), converting only those to floats: the
     * 25,000-image subset of the paper needs 0.3 GB instead of 0.9 GB for the whole training file.
     *
     * @param limit maximum number of images, at least 1
     * @throws IllegalArgumentException if {@code limit < 1}, or the file is missing or malformed
     */
    public static ImageDataset load(Path dir, Split split, int limit) {
        Path file = DataFiles.firstExisting(dir, HOW_TO_GET, fileName(split));
        String name = "svhn/" + split.name().toLowerCase(Locale.ROOT);
        return read(name, file, limit);
    }

    /**
     * Reads the first {@code limit} images of an SVHN format-2 MAT-file.
     *
     * @param name  dataset name
     * @param file  the {@code .mat} file
     * @param limit maximum number of images, at least 1
     * @return n x 3 x 32 x 32 with n = min(N, limit), raw pixels in [0, 255], classes = digits 0..9
     * @throws IllegalArgumentException if {@code limit < 1}; or the file is missing, not a MATLAB v5 file, lacks
     *                                  {@code X} or {@code y}, has the wrong types or shapes, or a label outside
     *                                  1..10
     */
    public static ImageDataset read(String name, Path file, int limit) {
        if (!(limit >= 1)) {
            throw new IllegalArgumentException("limit is not >= 1: " + limit);
        }
        try (Mat5File mat = open(file)) {
            Matrix x = variable(file, mat, "X");
            Matrix y = variable(file, mat, "y");
            int[] xd = x.getDimensions();
            // MATLAB drops trailing singleton dimensions: a file with one image stores X as 32x32x3.
            int count = xd.length == 4 ? xd[3] : xd.length == 3 ? 1 : -1;
            if (count < 1 || xd[0] != SIDE || xd[1] != SIDE || xd[2] != CHANNELS) {
                throw DataFiles.fail(file, "X has size " + dims(xd) + ", expected 32x32x3xN");
            }
            if (x.getType() != MatlabType.UInt8 || x.isComplex()) {
                throw DataFiles.fail(file, "X is " + x.getType() + (x.isComplex() ? " complex" : "")
                        + ", expected real uint8");
            }
            int[] yd = y.getDimensions();
            if (yd.length != 2 || Math.min(yd[0], yd[1]) != 1 || y.getNumElements() != count) {
                throw DataFiles.fail(file, "y has size " + dims(yd) + ", expected " + count + "x1 to match X");
            }
            if (y.isComplex() || y.isLogical()) {
                throw DataFiles.fail(file, "y is " + y.getType() + ", expected real numeric labels");
            }
            int n = Math.min(count, limit);
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                double v = y.getDouble(i);
                if (!(v >= 1 && v <= 10 && v == Math.rint(v))) {
                    throw DataFiles.fail(file, "label y(" + (i + 1) + ") = " + v + " is not an integer in 1..10");
                }
                labels[i] = (int) v % 10;
            }
            int per = CHANNELS * SIDE * SIDE;
            float[] pixels = new float[n * per];
            for (int i = 0; i < n; i++) {
                int src = i * per;
                for (int c = 0; c < CHANNELS; c++) {
                    for (int h = 0; h < SIDE; h++) {
                        int dst = ((i * CHANNELS + c) * SIDE + h) * SIDE;
                        int colMajor = src + c * SIDE * SIDE + h;
                        for (int w = 0; w < SIDE; w++) {
                            pixels[dst + w] = x.getByte(colMajor + w * SIDE) & 0xFF;
                        }
                    }
                }
            }
            return new ImageDataset(name, CHANNELS, SIDE, SIDE, CLASSES, pixels, labels);
        } catch (IOException e) {
            throw DataFiles.fail(file, "cannot be read: " + e);
        }
    }

    private static Mat5File open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw DataFiles.fail(file, "file not found: " + file.toAbsolutePath());
        }
        String header = header(file);
        if (header.startsWith("MATLAB 7.3")) {
            throw DataFiles.fail(file, "is a MATLAB 7.3 (HDF5) MAT-file; only v5-v7 MAT-files are supported "
                    + "(re-save with save(..., '-v7'))");
        }
        try {
            return Mat5.readFromFile(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw DataFiles.fail(file, "not a readable MATLAB v5 MAT-file (truncated or corrupt?): " + e);
        }
    }

    private static String header(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(116), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw DataFiles.fail(file, "cannot be read: " + e);
        }
    }

    private static Matrix variable(Path file, MatFile mat, String name) {
        StringBuilder found = new StringBuilder();
        for (MatFile.Entry e : mat.getEntries()) {
            if (e.getName().equals(name)) {
                Array a = e.getValue();
                if (!(a instanceof Matrix m)) {
                    throw DataFiles.fail(file, "variable " + name + " is a " + a.getType()
                            + ", expected a numeric matrix");
                }
                return m;
            }
            found.append(found.length() == 0 ? "" : ", ").append(e.getName());
        }
        throw DataFiles.fail(file, "has no variable '" + name + "' (found: " + (found.length() == 0 ? "none" : found)
                + "); expected SVHN format 2 with X and y");
    }

    private static String dims(int[] d) {
        return Arrays.stream(d).mapToObj(Integer::toString).reduce((a, b) -> a + "x" + b).orElse("");
    }
}
