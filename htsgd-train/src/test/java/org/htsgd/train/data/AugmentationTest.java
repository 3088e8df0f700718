package org.htsgd.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class AugmentationTest {
    private static final float[] ZERO = {0f};

    /** 3 x 5 x 6 image with distinct values 1..90. */
    private static float[] image() {
        float[] a = new float[3 * 5 * 6];
        for (int k = 0; k < a.length; k++) {
            a[k] = k + 1;
        }
        return a;
    }

    private static float[] transform(float[] src, int dy, int dx, boolean flip, float[] fill) {
        float[] out = new float[src.length];
        Augmentation.transform(src, 0, out, 0, 3, 5, 6, dy, dx, flip, fill);
        return out;
    }

    @Test
    void flipIsAnInvolution() {
        float[] a = image();
        float[] once = transform(a, 0, 0, true, ZERO);
        assertFalse(Arrays.equals(a, once));
        assertEquals(a[2 * 30 + 1 * 6 + 0], once[2 * 30 + 1 * 6 + 5], "column 0 goes to column W-1");
        assertArrayEquals(a, transform(once, 0, 0, true, ZERO));
    }

    @Test
    void zeroOffsetWithoutFlipCopies() {
        float[] a = image();
        assertArrayEquals(a, transform(a, 0, 0, false, ZERO));
    }

    @Test
    void cropKeepsShapeShiftsAndPads() {
        float[] a = image();
        float[] out = transform(a, 1, -2, false, new float[] {-7f, -8f, -9f});
        assertEquals(a.length, out.length);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 5; y++) {
                for (int x = 0; x < 6; x++) {
                    int sy = y + 1;
                    int sx = x - 2;
                    float expected = sy < 5 && sx >= 0 ? a[(c * 5 + sy) * 6 + sx] : -7f - c;
                    assertEquals(expected, out[(c * 5 + y) * 6 + x], c + "," + y + "," + x);
                }
            }
        }
    }

    @Test
    void flipThenCrop() {
        float[] a = image();
        float[] out = transform(a, 0, 1, true, ZERO);
        // out[y][x] = flipped[y][x+1] = a[y][W-1-(x+1)]
        assertEquals(a[(1 * 5 + 2) * 6 + 3], out[(1 * 5 + 2) * 6 + 1]);
        assertEquals(0f, out[(1 * 5 + 2) * 6 + 5]);
    }

    @Test
    void sameSeedSameBatchAndInputUnchanged() {
        ImageDataset d = TransformsTest.synthetic(8, 3, 2);
        float[] before = d.pixels().clone();
        int[] batch = {7, 0, 3, 3, 5};
        Augmentation aug = Augmentation.paper();
        float[] a = new float[batch.length * d.imageSize()];
        float[] b = new float[a.length];
        float[] c = new float[a.length];
        aug.apply(d, batch, batch.length, a, RandomSource.XO_RO_SHI_RO_128_PP.create(11));
        aug.apply(d, batch, batch.length, b, RandomSource.XO_RO_SHI_RO_128_PP.create(11));
        aug.apply(d, batch, batch.length, c, RandomSource.XO_RO_SHI_RO_128_PP.create(12));
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        assertArrayEquals(before, d.pixels());
    }

    @Test
    void paddingZeroWithoutFlipIsTheIdentityBatch() {
        ImageDataset d = TransformsTest.synthetic(4, 2, 2);
        int[] batch = {2, 1};
        float[] out = new float[2 * d.imageSize()];
        Augmentation.of(0, false).apply(d, batch, 2, out, RandomSource.XO_RO_SHI_RO_128_PP.create(1));
        assertArrayEquals(Subsets.select(d, batch, "b").pixels(), out);
    }

    @Test
    void everyOffsetAndBothFlipsOccur() {
        // 1 x 1 x 12 row 1..12, padding 4: the output's first value identifies (dx, flip) uniquely when in range.
        float[] row = new float[12];
        for (int i = 0; i < 12; i++) {
            row[i] = i + 1;
        }
        ImageDataset d = new ImageDataset("row", 1, 1, 12, 2, row, new int[] {0});
        int[] batch = new int[2000];
        float[] out = new float[2000 * 12];
        Augmentation.paper().apply(d, batch, 2000, out, RandomSource.XO_RO_SHI_RO_128_PP.create(5));
        boolean[] seen = new boolean[2 * 9];
        for (int i = 0; i < 2000; i++) {
            float first = out[i * 12];
            float last = out[i * 12 + 11];
            // unflipped: out[0] = dx+1, out[11] = 12+dx; flipped: out[0] = 12-dx, out[11] = 1-dx (0 = padding)
            for (int dx = -4; dx <= 4; dx++) {
                if (expected(row, dx, false, 0) == first && expected(row, dx, false, 11) == last) {
                    seen[dx + 4] = true;
                }
                if (expected(row, dx, true, 0) == first && expected(row, dx, true, 11) == last) {
                    seen[9 + dx + 4] = true;
                }
            }
        }
        // each of the 18 (dx, flip) cases has probability 1/18 per draw: P(never in 2000) < 18 * exp(-111)
        for (int k = 0; k < 18; k++) {
            assertEquals(true, seen[k], "case " + k);
        }
    }

    private static float expected(float[] row, int dx, boolean flip, int x) {
        int sx = flip ? 11 - (x + dx) : x + dx;
        return sx >= 0 && sx < 12 ? row[sx] : 0f;
    }

    @Test
    void rejectsBadArguments() {
        ImageDataset d = TransformsTest.synthetic(2, 3, 2);
        float[] small = new float[d.imageSize()];
        var rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1);
        assertThrows(IllegalArgumentException.class, () -> Augmentation.of(-1, true));
        assertThrows(IllegalArgumentException.class, () -> Augmentation.paper().apply(d, new int[] {0, 1}, 2,
                small, rng));
        assertThrows(IllegalArgumentException.class, () -> Augmentation.paper().apply(d, new int[] {2}, 1,
                small, rng));
        assertThrows(IllegalArgumentException.class, () -> Augmentation.paper().withFill(new float[] {0, 0})
                .apply(d, new int[] {0}, 1, small, rng));
    }
}
