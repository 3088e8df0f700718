/** Benchmarks of the simulator: JMH steps/second on the paper's 1-D problem and the side-by-side run vs numpy. */
package org.htsgd.bench.sim;
