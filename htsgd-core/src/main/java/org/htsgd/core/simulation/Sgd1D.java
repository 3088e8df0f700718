package org.htsgd.core.simulation;

import java.util.Objects;
import org.htsgd.core.landscape.Domain;
import org.htsgd.core.landscape.Landscape1D;
import org.htsgd.core.noise.NoiseLaw;
import org.htsgd.core.truncation.Truncation;
import org.htsgd.core.validation.Require;

/**
 * Heavy-tailed SGD with truncation in 1-D, the recursion of eq. (2):
 * \(X_{n+1} = \varphi_L\big(X_n - \varphi_b(\eta\,(f'(X_n) - Z_{n+1}))\big)\), where \(\varphi_b\) clips the whole
 * update to \([-b, b]\) and \(\varphi_L\) projects onto the landscape's domain \([-L, L]\).
 *
 * @param landscape \(f\) with its exact derivative and domain
 * @param noise the law of \(Z\)
 * @param eta the learning rate \(\eta\)
 * @param truncation \(\varphi_b\), {@link Truncation#NONE} for unclipped SGD
 */
public record Sgd1D(Landscape1D landscape, NoiseLaw noise, double eta, Truncation truncation) {
    /**
     * @throws IllegalArgumentException if {@code eta} is not finite and {@code > 0}
     * @throws NullPointerException if an argument is null
     */
    public Sgd1D {
        Objects.requireNonNull(landscape, "landscape");
        Objects.requireNonNull(noise, "noise");
        Objects.requireNonNull(truncation, "truncation");
        Require.finitePositive(eta, "eta");
    }

    /**
     * @param landscape \(f\)
     * @param noise law of \(Z\)
     * @param eta learning rate
     * @param b truncation threshold, {@code Double.POSITIVE_INFINITY} for none
     * @return the recursion
     */
    public static Sgd1D of(Landscape1D landscape, NoiseLaw noise, double eta, double b) {
        return new Sgd1D(landscape, noise, eta, Truncation.of(b));
    }

    /** @param newEta a learning rate @return a copy with {@code eta = newEta} */
    public Sgd1D withEta(double newEta) {
        return new Sgd1D(landscape, noise, newEta, truncation);
    }

    /** @param newTruncation \(\varphi_b\) @return a copy with that truncation */
    public Sgd1D withTruncation(Truncation newTruncation) {
        return new Sgd1D(landscape, noise, eta, newTruncation);
    }

    /**
     * One step of eq. (2) for a given noise draw.
     *
     * @param x \(X_n\)
     * @param z \(Z_{n+1}\)
     * @return \(X_{n+1}\)
     */
    public double step(double x, double z) {
        Domain.Interval d = landscape.domain();
        return d.project(x - truncation.apply(eta * (landscape.derivative(x) - z)));
    }
}
