package org.htsgd.train.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The engine computation {@link EngineSelfCheck} checks: two stacked 5x5 convolutions without bias (1 -> 10 -> 10
 * channels, a batch of 20 28x28 images, the shapes of LeNet's convolutions), the loss \(L = \mathrm{mean}(z^2)\) with
 * \(z = w_2 * (w_1 * x)\), and its gradient with respect to \((w_1, w_2)\) (250 + 2,500 values, in that order). The
 * backward pass runs oneDNN's backward-weights kernels of both convolutions and the backward-data kernel of the
 * second, the one that returned NaN. It runs once per {@link MemoryLayout} (NCHW, then NHWC: oneDNN has separate
 * kernels for each) and {@link #gradient} returns both gradients one after the other, so a verdict covers the
 * kernels of either layout. Inputs are drawn in Java from a fixed seed (\(x \sim N(0,1)\),
 * \(w \sim 0.1\,N(0,1)\)); {@link #reference} recomputes the gradient with plain Java loops in double precision,
 * independently of the engine, and repeats it once per layout. Close it to free the native memory.
 */
public final class ConvBackwardProbe implements EngineSelfCheck.GradientSource, AutoCloseable {
    /**
     * What the probe checks, part of the self-check's cache key ({@link EngineIsa#cacheKey}): a verdict cached by a
     * probe that checked less (before 2026-12-04: the NCHW kernels only) is not reused.
     */
    public static final String CHECKS = "conv backward, layouts nchw+nhwc";
    private static final int BATCH = 20;
    private static final int SIDE = 28;
    private static final int KERNEL = 5;
    private static final int CHANNELS = 10;
    private static final long SEED = 20_221_001L;

    private final float[] x;
    private final float[] w1;
    private final float[] w2;
    private final NDManager manager;
    private final NDArray images;
    private final NDArray weights1;
    private final NDArray weights2;

    private ConvBackwardProbe(int threads) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        x = draw(normal, BATCH * SIDE * SIDE, 1);
        w1 = draw(normal, CHANNELS * KERNEL * KERNEL, 0.1);
        w2 = draw(normal, CHANNELS * CHANNELS * KERNEL * KERNEL, 0.1);
        TorchRuntime.setThreads(threads);
        manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        images = manager.create(x, new Shape(BATCH, 1, SIDE, SIDE));
        weights1 = manager.create(w1, new Shape(CHANNELS, 1, KERNEL, KERNEL));
        weights2 = manager.create(w2, new Shape(CHANNELS, CHANNELS, KERNEL, KERNEL));
        weights1.setRequiresGradient(true);
        weights2.setRequiresGradient(true);
    }

    /**
     * @param threads intra-op threads of the engine (process-wide), at least 1
     * @return the probe, its tensors on the engine; close it
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public static ConvBackwardProbe create(int threads) {
        return new ConvBackwardProbe(threads);
    }

    private static float[] draw(ZigguratSampler.NormalizedGaussian normal, int n, double scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (scale * normal.sample());
        }
        return a;
    }

    /** {@inheritDoc} One backward pass on the engine (float32) per {@link MemoryLayout}, NCHW first. */
    @Override
    public float[] gradient() {
        MemoryLayout[] layouts = MemoryLayout.values();
        float[] out = new float[layouts.length * (w1.length + w2.length)];
        int at = 0;
        for (MemoryLayout layout : layouts) {
            try (NDManager sub = manager.newSubManager()) {
                NDArray input = images.duplicate();
                input.attach(sub);
                try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                    NDArray y = Conv2d.conv2d(layout.apply(input), weights1).singletonOrThrow();
                    NDArray z = Conv2d.conv2d(y, weights2).singletonOrThrow();
                    gc.backward(z.square().mean());
                }
                for (NDArray w : new NDArray[] {weights1, weights2}) {
                    NDArray g = w.getGradient();
                    g.attach(sub);
                    float[] f = g.toFloatArray();
                    System.arraycopy(f, 0, out, at, f.length);
                    at += f.length;
                    JniUtils.zeroGrad((PtNDArray) w);
                }
            }
        }
        return out;
    }

    /** {@inheritDoc} Plain Java, double precision, direct convolution loops; once per layout, as {@link #gradient}. */
    @Override
    public double[] reference() {
        int h1 = SIDE - KERNEL + 1;
        double[] y = convolve(toDouble(x), 1, SIDE, toDouble(w1), CHANNELS);
        double[] z = convolve(y, CHANNELS, h1, toDouble(w2), CHANNELS);
        double[] dz = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            dz[i] = 2 * z[i] / z.length;
        }
        double[] dw2 = weightGradient(dz, CHANNELS, y, CHANNELS, h1);
        double[] dy = inputGradient(dz, CHANNELS, toDouble(w2), CHANNELS, h1);
        double[] dw1 = weightGradient(dy, CHANNELS, toDouble(x), 1, SIDE);
        int one = dw1.length + dw2.length;
        double[] out = new double[MemoryLayout.values().length * one];
        for (int at = 0; at < out.length; at += one) {
            System.arraycopy(dw1, 0, out, at, dw1.length);
            System.arraycopy(dw2, 0, out, at + dw1.length, dw2.length);
        }
        return out;
    }

    private static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    /** Valid convolution (cross-correlation, as PyTorch), NCHW, square images and kernels of side KERNEL. */
    private static double[] convolve(double[] in, int cin, int side, double[] w, int cout) {
        int o = side - KERNEL + 1;
        double[] out = new double[BATCH * cout * o * o];
        forEachTap(cin, side, cout, (io, iw, ii) -> out[io] += w[iw] * in[ii]);
        return out;
    }

    /** dL/dw from dL/dout (cout x o x o) and the input (cin x side x side), o = side - KERNEL + 1. */
    private static double[] weightGradient(double[] dout, int cout, double[] in, int cin, int side) {
        double[] dw = new double[cout * cin * KERNEL * KERNEL];
        forEachTap(cin, side, cout, (io, iw, ii) -> dw[iw] += dout[io] * in[ii]);
        return dw;
    }

    /** dL/din (cin x side x side) from dL/dout (cout x o x o) and the weights. */
    private static double[] inputGradient(double[] dout, int cout, double[] w, int cin, int side) {
        double[] din = new double[BATCH * cin * side * side];
        forEachTap(cin, side, cout, (io, iw, ii) -> din[ii] += dout[io] * w[iw]);
        return din;
    }

    /** One multiply-add of a convolution: flat indices of the output, the weight and the input. */
    @FunctionalInterface
    private interface Tap {
        void at(int out, int weight, int in);
    }

    /** Visits every tap of a valid convolution, in a fixed order (so the reference is deterministic). */
    private static void forEachTap(int cin, int side, int cout, Tap tap) {
        int o = side - KERNEL + 1;
        for (int n = 0; n < BATCH; n++) {
            for (int co = 0; co < cout; co++) {
                for (int i = 0; i < o; i++) {
                    for (int j = 0; j < o; j++) {
                        int io = ((n * cout + co) * o + i) * o + j;
                        for (int ci = 0; ci < cin; ci++) {
                            for (int a = 0; a < KERNEL; a++) {
                                for (int b = 0; b < KERNEL; b++) {
                                    tap.at(io, ((co * cin + ci) * KERNEL + a) * KERNEL + b,
                                            ((n * cin + ci) * side + i + a) * side + j + b);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** Frees the probe's native memory. */
    @Override
    public void close() {
        manager.close();
    }
}
