package org.htsgd.train.model;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * The layout of {@link StackedLeNet}'s tensors: LeNet's eight trainable tensors in flat order (as in
 * {@link FlatWeights}) and their stacked shapes for K networks (conv filters and biases K blocks along the first
 * axis, fc weights [K, out, in], fc biases [K, 1, out]); and the check that an architecture is LeNet.
 */
final class StackedLayout {
    /** LeNet's trainable tensors in flat order, per network. */
    static final Shape[] LENET_SHAPES = {new Shape(10, 1, 5, 5), new Shape(10), new Shape(10, 10, 5, 5),
        new Shape(10), new Shape(50, 160), new Shape(50), new Shape(10, 50), new Shape(10)};

    private StackedLayout() {
    }

    /** Refuses anything but LeNet: its name, input shape, classes and the eight parameter shapes of its block. */
    static void requireLeNet(Architecture a) {
        Architecture lenet = Models.lenet();
        boolean same = a.name().equals(lenet.name()) && a.channels() == lenet.channels()
                && a.height() == lenet.height() && a.width() == lenet.width() && a.classes() == lenet.classes();
        if (same) {
            List<Shape> shapes = new ArrayList<>();
            try (NDManager probe = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
                Block block = a.blockFactory().get();
                block.initialize(probe, DataType.FLOAT32, new Shape(1, 1, 28, 28));
                for (Parameter p : block.getParameters().values()) {
                    shapes.add(p.getArray().getShape());
                }
            }
            same = shapes.equals(List.of(LENET_SHAPES));
        }
        if (!same) {
            throw new IllegalArgumentException("architecture is not lenet (only LeNet is stacked): " + a.name());
        }
    }

    /** The shape of stacked tensor t for K networks. */
    static Shape stackedShape(int t, int k) {
        Shape s = LENET_SHAPES[t];
        return switch (t) {
            case 0, 1, 2, 3 -> new Shape(k * s.get(0)).addAll(s.slice(1)); // conv: K*out filters / biases
            case 4, 6 -> new Shape(k).addAll(s); // fc weight [K, out, in]
            default -> new Shape(k, 1, s.get(0)); // fc bias [K, 1, out], broadcast over the batch
        };
    }
}
