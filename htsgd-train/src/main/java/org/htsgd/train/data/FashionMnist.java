package org.htsgd.train.data;

import java.nio.file.Path;

/**
 * Fashion-MNIST (Xiao, Rasul &amp; Vollgraf 2017, arXiv:1708.07747): 60,000 training and 10,000 test grey
 * images of 1x28x28 in 10 classes, read from the standard IDX file names (gzip or raw) with {@link Idx}.
 *
 * <p>The paper's LeNet task (paper §4.3 (1)) uses a 1,200-sample corrupted subset of the training set; see
 * {@link DataSpec#FMNIST_CORRUPTED}.
 */
public final class FashionMnist {
    /** Where Debian's {@code dataset-fashion-mnist} package installs the files. */
    public static final Path DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    /** One line telling how to obtain the files. */
    public static final String HOW_TO_GET = "install with: apt-get install -y dataset-fashion-mnist";
    /** Number of classes. */
    public static final int CLASSES = 10;
    /** Image side in pixels. */
    public static final int SIDE = 28;

    private FashionMnist() {
    }

    /**
     * Loads one split.
     *
     * @param dir   directory holding {@code train-images-idx3-ubyte.gz}, {@code train-labels-idx1-ubyte.gz},
     *              {@code t10k-images-idx3-ubyte.gz}, {@code t10k-labels-idx1-ubyte.gz} (or the names without
     *              {@code .gz})
     * @param split which split
     * @return N x 1 x 28 x 28 with raw pixels in [0, 255] and 10 classes
     * @throws IllegalArgumentException if a file is missing (with {@link #HOW_TO_GET}) or malformed, or the
     *                                  images are not 28x28
     */
    public static ImageDataset load(Path dir, Split split) {
        return load(dir, split, Integer.MAX_VALUE);
    }

    /**
     * Loads the first {@code limit} images of one split (the files are still read and validated whole).
     *
     * @param limit maximum number of images, at least 1
     * @throws IllegalArgumentException if {@code limit < 1}, or as {@link #load(Path, Split)}
     */
    public static ImageDataset load(Path dir, Split split, int limit) {
        String prefix = split == Split.TRAIN ? "train" : "t10k";
        Path images = DataFiles.firstExisting(dir, HOW_TO_GET, prefix + "-images-idx3-ubyte.gz",
                prefix + "-images-idx3-ubyte");
        Path labels = DataFiles.firstExisting(dir, HOW_TO_GET, prefix + "-labels-idx1-ubyte.gz",
                prefix + "-labels-idx1-ubyte");
        ImageDataset d = Idx.read("fashion-mnist/" + split.name().toLowerCase(java.util.Locale.ROOT), images,
                labels, CLASSES, limit);
        if (d.height() != SIDE || d.width() != SIDE) {
            throw DataFiles.fail(images, "images are " + d.height() + "x" + d.width() + ", expected " + SIDE + "x"
                    + SIDE + " (Fashion-MNIST)");
        }
        return d;
    }
}
