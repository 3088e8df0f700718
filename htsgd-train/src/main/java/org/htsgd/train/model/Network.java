package org.htsgd.train.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.commons.rng.simple.RandomSource;
import org.htsgd.train.data.ImageDataset;
import org.htsgd.train.io.AtomicFiles;
import org.htsgd.train.io.BinaryReader;

/**
 * A DJL network (PyTorch engine, CPU, float32) bound to its training set, seen as a function of one flat weight
 * vector: the {@link DifferentiableModel} the paper's update rules and sharpness measures work on.
 *
 * <p>The loss is the mean softmax cross-entropy \(L(\theta) = -\frac{1}{|B|}\sum_{i \in B} \log
 * \mathrm{softmax}(f_\theta(x_i))_{y_i}\); {@link #lossAndGradient} computes it and its gradient with a DJL
 * {@link GradientCollector} (training-mode forward: batch statistics in batch norm, dropout on). The evaluations
 * run inference-mode forwards in chunks of {@value #EVALUATION_CHUNK} ({@link ChunkedEvaluation}). The weights are
 * the trainable parameters in the flat order of {@link FlatWeights}; non-trainable state (batch norm running
 * statistics) is not part of them but is saved and loaded with them ({@link WeightsFile}).
 *
 * <p>The whole training set lives on the engine as one (N, C, H, W) float tensor and one int64 label tensor;
 * a batch is gathered by index on the engine, so no pixels are copied in Java per step. Every per-call tensor is
 * created in a sub-manager that is closed before the call returns, so repeated calls do not leak native memory.
 * Not thread-safe; close it to free the native memory.
 */
public final class Network implements DifferentiableModel, AutoCloseable {
    /** Examples per forward pass in the evaluations, as S7's chunks of 5,000. */
    public static final int EVALUATION_CHUNK = 5_000;

    /** The architecture. */
    private final Architecture architecture;
    /** Owner of every tensor of this network. */
    private final NDManager manager;
    /** The DJL network. */
    private final Block block;
    /** Its parameter store. */
    private final ParameterStore store;
    /** The block's parameters as one flat vector. */
    private final FlatWeights weights;
    /** Inference-mode loss and accuracy. */
    private final ChunkedEvaluation evaluation;
    /** The training images, (N, C, H, W). */
    private final NDArray images;
    /** The training labels, int64. */
    private final NDArray labels;
    /** N. */
    private final int trainingSize;
    /** Whether gradients go to {@link ChunkedGradient}: a sum over examples, and not turned off. */
    private final boolean separable;
    /** The gradients in chunks, created at the first one. */
    private ChunkedGradient chunked;

    private Network(Architecture architecture, ImageDataset train) {
        this.architecture = architecture;
        checkShape(architecture, train);
        this.manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        this.block = architecture.blockFactory().get();
        block.initialize(manager, DataType.FLOAT32,
                new Shape(1, architecture.channels(), architecture.height(), architecture.width()));
        this.store = new ParameterStore(manager, false);
        this.weights = new FlatWeights(block);
        this.evaluation = new ChunkedEvaluation(manager, block, store, EVALUATION_CHUNK);
        this.trainingSize = train.size();
        this.images = manager.create(train.pixels(),
                new Shape(train.size(), train.channels(), train.height(), train.width()));
        this.labels = manager.create(longs(train.labels(), 0, train.size()));
        this.separable = chunked(block);
    }

    /** @return whether {@link #lossAndGradient} computes this network's gradients in chunks */
    private static boolean chunked(Block block) {
        return ChunkedGradient.separable(block) && ChunkedGradient.configured();
    }

    /**
     * @param architecture a network
     * @return whether its networks give the same bits on any intra-op thread count, so that the count may change
     *     between two steps of a run without changing the run: its gradients are computed in chunks (no batch norm,
     *     no dropout, {@code -Dhtsgd.chunked-gradient} not off; {@link #lossAndGradient}); LeNet and VGG11, not VGG16
     */
    public static boolean sameOnAnyThreadCount(Architecture architecture) {
        return chunked(architecture.blockFactory().get());
    }

    /**
     * Builds the network, puts its training set on the engine and draws its initial weights from
     * {@code RandomSource.XO_RO_SHI_RO_128_PP.create(seed)} with the architecture's {@link Initialization}
     * (tensor by tensor in flat order, then the non-trainable state), so the same seed gives bit-identical weights.
     *
     * @param architecture the network
     * @param train its training set (shape and classes must match the architecture)
     * @param seed initialisation seed
     * @return the network; close it
     * @throws IllegalArgumentException if the dataset does not fit the architecture
     */
    public static Network create(Architecture architecture, ImageDataset train, long seed) {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(train, "train");
        Network net = new Network(architecture, train);
        try {
            net.weights.initialize(architecture.initialization(), RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
        return net;
    }

    private static void checkShape(Architecture a, ImageDataset d) {
        if (d.channels() != a.channels() || d.height() != a.height() || d.width() != a.width()
                || d.classes() != a.classes()) {
            throw new IllegalArgumentException(d.name() + " (" + d.channels() + "x" + d.height() + "x" + d.width()
                    + ", " + d.classes() + " classes) does not fit " + a.name() + " (" + a.channels() + "x"
                    + a.height() + "x" + a.width() + ", " + a.classes() + " classes)");
        }
    }

    /** @return the architecture */
    public Architecture architecture() {
        return architecture;
    }

    /** @return the flat view of the weights and state, for {@link WeightsFile} */
    FlatWeights flat() {
        return weights;
    }

    /** {@inheritDoc} */
    @Override
    public int dimension() {
        return weights.dimension();
    }

    /** {@inheritDoc} */
    @Override
    public int trainingSize() {
        return trainingSize;
    }

    /** {@inheritDoc} */
    @Override
    public void weights(double[] out) {
        checkLength(out, "out");
        weights.get(out);
    }

    /** {@inheritDoc} The weights are rounded to float32. */
    @Override
    public void setWeights(double[] w) {
        checkLength(w, "w");
        weights.set(w);
    }

    private void checkLength(double[] a, String name) {
        if (a.length != dimension()) {
            throw new IllegalArgumentException(name + ".length is not " + dimension() + ": " + a.length);
        }
    }

    private static void checkCount(int[] examples, int count) {
        if (!(count >= 1 && count <= examples.length)) {
            throw new IllegalArgumentException("count is not in [1, " + examples.length + "]: " + count);
        }
    }

    /**
     * {@inheritDoc} For a {@link ChunkedGradient#separable} network (no batch norm, no dropout) the batch is cut into
     * chunks of {@link Architecture#gradientChunk} examples (a batch of at most that many into two halves), each
     * computed with one intra-op thread, spread over PyTorch's W intra-op threads and summed in chunk order
     * ({@link ChunkedGradient}): the result is bit-identical for every W, 1 included, and the chunks spread over the
     * threads. Other networks, or with {@code -Dhtsgd.chunked-gradient=off}, compute the batch as one on W intra-op
     * threads (the result may then depend on W).
     */
    @Override
    public double lossAndGradient(int[] examples, int count, double[] grad) {
        checkCount(examples, count);
        checkLength(grad, "grad");
        if (separable) {
            if (chunked == null) {
                chunked = new ChunkedGradient(architecture, dimension(), ChunkedGradient.HELD_VALUES);
            }
            return chunked.lossAndGradient(manager, block, store, weights,
                (sub, from, to) -> gather(sub, examples, from, to), count, TorchRuntime.threads(), grad);
        }
        try (NDManager sub = manager.newSubManager()) {
            NDList xy = gather(sub, examples, 0, count);
            float loss;
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray logits = block.forward(store, new NDList(xy.get(0)), true).singletonOrThrow();
                NDArray mean = ChunkedEvaluation.crossEntropy(logits, xy.get(1)).mean();
                collector.backward(mean);
                loss = mean.getFloat();
            }
            weights.takeGradients(sub, grad);
            return loss;
        }
    }

    /**
     * For tests: gradients hold at most this many chunk-gradient values at once from now on, so that a
     * small network also takes the rounds a large one takes ({@link ChunkedGradient#HELD_VALUES}).
     *
     * @param values the limit
     */
    void limitHeldChunkValues(long values) {
        if (chunked != null) {
            chunked.close();
        }
        chunked = new ChunkedGradient(architecture, dimension(), values);
    }

    /** The training examples {@code examples[from..to)} as an image and a label tensor, gathered on the engine. */
    private NDList gather(NDManager sub, int[] examples, int from, int to) {
        NDArray index = sub.create(longs(examples, from, to));
        return new NDList(images.get(sub, new NDIndex("{}", index)), labels.get(sub, new NDIndex("{}", index)));
    }

    private static long[] longs(int[] a, int from, int to) {
        long[] out = new long[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = a[from + i];
        }
        return out;
    }

    /** {@inheritDoc} Inference mode, in chunks of {@value #EVALUATION_CHUNK}. */
    @Override
    public Evaluation evaluate(int[] examples, int count) {
        checkCount(examples, count);
        return evaluation.run(count, (sub, from, to) -> gather(sub, examples, from, to));
    }

    /** @return loss and accuracy over the whole training set (inference mode) */
    public Evaluation evaluateTraining() {
        int[] all = new int[trainingSize];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return evaluate(all, all.length);
    }

    /**
     * Loss and accuracy on another dataset (e.g. the test set), inference mode, in chunks of
     * {@value #EVALUATION_CHUNK} (each chunk is copied to the engine once).
     *
     * @param other a dataset of the same shape and classes
     * @return its mean loss and accuracy at the current weights
     * @throws IllegalArgumentException if the dataset does not fit the architecture or is empty
     */
    public Evaluation evaluate(ImageDataset other) {
        checkShape(architecture, other);
        if (other.size() == 0) {
            throw new IllegalArgumentException(other.name() + " is empty");
        }
        int per = other.imageSize();
        return evaluation.run(other.size(), (sub, from, to) -> new NDList(
                sub.create(FloatBuffer.wrap(other.pixels(), from * per, (to - from) * per),
                        new Shape(to - from, other.channels(), other.height(), other.width())),
                sub.create(longs(other.labels(), from, to))));
    }

    /**
     * Saves the weights and state in the {@link WeightsFile} format, atomically ({@link AtomicFiles}).
     *
     * @param file target
     * @throws IOException if writing fails (the previous file, if any, is kept)
     */
    public void save(Path file) throws IOException {
        AtomicFiles.write(file, out -> WeightsFile.write(this, out));
    }

    /**
     * @param file a file written by {@link #save}
     * @throws IOException if it cannot be read, is not a weights file, holds another architecture, is truncated or
     *     has trailing bytes (one line naming the file); the weights are then unchanged
     */
    public void load(Path file) throws IOException {
        WeightsFile.read(this, BinaryReader.open(file));
    }

    /** Frees the native memory of the weights and the training set, and stops the chunked gradient's threads. */
    @Override
    public void close() {
        if (chunked != null) {
            chunked.close();
        }
        manager.close();
    }

    @Override
    public String toString() {
        return "Network[" + architecture.name() + ", d=" + dimension() + ", n=" + trainingSize + "]";
    }
}
