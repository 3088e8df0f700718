package org.htsgd.train.method;

/**
 * Our method 1: \(\theta \leftarrow \theta - \varphi_b(\eta g_{heavy}(\theta))\) with
 * \(g_{heavy} = g_{SB} + Z (g_{SB^*} - g_{LB})\), SB and SB* drawn independently (S1 §4, eq. 47).
 */
public final class Our1Rule extends HeavyTailedRule {
    Our1Rule(Hyperparameters hp) {
        super(hp);
    }

    /** {@inheritDoc} */
    @Override
    public Method method() {
        return Method.OUR1;
    }

    @Override
    boolean independentSecondBatch() {
        return true;
    }

    /** {@inheritDoc} */
    @Override
    public Our1Rule copy() {
        return new Our1Rule(hp);
    }
}
