package org.htsgd.train.method;

import java.util.List;
import java.util.Objects;
import org.htsgd.core.truncation.Truncation;

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
    Truncation b,
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

    /** Task names accepted by {@link #paperDefaults(String)}. */
    public static final List<String> TASKS = List.of("fmnist-lenet", "svhn-vgg11", "cifar10-vgg11", "cifar100-vgg16");

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
        requireFinitePositive(lr, "lr");
        if (batch <= 0) {
            throw new IllegalArgumentException("batch is not > 0: " + batch);
        }
        if (lbBatch <= 0) {
            throw new IllegalArgumentException("lbBatch is not > 0: " + lbBatch);
        }
        Objects.requireNonNull(b, "b");
        if (!(c >= 0) || c == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("c is not >= 0 and finite: " + c);
        }
        if (!(alpha > 1) || alpha == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("alpha is not > 1 and finite: " + alpha);
        }
        Objects.requireNonNull(paretoVariant, "paretoVariant");
        if (totalIterations <= 0) {
            throw new IllegalArgumentException("totalIterations is not > 0: " + totalIterations);
        }
        if (noiseOffLast < 0) {
            throw new IllegalArgumentException("noiseOffLast is not >= 0: " + noiseOffLast);
        }
        if (noiseOffLast > totalIterations) {
            throw new IllegalArgumentException("noiseOffLast is not <= totalIterations (" + totalIterations + "): "
                + noiseOffLast);
        }
        if (Double.isNaN(weightLinfClip)) {
            weightLinfClip = Double.POSITIVE_INFINITY;
        }
        if (!(weightLinfClip > 0)) {
            throw new IllegalArgumentException("weightLinfClip is not > 0: " + weightLinfClip);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum is not in [0, 1): " + momentum);
        }
        if (!(weightDecay >= 0) || weightDecay == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("weightDecay is not >= 0 and finite: " + weightDecay);
        }
        requireFinitePositive(samRho, "samRho");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(noiseOffPhase, "noiseOffPhase");
    }

    private static void requireFinitePositive(double x, String name) {
        if (!(x > 0) || x == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " is not > 0 and finite: " + x);
        }
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
     * The paper's hyperparameters for a task, shared by all methods (S1 Table 1; App. A.4 for cifar100-vgg16).
     *
     * <ul>
     *   <li>fmnist-lenet: η 0.05, batch 100, T 10,000, b 5, c 0.5, α 1.4, K 5,000. LB batch (not stated, §6 item 1):
     *       1,200 = the whole corrupted training subset, i.e. S7's full-batch "GD".</li>
     *   <li>svhn-vgg11, cifar10-vgg11: η 0.05, batch 100, T 30,000, b 20, c 0.5, α 1.4, K 5,000; LB batch 1,024
     *       (not stated; App. A.4's value).</li>
     *   <li>cifar100-vgg16 (App. A.4, with augmentation): 300 epochs of 391 iterations (50,000/128 rounded up) =
     *       117,300 iterations; η 0.1 constant for 200 epochs (78,200 it.) then halved every 30 epochs (11,730 it.);
     *       batch 128, LB batch 1,024, b 0.5, c 0.5, α 1.4; noise only in the first 200 epochs (K = 39,100) then
     *       plain SB steps; momentum 0.9 and weight decay 5e-4 (S8's base script, §6 item 6).</li>
     * </ul>
     * Momentum and weight decay are 0 for the Table 1 tasks (§6 item 6); Lomax W (§6 item 2); SAM ρ = 0.05.
     *
     * @param task one of {@link #TASKS}
     * @return the defaults
     * @throws IllegalArgumentException if the task is unknown
     */
    public static Hyperparameters paperDefaults(String task) {
        switch (task) {
            case "fmnist-lenet":
                return of(0.05, 100, 1200, 5, 0.5, 1.4, 5_000, 10_000);
            case "svhn-vgg11":
            case "cifar10-vgg11":
                return of(0.05, 100, 1024, 20, 0.5, 1.4, 5_000, 30_000);
            case "cifar100-vgg16": {
                final long perEpoch = 391;
                return of(0.1, 128, 1024, 0.5, 0.5, 1.4, 100 * perEpoch, 300 * perEpoch)
                    .withMomentum(0.9)
                    .withWeightDecay(5e-4)
                    .withSchedule(LearningRateSchedule.halveEvery(30 * perEpoch, 200 * perEpoch))
                    .withNoiseOffPhase(NoiseOffPhase.SB);
            }
            default:
                throw new IllegalArgumentException("task is not one of " + TASKS + ": " + task);
        }
    }

    /**
     * The paper's hyperparameters for a task and method: {@link #paperDefaults(String)}, with the SB+Noise overrides
     * of S1 App. A.3 for {@link Method#SB_NOISE}: η = 0.005, weights clipped at L-infinity norm 1, and a longer
     * schedule: fmnist-lenet T = 100,000 with the noise removed in the last K = 50,000; svhn-vgg11 and cifar10-vgg11
     * T = 150,000, K = 70,000. cifar100-vgg16 has no SB+Noise run in the paper; there only the weight clip is set.
     *
     * @param task one of {@link #TASKS}
     * @param method the method
     * @return the defaults
     * @throws IllegalArgumentException if the task is unknown
     */
    public static Hyperparameters paperDefaults(String task, Method method) {
        Hyperparameters h = paperDefaults(task);
        if (method != Method.SB_NOISE) {
            return h;
        }
        switch (task) {
            case "fmnist-lenet":
                return h.withLr(0.005).withTotalIterations(100_000).withNoiseOffLast(50_000).withWeightLinfClip(1.0);
            case "svhn-vgg11":
            case "cifar10-vgg11":
                return h.withLr(0.005).withTotalIterations(150_000).withNoiseOffLast(70_000).withWeightLinfClip(1.0);
            default:
                return h.withWeightLinfClip(1.0);
        }
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
        if (totalIterations <= 0) {
            throw new IllegalArgumentException("totalIterations is not > 0: " + totalIterations);
        }
        final double ratio = (double) totalIterations / this.totalIterations;
        final long k = Math.min(totalIterations, Math.round(noiseOffLast * ratio));
        LearningRateSchedule s = schedule;
        if (s instanceof LearningRateSchedule.StepDecay sd) {
            s = LearningRateSchedule.StepDecay.of(Math.round(sd.after() * ratio),
                Math.max(1, Math.round(sd.every() * ratio)), sd.factor());
        }
        return new Hyperparameters(lr, batch, lbBatch, b, c, alpha, paretoVariant, k, totalIterations,
            weightLinfClip, momentum, weightDecay, samRho, s, noiseOffPhase);
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
