package org.htsgd.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Subsets, label corruption and normalisation on small synthetic datasets. */
class TransformsTest {
    /** n images of C x 2 x 3, pixel value = flat index mod 256, label i mod classes. */
    static ImageDataset synthetic(int n, int channels, int classes) {
        int per = channels * 6;
        float[] px = new float[n * per];
        for (int k = 0; k < px.length; k++) {
            px[k] = k % 256;
        }
        int[] labels = new int[n];
        Arrays.setAll(labels, i -> i % classes);
        return new ImageDataset("syn", channels, 2, 3, classes, px, labels);
    }

    private static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    @Test
    void firstKeepsOrderAndDoesNotMutate() {
        ImageDataset d = synthetic(10, 2, 3);
        float[] before = d.pixels().clone();
        ImageDataset s = Subsets.first(d, 4);
        assertEquals(4, s.size());
        assertArrayEquals(Arrays.copyOf(d.pixels(), 4 * 12), s.pixels());
        assertArrayEquals(new int[] {0, 1, 2, 0}, s.labels());
        assertArrayEquals(before, d.pixels());
        assertEquals("syn[0:4]", s.name());
        assertThrows(IllegalArgumentException.class, () -> Subsets.first(d, 0));
        assertThrows(IllegalArgumentException.class, () -> Subsets.first(d, 11));
    }

    @Test
    void randomSubsetIsSeededDistinctAndSorted() {
        ImageDataset d = synthetic(50, 1, 50); // label = index, so labels identify the chosen images
        ImageDataset a = Subsets.random(d, 20, rng(7));
        ImageDataset b = Subsets.random(d, 20, rng(7));
        ImageDataset c = Subsets.random(d, 20, rng(8));
        assertArrayEquals(a.labels(), b.labels());
        assertArrayEquals(a.pixels(), b.pixels());
        assertFalse(Arrays.equals(a.labels(), c.labels()), "another seed gives another subset");
        for (int i = 1; i < 20; i++) {
            assertTrue(a.labels()[i - 1] < a.labels()[i], "distinct, original order");
        }
        int j = a.labels()[5];
        assertArrayEquals(Arrays.copyOfRange(d.pixels(), j * 6, j * 6 + 6), Arrays.copyOfRange(a.pixels(), 30, 36));
    }

    @Test
    void corruptionRedrawsExactlyTheRange() {
        ImageDataset d = synthetic(30, 1, 10);
        ImageDataset c = LabelCorruption.uniform(d, 20, 30, rng(3));
        UniformRandomProvider replay = rng(3);
        for (int i = 0; i < 30; i++) {
            int expected = i < 20 ? d.labels()[i] : replay.nextInt(10);
            assertEquals(expected, c.labels()[i], "label " + i);
        }
        assertArrayEquals(synthetic(30, 1, 10).labels(), d.labels(), "input unchanged");
        assertNotSame(d.labels(), c.labels());
        assertThrows(IllegalArgumentException.class, () -> LabelCorruption.uniform(d, 20, 31, rng(3)));
        assertThrows(IllegalArgumentException.class, () -> LabelCorruption.uniform(d, 5, 4, rng(3)));
    }

    @Test
    void fashionMnistScalingMapsToMinusOneOne() {
        float[] px = {0, 127.5f, 255, 51};
        ImageDataset d = new ImageDataset("p", 1, 2, 2, 2, px, new int[] {1});
        ImageDataset n = Normalisation.fashionMnist().apply(d);
        assertArrayEquals(new float[] {-1f, 0f, 1f, (float) ((51 - 127.5) / 127.5)}, n.pixels());
        assertArrayEquals(new float[] {0, 127.5f, 255, 51}, d.pixels(), "input unchanged");
        assertArrayEquals(new float[] {0f, 0.2f, 1f}, Normalisation.unitRange()
                .apply(new ImageDataset("p", 1, 1, 3, 2, new float[] {0, 51, 255}, new int[] {0})).pixels());
    }

    @Test
    void perChannelMeanAndStd() {
        ImageDataset d = synthetic(7, 3, 2);
        Normalisation fit = Normalisation.fit(d);
        ImageDataset n = fit.apply(d);
        for (int c = 0; c < 3; c++) {
            double sum = 0;
            double sq = 0;
            for (int i = 0; i < 7; i++) {
                for (int k = 0; k < 6; k++) {
                    double v = n.pixels()[(i * 3 + c) * 6 + k];
                    sum += v;
                    sq += v * v;
                }
            }
            // float storage: relative error ~1e-7 per value, 42 values
            assertEquals(0, sum / 42, 1e-5, "mean of channel " + c);
            assertEquals(1, sq / 42, 1e-5, "variance of channel " + c);
        }
        Normalisation explicit = Normalisation.of(new double[] {1, 2, 3}, new double[] {2, 4, 8});
        ImageDataset e = explicit.apply(d);
        assertEquals((d.pixels()[6] - 2) / 4f, e.pixels()[6], 1e-6); // image 0, channel 1, first pixel
        assertArrayEquals(new float[] {-0.5f, -0.5f, -0.375f}, explicit.zeroFill(3));
        assertThrows(IllegalArgumentException.class, () -> explicit.apply(synthetic(1, 1, 2)));
    }

    @Test
    void imageNetPresetMatchesS8() {
        Normalisation n = Normalisation.imageNet();
        assertEquals((float) ((1.0 - 0.485) / 0.229), n.apply(255, 0), 1e-6);
        assertEquals((float) (-0.406 / 0.225), n.apply(0, 2), 1e-6);
    }

    @Test
    void normalisationRejectsBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> Normalisation.of(new double[] {0}, new double[] {0}));
        assertThrows(IllegalArgumentException.class,
                () -> Normalisation.of(new double[] {0}, new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class,
                () -> Normalisation.of(new double[] {Double.NaN}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Normalisation.of(new double[] {0, 1}, new double[] {1}));
        ImageDataset constant = new ImageDataset("k", 1, 1, 2, 2, new float[] {3, 3}, new int[] {0});
        assertThrows(IllegalArgumentException.class, () -> Normalisation.fit(constant));
    }
}
