package org.htsgd.train.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousUniformSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Deterministic initial weights, drawn in Java from an injected seeded generator (so the same seed gives
 * bit-identical weights whatever the engine's own random state), one parameter tensor at a time in the network's
 * flat order (see {@link Network}).
 *
 * <ul>
 *   <li>{@link #TRUNCATED_NORMAL} — the LeNet ("ConvYu") init of S7 {@code FashionMNIST/model.py}, which draws
 *       its one flat vector of 11,330 weights <em>including the biases</em> from \(N(0, 0.02^2)\) truncated at two
 *       standard deviations (values beyond are re-drawn, as TF's {@code truncated_normal}); S7's flat order is
 *       ours (conv1 W, b, conv2 W, b, fc1 W, b, fc2 W, b), only the kernel layouts differ (TF HWIO vs OIHW).</li>
 *   <li>{@link #VGG} — S7 {@code SVHN/vgg.py}: conv weights \(N(0, 2/n)\) with \(n = k_h k_w \cdot
 *       \text{out channels}\), conv biases 0; linear weights and biases \(U(-1/\sqrt{\text{fan in}},
 *       1/\sqrt{\text{fan in}})\) (PyTorch's {@code nn.Linear} default); batch-norm gamma 1, beta 0, running mean 0,
 *       running variance 1.</li>
 * </ul>
 */
public enum Initialization {
    /** Truncated normal, std 0.02, cut at 2 std, weights and biases (paper §4.3 (1), S7). */
    TRUNCATED_NORMAL {
        @Override
        void fill(Parameter.Type type, Shape shape, long linearFanIn, UniformRandomProvider rng, float[] out) {
            if (type != Parameter.Type.WEIGHT && type != Parameter.Type.BIAS) {
                constant(type, out);
                return;
            }
            ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
            for (int i = 0; i < out.length; i++) {
                double z;
                do {
                    z = gauss.sample();
                } while (Math.abs(z) > 2);
                out[i] = (float) (LENET_STD * z);
            }
        }
    },
    /** He-normal conv weights (fan = k*k*out), PyTorch-default linear layers, BN identity (paper §4.3 (2), S7). */
    VGG {
        @Override
        void fill(Parameter.Type type, Shape shape, long linearFanIn, UniformRandomProvider rng, float[] out) {
            if (type == Parameter.Type.WEIGHT && shape.dimension() == 4) {
                double std = Math.sqrt(2.0 / (shape.get(0) * shape.get(2) * shape.get(3)));
                ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
                for (int i = 0; i < out.length; i++) {
                    out[i] = (float) (std * gauss.sample());
                }
            } else if (linearFanIn > 0 && (type == Parameter.Type.WEIGHT || type == Parameter.Type.BIAS)) {
                double bound = 1 / Math.sqrt(linearFanIn);
                ContinuousUniformSampler u = new ContinuousUniformSampler(rng, -bound, bound);
                for (int i = 0; i < out.length; i++) {
                    out[i] = (float) u.sample();
                }
            } else {
                constant(type, out);
            }
        }
    };

    /** Standard deviation of the LeNet init. */
    public static final double LENET_STD = 0.02;

    /**
     * Fills one tensor. Tensors are visited in network order, so a bias follows its weight.
     *
     * @param type parameter type
     * @param shape tensor shape
     * @param linearFanIn fan in of the linear layer this tensor belongs to (its weight's second dimension), 0 if
     *     it is not a linear layer's
     * @param rng generator
     * @param out receives {@code shape.size()} values (row-major)
     */
    abstract void fill(Parameter.Type type, Shape shape, long linearFanIn, UniformRandomProvider rng, float[] out);

    private static void constant(Parameter.Type type, float[] out) {
        float v = type == Parameter.Type.GAMMA || type == Parameter.Type.RUNNING_VAR ? 1f : 0f;
        java.util.Arrays.fill(out, v);
    }
}
