package org.htsgd.train.loop;

import java.util.Locale;
import org.htsgd.train.data.DataSpec;
import org.htsgd.train.model.Architecture;
import org.htsgd.train.model.Models;

/**
 * The paper's deep-learning tasks (paper.md §4.3, §4.6): a network and a dataset. Their hyperparameters are
 * {@link org.htsgd.train.method.Hyperparameters#paperDefaults(String, org.htsgd.train.method.Method)} (Table 1,
 * App. A.3/A.4), looked up by {@link #cliName()}.
 */
public enum Task {
    /** LeNet on the 1,200-example Fashion-MNIST subset with 200 random labels; test set the full 10,000. */
    FMNIST_LENET,
    /** VGG11 on a 25,000-example SVHN subset. */
    SVHN_VGG11,
    /** VGG11 on CIFAR-10 (50,000 training images). */
    CIFAR10_VGG11,
    /** VGG16 (dropout) on CIFAR-100, Table 3 set-up. */
    CIFAR100_VGG16;

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

    /** @return the dataset (train/test construction, default directory, how to get it) */
    public DataSpec data() {
        return switch (this) {
            case FMNIST_LENET -> DataSpec.FMNIST_CORRUPTED;
            case SVHN_VGG11 -> DataSpec.SVHN;
            case CIFAR10_VGG11 -> DataSpec.CIFAR10;
            case CIFAR100_VGG16 -> DataSpec.CIFAR100;
        };
    }
}
