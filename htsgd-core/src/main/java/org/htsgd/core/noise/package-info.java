/**
 * Gradient-noise laws \(Z\) of the paper (Assumption 2, ICLR 2022 §2.1) and their samplers on Apache Commons RNG:
 * {@link org.htsgd.core.noise.SymmetricLomax} (the paper's 1-D noise), {@link org.htsgd.core.noise.ClassicalPareto},
 * {@link org.htsgd.core.noise.SymmetricStable}, {@link org.htsgd.core.noise.StudentT},
 * {@link org.htsgd.core.noise.Gaussian} and {@link org.htsgd.core.noise.IsotropicNoise} in \(d\) dimensions;
 * {@link org.htsgd.core.noise.NoiseLaws#parse(String)} reads the command line's {@code --noise} spec.
 */
package org.htsgd.core.noise;
