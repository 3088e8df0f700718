package org.htsgd.train.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The PyTorch engine's process-wide settings that matter for CPU training speed and reproducibility.
 *
 * <p>Intra-op threads: PyTorch parallelises each convolution/matmul over its intra-op pool (default: the number of
 * physical cores). On a machine shared with other processes an oversubscribed pool spin-waits, so set it explicitly;
 * the engine's results are bit-reproducible for a fixed thread count (reductions are split statically), not across
 * thread counts, which is why {@link Network} computes the gradients of networks without batch norm or dropout in
 * fixed single-threaded chunks (ChunkedGradient). Inter-op threads are not used by eager-mode training. DJL reads
 * the system properties {@code ai.djl.pytorch.num_threads} / {@code ai.djl.pytorch.num_interop_threads} when the
 * engine loads; {@link #setThreads} also changes the pool of an engine already loaded.
 */
public final class TorchRuntime {
    private TorchRuntime() {
    }

    /** @return the PyTorch engine, loading it (offline, from the native jar) if needed */
    public static Engine engine() {
        return Engine.getEngine("PyTorch");
    }

    /**
     * @param intraOp number of intra-op threads, at least 1
     * @throws IllegalArgumentException if {@code intraOp < 1}
     */
    public static void setThreads(int intraOp) {
        if (!(intraOp >= 1)) {
            throw new IllegalArgumentException("intraOp is not >= 1: " + intraOp);
        }
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(intraOp));
        engine();
        JniUtils.setNumThreads(intraOp);
    }

    /** @return the current number of intra-op threads */
    public static int threads() {
        engine();
        return JniUtils.getNumThreads();
    }

    /** @return the libtorch version */
    public static String version() {
        return engine().getVersion();
    }
}
