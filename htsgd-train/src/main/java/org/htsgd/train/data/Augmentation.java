package org.htsgd.train.data;

import java.util.Arrays;
import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Per-batch data augmentation of the paper's CIFAR experiment (paper §4.6, S8): random horizontal flip with
 * probability 1/2, then a random crop of the original size from the image zero-padded by {@code p} pixels on every
 * side (torchvision {@code RandomHorizontalFlip(); RandomCrop(32, padding=4)}).
 *
 * <p>For image {@code in} (C x H x W) with offsets {@code dy, dx} uniform on {@code {-p, .., p}} and flip bit
 * {@code f}, the output is {@code out[c][y][x] = in[c][y+dy][x']} with {@code x' = f ? W-1-(x+dx) : x+dx}, and
 * {@code fill[c]} where the source lies outside the image. Use {@link Normalisation#zeroFill} as fill when the
 * dataset is already normalised, so padding is black as in S8.
 *
 * <p>{@link #apply} writes augmented copies of selected images into a caller buffer and allocates nothing; the
 * dataset is never changed. Draws per image, in order: {@code dy}, {@code dx}, then the flip bit (if enabled), so
 * the same generator state gives the same batch.
 */
public final class Augmentation {
    /** Padding p on each side; crop offsets are uniform on {-p..p}. */
    private final int padding;
    /** Whether to flip horizontally with probability 1/2. */
    private final boolean flip;
    /** Per-channel value of padded pixels (length 1 = every channel). */
    private final float[] fill;

    private Augmentation(int padding, boolean flip, float[] fill) {
        this.padding = padding;
        this.flip = flip;
        this.fill = fill;
    }

    /**
     * @param padding pixels of padding on each side, {@code >= 0} (0 disables the crop)
     * @param flip    whether to flip horizontally with probability 1/2
     * @throws IllegalArgumentException if {@code padding < 0}
     */
    public static Augmentation of(int padding, boolean flip) {
        if (!(padding >= 0)) {
            throw new IllegalArgumentException("padding is not >= 0: " + padding);
        }
        return new Augmentation(padding, flip, new float[] {0f});
    }

    /** @return the paper's (S8) augmentation: padding 4 and random horizontal flip, padding value 0 */
    public static Augmentation paper() {
        return of(4, true);
    }

    /**
     * @param perChannelFill value of padded pixels per channel (one value = every channel), e.g.
     *                       {@link Normalisation#zeroFill}
     * @return a copy padding with these values
     * @throws IllegalArgumentException if empty
     */
    public Augmentation withFill(float[] perChannelFill) {
        if (perChannelFill.length == 0) {
            throw new IllegalArgumentException("fill is not non-empty");
        }
        return new Augmentation(padding, flip, perChannelFill.clone());
    }

    /** @return the padding p */
    public int padding() {
        return padding;
    }

    /** @return whether horizontal flips are drawn */
    public boolean flip() {
        return flip;
    }

    /**
     * Writes augmented copies of images {@code indices[0..n)} of {@code data} to
     * {@code out[0 .. n*C*H*W)}, NCHW. Allocation-free.
     *
     * @param data    source images (not modified)
     * @param indices image indices of the batch
     * @param n       number of indices to use
     * @param out     destination, length at least {@code n*C*H*W}
     * @param rng     the injected generator
     * @throws IllegalArgumentException if {@code out} is too short, {@code n} exceeds {@code indices.length}, an
     *                                  index is out of range or the fill has the wrong number of channels
     */
    public void apply(ImageDataset data, int[] indices, int n, float[] out, UniformRandomProvider rng) {
        Objects.requireNonNull(rng, "rng");
        int per = data.imageSize();
        if (!(n >= 0 && n <= indices.length)) {
            throw new IllegalArgumentException("n is not in [0, " + indices.length + "]: " + n);
        }
        if (out.length < (long) n * per) {
            throw new IllegalArgumentException("out length is not >= " + (long) n * per + ": " + out.length);
        }
        if (fill.length != 1 && fill.length != data.channels()) {
            throw new IllegalArgumentException("fill length is not 1 or " + data.channels() + ": " + fill.length);
        }
        int span = 2 * padding + 1;
        for (int i = 0; i < n; i++) {
            int j = indices[i];
            if (!(j >= 0 && j < data.size())) {
                throw new IllegalArgumentException("index is not in [0, " + data.size() + "): " + j);
            }
            int dy = rng.nextInt(span) - padding;
            int dx = rng.nextInt(span) - padding;
            boolean f = flip && rng.nextBoolean();
            transform(data.pixels(), j * per, out, i * per, data.channels(), data.height(), data.width(), dy, dx, f,
                    fill);
        }
    }

    /**
     * The deterministic transform: {@code dst[c][y][x] = src[c][y+dy][x']}, {@code x' = flip ? W-1-(x+dx) : x+dx},
     * or {@code fill[c]} (or {@code fill[0]}) outside. Shape is kept; {@code dy = dx = 0, flip = false} copies.
     */
    public static void transform(float[] src, int srcOff, float[] dst, int dstOff, int channels, int height,
                                 int width, int dy, int dx, boolean flip, float[] fill) {
        int plane = height * width;
        for (int c = 0; c < channels; c++) {
            float pad = fill[fill.length == 1 ? 0 : c];
            int s = srcOff + c * plane;
            int d = dstOff + c * plane;
            for (int y = 0; y < height; y++) {
                int sy = y + dy;
                int row = d + y * width;
                if (sy < 0 || sy >= height) {
                    Arrays.fill(dst, row, row + width, pad);
                    continue;
                }
                int srow = s + sy * width;
                for (int x = 0; x < width; x++) {
                    int sx = flip ? width - 1 - (x + dx) : x + dx;
                    dst[row + x] = sx >= 0 && sx < width ? src[srow + sx] : pad;
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Augmentation[padding=" + padding + ", flip=" + flip + ", fill=" + Arrays.toString(fill) + "]";
    }
}
