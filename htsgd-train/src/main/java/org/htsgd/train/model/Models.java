package org.htsgd.train.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import org.htsgd.core.validation.Require;

/**
 * The paper's networks (paper.md §4.3, §4.6) as {@link Architecture}s.
 *
 * <ul>
 *   <li>{@link #lenet()}: the small "LeNet" (S7's ConvYu) of the Fashion-MNIST experiment, 28x28x1 input:
 *       conv5x5(1→10) → maxpool2 → ReLU → conv5x5(10→10) → maxpool2 → ReLU → FC 160→50 → ReLU → FC 50→10,
 *       valid convolutions, 11,330 weights, {@link Initialization#TRUNCATED_NORMAL}; its images and activations in
 *       the {@link MemoryLayout#configured() configured} layout (channels last unless set otherwise).</li>
 *   <li>{@link #vgg(VggConfig, int, boolean, float)}: VGG on 32x32x3 input; 3x3 convolutions with padding 1, each
 *       followed by (optional batch norm and) ReLU, "M" = maxpool2; classifier [Dropout] FC 512→512 → ReLU →
 *       [Dropout] FC 512→512 → ReLU → FC 512→K (S7 {@code SVHN/vgg.py} without dropout; S8 with dropout).
 *       {@link Initialization#VGG}.</li>
 * </ul>
 */
public final class Models {
    /** The VGG configurations of Simonyan &amp; Zisserman (2015); 0 marks a 2x2 max pool. */
    public enum VggConfig {
        /** Config A (VGG11). */
        A(64, 0, 128, 0, 256, 256, 0, 512, 512, 0, 512, 512, 0),
        /** Config D (VGG16). */
        D(64, 64, 0, 128, 128, 0, 256, 256, 256, 0, 512, 512, 512, 0, 512, 512, 512, 0);

        private final int[] layers;

        VggConfig(int... layers) {
            this.layers = layers;
        }

        /** @return the layer list (filters, 0 = max pool), a copy */
        public int[] layers() {
            return layers.clone();
        }
    }

    /**
     * Examples per gradient chunk of the VGG networks ({@link Architecture#gradientChunk}): their batch of 100 is four
     * chunks, so up to four threads share an SB gradient (a VGG layer has enough work per image to run efficiently
     * on 25 of them); LeNet keeps the default 300 (its 1,200 four chunks, its 100 two halves).
     */
    public static final int VGG_GRADIENT_CHUNK = 25;

    /** Number of weights of {@link #lenet()}: 260 + 2,510 + 8,050 + 510. */
    public static final int LENET_PARAMETERS = 11_330;

    private Models() {
    }

    /** @return the paper's Fashion-MNIST LeNet, in the {@link MemoryLayout#configured() configured} layout */
    public static Architecture lenet() {
        return lenet(MemoryLayout.configured());
    }

    /**
     * @param layout the memory layout of its images and activations (the function computed is the same)
     * @return the paper's Fashion-MNIST LeNet
     */
    public static Architecture lenet(MemoryLayout layout) {
        Require.nonNull(layout, "layout");
        return new Architecture("lenet", 1, 28, 28, 10, () -> lenetBlock(layout), Initialization.TRUNCATED_NORMAL);
    }

    /** @return VGG11 (config A) for 10 classes, no batch norm, no dropout, as S7's SVHN/CIFAR10 runs */
    public static Architecture vgg11() {
        return vgg(VggConfig.A, 10, false, 0f);
    }

    /** @return VGG16 (config D) for 100 classes, no batch norm, dropout 0.5, as S8's CIFAR100 runs */
    public static Architecture vgg16() {
        return vgg(VggConfig.D, 100, false, 0.5f);
    }

    /**
     * @param config A (VGG11) or D (VGG16)
     * @param classes number of classes K
     * @param batchNorm insert batch norm after every convolution
     * @param dropout dropout rate before the first two classifier layers, 0 for none
     * @return the architecture (32x32x3 input)
     * @throws IllegalArgumentException if {@code classes < 2} or dropout is not in [0, 1)
     */
    public static Architecture vgg(VggConfig config, int classes, boolean batchNorm, float dropout) {
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout is not in [0, 1): " + dropout);
        }
        String name = (config == VggConfig.A ? "vgg11" : "vgg16") + (batchNorm ? "-bn" : "")
                + (dropout > 0 ? "-dropout" : "");
        return new Architecture(name, 3, 32, 32, classes, () -> vggBlock(config, classes, batchNorm, dropout),
                Initialization.VGG, VGG_GRADIENT_CHUNK);
    }

    private static Block lenetBlock(MemoryLayout layout) {
        return new SequentialBlock()
                .add(layout.block())
                .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(10).build())
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Activation::relu)
                .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(10).build())
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Activation::relu)
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(50).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(10).build());
    }

    private static Block vggBlock(VggConfig config, int classes, boolean batchNorm, float dropout) {
        SequentialBlock net = new SequentialBlock();
        for (int filters : config.layers) {
            if (filters == 0) {
                net.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
            } else {
                net.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                        .setFilters(filters).build());
                if (batchNorm) {
                    net.add(BatchNorm.builder().build());
                }
                net.add(Activation::relu);
            }
        }
        net.add(Blocks.batchFlattenBlock());
        for (int i = 0; i < 2; i++) {
            if (dropout > 0) {
                net.add(Dropout.builder().optRate(dropout).build());
            }
            net.add(Linear.builder().setUnits(512).build()).add(Activation::relu);
        }
        return net.add(Linear.builder().setUnits(classes).build());
    }
}
