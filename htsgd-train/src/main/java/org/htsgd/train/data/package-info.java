/**
 * Datasets of the paper's deep-learning experiments (paper §4.3, §4.6), in plain Java.
 *
 * <p>Readers turn files into an {@link org.htsgd.train.data.ImageDataset} (NCHW floats, raw pixels in [0, 255]):
 * {@link org.htsgd.train.data.Idx} / {@link org.htsgd.train.data.FashionMnist} (IDX, gzip or raw),
 * {@link org.htsgd.train.data.Cifar} (CIFAR-10/100 binary) and {@link org.htsgd.train.data.Svhn} (SVHN format-2
 * MAT-files via {@code us.hebi.matlab.mat}). Every file is validated; a missing, truncated or wrong file gives one
 * {@link java.lang.IllegalArgumentException} whose message starts with the file name and says what is wrong (and,
 * for a missing file, where it was looked for and how to get it).
 *
 * <p>Transforms return new datasets and never mutate: {@link org.htsgd.train.data.Subsets} (first n, seeded
 * random n), {@link org.htsgd.train.data.LabelCorruption} (the paper's 1,000 clean + 200 re-drawn labels),
 * {@link org.htsgd.train.data.Normalisation}; {@link org.htsgd.train.data.Augmentation} (flip + padded crop) writes
 * augmented batches into a caller buffer without allocating. {@link org.htsgd.train.data.DataSpec} assembles the
 * train/test sets of each task ({@code fmnist-corrupted}, {@code svhn}, {@code cifar10}, {@code cifar100}).
 * All randomness comes from an injected {@code UniformRandomProvider}.
 */
package org.htsgd.train.data;
