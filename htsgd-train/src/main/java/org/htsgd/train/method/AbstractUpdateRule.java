package org.htsgd.train.method;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.htsgd.train.model.DifferentiableModel;

/**
 * The shared part of the rules: lifecycle, learning rate, truncation \(\varphi_b(\eta g)\) by the global L2 norm,
 * weight decay + heavy-ball momentum (PyTorch convention), the L-infinity weight clip and the step record. A
 * subclass only forms its raw direction g at the current weights.
 */
abstract class AbstractUpdateRule implements UpdateRule {
    /** Configuration. */
    protected final Hyperparameters hp;
    /** Bound model, null before init. */
    protected DifferentiableModel model;
    /** Generator of the batches. */
    protected UniformRandomProvider batchRng;
    /** Generator of Z. */
    protected UniformRandomProvider noiseRng;
    /** Current weights (work buffer, length d). */
    protected double[] theta;
    /** Raw direction g (work buffer, length d). */
    protected double[] direction;
    /** Momentum buffer v in gradient units (length d; length 0 when momentum is 0). */
    private double[] velocity;
    /** Z of the current step (0 when no noise), set by {@link #computeDirection}. */
    protected double z;
    /** Whether the current step injected noise, set by {@link #computeDirection}. */
    protected boolean noiseOn;

    AbstractUpdateRule(Hyperparameters hp) {
        this.hp = Objects.requireNonNull(hp, "hyperparameters");
    }

    /** {@inheritDoc} */
    @Override
    public final Hyperparameters hyperparameters() {
        return hp;
    }

    /** {@inheritDoc} */
    @Override
    public final void init(DifferentiableModel model, UniformRandomProvider batchRng, UniformRandomProvider noiseRng) {
        this.model = Objects.requireNonNull(model, "model");
        this.batchRng = Objects.requireNonNull(batchRng, "batchRng");
        this.noiseRng = Objects.requireNonNull(noiseRng, "noiseRng");
        final int d = model.dimension();
        theta = new double[d];
        direction = new double[d];
        velocity = new double[hp.momentum() > 0 ? d : 0];
        allocate(d, model.trainingSize());
    }

    /**
     * Sizes the subclass's work buffers and samplers (called by init).
     *
     * @param d number of weights
     * @param n training-set size
     */
    abstract void allocate(int d, int n);

    /**
     * Forms the raw direction into {@link #direction} at the model's current weights (also in {@link #theta}),
     * sets {@link #z} and {@link #noiseOn}, and leaves the model's weights at {@link #theta}.
     *
     * @param iteration t
     * @return the loss of the batch driving the step
     */
    abstract double computeDirection(long iteration);

    /** @return whether the step is truncated at b */
    boolean truncates() {
        return method().truncates();
    }

    /** {@inheritDoc} */
    @Override
    public final StepRecord step(long iteration) {
        if (model == null) {
            throw new IllegalStateException("step before init: " + this);
        }
        if (iteration < 0) {
            throw new IllegalArgumentException("iteration is not >= 0: " + iteration);
        }
        final double eta = hp.learningRate(iteration);
        model.weights(theta);
        z = 0;
        noiseOn = false;
        final double loss = computeDirection(iteration);

        final double gradNorm = HeavyTailedDirection.norm(direction);
        final double rawStepNorm = eta * gradNorm;
        // factor = min(1, b/||eta g||): phi_b(eta g) = eta * factor * g. Computed from the norm, so one pass.
        final double factor = truncates() ? hp.b().factor(rawStepNorm) : 1.0;
        final boolean truncated = factor < 1;
        final double stepNorm = truncated ? hp.b().b() : rawStepNorm;

        final double[] th = theta;
        final double[] g = direction;
        final int d = th.length;
        final double lambda = hp.weightDecay();
        final double mu = hp.momentum();
        if (mu > 0) {
            // PyTorch SGD: u = phi_b(eta g)/eta + lambda theta; v = mu v + u; theta -= eta v.
            final double[] v = velocity;
            for (int i = 0; i < d; i++) {
                v[i] = mu * v[i] + (factor * g[i] + lambda * th[i]);
                th[i] -= eta * v[i];
            }
        } else if (lambda > 0) {
            for (int i = 0; i < d; i++) {
                th[i] -= eta * (factor * g[i] + lambda * th[i]);
            }
        } else {
            final double scale = eta * factor;
            for (int i = 0; i < d; i++) {
                th[i] -= scale * g[i];
            }
        }
        final double r = hp.weightLinfClip();
        if (r != Double.POSITIVE_INFINITY) {
            for (int i = 0; i < d; i++) {
                th[i] = Math.max(-r, Math.min(r, th[i]));
            }
        }
        model.setWeights(th);
        return new StepRecord(loss, eta, gradNorm, stepNorm, truncated, z, noiseOn);
    }

    /** {@inheritDoc} */
    @Override
    public final double[] saveState() {
        if (model == null) {
            throw new IllegalStateException("saveState before init: " + this);
        }
        return velocity.clone();
    }

    /** {@inheritDoc} */
    @Override
    public final void restoreState(double[] state) {
        if (model == null) {
            throw new IllegalStateException("restoreState before init: " + this);
        }
        if (state.length != velocity.length) {
            throw new IllegalArgumentException("state length is not " + velocity.length + ": " + state.length);
        }
        System.arraycopy(state, 0, velocity, 0, state.length);
    }

    /**
     * @param n training-set size
     * @param size a batch size
     * @param name its name
     * @return a sampler of that size on the batch generator
     * @throws IllegalArgumentException if {@code size > n}
     */
    final BatchSampler sampler(int n, int size, String name) {
        if (size > n) {
            throw new IllegalArgumentException(name + " is not <= trainingSize (" + n + "): " + size);
        }
        return BatchSampler.of(batchRng, n, size);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + method() + ", " + hp + "]";
    }
}
