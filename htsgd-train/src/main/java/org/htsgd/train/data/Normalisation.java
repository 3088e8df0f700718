package org.htsgd.train.data;

import java.util.Arrays;

/**
 * Per-channel affine pixel normalisation {@code x' = (x - mean_c) / std_c}, with {@code mean_c, std_c} in raw
 * pixel units ([0, 255]). Applying it returns a new dataset; the input is never changed.
 *
 * <p>Presets: {@link #fashionMnist()} {@code (x - 127.5) / 127.5} (S7 {@code mnist2np.py}, paper §4.3 (1));
 * {@link #unitRange()} {@code x / 255} (S7, SVHN and CIFAR-10, paper §4.3 (2)-(3)); {@link #imageNet()}
 * {@code (x/255 - m) / s} with the ImageNet statistics used by S8 (the CIFAR-100 augmentation experiment, paper
 * §4.6); {@link #fit} the dataset's own per-channel mean and standard deviation.
 */
public final class Normalisation {
    /** Per-channel means (raw units); length 1 means "every channel". */
    private final double[] mean;
    /** Per-channel standard deviations (raw units), each &gt; 0. */
    private final double[] std;

    private Normalisation(double[] mean, double[] std) {
        this.mean = mean;
        this.std = std;
    }

    /**
     * @param mean per-channel means in raw pixel units (one value = all channels)
     * @param std  per-channel standard deviations in raw pixel units, each &gt; 0 and finite
     * @throws IllegalArgumentException if the lengths differ or are 0, a mean is not finite, or a std is not &gt; 0
     */
    public static Normalisation of(double[] mean, double[] std) {
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("mean and std lengths are not equal and positive: " + mean.length
                    + ", " + std.length);
        }
        for (int c = 0; c < mean.length; c++) {
            if (!Double.isFinite(mean[c])) {
                throw new IllegalArgumentException("mean[" + c + "] is not finite: " + mean[c]);
            }
            if (!(std[c] > 0 && std[c] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("std[" + c + "] is not > 0 and finite: " + std[c]);
            }
        }
        return new Normalisation(mean.clone(), std.clone());
    }

    /** @return {@code (x - 127.5) / 127.5}, mapping [0, 255] to [-1, 1] (Fashion-MNIST, S7) */
    public static Normalisation fashionMnist() {
        return of(new double[] {127.5}, new double[] {127.5});
    }

    /** @return {@code x / 255}, mapping [0, 255] to [0, 1] (SVHN and CIFAR, S7) */
    public static Normalisation unitRange() {
        return of(new double[] {0}, new double[] {255});
    }

    /**
     * @return {@code (x/255 - m_c) / s_c} with ImageNet m = (0.485, 0.456, 0.406), s = (0.229, 0.224, 0.225), as
     *     in S8 ({@code chengyangfu/pytorch-vgg-cifar10})
     */
    public static Normalisation imageNet() {
        return of(new double[] {0.485 * 255, 0.456 * 255, 0.406 * 255},
                new double[] {0.229 * 255, 0.224 * 255, 0.225 * 255});
    }

    /**
     * The dataset's own per-channel mean and (population) standard deviation, so that each channel of
     * {@code fit(d).apply(d)} has mean 0 and standard deviation 1.
     *
     * @throws IllegalArgumentException if a channel is constant
     */
    public static Normalisation fit(ImageDataset data) {
        int channels = data.channels();
        int plane = data.height() * data.width();
        double[] sum = new double[channels];
        double[] sumSq = new double[channels];
        float[] px = data.pixels();
        // Two-pass: first the means, then centred squares, so large offsets (raw 0..255) lose no precision.
        for (int i = 0; i < data.size(); i++) {
            for (int c = 0; c < channels; c++) {
                int off = (i * channels + c) * plane;
                for (int k = 0; k < plane; k++) {
                    sum[c] += px[off + k];
                }
            }
        }
        double count = (double) data.size() * plane;
        double[] mean = new double[channels];
        for (int c = 0; c < channels; c++) {
            mean[c] = sum[c] / count;
        }
        for (int i = 0; i < data.size(); i++) {
            for (int c = 0; c < channels; c++) {
                int off = (i * channels + c) * plane;
                for (int k = 0; k < plane; k++) {
                    double d = px[off + k] - mean[c];
                    sumSq[c] += d * d;
                }
            }
        }
        double[] std = new double[channels];
        for (int c = 0; c < channels; c++) {
            std[c] = Math.sqrt(sumSq[c] / count);
        }
        return of(mean, std);
    }

    /**
     * @return a new dataset with every pixel normalised, same name suffixed by this normalisation
     * @throws IllegalArgumentException if this has per-channel values for a different number of channels
     */
    public ImageDataset apply(ImageDataset data) {
        checkChannels(data.channels());
        int channels = data.channels();
        int plane = data.height() * data.width();
        float[] src = data.pixels();
        float[] out = new float[src.length];
        for (int i = 0; i < data.size(); i++) {
            for (int c = 0; c < channels; c++) {
                double m = mean[mean.length == 1 ? 0 : c];
                double s = std[std.length == 1 ? 0 : c];
                int off = (i * channels + c) * plane;
                for (int k = 0; k < plane; k++) {
                    out[off + k] = (float) ((src[off + k] - m) / s);
                }
            }
        }
        return data.withPixels(out);
    }

    /**
     * @param raw     a raw pixel value
     * @param channel its channel
     * @return the normalised value, e.g. of the raw 0 used to pad crops
     */
    public float apply(double raw, int channel) {
        int c = mean.length == 1 ? 0 : channel;
        return (float) ((raw - mean[c]) / std[c]);
    }

    /**
     * @return the normalised value of raw pixel 0 in each of {@code channels} channels: the padding value that makes
     *     {@link Augmentation} pad with black, as torchvision's {@code RandomCrop(padding=4)} before {@code
     *     Normalize}
     */
    public float[] zeroFill(int channels) {
        checkChannels(channels);
        float[] fill = new float[channels];
        for (int c = 0; c < channels; c++) {
            fill[c] = apply(0, c);
        }
        return fill;
    }

    /** @return the per-channel means in raw units (a copy) */
    public double[] mean() {
        return mean.clone();
    }

    /** @return the per-channel standard deviations in raw units (a copy) */
    public double[] std() {
        return std.clone();
    }

    private void checkChannels(int channels) {
        if (mean.length != 1 && mean.length != channels) {
            throw new IllegalArgumentException("channels is not " + mean.length + ": " + channels);
        }
    }

    @Override
    public String toString() {
        return "Normalisation[(x - " + Arrays.toString(mean) + ") / " + Arrays.toString(std) + "]";
    }
}
