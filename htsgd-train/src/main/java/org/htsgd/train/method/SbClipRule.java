package org.htsgd.train.method;

/** SB+Clip: \(\theta \leftarrow \theta - \varphi_b(\eta g_{SB}(\theta))\), global L2 truncation (S1 §4). */
public final class SbClipRule extends AbstractUpdateRule {
    /** SB sampler. */
    private BatchSampler sb;

    SbClipRule(Hyperparameters hp) {
        super(hp);
    }

    /** {@inheritDoc} */
    @Override
    public Method method() {
        return Method.SB_CLIP;
    }

    @Override
    void allocate(int d, int n) {
        sb = sampler(n, hp.batch(), "batch");
    }

    @Override
    double computeDirection(long iteration) {
        return model.lossAndGradient(sb.next(), hp.batch(), direction);
    }

    /** {@inheritDoc} */
    @Override
    public SbClipRule copy() {
        return new SbClipRule(hp);
    }
}
