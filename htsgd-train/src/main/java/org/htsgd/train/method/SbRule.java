package org.htsgd.train.method;

/** SB: \(\theta \leftarrow \theta - \eta g_{SB}(\theta)\) (S1 §4). */
public final class SbRule extends AbstractUpdateRule {
    /** SB sampler. */
    private BatchSampler sb;

    SbRule(Hyperparameters hp) {
        super(hp);
    }

    /** {@inheritDoc} */
    @Override
    public Method method() {
        return Method.SB;
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
    public SbRule copy() {
        return new SbRule(hp);
    }
}
