package org.htsgd.train.loop;

import org.apache.commons.rng.UniformRandomProvider;
import org.htsgd.train.model.DifferentiableModel;

/**
 * A minimal small-batch SGD step with heavy-ball momentum (the loop's test rule): batch of {@code batch} indices
 * without replacement (partial Fisher-Yates from the identity), \(v \leftarrow \mu v + g\),
 * \(\theta \leftarrow \theta - \eta v\). The momentum buffer is its checkpointed state.
 */
final class SgdStep implements StepFunction {
    private final double lr;
    private final int batch;
    private final double momentum;
    private double[] velocity;
    private int[] perm;
    private double[] w;
    private double[] g;

    SgdStep(double lr, int batch, double momentum) {
        this.lr = lr;
        this.batch = batch;
        this.momentum = momentum;
    }

    @Override
    public StepOutcome step(long iteration, DifferentiableModel model, UniformRandomProvider rng) {
        int n = model.trainingSize();
        int d = model.dimension();
        if (perm == null) {
            perm = new int[n];
            w = new double[d];
            g = new double[d];
            velocity = velocity == null ? new double[d] : velocity;
        }
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < batch; i++) {
            int j = i + rng.nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        double loss = model.lossAndGradient(perm, batch, g);
        model.weights(w);
        double norm = 0;
        for (int i = 0; i < d; i++) {
            velocity[i] = momentum * velocity[i] + g[i];
            w[i] -= lr * velocity[i];
            norm += g[i] * g[i];
        }
        model.setWeights(w);
        return new StepOutcome(loss, lr * Math.sqrt(norm), false, 0);
    }

    @Override
    public double[] saveState() {
        return velocity == null ? new double[0] : velocity.clone();
    }

    @Override
    public void restoreState(double[] state) {
        velocity = state.length == 0 ? null : state.clone();
    }
}
