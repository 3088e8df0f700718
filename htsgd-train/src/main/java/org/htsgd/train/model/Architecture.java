package org.htsgd.train.model;

import ai.djl.nn.Block;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A network architecture: how to build its (uninitialised) DJL {@link Block}, the per-example input shape
 * {@code channels x height x width}, the number of classes and how its weights are initialised.
 *
 * @param name a short name, e.g. {@code lenet}, {@code vgg11}, {@code vgg16-bn}
 * @param channels C of the input images
 * @param height H of the input images
 * @param width W of the input images
 * @param classes number of output logits K
 * @param blockFactory builds a fresh, uninitialised block mapping (N, C, H, W) to (N, K) logits
 * @param initialization how the weights are drawn from the seed
 */
public record Architecture(String name, int channels, int height, int width, int classes,
                           Supplier<Block> blockFactory, Initialization initialization) {
    /** Validates the shape. */
    public Architecture {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(blockFactory, "blockFactory");
        Objects.requireNonNull(initialization, "initialization");
        if (!(channels >= 1 && height >= 1 && width >= 1)) {
            throw new IllegalArgumentException("input shape is not positive: " + channels + "x" + height + "x"
                    + width);
        }
        if (!(classes >= 2)) {
            throw new IllegalArgumentException("classes is not >= 2: " + classes);
        }
    }

    /** @return C*H*W */
    public int imageSize() {
        return channels * height * width;
    }
}
