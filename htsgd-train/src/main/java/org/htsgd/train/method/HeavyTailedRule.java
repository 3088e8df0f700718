package org.htsgd.train.method;

/**
 * The shared part of SB+Noise, Our 1 and Our 2: while the noise is on (t &lt; T - K) the direction is
 * \(g_{heavy} = g_{SB} + Z (g_{SB^*} - g_{LB})\) (eq. 47, {@link HeavyTailedDirection}) with one fresh
 * \(Z = cW\) per iteration ({@link HeavyTailedMultiplier}); SB, SB* (if independent) and LB are drawn in this order,
 * then Z. In the last K iterations the direction is \(g_{LB}\) (or \(g_{SB}\), {@link NoiseOffPhase}) and no Z is
 * drawn.
 */
abstract class HeavyTailedRule extends AbstractUpdateRule {
    /** SB (and SB*) sampler. */
    private BatchSampler sb;
    /** LB sampler. */
    private BatchSampler lb;
    /** g_SB* buffer (independent SB* only). */
    private double[] gSbStar;
    /** g_LB buffer. */
    private double[] gLb;
    /** Z sampler on the noise generator. */
    private HeavyTailedMultiplier multiplier;

    HeavyTailedRule(Hyperparameters hp) {
        super(hp);
    }

    /** @return whether SB* is a batch drawn independently of SB (Our 1) rather than SB itself */
    abstract boolean independentSecondBatch();

    @Override
    final void allocate(int d, int n) {
        sb = sampler(n, hp.batch(), "batch");
        lb = sampler(n, hp.lbBatch(), "lbBatch");
        gLb = new double[d];
        gSbStar = independentSecondBatch() ? new double[d] : null;
        multiplier = HeavyTailedMultiplier.of(noiseRng, hp);
    }

    @Override
    final double computeDirection(long iteration) {
        if (!hp.noiseOn(iteration)) {
            return hp.noiseOffPhase() == NoiseOffPhase.LB
                ? model.lossAndGradient(lb.next(), hp.lbBatch(), direction)
                : model.lossAndGradient(sb.next(), hp.batch(), direction);
        }
        noiseOn = true;
        final double loss = model.lossAndGradient(sb.next(), hp.batch(), direction);
        double[] star = direction;
        if (gSbStar != null) {
            model.lossAndGradient(sb.next(), hp.batch(), gSbStar);
            star = gSbStar;
        }
        model.lossAndGradient(lb.next(), hp.lbBatch(), gLb);
        z = multiplier.sample();
        HeavyTailedDirection.combine(direction, star, gLb, z, direction);
        return loss;
    }
}
