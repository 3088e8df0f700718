/**
 * The training loop: {@link org.htsgd.train.loop.TrainConfig} (a run's full provenance, paper defaults per
 * {@link org.htsgd.train.loop.Task}), {@link org.htsgd.train.loop.Trainer#run(TrainConfig, TrainListener)}
 * (seeded, metrics.csv, atomic checkpoints, bit-identical resume, divergence detection, summary.json) and
 * {@link org.htsgd.train.loop.TrainResult}.
 */
package org.htsgd.train.loop;
