package org.htsgd.train.sharpness;

import org.htsgd.core.validation.Require;

/**
 * Binary search for the largest perturbation radius r whose rise of the target quantity stays within a target
 * displacement, as in Jiang et al. (2020) and the reference code {@code _pacbayes_sigma} (paper.md §4.6, S9).
 *
 * <p>Starting from the bracket [0, {@code upper}], each of at most {@code depth} steps evaluates the rise
 * \(D(r)\) at the midpoint r; it stops with that r when \(|D(r) - \text{displacement}| < \text{tolerance}\),
 * otherwise it keeps the half where the rise crosses the target (upper half if \(D(r) <\) displacement). After
 * {@code depth} steps without a stop it returns the last midpoint, as the reference code does; the final bracket is
 * reported so a user can see whether {@code upper} was too small. The reference bisection's resolution is absolute
 * ({@code upper / 2^depth}), too coarse for small radii; with {@code refine} (the default) {@link RadiusSearch#run}
 * goes on until the bracket is narrow relative to the radius. Unlike the reference code (which uses
 * \(|{\rm acc}_u - {\rm acc}|\)) the rise is signed: \(D(r) = T(\theta + u_r) - T(\theta)\).
 *
 * @param quantity the target quantity T: error (Jiang et al.'s choice) or loss
 * @param displacement the allowed rise of T (Jiang et al.: 0.1)
 * @param upper the upper end of the initial bracket (reference code: 2)
 * @param depth the largest number of bisection steps (reference code: 15)
 * @param tolerance the stop tolerance on \(|D(r) - \text{displacement}|\) (reference code: 1e-2)
 * @param refine whether the search goes on after {@code depth} steps until the bracket is narrow relative to the
 *     radius ({@link RadiusSearch#RELATIVE_WIDTH}; true by default; false is the reference code's plain bisection of
 *     at most {@code depth} steps)
 */
public record SearchSettings(TargetQuantity quantity, double displacement, double upper, int depth,
                             double tolerance, boolean refine) {
    /**
     * @throws IllegalArgumentException if quantity is null, displacement, upper or tolerance is not finite and
     *     positive, or {@code !(depth > 0)}
     */
    public SearchSettings {
        Require.nonNull(quantity, "quantity");
        Require.finitePositive(displacement, "displacement");
        Require.finitePositive(upper, "upper");
        Require.positive(depth, "depth");
        Require.finitePositive(tolerance, "tolerance");
    }

    /** Settings that refine to relative precision ({@code refine} = true). */
    public SearchSettings(TargetQuantity quantity, double displacement, double upper, int depth, double tolerance) {
        this(quantity, displacement, upper, depth, tolerance, true);
    }

    /** @return Jiang et al. / reference-code settings: error, 0.1, [0, 2], depth 15, tolerance 1e-2 */
    public static SearchSettings jiang() {
        return new SearchSettings(TargetQuantity.ERROR, 0.1, 2, 15, 1e-2);
    }

    /** @param q the target quantity @return a copy with it */
    public SearchSettings withQuantity(TargetQuantity q) {
        return new SearchSettings(q, displacement, upper, depth, tolerance, refine);
    }

    /** @param target the allowed rise @return a copy with it */
    public SearchSettings withDisplacement(double target) {
        return new SearchSettings(quantity, target, upper, depth, tolerance, refine);
    }

    /** @param newDepth bisection steps @param newTolerance stop tolerance @return a copy with them */
    public SearchSettings withPrecision(int newDepth, double newTolerance) {
        return new SearchSettings(quantity, displacement, upper, newDepth, newTolerance, refine);
    }

    /** @param newUpper upper end of the bracket @return a copy with it */
    public SearchSettings withUpper(double newUpper) {
        return new SearchSettings(quantity, displacement, newUpper, depth, tolerance, refine);
    }

    /** @param newRefine whether to refine past {@code depth} to relative precision @return a copy */
    public SearchSettings withRefine(boolean newRefine) {
        return new SearchSettings(quantity, displacement, upper, depth, tolerance, newRefine);
    }
}
