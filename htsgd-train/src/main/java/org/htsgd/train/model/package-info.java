/**
 * Networks as {@link org.htsgd.train.model.DifferentiableModel}s on DJL + PyTorch (CPU, float32):
 * {@link org.htsgd.train.model.Network} (a DJL block bound to its training set on the engine, mean softmax
 * cross-entropy) with its parts, the flat weight view ({@code FlatWeights}), the chunked inference-mode evaluation
 * ({@code ChunkedEvaluation}) and the binary weights format ({@link org.htsgd.train.model.WeightsFile}); the
 * paper's architectures in {@link org.htsgd.train.model.Models} (LeNet 11,330 weights; VGG11/VGG16) with seeded
 * Java-side {@link org.htsgd.train.model.Initialization}, and the engine's thread settings in
 * {@link org.htsgd.train.model.TorchRuntime}.
 *
 * <p>Implementation notes (libtorch 2.7.1 from DJL 0.36.0): on an earlier development VM (reported as AMD EPYC with
 * AVX-512), oneDNN's AVX2/AVX-512 kernels for the backward pass through a second convolution returned run-to-run
 * different gradients, and occasionally NaN, even in pure DJL code; the SSE4.1 kernels did not. On the machines measured
 * since (Intel Xeon with AVX-512; AMD EPYC Zen 3, AVX2) the unrestricted kernels pass. The instruction-set limit
 * ({@code DNNL_MAX_CPU_ISA}) is therefore chosen per machine by {@link org.htsgd.train.model.EngineIsa}: the fastest
 * setting whose {@link org.htsgd.train.model.EngineSelfCheck} passes, cached per CPU and engine version, else SSE41;
 * the launcher, the surefire configuration and the benchmark scripts use it, and a user's setting wins.
 * {@code EngineConvBackwardDiagnosticTest} checks that the configured engine's gradients are reproducible and finite.
 * (An earlier safety net recomputed a gradient that was non-finite at a finite loss; it never fired once the ISA was
 * set, and it is gone: a NaN now reaches the training loop, which stops with its divergence message.) The
 * gradients of networks without batch norm or dropout are the same bits for any thread count ({@code
 * ChunkedGradient}: fixed chunks, each single-threaded, summed in chunk order); the engine's own intra-op threads
 * change the last bits between counts (LeNet's gradient of 100 examples differs between 1, 2 and 3 threads).
 */
package org.htsgd.train.model;
