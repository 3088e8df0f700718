package org.htsgd.train.method;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Objects;
import org.htsgd.core.truncation.Truncation;
import org.htsgd.core.validation.Require;

/**
 * The immutable configuration of an {@link UpdateRule} (paper.md §4.1–4.2, Table 1, App. A.3–A.4). All methods of one
 * task share it (fair comparison); each rule reads only the fields it uses.
 *
 * @param lr base learning rate \(\eta_0\), {@code > 0}; the rate at iteration t is {@code schedule.learningRate(lr, t)}
 * @param batch small-batch size of \(g_{SB}\) and \(g_{SB^*}\), {@code > 0}
 * @param lbBatch large-batch size of \(g_{LB}\), {@code > 0}
 * @param b truncation threshold of \(\varphi_b(\eta g)\) (global L2 norm); {@link Truncation#NONE} allowed
 * @param c scale of \(Z = cW\), {@code >= 0}
 * @param alpha tail index of W, {@code > 1}, finite
 * @param paretoVariant law of W (Lomax by default)
 * @param noiseOffLast K: the noise is switched off in the last K iterations, {@code 0 <= K <= totalIterations}
 * @param totalIterations T, the length of the run, {@code > 0}
 * @param weightLinfClip radius of the L-infinity ball the weights are clipped to after each step;
 *        {@code +inf} (or NaN, normalised to {@code +inf}) = off; SB+Noise uses 1 (App. A.3)
 * @param momentum heavy-ball momentum \(\mu \in [0, 1)\) on the truncated step (PyTorch convention, see
 *        {@link UpdateRule})
 * @param weightDecay L2 weight decay \(\lambda \ge 0\), added after truncation (PyTorch convention)
 * @param samRho SAM radius \(\rho > 0\) (Foret et al. default 0.05)
 * @param schedule learning-rate schedule
 * @param noiseOffPhase what noise-injecting methods run in the last K iterations
 */
public record Hyperparameters(
    double lr,
    int batch,
    int lbBatch,
    @JsonIgnoreProperties("none") Truncation b,
    double c,
    double alpha,
    ParetoVariant paretoVariant,
    long noiseOffLast,
    long totalIterations,
    double weightLinfClip,
    double momentum,
    double weightDecay,
    double samRho,
    LearningRateSchedule schedule,
    NoiseOffPhase noiseOffPhase) {

    /** SAM's default radius (Foret et al. 2021). */
    public static final double DEFAULT_SAM_RHO = 0.05;

    /**
     * Validates every field.
     *
     * @throws IllegalArgumentException if {@code !(lr > 0)} or lr infinite, {@code batch <= 0},
     *         {@code lbBatch <= 0}, {@code !(c >= 0)} or c infinite, {@code !(alpha > 1)} or alpha infinite,
     *         {@code noiseOffLast < 0}, {@code totalIterations <= 0}, {@code noiseOffLast > totalIterations},
     *         {@code !(weightLinfClip > 0)} (NaN means off), {@code momentum} not in [0, 1),
     *         {@code !(weightDecay >= 0)} or infinite, {@code !(samRho > 0)} or infinite
     * @throws NullPointerException if {@code b}, {@code paretoVariant}, {@code schedule} or {@code noiseOffPhase}
     *         is null
     */
    public Hyperparameters {
        Require.finitePositive(lr, "lr");
        Require.positive(batch, "batch");
        Require.positive(lbBatch, "lbBatch");
        Objects.requireNonNull(b, "b");
        Require.finiteNonNegative(c, "c");
        Require.tailIndex(alpha, "alpha");
        Objects.requireNonNull(paretoVariant, "paretoVariant");
        Require.positive(totalIterations, "totalIterations");
        Require.inRange(noiseOffLast, 0, totalIterations, "noiseOffLast");
        if (Double.isNaN(weightLinfClip)) {
            weightLinfClip = Double.POSITIVE_INFINITY;
        }
        Require.positive(weightLinfClip, "weightLinfClip");
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum is not in [0, 1): " + momentum);
        }
        Require.finiteNonNegative(weightDecay, "weightDecay");
        Require.finitePositive(samRho, "samRho");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(noiseOffPhase, "noiseOffPhase");
    }

    /**
     * The Table 1 core: plain SGD (no momentum, no weight decay, no weight clip), constant rate, Lomax W, LB steps
     * in the noise-off phase.
     *
     * @param lr base learning rate
     * @param batch small batch
     * @param lbBatch large batch
     * @param b truncation threshold ({@code Double.POSITIVE_INFINITY} = none)
     * @param c scale of Z
     * @param alpha tail index of W
     * @param noiseOffLast K
     * @param totalIterations T
     * @return the validated hyperparameters
     * @throws IllegalArgumentException as the canonical constructor, or if {@code !(b > 0)}
     */
    public static Hyperparameters of(double lr, int batch, int lbBatch, double b, double c, double alpha,
                                     long noiseOffLast, long totalIterations) {
        return new Hyperparameters(lr, batch, lbBatch, Truncation.of(b), c, alpha, ParetoVariant.LOMAX, noiseOffLast,
            totalIterations, Double.POSITIVE_INFINITY, 0, 0, DEFAULT_SAM_RHO, LearningRateSchedule.constant(),
            NoiseOffPhase.LB);
    }

    /**
     * The same run shape at another length: T becomes {@code totalIterations}, K and a step-decay schedule's
     * iteration counts are scaled by the same ratio (rounded; decay period at least 1), so e.g. the paper's
     * fmnist-lenet schedule (T = 10,000, noise off in the last 5,000) becomes T = 2,000 with K = 1,000.
     * Use this for a short run ({@code --iterations}); {@link #withTotalIterations} changes T alone.
     *
     * @param totalIterations the new T, {@code > 0}
     * @return the scaled copy
     * @throws IllegalArgumentException if {@code totalIterations <= 0}
     */
    public Hyperparameters scaledTo(long totalIterations) {
        final IterationSchedule scaled = iterationSchedule().scaledTo(totalIterations);
        final double ratio = (double) totalIterations / this.totalIterations;
        LearningRateSchedule s = schedule;
        if (s instanceof LearningRateSchedule.StepDecay sd) {
            s = LearningRateSchedule.StepDecay.of(Math.round(sd.after() * ratio),
                Math.max(1, Math.round(sd.every() * ratio)), sd.factor());
        }
        return withIterationSchedule(scaled).withSchedule(s);
    }

    /** @return T and K as one value */
    public IterationSchedule iterationSchedule() {
        return IterationSchedule.of(totalIterations, noiseOffLast);
    }

    /**
     * @param v the new T and K (the learning-rate schedule is kept as it is; see {@link #scaledTo})
     * @return a copy with totalIterations and noiseOffLast from v
     */
    public Hyperparameters withIterationSchedule(IterationSchedule v) {
        return new Hyperparameters(lr, batch, lbBatch, b, c, alpha, paretoVariant, v.noiseOffLast(), v.iterations(),
            weightLinfClip, momentum, weightDecay, samRho, schedule, noiseOffPhase);
    }

    /**
     * @param iteration iteration index t
     * @return whether the heavy-tailed noise is on at t, i.e. {@code t < totalIterations - noiseOffLast}
     */
    public boolean noiseOn(long iteration) {
        return iteration < totalIterations - noiseOffLast;
    }

    /** @param iteration t @return the learning rate \(\eta_t\) from the schedule */
    public double learningRate(long iteration) {
        return schedule.learningRate(lr, iteration);
    }

    /** @param v new value @return a copy with lr = v */
    public Hyperparameters withLr(double v) {
        return new Hyperparameters(v, batch, lbBatch, b, c, alpha, paretoVariant, noiseOffLast, totalIterations,
            weightLinfClip, momentum, weightDecay, samRho, schedule, noiseOffPhase);
    }

    /** @param v new value @return a copy with batch = v */
    public Hyperparameters withBatch(int v) {
        return new Hyperparameters(lr, v, lbBatch, b, c, alpha, paretoVariant, noiseOffLast, totalIterations,
            weightLinfClip, momentum, weightDecay, samRho, schedule, noiseOffPhase);
    }

    /** @param v new value @return a copy with lbBatch = v */
    public Hyperparameters withLbBatch(int v) {
        return new Hyperparameters(lr, batch, v, b, c, alpha, paretoVariant, noiseOffLast, totalIterations,
            weightLinfClip, momentum, weightDecay, samRho, schedule, noiseOffPhase);
    }

    /** @param v new value @return a copy with b = v */
    public Hyperparameters withB(Truncation v) {
        return new Hyperparameters(lr, batch, lbBatch, v, c, alpha, paretoVariant, noiseOffLast, totalIterations,
            weightLinfClip, momentum, weightDecay, samRho, schedule, noiseOffPhase);
    }

    /** @param v new threshold ({@code Double.POSITIVE_INFINITY} = none) @return a copy with b = v */
    public Hyperparameters withB(double v) {
        return withB(Truncation.of(v));
    }

    /** @param v new value @return a copy with c = v */
    public Hyperparameters withC(double v) {
        return new Hyperparameters(lr, batch, lbBatch, b, v, alpha, paretoVariant, noiseOffLast, totalIterations,
            weightLinfClip, momentum, weightDecay, samRho, schedule, noiseOffPhase);
    }

    /** @param v new value @return a copy with alpha = v */
    public Hyperparameters withAlpha(double v) {
        return new Hyperparameters(lr, batch, lbBatch, b, c, v, paretoVariant, noiseOffLast, totalIterations,
            weightLinfClip, momentum, weightDecay, samRho, schedule, noiseOffPhase);
    }

    /** @param v new value @return a copy with paretoVariant = v */
    public Hyperparameters withParetoVariant(ParetoVariant v) {
        return new Hyperparameters(lr, batch, lbBatch, b, c, alpha, v, noiseOffLast, totalIterations,
            weightLinfClip, momentum, weightDecay, samRho, schedule, noiseOffPhase);
    }

    /** @param v new value @return a copy with noiseOffLast = v */
    public Hyperparameters withNoiseOffLast(long v) {
        return new Hyperparameters(lr, batch, lbBatch, b, c, alpha, paretoVariant, v, totalIterations,
            weightLinfClip, momentum, weightDecay, samRho, schedule, noiseOffPhase);
    }

    /** @param v new value @return a copy with totalIterations = v */
    public Hyperparameters withTotalIterations(long v) {
        return new Hyperparameters(lr, batch, lbBatch, b, c, alpha, paretoVariant, noiseOffLast, v,
            weightLinfClip, momentum, weightDecay, samRho, schedule, noiseOffPhase);
    }

    /** @param v new value (+inf or NaN = off) @return a copy with weightLinfClip = v */
    public Hyperparameters withWeightLinfClip(double v) {
        return new Hyperparameters(lr, batch, lbBatch, b, c, alpha, paretoVariant, noiseOffLast, totalIterations,
            v, momentum, weightDecay, samRho, schedule, noiseOffPhase);
    }

    /** @param v new value @return a copy with momentum = v */
    public Hyperparameters withMomentum(double v) {
        return new Hyperparameters(lr, batch, lbBatch, b, c, alpha, paretoVariant, noiseOffLast, totalIterations,
            weightLinfClip, v, weightDecay, samRho, schedule, noiseOffPhase);
    }

    /** @param v new value @return a copy with weightDecay = v */
    public Hyperparameters withWeightDecay(double v) {
        return new Hyperparameters(lr, batch, lbBatch, b, c, alpha, paretoVariant, noiseOffLast, totalIterations,
            weightLinfClip, momentum, v, samRho, schedule, noiseOffPhase);
    }

    /** @param v new value @return a copy with samRho = v */
    public Hyperparameters withSamRho(double v) {
        return new Hyperparameters(lr, batch, lbBatch, b, c, alpha, paretoVariant, noiseOffLast, totalIterations,
            weightLinfClip, momentum, weightDecay, v, schedule, noiseOffPhase);
    }

    /** @param v new value @return a copy with schedule = v */
    public Hyperparameters withSchedule(LearningRateSchedule v) {
        return new Hyperparameters(lr, batch, lbBatch, b, c, alpha, paretoVariant, noiseOffLast, totalIterations,
            weightLinfClip, momentum, weightDecay, samRho, v, noiseOffPhase);
    }

    /** @param v new value @return a copy with noiseOffPhase = v */
    public Hyperparameters withNoiseOffPhase(NoiseOffPhase v) {
        return new Hyperparameters(lr, batch, lbBatch, b, c, alpha, paretoVariant, noiseOffLast, totalIterations,
            weightLinfClip, momentum, weightDecay, samRho, schedule, v);
    }
}
