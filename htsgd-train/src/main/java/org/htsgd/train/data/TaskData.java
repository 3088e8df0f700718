package org.htsgd.train.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The train and test sets of one paper task as loaded by {@link DataSpec#load}, with their provenance.
 *
 * @param spec         which task
 * @param directory    the directory the files were read from
 * @param seed         seed of the task's randomness (label corruption); unused by deterministic tasks
 * @param train        normalised training set
 * @param test         normalised test set
 * @param augmentation the per-batch augmentation the paper used for this task, or {@code null} for none
 */
public record TaskData(DataSpec spec, Path directory, long seed, ImageDataset train, ImageDataset test,
                       Augmentation augmentation) {
    /** Checks that nothing required is null and that train and test have the same image shape and classes. */
    public TaskData {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (train.channels() != test.channels() || train.height() != test.height()
                || train.width() != test.width() || train.classes() != test.classes()) {
            throw new IllegalArgumentException("train and test shapes are not equal: " + train.name() + " vs "
                    + test.name());
        }
    }
}
