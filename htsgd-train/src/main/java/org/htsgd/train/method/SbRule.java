package org.htsgd.train.method;

/**
 * SB: \(\theta \leftarrow \theta - \eta g_{SB}(\theta)\), and SB+Clip: \(\theta \leftarrow \theta -
 * \varphi_b(\eta g_{SB}(\theta))\) with the global L2 truncation (S1 §4). The two differ only in whether the step is
 * truncated, which {@link Method#truncates()} says; the direction is the small-batch gradient in both.
 */
public final class SbRule extends AbstractUpdateRule {
    /** {@link Method#SB} or {@link Method#SB_CLIP}. */
    private final Method method;
    /** SB sampler. */
    private BatchSampler sb;

    /**
     * @param hp the configuration
     * @param method {@link Method#SB} or {@link Method#SB_CLIP}
     */
    SbRule(Hyperparameters hp, Method method) {
        super(hp);
        if (method != Method.SB && method != Method.SB_CLIP) {
            throw new IllegalArgumentException("method is not SB or SB_CLIP: " + method);
        }
        this.method = method;
    }

    /** {@inheritDoc} */
    @Override
    public Method method() {
        return method;
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
        return new SbRule(hp, method);
    }
}
