package org.htsgd.train.method;

/**
 * SB+Noise, "our method 2 without the gradient clipping": \(\theta \leftarrow \theta - \eta g_{heavy}(\theta)\),
 * \(g_{heavy} = (1+Z) g_{SB} - Z g_{LB}\), no truncation; the weights are then clipped to the L-infinity ball of
 * radius {@code weightLinfClip} (1 in S1 App. A.3, set by the task catalogue,
 * {@link org.htsgd.train.loop.Task#hyperparameters(Method)}).
 */
public final class SbNoiseRule extends HeavyTailedRule {
    SbNoiseRule(Hyperparameters hp) {
        super(hp);
    }

    /** {@inheritDoc} */
    @Override
    public Method method() {
        return Method.SB_NOISE;
    }

    @Override
    boolean independentSecondBatch() {
        return false;
    }

    /** {@inheritDoc} */
    @Override
    public SbNoiseRule copy() {
        return new SbNoiseRule(hp);
    }
}
