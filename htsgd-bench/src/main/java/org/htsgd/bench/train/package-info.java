/**
 * Macro benchmarks of the DJL training step: side by side with PyTorch ({@code bench/lenet_side_by_side.sh}), and
 * per-method throughput with the cost of noise + truncation beyond the gradient evaluations
 * ({@link org.htsgd.bench.train.MethodThroughput}, {@code bench/train_methods.sh}), and K separate LeNet gradients
 * vs one stacked call ({@link org.htsgd.bench.train.StackedStep}, {@code bench/stacked_side_by_side.sh}), and
 * where one gradient's time goes, operator by operator ({@link org.htsgd.bench.train.GradientProfile}).
 */
package org.htsgd.bench.train;
