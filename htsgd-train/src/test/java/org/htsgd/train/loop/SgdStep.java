package org.htsgd.train.loop;

import org.apache.commons.rng.UniformRandomProvider;
import org.htsgd.train.method.Hyperparameters;
import org.htsgd.train.method.Method;
import org.htsgd.train.method.StepRecord;
import org.htsgd.train.method.UpdateRule;
import org.htsgd.train.model.DifferentiableModel;

/**
 * A minimal small-batch SGD rule with heavy-ball momentum (the loop's test rule): batch of {@code batch} indices
 * without replacement (partial Fisher-Yates from the identity), \(v \leftarrow \mu v + g\),
 * \(\theta \leftarrow \theta - \eta v\). The momentum buffer is its checkpointed state.
 */
final class SgdStep implements UpdateRule {
    private final double lr;
    private final int batch;
    private final double momentum;
    private DifferentiableModel model;
    private UniformRandomProvider rng;
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
    public Method method() {
        return Method.SB;
    }

    @Override
    public Hyperparameters hyperparameters() {
        return Hyperparameters.of(lr, batch, batch, Double.POSITIVE_INFINITY, 0, 2, 0, 1).withMomentum(momentum);
    }

    @Override
    public void init(DifferentiableModel model, UniformRandomProvider batchRng, UniformRandomProvider noiseRng) {
        this.model = model;
        this.rng = batchRng;
        perm = new int[model.trainingSize()];
        w = new double[model.dimension()];
        g = new double[model.dimension()];
        velocity = new double[model.dimension()];
    }

    @Override
    public StepRecord step(long iteration) {
        int n = perm.length;
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
        for (int i = 0; i < w.length; i++) {
            velocity[i] = momentum * velocity[i] + g[i];
            w[i] -= lr * velocity[i];
            norm += g[i] * g[i];
        }
        model.setWeights(w);
        return new StepRecord(loss, lr, Math.sqrt(norm), lr * Math.sqrt(norm), false, 0, false);
    }

    @Override
    public double[] saveState() {
        return velocity.clone();
    }

    @Override
    public void restoreState(double[] state) {
        System.arraycopy(state, 0, velocity, 0, velocity.length);
    }

    @Override
    public UpdateRule copy() {
        return new SgdStep(lr, batch, momentum);
    }
}
