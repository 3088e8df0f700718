package org.htsgd.train.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A loss gradient on W threads, the same bits for every W. A batch is cut into consecutive chunks of the
 * architecture's {@link Architecture#gradientChunk} examples (the last one shorter), and a batch that would be one
 * chunk into two halves ({@link #chunkSize}), so that two threads share it: LeNet's (300) small batch of 100 is two
 * chunks of 50, its large batch of 1,200 four of 300; VGG's (25) batch of 100 four. Each chunk's gradient \(g_c =
 * \frac{1}{|B|}\sum_{i \in c} \nabla \ell_i(\theta)\) is computed with one intra-op thread by one of W workers (the
 * calling thread with the network's own block, the others with replicas holding the same weights), and the chunks
 * are summed in chunk order in double precision, \(\nabla L_B = \sum_c g_c\) (in rounds of W chunks when all of them
 * would not fit in {@link #HELD_VALUES}).
 *
 * <p>Why: a seeded training run must give the same numbers on any number of threads, and PyTorch's own intra-op
 * threads do not (oneDNN's weight-gradient kernels split their sums by thread: LeNet's gradient of 100 examples
 * differs in its last bits between 1, 2 and 3 threads). Because the chunking depends on the batch alone and every
 * chunk runs single-threaded, the result is bit-identical for every W; it equals the one-batch gradient to float
 * rounding (the sums run in another order). Chunks also use two cores better than libtorch's threads, which spread
 * one LeNet gradient of 1,200 images poorly on an AVX2 Zen 3 (BENCHMARKS.md, "Chunked large-batch gradient"); the
 * halves make LeNet's batch-100 step 1.47x faster on two threads than one chunk on one (a Zen 4 with AVX-512, where
 * one chunk left the step at parity with PyTorch 1.13's two threads) and cost about 10% on one thread (BENCHMARKS.md,
 * "Two halves"). Only for a network whose loss is a sum over examples ({@link #separable}: no batch norm, whose
 * statistics depend on the batch, and no dropout, whose masks would depend on the thread): the others are computed
 * as one batch.
 *
 * <p>Each worker sets its own thread's intra-op count to 1 before a chunk (PyTorch's setting is per thread for
 * OpenMP and process-wide for its other pools), and the calling thread restores its count afterwards; the calling
 * thread waits for the workers, so no other engine work runs meanwhile. Buffers grow to the largest batch seen and
 * are reused. Not thread-safe, like {@link Network}; close it to stop its threads and free the replicas.
 *
 * <p>The system property {@value #PROPERTY}{@code =off} turns it off (every batch as one on the intra-op threads,
 * as before 2026-12-04), e.g. to compare or to rule it out when diagnosing an engine problem.
 */
final class ChunkedGradient implements AutoCloseable {
    /**
     * Most chunk-gradient values held at once (128 MB of doubles): a batch whose chunks fit (LeNet's, 4 x 11,330) is
     * computed in one round, a larger one (VGG11's 1,024 images, 41 x 9.2 million) in rounds of one chunk per worker.
     */
    static final long HELD_VALUES = 1L << 24;
    /** The system property that turns chunking off ({@code off}; {@code on}, the default, leaves it on). */
    static final String PROPERTY = "htsgd.chunked-gradient";

    /** The network's architecture, for the replicas. */
    private final Architecture architecture;
    /** Replicas for workers 1..W-1. */
    private final List<Replica> replicas = new ArrayList<>();
    /** The workers 1..W-1. */
    private ExecutorService pool;
    /** Threads of {@link #pool}. */
    private int poolSize;
    /** The gradients of one round's chunks, reused: as many as the largest round so far. */
    private double[][] chunkGradients = new double[0][];
    /** Their losses. */
    private double[] chunkLosses = new double[0];
    /** The weights, copied to the replicas before each call. */
    private final double[] weights;
    /** Most chunk-gradient values held at once ({@link #HELD_VALUES}, less in tests). */
    private final long heldValues;

    /**
     * @param architecture the network's architecture
     * @param dimension its number of weights
     * @param heldValues most chunk-gradient values held at once ({@link #HELD_VALUES})
     */
    ChunkedGradient(Architecture architecture, int dimension, long heldValues) {
        this.architecture = architecture;
        this.weights = new double[dimension];
        this.heldValues = heldValues;
    }

    /**
     * @return whether {@value #PROPERTY} leaves chunking on (unset or {@code on})
     * @throws IllegalArgumentException if it is neither {@code on} nor {@code off}
     */
    static boolean configured() {
        String v = System.getProperty(PROPERTY, "on");
        return switch (v) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException(PROPERTY + " is not on or off: '" + v + "'");
        };
    }

    /**
     * The examples per chunk of a batch, a function of the batch alone (so the sums, and the bits, do not depend on
     * the thread count): the architecture's chunk, or half the batch (rounded up) when the batch would otherwise be
     * one chunk, so that two threads share even a small batch.
     *
     * @param count the batch size, {@code >= 1}
     * @param chunk the architecture's {@link Architecture#gradientChunk}, {@code >= 1}
     * @return {@code chunk} if {@code count > chunk}, else {@code ceil(count / 2)}
     */
    static int chunkSize(int count, int chunk) {
        return count > chunk ? chunk : (count + 1) / 2;
    }

    /**
     * @param block a network
     * @return whether its training loss over a batch is the sum of per-example terms computed independently: no
     *     {@link BatchNorm} and no {@link Dropout} anywhere in it
     */
    static boolean separable(Block block) {
        if (block instanceof BatchNorm || block instanceof Dropout) {
            return false;
        }
        for (Block child : block.getChildren().values()) {
            if (!separable(child)) {
                return false;
            }
        }
        return true;
    }

    /** One worker's network: a block with its own parameters and the manager that owns them. */
    private record Replica(NDManager manager, Block block, ParameterStore store, FlatWeights weights) {
        static Replica of(Architecture a) {
            NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
            Block block = a.blockFactory().get();
            block.initialize(manager, DataType.FLOAT32, new Shape(1, a.channels(), a.height(), a.width()));
            return new Replica(manager, block, new ParameterStore(manager, false), new FlatWeights(block));
        }
    }

    /**
     * @param manager the network's manager
     * @param block the network
     * @param store its parameter store
     * @param flat its weights
     * @param chunks the examples of the batch
     * @param count the batch size, {@code >= 1}
     * @param workers W, {@code >= 1}: also the calling thread's intra-op count, restored on return
     * @param grad receives \(\nabla L_B\)
     * @return \(L_B\), the mean loss over the batch
     */
    double lossAndGradient(NDManager manager, Block block, ParameterStore store, FlatWeights flat,
                           ChunkedEvaluation.Chunks chunks, int count, int workers, double[] grad) {
        int chunk = chunkSize(count, architecture.gradientChunk());
        int n = (count + chunk - 1) / chunk;
        int w = Math.min(workers, n);
        // chunks per round: all of them when their gradients fit in HELD_VALUES (no wait between chunks), else one
        // per worker; after each round the chunks are added in chunk order, so the sum does not depend on w
        int perRound = (long) n * grad.length <= heldValues ? n : w;
        if (chunkGradients.length < perRound) { // grows to the largest batch, so alternating batches allocate nothing
            chunkGradients = new double[perRound][weights.length];
            chunkLosses = new double[perRound];
        }
        prepare(w - 1, flat);
        Arrays.fill(grad, 0);
        double loss = 0;
        for (int round = 0; round < n; round += perRound) {
            int inRound = Math.min(perRound, n - round);
            int first = round;
            List<Future<?>> futures = new ArrayList<>(w - 1);
            try {
                for (int k = 1; k < Math.min(w, inRound); k++) {
                    Replica r = replicas.get(k - 1);
                    int worker = k;
                    futures.add(pool.submit(() -> compute(first, inRound, worker, w, r.manager(), r.block(),
                        r.store(), r.weights(), chunks, count, chunk)));
                }
                compute(first, inRound, 0, w, manager, block, store, flat, chunks, count, chunk);
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while computing a chunked gradient", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } finally {
                for (Future<?> f : futures) {
                    f.cancel(false);
                }
                JniUtils.setNumThreads(workers);
            }
            for (int k = 0; k < inRound; k++) {
                double[] g = chunkGradients[k];
                for (int i = 0; i < grad.length; i++) {
                    grad[i] += g[i];
                }
                loss += chunkLosses[k];
            }
        }
        return loss;
    }

    /** Starts the helpers and replicas that are missing, and copies the weights to the replicas. */
    private void prepare(int helpers, FlatWeights flat) {
        if (helpers == 0) {
            return;
        }
        while (replicas.size() < helpers) {
            replicas.add(Replica.of(architecture));
        }
        if (poolSize < helpers) {
            if (pool != null) {
                pool.shutdown();
            }
            poolSize = helpers;
            pool = Executors.newFixedThreadPool(helpers, r -> {
                Thread t = new Thread(r, "htsgd-chunked-gradient");
                t.setDaemon(true);
                return t;
            });
        }
        flat.get(weights);
        for (int k = 0; k < helpers; k++) {
            replicas.get(k).weights().set(weights);
        }
    }

    /**
     * Computes, on this thread with one intra-op thread, the chunks {@code first + slot} (of {@code chunk} examples)
     * of a round for {@code slot = worker, worker + workers, ...} below {@code inRound}, each into its slot.
     */
    private void compute(int first, int inRound, int worker, int workers, NDManager manager, Block block,
                         ParameterStore store, FlatWeights flat, ChunkedEvaluation.Chunks chunks, int count,
                         int chunk) {
        JniUtils.setNumThreads(1);
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        try {
            for (int slot = worker; slot < inRound; slot += workers) {
                int c = first + slot;
                try (NDManager sub = manager.newSubManager()) {
                    NDList xy = chunks.get(sub, c * chunk, Math.min(count, (c + 1) * chunk));
                    NDArray logits = block.forward(store, new NDList(xy.get(0)), true).singletonOrThrow();
                    NDArray loss = ChunkedEvaluation.crossEntropy(logits, xy.get(1)).sum().div(count);
                    JniUtils.backward((PtNDArray) loss, (PtNDArray) sub.ones(loss.getShape()), false, false);
                    chunkLosses[slot] = loss.getFloat();
                    flat.takeGradients(sub, chunkGradients[slot]);
                }
            }
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }

    /** Stops the workers and frees the replicas. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        for (Replica r : replicas) {
            r.manager().close();
        }
        replicas.clear();
    }
}
