package org.htsgd.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import java.util.Locale;

/**
 * How a network's images, and so its activations, are laid out in the engine's memory. Both layouts hold the same
 * logical \((N, C, H, W)\) tensor: {@link #NCHW} is PyTorch's default (strides \(CHW, HW, W, 1\)), {@link #NHWC}
 * ("channels last") stores each pixel's channels together (strides \(HWC, 1, WC, C\)). A convolution whose input is
 * NHWC runs oneDNN's NHWC kernels and returns an NHWC output, so pooling, ReLU and the next convolution keep the
 * layout: choosing it once, at the network's input ({@link #block}), lays out the whole forward and backward pass.
 * The network computes the same function in either layout; only the order of float32 sums differs.
 *
 * <p>{@link Models#lenet()} uses {@link #configured()}, NHWC unless the system property {@value #PROPERTY} says
 * otherwise: LeNet's 1,200-image gradient measured 1.69x faster at one thread and 1.64x at two (BENCHMARKS.md,
 * "Channels last"). The VGG networks keep NCHW (slower in NHWC in PyTorch 1.13's measurement).
 * {@code -Dhtsgd.layout=nchw} brings back the layout of htsgd before 2026-12-04, for the side-by-side benchmark or to
 * rule the NHWC kernels out when diagnosing an engine problem ({@link ConvBackwardProbe} checks the kernels of both).
 */
public enum MemoryLayout {
    /** PyTorch's default, contiguous (N, C, H, W). */
    NCHW,
    /** Channels last: the same logical tensor stored as (N, H, W, C). */
    NHWC;

    /** The system property that chooses LeNet's layout: {@code nchw} or {@code nhwc} (the default). */
    public static final String PROPERTY = "htsgd.layout";

    /**
     * @return the layout {@value #PROPERTY} names, {@link #NHWC} when it is unset
     * @throws IllegalArgumentException if the property is set to anything else than {@code nchw} or {@code nhwc}
     */
    public static MemoryLayout configured() {
        return parse(System.getProperty(PROPERTY, "nhwc"));
    }

    /**
     * @param name {@code nchw} or {@code nhwc}, any case
     * @return the layout
     * @throws IllegalArgumentException naming the property and the value otherwise
     */
    public static MemoryLayout parse(String name) {
        String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        for (MemoryLayout l : values()) {
            if (l.name().equals(n)) {
                return l;
            }
        }
        throw new IllegalArgumentException(PROPERTY + " is not nchw or nhwc: '" + name + "'");
    }

    /**
     * @param images a 4-D (N, C, H, W) tensor
     * @return the same values in this layout: {@code images} itself for {@link #NCHW} (assumed contiguous, as the
     *         engine creates tensors); for {@link #NHWC} a view, or a copy when {@code C > 1}, with channels-last
     *         strides
     * @throws IllegalArgumentException if {@code images} is not 4-D
     */
    public NDArray apply(NDArray images) {
        Shape s = images.getShape();
        if (s.dimension() != 4) {
            throw new IllegalArgumentException("images are not 4-D (N, C, H, W): " + s);
        }
        if (this == NCHW) {
            return images;
        }
        // permute to (N, H, W, C), make that order the storage order (a view when C = 1), permute back: the strides
        // of the result are (HWC, 1, WC, C), which PyTorch recognises as channels last
        return images.transpose(0, 2, 3, 1).flatten().reshape(s.get(0), s.get(2), s.get(3), s.get(1))
                .transpose(0, 3, 1, 2);
    }

    /** @return a parameter-free block applying {@link #apply} to its single input, to put first in a network */
    public Block block() {
        String label = "layout-" + name().toLowerCase(Locale.ROOT);
        return new LambdaBlock(x -> new NDList(apply(x.singletonOrThrow())), label);
    }
}
