package org.htsgd.train.data;

import java.util.Arrays;
import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;

/**
 * Deterministic subsets of an {@link ImageDataset}; each method returns a new dataset and never mutates its
 * argument.
 */
public final class Subsets {
    private Subsets() {
    }

    /**
     * The first {@code n} images, in order (the paper's Fashion-MNIST subset and SVHN subset; paper §4.3).
     *
     * @throws IllegalArgumentException if {@code n} is not in {@code [1, size]}
     */
    public static ImageDataset first(ImageDataset data, int n) {
        checkCount(data, n);
        int[] idx = new int[n];
        Arrays.setAll(idx, i -> i);
        return select(data, idx, data.name() + "[0:" + n + "]");
    }

    /**
     * {@code n} distinct images chosen uniformly at random without replacement, kept in their original order.
     * The same generator state gives the same subset.
     *
     * @param rng the injected generator
     * @throws IllegalArgumentException if {@code n} is not in {@code [1, size]}
     */
    public static ImageDataset random(ImageDataset data, int n, UniformRandomProvider rng) {
        checkCount(data, n);
        Objects.requireNonNull(rng, "rng");
        int[] all = new int[data.size()];
        Arrays.setAll(all, i -> i);
        PermutationSampler.shuffle(rng, all);
        int[] idx = Arrays.copyOf(all, n);
        Arrays.sort(idx);
        return select(data, idx, data.name() + "[random " + n + "]");
    }

    /**
     * The images at the given indices, in the given order (repeats allowed).
     *
     * @throws IllegalArgumentException if an index is outside {@code [0, size)} or {@code indices} is empty
     */
    public static ImageDataset select(ImageDataset data, int[] indices, String name) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("indices is not non-empty");
        }
        int per = data.imageSize();
        float[] src = data.pixels();
        int[] srcLabels = data.labels();
        float[] pixels = new float[indices.length * per];
        int[] labels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int j = indices[i];
            if (!(j >= 0 && j < data.size())) {
                throw new IllegalArgumentException("index is not in [0, " + data.size() + "): " + j);
            }
            System.arraycopy(src, j * per, pixels, i * per, per);
            labels[i] = srcLabels[j];
        }
        return new ImageDataset(name, data.channels(), data.height(), data.width(), data.classes(), pixels, labels);
    }

    private static void checkCount(ImageDataset data, int n) {
        if (!(n >= 1 && n <= data.size())) {
            throw new IllegalArgumentException("n is not in [1, " + data.size() + "]: " + n);
        }
    }
}
