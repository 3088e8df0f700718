package org.htsgd.core.simulation;

import java.util.Objects;
import org.htsgd.core.landscape.Landscape;
import org.htsgd.core.noise.VectorNoiseLaw;
import org.htsgd.core.truncation.Truncation;
import org.htsgd.core.validation.Require;

/**
 * Heavy-tailed SGD with truncation in \(d\) dimensions (eq. 2 with the norm truncation of S4 eq. 2.3):
 * \(X_{n+1} = \varphi_L\big(X_n - \varphi_b(\eta\,(\nabla f(X_n) - Z_{n+1}))\big)\), where
 * \(\varphi_b(w) = \min(b, \|w\|)\,w/\|w\|\) acts on the whole update (global L2 norm) and \(\varphi_L\) projects
 * onto the landscape's domain (a ball or interval).
 *
 * @param landscape \(f\) with its gradient and domain
 * @param noise the law of the noise vector \(Z\)
 * @param eta the learning rate
 * @param truncation \(\varphi_b\)
 */
public record SgdNd(Landscape landscape, VectorNoiseLaw noise, double eta, Truncation truncation) {
    /**
     * @throws IllegalArgumentException if {@code eta} is not finite and {@code > 0}, or the dimensions differ
     * @throws NullPointerException if an argument is null
     */
    public SgdNd {
        Objects.requireNonNull(landscape, "landscape");
        Objects.requireNonNull(noise, "noise");
        Objects.requireNonNull(truncation, "truncation");
        Require.finitePositive(eta, "eta");
        if (noise.dimension() != landscape.dimension()) {
            throw new IllegalArgumentException("noise dimension is not the landscape dimension "
                + landscape.dimension() + ": " + noise.dimension());
        }
    }

    /** @return the dimension \(d\) */
    public int dimension() {
        return landscape.dimension();
    }

    /** @param newEta a learning rate @return a copy with {@code eta = newEta} */
    public SgdNd withEta(double newEta) {
        return new SgdNd(landscape, noise, newEta, truncation);
    }

    /** @param newTruncation \(\varphi_b\) @return a copy with that truncation */
    public SgdNd withTruncation(Truncation newTruncation) {
        return new SgdNd(landscape, noise, eta, newTruncation);
    }

    /**
     * One step of eq. (2) in place, allocation-free.
     *
     * @param x \(X_n\), overwritten with \(X_{n+1}\)
     * @param z the noise draw \(Z_{n+1}\)
     * @param work a scratch buffer of length \(d\); receives the truncated update \(\varphi_b(\cdot)\)
     * @return whether the update was truncated
     */
    public boolean step(double[] x, double[] z, double[] work) {
        landscape.gradient(x, work);
        for (int i = 0; i < work.length; i++) {
            work[i] = eta * (work[i] - z[i]);
        }
        boolean truncated = truncation.applyInPlace(work);
        for (int i = 0; i < work.length; i++) {
            x[i] -= work[i];
        }
        landscape.domain().project(x);
        return truncated;
    }
}
