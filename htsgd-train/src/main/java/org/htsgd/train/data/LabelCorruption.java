package org.htsgd.train.data;

import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Random-label corruption as in the paper's Fashion-MNIST task (paper §4.3 (1), S7 {@code mnist2np.py}): the
 * labels of positions {@code [from, to)} are replaced by labels drawn independently and uniformly from all
 * {@code K} classes ({@code np.random.choice(10, 200)}).
 *
 * <p>Because the draw is over all K classes, a "random" label equals the true one with probability 1/K (about 20
 * of the paper's 200), exactly as in the S7 script; the corrupted positions are the re-drawn ones, not
 * necessarily the wrong ones.
 */
public final class LabelCorruption {
    /** Size of the paper's Fashion-MNIST training subset. */
    public static final int PAPER_SUBSET = 1200;
    /** Number of re-drawn labels in it: positions 1000..1199. */
    public static final int PAPER_RANDOM_LABELS = 200;

    private LabelCorruption() {
    }

    /**
     * Returns a copy whose labels in {@code [from, to)} are re-drawn uniformly from {@code [0, classes)}, one
     * {@code rng.nextInt(classes)} per position in increasing order; the input is unchanged and its pixel array is shared (datasets are never written to after construction).
     *
     * @throws IllegalArgumentException if not {@code 0 <= from <= to <= size}
     */
    public static ImageDataset uniform(ImageDataset data, int from, int to, UniformRandomProvider rng) {
        Objects.requireNonNull(rng, "rng");
        if (!(from >= 0 && from <= to && to <= data.size())) {
            throw new IllegalArgumentException("[from, to) is not inside [0, " + data.size() + "]: [" + from + ", "
                    + to + ")");
        }
        int[] labels = data.labels().clone();
        for (int i = from; i < to; i++) {
            labels[i] = rng.nextInt(data.classes());
        }
        return new ImageDataset(data.name() + "+random-labels[" + from + ":" + to + "]", data.channels(),
                data.height(), data.width(), data.classes(), data.pixels(), labels);
    }

    /**
     * The paper's corrupted subset: the first 1,200 images, with the labels of the last 200 (positions
     * 1000..1199) re-drawn uniformly over all classes.
     *
     * @throws IllegalArgumentException if {@code data} has fewer than 1,200 images
     */
    public static ImageDataset paperSubset(ImageDataset data, UniformRandomProvider rng) {
        return uniform(Subsets.first(data, PAPER_SUBSET), PAPER_SUBSET - PAPER_RANDOM_LABELS, PAPER_SUBSET, rng);
    }
}
