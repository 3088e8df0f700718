package org.htsgd.train.method;

/**
 * Sharpness-aware minimisation (Foret, Kleiner, Mobahi, Neyshabur, "Sharpness-Aware Minimization for Efficiently
 * Improving Generalization", ICLR 2021, arXiv 2010.01412), the usual flat-minima baseline, on the SB batch:
 * \(g = g_{SB}(\theta)\), \(\epsilon = \rho\, g/\|g\|\) (\(\epsilon = 0\) if \(g = 0\)),
 * \(\theta \leftarrow \theta - \eta\, g_{SB}(\theta + \epsilon)\) on the same batch. No truncation (b is ignored);
 * momentum and weight decay as in {@link UpdateRule}.
 */
public final class SamRule extends AbstractUpdateRule {
    /** SB sampler. */
    private BatchSampler sb;
    /** theta + epsilon. */
    private double[] perturbed;

    SamRule(Hyperparameters hp) {
        super(hp);
    }

    /** {@inheritDoc} */
    @Override
    public Method method() {
        return Method.SAM;
    }

    @Override
    void allocate(int d, int n) {
        sb = sampler(n, hp.batch(), "batch");
        perturbed = new double[d];
    }

    @Override
    double computeDirection(long iteration) {
        final int[] batch = sb.next();
        final double loss = model.lossAndGradient(batch, hp.batch(), direction);
        final double norm = HeavyTailedDirection.norm(direction);
        final double scale = norm > 0 ? hp.samRho() / norm : 0;
        final int d = theta.length;
        for (int i = 0; i < d; i++) {
            perturbed[i] = theta[i] + scale * direction[i];
        }
        model.setWeights(perturbed);
        model.lossAndGradient(batch, hp.batch(), direction);
        model.setWeights(theta);
        return loss;
    }

    /** {@inheritDoc} */
    @Override
    public SamRule copy() {
        return new SamRule(hp);
    }
}
