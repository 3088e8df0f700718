package org.htsgd.train.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Objects;
import org.htsgd.core.validation.Require;
import org.htsgd.train.data.ImageDataset;

/**
 * K copies of the paper's Fashion-MNIST LeNet ({@link Models#lenet()}), each with its own weights, evaluated and
 * differentiated as one stacked model in one engine call: the losses \(L_k(\theta_k) = -\frac{1}{N}\sum_{i \in B_k}
 * \log \mathrm{softmax}(f_{\theta_k}(x_i))_{y_i}\), \(k = 1..K\), and their gradients
 * \(\nabla_{\theta_k} L_k\), each as a flat vector in the layout of {@link Network} ({@link FlatWeights}: conv1
 * weight 250, bias 10, conv2 weight 2,500, bias 10, fc1 weight 8,000, bias 50, fc2 weight 500, bias 10).
 *
 * <p><b>Construction.</b> Every LeNet tensor is stacked along a new leading network axis, so network k's tensor is
 * the k-th contiguous block of the stacked one (C order): conv1 weight {@code [K*10, 1, 5, 5]}, conv1 bias
 * {@code [K*10]}, conv2 weight {@code [K*10, 10, 5, 5]}, conv2 bias {@code [K*10]}, fc1 weight {@code [K, 50, 160]},
 * fc1 bias {@code [K, 1, 50]}, fc2 weight {@code [K, 10, 50]}, fc2 bias {@code [K, 1, 10]}. Network k's flat
 * weights {@code w_k} and the stacked tensor t are related by {@code stacked_t[k * size_t + j] = w_k[offset_t + j]}
 * (pack, {@link #setWeights}; unpack, {@link #weights} and the gradients), exactly, after rounding to float32 as
 * {@link Network#setWeights} rounds. The forward pass:
 * <ul>
 *   <li><b>own batches</b> ({@link #lossAndGradient(int[][], int, double[][])}): the input is {@code [N, K, 28, 28]},
 *       channel k holding network k's batch; conv1 and conv2 are grouped convolutions with K groups, so output
 *       channels {@code 10k..10k+9} see only channel block k;</li>
 *   <li><b>one shared batch</b> ({@link #lossAndGradient(int[], int, double[][])}, e.g. the 1,200-image large
 *       batch): the input is the batch once, {@code [N, 1, 28, 28]}, and conv1 is an ordinary convolution with
 *       K*10 filters (each output channel sees the one input channel, as each network's conv1 does), conv2 grouped
 *       as above;</li>
 *   <li>max-pool 2, ReLU after each convolution as in LeNet; the {@code [N, K*10, 4, 4]} features are viewed as
 *       {@code [K, N, 160]} (network k's 160 features in LeNet's flatten order) and the dense layers are batched
 *       matrix products {@code [K, N, in] x [K, in, out] + [K, 1, out]};</li>
 *   <li>the loss differentiated is \(\sum_k L_k\): since \(L_j\) does not depend on \(\theta_k\) for \(j \ne k\),
 *       the gradient of the sum with respect to network k's block is exactly \(\nabla_{\theta_k} L_k\).</li>
 * </ul>
 * The results equal K separate {@link Network}s' up to float32 rounding (the grouped and batched kernels sum in
 * another order); {@code StackedLeNetTest} states and tests the tolerance. LeNet has no batch norm or dropout, so
 * the training-mode forward of {@link Network#lossAndGradient} is this plain forward.
 *
 * <p>Refused: any architecture other than LeNet ({@code name "lenet"}, 1x28x28 input, 10 classes, LeNet's eight
 * parameter shapes), e.g. VGG, whose blocks are not stacked here; K &lt; 1; a training set of another shape. The
 * training set, shared by the K networks, lives on the engine as in {@link Network}. Not thread-safe; close it to
 * free the native memory.
 */
public final class StackedLeNet implements AutoCloseable {
    /** Features per network after the second pool: 10 channels x 4 x 4. */
    private static final int FEATURES = 160;

    /** K. */
    private final int networks;
    /** The layout of the images and activations, {@link MemoryLayout#configured()} when created, as Network's. */
    private final MemoryLayout layout = MemoryLayout.configured();
    /** Owner of every tensor. */
    private final NDManager manager;
    /** The eight stacked tensors, in flat order (see the class comment for the shapes). */
    private final NDArray[] stacked;
    /** Start of tensor t in a network's flat vector; {@code offsets[8] == d}. */
    private final int[] offsets;
    /** One direct native-order buffer per stacked tensor, through which the weights are set. */
    private final ByteBuffer[] buffers;
    /** Float views of {@link #buffers}. */
    private final FloatBuffer[] floatViews;
    /** The training images, (n, 1, 28, 28). */
    private final NDArray images;
    /** The training labels, int64. */
    private final NDArray labels;
    /** n. */
    private final int trainingSize;

    private StackedLeNet(int networks, ImageDataset train) {
        this.networks = networks;
        this.manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        this.stacked = new NDArray[StackedLayout.LENET_SHAPES.length];
        this.offsets = new int[StackedLayout.LENET_SHAPES.length + 1];
        this.buffers = new ByteBuffer[StackedLayout.LENET_SHAPES.length];
        this.floatViews = new FloatBuffer[StackedLayout.LENET_SHAPES.length];
        for (int t = 0; t < StackedLayout.LENET_SHAPES.length; t++) {
            int size = Math.toIntExact(StackedLayout.LENET_SHAPES[t].size());
            offsets[t + 1] = offsets[t] + size;
            buffers[t] = ByteBuffer.allocateDirect(networks * size * Float.BYTES).order(ByteOrder.nativeOrder());
            floatViews[t] = buffers[t].asFloatBuffer();
            stacked[t] = manager.zeros(StackedLayout.stackedShape(t, networks), DataType.FLOAT32);
            stacked[t].setRequiresGradient(true);
        }
        this.trainingSize = train.size();
        this.images = manager.create(train.pixels(), new Shape(train.size(), 1, 28, 28));
        long[] y = new long[train.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = train.labels()[i];
        }
        this.labels = manager.create(y);
    }

    /**
     * Builds K LeNets with zero weights (set each with {@link #setWeights}) on one training set.
     *
     * @param architecture must be {@link Models#lenet()}
     * @param train the training set shared by the K networks (1x28x28 images, 10 classes)
     * @param networks K
     * @return the stacked model; close it
     * @throws IllegalArgumentException if {@code networks < 1}, the architecture is not LeNet or the training set
     *     does not fit it
     */
    public static StackedLeNet of(Architecture architecture, ImageDataset train, int networks) {
        Require.nonNull(architecture, "architecture");
        Require.nonNull(train, "train");
        Require.positive(networks, "networks");
        StackedLayout.requireLeNet(architecture);
        if (train.channels() != 1 || train.height() != 28 || train.width() != 28 || train.classes() != 10) {
            throw new IllegalArgumentException(train.name() + " (" + train.channels() + "x" + train.height() + "x"
                    + train.width() + ", " + train.classes() + " classes) does not fit lenet (1x28x28, 10 classes)");
        }
        return new StackedLeNet(networks, train);
    }

    /** @return K */
    public int networks() {
        return networks;
    }

    /** @return d, each network's number of weights ({@value Models#LENET_PARAMETERS}) */
    public int dimension() {
        return offsets[StackedLayout.LENET_SHAPES.length];
    }

    /** @return n, the size of the shared training set */
    public int trainingSize() {
        return trainingSize;
    }

    /**
     * Packs network k's flat weights into the stacked tensors.
     *
     * @param k the network, in [0, K)
     * @param w its weights in {@link Network}'s flat layout (length d), rounded to float32
     * @throws IllegalArgumentException if k is out of range or the length is not d
     */
    public void setWeights(int k, double[] w) {
        checkNetwork(k);
        checkLength(w, "w");
        for (int t = 0; t < stacked.length; t++) {
            FloatBuffer f = floatViews[t];
            int size = offsets[t + 1] - offsets[t];
            for (int j = 0; j < size; j++) {
                f.put(k * size + j, (float) w[offsets[t] + j]);
            }
            // as FlatWeights: set_ points the tensor at the direct buffer; written only between steps
            stacked[t].set(buffers[t]);
        }
    }

    /**
     * Unpacks network k's flat weights from the stacked tensors.
     *
     * @param k the network, in [0, K)
     * @param out receives its weights in {@link Network}'s flat layout (length d)
     * @throws IllegalArgumentException if k is out of range or the length is not d
     */
    public void weights(int k, double[] out) {
        checkNetwork(k);
        checkLength(out, "out");
        for (int t = 0; t < stacked.length; t++) {
            unpack(stacked[t].toByteBuffer().asFloatBuffer(), t, k, out);
        }
    }

    /** Network k's block of stacked tensor t into its flat vector. */
    private void unpack(FloatBuffer from, int t, int k, double[] to) {
        int size = offsets[t + 1] - offsets[t];
        for (int j = 0; j < size; j++) {
            to[offsets[t] + j] = from.get(k * size + j);
        }
    }

    /** @param t a tensor in flat order @return a copy of the stacked tensor, for the layout test */
    float[] stackedTensor(int t) {
        return stacked[t].toFloatArray();
    }

    /**
     * Each network's mean loss and gradient on its own batch, in one engine call.
     *
     * @param examples K batches of training-set indices: network k uses the first {@code count} of
     *     {@code examples[k]}
     * @param count N, the same for every network
     * @param grads receives network k's gradient in {@code grads[k]} (length d each)
     * @return the K mean losses
     * @throws IllegalArgumentException if there are not K batches or K gradients, a batch is shorter than count,
     *     count &lt; 1, or a gradient's length is not d
     */
    public double[] lossAndGradient(int[][] examples, int count, double[][] grads) {
        Require.nonNull(examples, "examples");
        checkBatches(examples, networks, count, grads);
        long[] byPosition = new long[networks * count]; // [n][k]: the images of position n, network-major inside
        long[] byNetwork = new long[networks * count]; // [k][n]: the labels
        for (int k = 0; k < networks; k++) {
            for (int n = 0; n < count; n++) {
                byPosition[n * networks + k] = examples[k][n];
                byNetwork[k * count + n] = examples[k][n];
            }
        }
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = images.get(sub, new NDIndex("{}", sub.create(byPosition))).reshape(count, networks, 28, 28);
            NDArray y = labels.get(sub, new NDIndex("{}", sub.create(byNetwork))).reshape(networks, count, 1);
            return run(sub, x, networks, y, count, grads);
        }
    }

    /**
     * Each network's mean loss and gradient on one shared batch (e.g. the large batch), in one engine call.
     *
     * @param examples training-set indices; the first {@code count} are every network's batch
     * @param count N
     * @param grads receives network k's gradient in {@code grads[k]} (length d each)
     * @return the K mean losses
     * @throws IllegalArgumentException if count is not in [1, examples.length], there are not K gradients or a
     *     gradient's length is not d
     */
    public double[] lossAndGradient(int[] examples, int count, double[][] grads) {
        checkBatches(new int[][] {examples}, 1, count, grads);
        long[] index = new long[count];
        for (int n = 0; n < count; n++) {
            index[n] = examples[n];
        }
        try (NDManager sub = manager.newSubManager()) {
            NDArray idx = sub.create(index);
            NDArray x = images.get(sub, new NDIndex("{}", idx));
            NDArray y = labels.get(sub, new NDIndex("{}", idx)).reshape(1, count, 1).repeat(0, networks);
            return run(sub, x, 1, y, count, grads);
        }
    }

    /**
     * The forward pass, the backward pass of the summed losses and the gradients' unpacking.
     *
     * @param x the input, (N, K, 28, 28) or (N, 1, 28, 28)
     * @param conv1Groups K for own batches, 1 for a shared batch
     * @param y the labels, (K, N, 1)
     */
    private double[] run(NDManager sub, NDArray x, int conv1Groups, NDArray y, int count, double[][] grads) {
        double[] losses = new double[networks];
        try (GradientCollector collector = TorchRuntime.engine().newGradientCollector()) {
            NDArray perNetwork = forwardLosses(x, conv1Groups, y, count);
            collector.backward(perNetwork.sum());
            float[] l = perNetwork.toFloatArray();
            for (int k = 0; k < networks; k++) {
                losses[k] = l[k];
            }
        }
        for (int t = 0; t < stacked.length; t++) {
            PtNDArray weight = (PtNDArray) stacked[t];
            NDArray g = weight.getGradient();
            g.attach(sub);
            FloatBuffer f = g.toByteBuffer().asFloatBuffer();
            for (int k = 0; k < networks; k++) {
                unpack(f, t, k, grads[k]);
            }
            JniUtils.zeroGrad(weight); // PyTorch accumulates into .grad, as in FlatWeights
        }
        return losses;
    }

    /** @return the (K) mean cross-entropies */
    private NDArray forwardLosses(NDArray x, int conv1Groups, NDArray y, int count) {
        Shape one = new Shape(1, 1);
        Shape zero = new Shape(0, 0);
        Shape two = new Shape(2, 2);
        NDArray h = Conv2d.conv2d(layout.apply(x), stacked[0], stacked[1], one, zero, one, conv1Groups)
                .singletonOrThrow();
        h = Activation.relu(Pool.maxPool2d(h, two, two, zero, false));
        h = Conv2d.conv2d(h, stacked[2], stacked[3], one, zero, one, networks).singletonOrThrow();
        h = Activation.relu(Pool.maxPool2d(h, two, two, zero, false)); // (N, K*10, 4, 4)
        h = h.reshape(count, networks, FEATURES).transpose(1, 0, 2); // (K, N, 160)
        h = Activation.relu(h.matMul(stacked[4].transpose(0, 2, 1)).add(stacked[5])); // (K, N, 50)
        NDArray logits = h.matMul(stacked[6].transpose(0, 2, 1)).add(stacked[7]); // (K, N, 10)
        return logits.logSoftmax(2).gather(y, 2).reshape(networks, count).neg().mean(new int[] {1});
    }

    private void checkNetwork(int k) {
        Require.inRange(k, 0, networks - 1, "k");
    }

    private void checkLength(double[] a, String name) {
        if (a.length != dimension()) {
            throw new IllegalArgumentException(name + ".length is not " + dimension() + ": " + a.length);
        }
    }

    private void checkBatches(int[][] examples, int batches, int count, double[][] grads) {
        Objects.requireNonNull(grads, "grads");
        if (examples.length != batches) {
            throw new IllegalArgumentException("examples.length is not " + batches + ": " + examples.length);
        }
        if (grads.length != networks) {
            throw new IllegalArgumentException("grads.length is not " + networks + ": " + grads.length);
        }
        for (int[] batch : examples) {
            Require.nonNull(batch, "examples");
            Require.inRange(count, 1, batch.length, "count");
        }
        for (double[] g : grads) {
            checkLength(g, "grads[k]");
        }
    }

    /** Frees the native memory of the stacked weights and the training set. */
    @Override
    public void close() {
        manager.close();
    }

    @Override
    public String toString() {
        return "StackedLeNet[K=" + networks + ", d=" + dimension() + ", n=" + trainingSize + "]";
    }
}
