package org.htsgd.train.data;

import java.util.Objects;

/**
 * An in-memory labelled image dataset in NCHW layout: image {@code i} occupies
 * {@code pixels[i*C*H*W .. (i+1)*C*H*W)}, already converted to floats (normalisation is applied by
 * {@link #withPixels}-producing transforms, never in place).
 *
 * @param name a human name (e.g. {@code fashion-mnist/train})
 * @param channels C
 * @param height H
 * @param width W
 * @param classes number of classes K; every label is in {@code [0, K)}
 * @param pixels N*C*H*W values
 * @param labels N labels
 */
public record ImageDataset(String name, int channels, int height, int width, int classes, float[] pixels,
                           int[] labels) {
    /** Validates shapes and label range. */
    public ImageDataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException(name + ": image shape is not positive: " + channels + "x" + height
                    + "x" + width);
        }
        if (classes < 2) {
            throw new IllegalArgumentException(name + ": classes is not >= 2: " + classes);
        }
        long per = (long) channels * height * width;
        if (pixels.length != per * labels.length) {
            throw new IllegalArgumentException(name + ": " + pixels.length + " pixels do not fit " + labels.length
                    + " images of " + per);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " of image " + i
                        + " is outside [0, " + classes + ")");
            }
        }
    }

    /** @return the number of images N */
    public int size() {
        return labels.length;
    }

    /** @return C*H*W */
    public int imageSize() {
        return channels * height * width;
    }

    /** @param newPixels replacement pixels of the same length @return a copy with those pixels */
    public ImageDataset withPixels(float[] newPixels) {
        return new ImageDataset(name, channels, height, width, classes, newPixels, labels);
    }
}
