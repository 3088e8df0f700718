package org.htsgd.train.loop;

import java.util.Locale;
import org.htsgd.train.model.Architecture;
import org.htsgd.train.model.Models;

/**
 * The paper's deep-learning tasks (paper.md §4.2, §4.3, §4.6) with their Table 1 defaults.
 *
 * <p>Where the paper is silent (paper.md §6): the LB batch is 1,000 for the 1,200-example Fashion-MNIST subset
 * (§6 item 1 suggests 1,000–1,024; 1,000 of 1,200 keeps g_LB close to the full gradient while still a sample
 * without replacement) and 1,024 elsewhere (App. A.4); no momentum or weight decay for the Table 2 tasks;
 * noise off for the last 5,000 iterations. {@link #CIFAR100_VGG16} follows the Table 3 set-up instead: lr 0.1,
 * batch 128, LB batch 1,024, b 0.5, momentum 0.9, weight decay 5e-4, 300 epochs of 50,000 at batch 128 (117,188
 * iterations) with the noise on for the first 200 epochs only (off for the last 39,063 iterations).
 */
public enum Task {
    /** LeNet on the 1,200-example Fashion-MNIST subset with 200 random labels; test set the full 10,000. */
    FMNIST_LENET(0.05, 100, 1_000, 10_000, 5, 0.0, 0.0),
    /** VGG11 on a 25,000-example SVHN subset. */
    SVHN_VGG11(0.05, 100, 1_024, 30_000, 20, 0.0, 0.0),
    /** VGG11 on CIFAR-10 (50,000 training images). */
    CIFAR10_VGG11(0.05, 100, 1_024, 30_000, 20, 0.0, 0.0),
    /** VGG16 (dropout) on CIFAR-100, Table 3 set-up (augmentation is the data loader's concern). */
    CIFAR100_VGG16(0.1, 128, 1_024, 117_188, 0.5, 0.9, 5e-4);

    /** Table 1: c = 0.5 for every task. */
    public static final double C = 0.5;
    /** Table 1: alpha = 1.4 for every task. */
    public static final double ALPHA = 1.4;

    private final double lr;
    private final int batch;
    private final int lbBatch;
    private final long iterations;
    private final double b;
    private final double momentum;
    private final double weightDecay;

    Task(double lr, int batch, int lbBatch, long iterations, double b, double momentum, double weightDecay) {
        this.lr = lr;
        this.batch = batch;
        this.lbBatch = lbBatch;
        this.iterations = iterations;
        this.b = b;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    /** @return the command-line name, e.g. {@code fmnist-lenet} */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param name a command-line name such as {@code fmnist-lenet} (case-insensitive)
     * @return the task
     * @throws IllegalArgumentException if there is no such task
     */
    public static Task parse(String name) {
        for (Task t : values()) {
            if (t.cliName().equalsIgnoreCase(name) || t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("task is not one of fmnist-lenet, svhn-vgg11, cifar10-vgg11, "
                + "cifar100-vgg16: " + name);
    }

    /** @return the network */
    public Architecture architecture() {
        return switch (this) {
            case FMNIST_LENET -> Models.lenet();
            case SVHN_VGG11, CIFAR10_VGG11 -> Models.vgg11();
            case CIFAR100_VGG16 -> Models.vgg16();
        };
    }

    /** @return default learning rate eta */
    public double lr() {
        return lr;
    }

    /** @return default small-batch size */
    public int batch() {
        return batch;
    }

    /** @return default large-batch size (not in the paper for Table 2, see the class comment) */
    public int lbBatch() {
        return lbBatch;
    }

    /** @return default number of iterations */
    public long iterations() {
        return iterations;
    }

    /** @return default truncation threshold b on the step norm \(\|\eta g\|\) */
    public double b() {
        return b;
    }

    /** @return default momentum */
    public double momentum() {
        return momentum;
    }

    /** @return default L2 weight decay */
    public double weightDecay() {
        return weightDecay;
    }

    /** @return default number of final noise-free (LB) iterations */
    public long noiseOffLast() {
        return this == CIFAR100_VGG16 ? 39_063 : 5_000;
    }
}
