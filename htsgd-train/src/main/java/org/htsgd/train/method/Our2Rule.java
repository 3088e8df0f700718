package org.htsgd.train.method;

/**
 * Our method 2: \(\theta \leftarrow \theta - \varphi_b(\eta g_{heavy}(\theta))\) with SB* = SB, i.e.
 * \(g_{heavy} = (1+Z) g_{SB} - Z g_{LB}\) (S1 §4, eq. 47).
 */
public final class Our2Rule extends HeavyTailedRule {
    Our2Rule(Hyperparameters hp) {
        super(hp);
    }

    /** {@inheritDoc} */
    @Override
    public Method method() {
        return Method.OUR2;
    }

    @Override
    boolean independentSecondBatch() {
        return false;
    }

    /** {@inheritDoc} */
    @Override
    public Our2Rule copy() {
        return new Our2Rule(hp);
    }
}
