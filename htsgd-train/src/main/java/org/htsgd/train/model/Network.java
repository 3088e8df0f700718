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
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.htsgd.train.data.ImageDataset;

/**
 * A DJL network (PyTorch engine, CPU, float32) bound to its training set, seen as a function of one flat weight
 * vector: the {@link DifferentiableModel} the paper's update rules and sharpness measures work on.
 *
 * <p>The loss is the mean softmax cross-entropy \(L(\theta) = -\frac{1}{|B|}\sum_{i \in B} \log
 * \mathrm{softmax}(f_\theta(x_i))_{y_i}\); {@link #lossAndGradient} computes it and its gradient with a DJL
 * {@link GradientCollector} (training-mode forward: batch statistics in batch norm, dropout on).
 * {@link #evaluate} runs inference-mode forwards in chunks of {@value #EVALUATION_CHUNK}.
 *
 * <p><b>Flat weight order.</b> The weights are the trainable parameters in {@code block.getParameters()} order
 * (depth first through the layers in forward order; within a layer weight then bias, batch norm gamma then beta),
 * each tensor flattened row-major (C order; a convolution kernel is {@code [out][in][kh][kw]}, a linear weight
 * {@code [out][in]}). For {@link Models#lenet()}: conv1 weight (250), conv1 bias (10), conv2 weight (2,500),
 * conv2 bias (10), fc1 weight (8,000), fc1 bias (50), fc2 weight (500), fc2 bias (10). Non-trainable state (batch
 * norm running statistics) is not part of the weights but is saved and loaded with them.
 *
 * <p>The whole training set lives on the engine as one (N, C, H, W) float tensor and one int64 label tensor;
 * a batch is gathered by index on the engine, so no pixels are copied in Java per step. Every per-call tensor is
 * created in a sub-manager that is closed before the call returns, so repeated calls do not leak native memory.
 * Not thread-safe; close it to free the native memory.
 */
public final class Network implements DifferentiableModel, AutoCloseable {
    /** Examples per forward pass in {@link #evaluate}, as S7's chunks of 5,000. */
    public static final int EVALUATION_CHUNK = 5_000;
    private static final int MAGIC = 0x48545344; // "HTSD"
    private static final int FORMAT_VERSION = 1;

    private final Architecture architecture;
    private final NDManager manager;
    private final Block block;
    private final ParameterStore store;
    /** Trainable parameters in flat order. */
    private final Parameter[] trainable;
    /** Start of each trainable tensor in the flat vector; {@code offsets[k] == dimension}. */
    private final int[] offsets;
    /** Non-trainable state (batch norm running statistics). */
    private final Parameter[] state;
    /** One direct native-order buffer per trainable tensor, through which the weights are set. */
    private final ByteBuffer[] buffers;
    private final FloatBuffer[] floatViews;
    private final int dimension;
    private final NDArray images;
    private final NDArray labels;
    private final int trainingSize;
    /** Gradients recomputed because they were non-finite at a finite loss (engine workaround). */
    private long spuriousNonFiniteGradients;

    private Network(Architecture architecture, ImageDataset train) {
        this.architecture = architecture;
        checkShape(architecture, train);
        this.manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        this.block = architecture.blockFactory().get();
        block.initialize(manager, DataType.FLOAT32,
                new Shape(1, architecture.channels(), architecture.height(), architecture.width()));
        this.store = new ParameterStore(manager, false);
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
        this.dimension = offsets[trainable.length];
        this.trainingSize = train.size();
        this.images = manager.create(train.pixels(),
                new Shape(train.size(), train.channels(), train.height(), train.width()));
        long[] y = new long[train.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = train.labels()[i];
        }
        this.labels = manager.create(y);
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
            net.initialize(RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
        return net;
    }

    private void initialize(UniformRandomProvider rng) {
        double[] w = new double[dimension];
        long fanIn = 0;
        for (int k = 0; k < trainable.length; k++) {
            Shape shape = trainable[k].getArray().getShape();
            if (trainable[k].getType() == Parameter.Type.WEIGHT) {
                fanIn = shape.dimension() == 2 ? shape.get(1) : 0;
            }
            float[] values = new float[offsets[k + 1] - offsets[k]];
            architecture.initialization().fill(trainable[k].getType(), shape, fanIn, rng, values);
            for (int i = 0; i < values.length; i++) {
                w[offsets[k] + i] = values[i];
            }
        }
        setWeights(w);
        for (Parameter p : state) {
            float[] values = new float[Math.toIntExact(p.getArray().size())];
            architecture.initialization().fill(p.getType(), p.getArray().getShape(), 0, rng, values);
            p.getArray().set(values);
        }
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

    /** {@inheritDoc} */
    @Override
    public int dimension() {
        return dimension;
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
        for (int k = 0; k < trainable.length; k++) {
            FloatBuffer f = trainable[k].getArray().toByteBuffer().asFloatBuffer();
            for (int i = offsets[k], j = 0; i < offsets[k + 1]; i++, j++) {
                out[i] = f.get(j);
            }
        }
    }

    /** {@inheritDoc} The weights are rounded to float32. */
    @Override
    public void setWeights(double[] w) {
        checkLength(w, "w");
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

    private void checkLength(double[] a, String name) {
        if (a.length != dimension) {
            throw new IllegalArgumentException(name + ".length is not " + dimension + ": " + a.length);
        }
    }

    private static void checkCount(int[] examples, int count) {
        if (!(count >= 1 && count <= examples.length)) {
            throw new IllegalArgumentException("count is not in [1, " + examples.length + "]: " + count);
        }
    }

    /** {@inheritDoc} */
    @Override
    public double lossAndGradient(int[] examples, int count, double[] grad) {
        checkCount(examples, count);
        checkLength(grad, "grad");
        double loss = computeLossAndGradient(examples, count, grad);
        // Safety net (see package-info): without DNNL_MAX_CPU_ISA=SSE41, oneDNN's AVX kernels for the backward
        // pass through a second convolution occasionally return NaN at a finite loss. Recompute (at most twice): a
        // spurious NaN does not repeat, while a genuine overflow does and is then returned to the caller.
        for (int retry = 0; retry < 2 && Double.isFinite(loss) && !allFinite(grad); retry++) {
            spuriousNonFiniteGradients++;
            loss = computeLossAndGradient(examples, count, grad);
        }
        return loss;
    }

    /** @return how many gradients were recomputed because of a non-finite gradient at a finite loss */
    public long spuriousNonFiniteGradients() {
        return spuriousNonFiniteGradients;
    }

    private static boolean allFinite(double[] a) {
        for (double v : a) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private double computeLossAndGradient(int[] examples, int count, double[] grad) {
        try (NDManager sub = manager.newSubManager()) {
            NDArray index = indexArray(sub, examples, 0, count);
            NDArray x = images.get(sub, new NDIndex("{}", index));
            NDArray y = labels.get(sub, new NDIndex("{}", index));
            float loss;
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray logits = block.forward(store, new NDList(x), true).singletonOrThrow();
                NDArray mean = crossEntropy(logits, y).mean();
                collector.backward(mean);
                loss = mean.getFloat();
            }
            for (int k = 0; k < trainable.length; k++) {
                PtNDArray weight = (PtNDArray) trainable[k].getArray();
                NDArray g = weight.getGradient();
                g.attach(sub);
                FloatBuffer f = g.toByteBuffer().asFloatBuffer();
                for (int i = offsets[k], j = 0; i < offsets[k + 1]; i++, j++) {
                    grad[i] = f.get(j);
                }
                // PyTorch accumulates into .grad and DJL does not clear it: zero it (zero_ also clears NaN).
                JniUtils.zeroGrad(weight);
            }
            return loss;
        }
    }

    private static NDArray crossEntropy(NDArray logits, NDArray y) {
        return logits.logSoftmax(1).gather(y.reshape(-1, 1), 1).neg();
    }

    private static NDArray indexArray(NDManager sub, int[] examples, int from, int to) {
        long[] idx = new long[to - from];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = examples[from + i];
        }
        return sub.create(idx);
    }

    /** {@inheritDoc} Inference mode, in chunks of {@value #EVALUATION_CHUNK}. */
    @Override
    public Evaluation evaluate(int[] examples, int count) {
        checkCount(examples, count);
        double lossSum = 0;
        long correct = 0;
        for (int from = 0; from < count; from += EVALUATION_CHUNK) {
            int to = Math.min(count, from + EVALUATION_CHUNK);
            try (NDManager sub = manager.newSubManager()) {
                NDArray index = indexArray(sub, examples, from, to);
                NDArray x = images.get(sub, new NDIndex("{}", index));
                NDArray y = labels.get(sub, new NDIndex("{}", index));
                double[] r = lossSumAndCorrect(x, y);
                lossSum += r[0];
                correct += (long) r[1];
            }
        }
        return new Evaluation(lossSum / count, (double) correct / count);
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
        int n = other.size();
        if (n == 0) {
            throw new IllegalArgumentException(other.name() + " is empty");
        }
        int per = other.imageSize();
        double lossSum = 0;
        long correct = 0;
        for (int from = 0; from < n; from += EVALUATION_CHUNK) {
            int to = Math.min(n, from + EVALUATION_CHUNK);
            try (NDManager sub = manager.newSubManager()) {
                NDArray x = sub.create(FloatBuffer.wrap(other.pixels(), from * per, (to - from) * per),
                        new Shape(to - from, other.channels(), other.height(), other.width()));
                long[] y = new long[to - from];
                for (int i = 0; i < y.length; i++) {
                    y[i] = other.labels()[from + i];
                }
                double[] r = lossSumAndCorrect(x, sub.create(y));
                lossSum += r[0];
                correct += (long) r[1];
            }
        }
        return new Evaluation(lossSum / n, (double) correct / n);
    }

    private double[] lossSumAndCorrect(NDArray x, NDArray y) {
        NDArray logits = block.forward(store, new NDList(x), false).singletonOrThrow();
        double lossSum = crossEntropy(logits, y).sum().getFloat();
        long correct = logits.argMax(1).eq(y).sum().toType(DataType.INT64, false).getLong();
        return new double[] {lossSum, correct};
    }

    /**
     * Writes the weights and the non-trainable state to {@code out}.
     *
     * @param out the stream (not closed)
     * @throws IOException if writing fails
     */
    public void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeUTF(architecture.name());
        out.writeInt(dimension);
        double[] w = new double[dimension];
        weights(w);
        for (double v : w) {
            out.writeFloat((float) v);
        }
        out.writeInt(state.length);
        for (Parameter p : state) {
            float[] values = p.getArray().toFloatArray();
            out.writeInt(values.length);
            for (float v : values) {
                out.writeFloat(v);
            }
        }
    }

    /**
     * Reads weights and state written by {@link #writeTo} into this network.
     *
     * @param in the stream (not closed)
     * @throws IOException if reading fails or the data are not this architecture's
     */
    public void readFrom(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not an htsgd network file (bad magic)");
        }
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new IOException("unsupported network file version " + version);
        }
        String name = in.readUTF();
        int d = in.readInt();
        if (!name.equals(architecture.name()) || d != dimension) {
            throw new IOException("network file holds " + name + " with " + d + " weights, not "
                    + architecture.name() + " with " + dimension);
        }
        double[] w = new double[dimension];
        for (int i = 0; i < d; i++) {
            w[i] = in.readFloat();
        }
        int states = in.readInt();
        if (states != state.length) {
            throw new IOException("network file holds " + states + " state tensors, not " + state.length);
        }
        float[][] values = new float[states][];
        for (int k = 0; k < states; k++) {
            int n = in.readInt();
            if (n != state[k].getArray().size()) {
                throw new IOException("state tensor " + k + " has " + n + " values, not " + state[k].getArray().size());
            }
            values[k] = new float[n];
            for (int i = 0; i < n; i++) {
                values[k][i] = in.readFloat();
            }
        }
        setWeights(w);
        for (int k = 0; k < states; k++) {
            state[k].getArray().set(values[k]);
        }
    }

    /**
     * Saves weights and state atomically: a temporary file in the same directory, then a rename.
     *
     * @param file target
     * @throws IOException if writing fails (the previous file, if any, is kept)
     */
    public void save(Path file) throws IOException {
        writeAtomically(file, out -> writeTo(out));
    }

    /**
     * @param file a file written by {@link #save}
     * @throws IOException if it cannot be read or holds another architecture
     */
    public void load(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
            readFrom(in);
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes a file through a stream body. */
    @FunctionalInterface
    public interface Writer {
        /** @param out the stream @throws IOException if writing fails */
        void write(DataOutputStream out) throws IOException;
    }

    /**
     * Writes {@code file} atomically: to {@code file.tmp} in the same directory, flushed and synced, then renamed
     * over {@code file} (atomic move where the file system supports it).
     *
     * @param file target
     * @param body writes the content
     * @throws IOException if writing fails (the previous file is then untouched)
     */
    public static void writeAtomically(Path file, Writer body) throws IOException {
        Path abs = file.toAbsolutePath();
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        try (OutputStream raw = Files.newOutputStream(tmp);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw))) {
            body.write(out);
            out.flush();
        }
        try {
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Frees the native memory of the weights and the training set. */
    @Override
    public void close() {
        manager.close();
    }

    @Override
    public String toString() {
        return "Network[" + architecture.name() + ", d=" + dimension + ", n=" + trainingSize + "]";
    }
}
