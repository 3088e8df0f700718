/** Macro benchmarks of the DJL training step (side by side with PyTorch, see {@code bench/lenet_side_by_side.sh}). */
package org.htsgd.bench.train;
