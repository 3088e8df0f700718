/**
 * Networks as {@link org.htsgd.train.model.DifferentiableModel}s on DJL + PyTorch (CPU, float32):
 * {@link org.htsgd.train.model.Network} (a DJL block bound to its training set on the engine, flat double weights,
 * mean softmax cross-entropy, chunked evaluation, atomic save/load), the paper's architectures in
 * {@link org.htsgd.train.model.Models} (LeNet 11,330 weights; VGG11/VGG16) with seeded Java-side
 * {@link org.htsgd.train.model.Initialization}, and the engine's thread settings in
 * {@link org.htsgd.train.model.TorchRuntime}.
 *
 * <p>Implementation notes (measured on the 2-core development VM, AMD EPYC with AVX-512, libtorch 2.7.1 from DJL
 * 0.36.0): the backward pass through a second convolution (the gradient with respect to a convolution's input) is
 * not run-to-run reproducible there, and occasionally returns NaN, even in pure DJL code
 * ({@code EngineConvBackwardDiagnosticTest}, enabled with {@code -Dhtsgd.diagnose=true}); a single convolution is
 * bit-reproducible. Bit-for-bit tests of the training loop therefore use a one-convolution network, and
 * {@link org.htsgd.train.model.Network#lossAndGradient} recomputes a gradient that is non-finite at a finite loss (at
 * most twice; counted by {@code spuriousNonFiniteGradients()}). With 2 intra-op threads the results also differ in
 * the last bits from run to run; use 1 thread ({@code TrainConfig.threads}) for bit-reproducible runs.
 */
package org.htsgd.train.model;
