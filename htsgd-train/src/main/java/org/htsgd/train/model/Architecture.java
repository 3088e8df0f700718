package org.htsgd.train.model;

import ai.djl.nn.Block;
import java.util.Objects;
import java.util.function.Supplier;
import org.htsgd.core.validation.Require;

/**
 * A network architecture: how to build its (uninitialised) DJL {@link Block}, the per-example input shape
 * {@code channels x height x width}, the number of classes, how its weights are initialised and how its gradients
 * are cut into chunks.
 *
 * @param name a short name, e.g. {@code lenet}, {@code vgg11}, {@code vgg16-bn}
 * @param channels C of the input images
 * @param height H of the input images
 * @param width W of the input images
 * @param classes number of output logits K
 * @param blockFactory builds a fresh, uninitialised block mapping (N, C, H, W) to (N, K) logits
 * @param initialization how the weights are drawn from the seed
 * @param gradientChunk examples per single-threaded chunk of a gradient ({@code ChunkedGradient}): a batch is cut
 *     into chunks of this size whatever the thread count (a batch of at most this size into two halves), so the
 *     chunks bound how many threads share one batch; large enough for the engine's kernels to run efficiently on one
 *     thread (LeNet: 300, so that its 1,200 is four chunks and its batch of 100 two of 50; VGG:
 *     {@value Models#VGG_GRADIENT_CHUNK})
 */
public record Architecture(String name, int channels, int height, int width, int classes,
                           Supplier<Block> blockFactory, Initialization initialization, int gradientChunk) {
    /** The chunk of {@link #Architecture(String, int, int, int, int, Supplier, Initialization)}. */
    public static final int DEFAULT_GRADIENT_CHUNK = 300;

    /** Validates the shape and the chunk. */
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
        Require.positive(gradientChunk, "gradientChunk");
    }

    /** An architecture whose gradients are cut into chunks of {@value #DEFAULT_GRADIENT_CHUNK} examples. */
    public Architecture(String name, int channels, int height, int width, int classes, Supplier<Block> blockFactory,
                        Initialization initialization) {
        this(name, channels, height, width, classes, blockFactory, initialization, DEFAULT_GRADIENT_CHUNK);
    }

    /** @return C*H*W */
    public int imageSize() {
        return channels * height * width;
    }
}
