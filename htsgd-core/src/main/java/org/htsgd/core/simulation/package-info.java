/**
 * The simulator of heavy-tailed, truncated SGD: the recursion
 * \(X_{n+1} = \varphi_L(X_n - \varphi_b(\eta(\nabla f(X_n) - Z_{n+1})))\) (eq. 2 of Wang, Oh &amp; Rhee, ICLR 2022) in
 * 1-D ({@link org.htsgd.core.simulation.Sgd1D}) and d-D ({@link org.htsgd.core.simulation.SgdNd}), first-exit times
 * from an attraction field ({@link org.htsgd.core.simulation.ExitTimes}) and occupation fractions / transition
 * counts ({@link org.htsgd.core.simulation.Occupancy}).
 *
 * <p>Paths are the unit of parallelism. Path {@code k} draws from its own stream, the {@code k}-th jump of a
 * {@code XO_RO_SHI_RO_128_PP} generator seeded with the run's seed, so a result is bit-identical for any thread
 * count. Memory does not grow with the number of steps.
 */
package org.htsgd.core.simulation;
