package org.htsgd.train.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Engine regression test: pure DJL + libtorch 2.7.1 CPU, two stacked convolutions (1->10->10 channels, 5x5, batch
 * 20), 60 backward passes from the same seed, repeated 4 times; all repeats must give the same gradient hash and no
 * NaN. On an earlier development VM (AMD EPYC, reported with AVX-512) oneDNN's AVX2/AVX-512 convolution kernels
 * failed this: the hashes differed between repeats with 2 intra-op threads and one repeat in ~4 contained NaN even with
 * 1 thread (MKL_ENABLE_INSTRUCTIONS=AVX2, MKL_CBWR, ATEN_CPU_CAPABILITY=avx2, OMP_NUM_THREADS=1 did not cure it), while
 * {@code DNNL_MAX_CPU_ISA=SSE41} passed. The surefire configuration now runs it with the setting
 * {@link EngineIsa} chooses for the machine (the fastest whose {@link EngineSelfCheck} passes, else SSE41), so it
 * checks the configuration the project actually uses; {@link EngineSelfCheckTest} covers the choice itself.
 */
class EngineConvBackwardDiagnosticTest {
    @Test
    void stackedConvolutionGradientsAreReproducible() {
        java.util.Set<Long> hashes = new java.util.HashSet<>();
        for (int rep = 0; rep < 4; rep++) {
            try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
                Engine.getEngine("PyTorch").setRandomSeed(1);
                NDArray x = m.randomNormal(new Shape(20, 1, 28, 28));
                NDArray w1 = m.randomNormal(new Shape(10, 1, 5, 5)).mul(0.1);
                NDArray w2 = m.randomNormal(new Shape(10, 10, 5, 5)).mul(0.1);
                w1.setRequiresGradient(true);
                w2.setRequiresGradient(true);
                long h = 0;
                boolean nan = false;
                for (int i = 0; i < 60; i++) {
                    if (Boolean.getBoolean("dbg.fresh")) {
                        for (NDArray w : new NDArray[] {w1, w2}) {
                            NDArray fresh = m.create(w.toFloatArray(), w.getShape());
                            ((ai.djl.pytorch.engine.PtNDArray) w).intern(fresh);
                            w.setRequiresGradient(true);
                        }
                    }
                    try (NDManager sub = m.newSubManager()) {
                        NDArray xi = x.duplicate();
                        xi.attach(sub);
                        try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                            NDArray y = ai.djl.nn.convolutional.Conv2d.conv2d(xi, w1).singletonOrThrow();
                            NDArray z = ai.djl.nn.convolutional.Conv2d.conv2d(y, w2).singletonOrThrow();
                            NDArray loss = z.square().mean();
                            gc.backward(loss);
                        }
                        for (NDArray w : new NDArray[] {w1, w2}) {
                            NDArray g = w.getGradient();
                            g.attach(sub);
                            float[] f = g.toFloatArray();
                            h = 31 * h + Arrays.hashCode(f);
                            for (float v : f) {
                                nan |= Float.isNaN(v);
                            }
                            if (!Boolean.getBoolean("dbg.fresh")) {
                                ai.djl.pytorch.jni.JniUtils.zeroGrad((ai.djl.pytorch.engine.PtNDArray) w);
                            }
                        }
                    }
                }
                System.err.println("repeat " + rep + ": gradient hash " + h + (nan ? " NaN" : ""));
                hashes.add(nan ? 0L : h);
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(1, hashes.size(), "repeats disagree: " + hashes);
    }
}
