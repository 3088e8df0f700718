/**
 * Networks as {@link org.htsgd.train.model.DifferentiableModel}s on DJL + PyTorch (CPU, float32):
 * {@link org.htsgd.train.model.Network} (a DJL block bound to its training set on the engine, mean softmax
 * cross-entropy) with its parts, the flat weight view ({@code FlatWeights}), the chunked inference-mode evaluation
 * ({@code ChunkedEvaluation}) and the binary weights format ({@link org.htsgd.train.model.WeightsFile}); the
 * paper's architectures in {@link org.htsgd.train.model.Models} (LeNet 11,330 weights; VGG11/VGG16) with seeded
 * Java-side {@link org.htsgd.train.model.Initialization}, and the engine's thread settings in
 * {@link org.htsgd.train.model.TorchRuntime}.
 *
 * <p>Implementation notes (measured on the 2-core development VM, AMD EPYC with AVX-512, libtorch 2.7.1 from DJL
 * 0.36.0): oneDNN's AVX2/AVX-512 kernels for the backward pass through a second convolution return run-to-run
 * different gradients there, and occasionally NaN, even in pure DJL code; the SSE4.1 kernels do not. The root-cause
 * work-around is the environment variable {@code DNNL_MAX_CPU_ISA=SSE41}, set by the {@code htsgd} launcher, the
 * surefire configuration and the benchmark scripts; {@code EngineConvBackwardDiagnosticTest} (a regular test) checks
 * that gradients are then reproducible and finite. (An earlier safety net recomputed a gradient that was non-finite
 * at a finite loss; with the setting it never fired, and it is gone: a NaN now reaches the training loop, which
 * stops with its divergence message.) Bit-for-bit tests of the training loop use a one-convolution network and 1
 * intra-op thread ({@code TrainConfig.threads}).
 */
package org.htsgd.train.model;
