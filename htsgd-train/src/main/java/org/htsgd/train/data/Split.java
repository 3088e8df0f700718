package org.htsgd.train.data;

/** Which half of a dataset's official train/test split to load. */
public enum Split {
    /** The official training files. */
    TRAIN,
    /** The official test files. */
    TEST
}
