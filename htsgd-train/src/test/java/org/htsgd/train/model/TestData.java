package org.htsgd.train.model;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.htsgd.train.data.ImageDataset;

/** Synthetic image datasets for tests: class-dependent mean pattern plus uniform noise. */
public final class TestData {
    private TestData() {
    }

    /**
     * @param n images
     * @param c channels
     * @param h height
     * @param w width
     * @param classes classes
     * @param seed seed
     * @return a learnable synthetic dataset: pixel j of class y is {@code sin(j*(y+1)) + U(-1,1)}
     */
    public static ImageDataset synthetic(int n, int c, int h, int w, int classes, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int per = c * h * w;
        float[] pixels = new float[n * per];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(classes);
            for (int j = 0; j < per; j++) {
                pixels[i * per + j] = (float) (Math.sin(j * (labels[i] + 1.0)) + 2 * rng.nextDouble() - 1);
            }
        }
        return new ImageDataset("synthetic", c, h, w, classes, pixels, labels);
    }
}
