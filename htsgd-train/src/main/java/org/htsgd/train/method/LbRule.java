package org.htsgd.train.method;

/** LB: \(\theta \leftarrow \theta - \eta g_{LB}(\theta)\) (S1 §4). */
public final class LbRule extends AbstractUpdateRule {
    /** LB sampler. */
    private BatchSampler lb;

    LbRule(Hyperparameters hp) {
        super(hp);
    }

    /** {@inheritDoc} */
    @Override
    public Method method() {
        return Method.LB;
    }

    @Override
    void allocate(int d, int n) {
        lb = sampler(n, hp.lbBatch(), "lbBatch");
    }

    @Override
    double computeDirection(long iteration) {
        return model.lossAndGradient(lb.next(), hp.lbBatch(), direction);
    }

    /** {@inheritDoc} */
    @Override
    public LbRule copy() {
        return new LbRule(hp);
    }
}
