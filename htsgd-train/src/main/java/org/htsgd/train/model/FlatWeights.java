package org.htsgd.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * An initialised DJL block's parameters seen as one flat weight vector \(\theta \in \mathbb{R}^d\), plus its
 * non-trainable state.
 *
 * <p><b>Flat order.</b> The weights are the trainable parameters in {@code block.getParameters()} order (depth first
 * through the layers in forward order; within a layer weight then bias, batch norm gamma then beta), each tensor
 * flattened row-major (C order; a convolution kernel is {@code [out][in][kh][kw]}, a linear weight
 * {@code [out][in]}). For {@link Models#lenet()}: conv1 weight (250), conv1 bias (10), conv2 weight (2,500), conv2
 * bias (10), fc1 weight (8,000), fc1 bias (50), fc2 weight (500), fc2 bias (10). The non-trainable state (batch norm
 * running statistics) is not part of the weights; its tensors are kept in the same block order.
 */
final class FlatWeights {
    /** Trainable parameters in flat order. */
    private final Parameter[] trainable;
    /** Start of each trainable tensor in the flat vector; {@code offsets[k] == dimension}. */
    private final int[] offsets;
    /** Non-trainable state (batch norm running statistics). */
    private final Parameter[] state;
    /** One direct native-order buffer per trainable tensor, through which the weights are set. */
    private final ByteBuffer[] buffers;
    /** Float views of {@link #buffers}. */
    private final FloatBuffer[] floatViews;

    /** @param block an initialised block */
    FlatWeights(Block block) {
        List<Parameter> weights = new ArrayList<>();
        List<Parameter> others = new ArrayList<>();
        for (Parameter p : block.getParameters().values()) {
            (p.requiresGradient() ? weights : others).add(p);
        }
        this.trainable = weights.toArray(new Parameter[0]);
        this.state = others.toArray(new Parameter[0]);
        this.offsets = new int[trainable.length + 1];
        this.buffers = new ByteBuffer[trainable.length];
        this.floatViews = new FloatBuffer[trainable.length];
        for (int k = 0; k < trainable.length; k++) {
            int size = Math.toIntExact(trainable[k].getArray().size());
            offsets[k + 1] = Math.addExact(offsets[k], size);
            buffers[k] = ByteBuffer.allocateDirect(size * Float.BYTES).order(ByteOrder.nativeOrder());
            floatViews[k] = buffers[k].asFloatBuffer();
        }
    }

    /** @return d, the number of trainable weights */
    int dimension() {
        return offsets[trainable.length];
    }

    /**
     * Draws the weights tensor by tensor in flat order, then the non-trainable state, from one generator.
     *
     * @param init the architecture's initialisation
     * @param rng the generator
     */
    void initialize(Initialization init, UniformRandomProvider rng) {
        double[] w = new double[dimension()];
        long fanIn = 0;
        for (int k = 0; k < trainable.length; k++) {
            Shape shape = trainable[k].getArray().getShape();
            if (trainable[k].getType() == Parameter.Type.WEIGHT) {
                fanIn = shape.dimension() == 2 ? shape.get(1) : 0;
            }
            float[] values = new float[offsets[k + 1] - offsets[k]];
            init.fill(trainable[k].getType(), shape, fanIn, rng, values);
            for (int i = 0; i < values.length; i++) {
                w[offsets[k] + i] = values[i];
            }
        }
        set(w);
        for (int k = 0; k < state.length; k++) {
            float[] values = new float[stateSize(k)];
            init.fill(state[k].getType(), state[k].getArray().getShape(), 0, rng, values);
            setState(k, values);
        }
    }

    /** @param out receives the weights (length d) */
    void get(double[] out) {
        for (int k = 0; k < trainable.length; k++) {
            copy(trainable[k].getArray().toByteBuffer().asFloatBuffer(), k, out);
        }
    }

    /** @param w the new weights (length d), rounded to float32 */
    void set(double[] w) {
        for (int k = 0; k < trainable.length; k++) {
            FloatBuffer f = floatViews[k];
            for (int i = offsets[k], j = 0; i < offsets[k + 1]; i++, j++) {
                f.put(j, (float) w[i]);
            }
            // PyTorch's set_ points the tensor at this direct buffer (no further copy); the buffer is only
            // written here, between steps, never while an autograd graph holds the weights.
            trainable[k].getArray().set(buffers[k]);
        }
    }

    /**
     * Moves the gradients a backward pass left on the weights into {@code grad} and clears them (PyTorch
     * accumulates into {@code .grad} and DJL does not clear it; {@code zero_} also clears NaN).
     *
     * @param sub the manager the gradient tensors are attached to (closed by the caller)
     * @param grad receives the gradient (length d)
     */
    void takeGradients(NDManager sub, double[] grad) {
        for (int k = 0; k < trainable.length; k++) {
            PtNDArray weight = (PtNDArray) trainable[k].getArray();
            NDArray g = weight.getGradient();
            g.attach(sub);
            copy(g.toByteBuffer().asFloatBuffer(), k, grad);
            JniUtils.zeroGrad(weight);
        }
    }

    private void copy(FloatBuffer from, int k, double[] to) {
        for (int i = offsets[k], j = 0; i < offsets[k + 1]; i++, j++) {
            to[i] = from.get(j);
        }
    }

    /** @return the number of non-trainable state tensors */
    int stateTensors() {
        return state.length;
    }

    /** @param k a state tensor @return its number of values */
    int stateSize(int k) {
        return Math.toIntExact(state[k].getArray().size());
    }

    /** @param k a state tensor @return a copy of its values */
    float[] state(int k) {
        return state[k].getArray().toFloatArray();
    }

    /** @param k a state tensor @param values its new values ({@link #stateSize} of them) */
    void setState(int k, float[] values) {
        state[k].getArray().set(values);
    }
}
