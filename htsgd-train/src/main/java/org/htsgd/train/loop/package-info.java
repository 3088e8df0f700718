/**
 * The training loop: {@link org.htsgd.train.loop.Task} (the catalogue of the paper's tasks: network, dataset,
 * Table 1 hyperparameters per method, schedules, published Table 2 numbers), {@link org.htsgd.train.loop.TrainConfig}
 * (a run's full provenance; {@code config.json} via {@link org.htsgd.train.loop.TrainConfigJson}),
 * {@link org.htsgd.train.loop.Trainer#run(TrainConfig, TrainListener)} (seeded, metrics.csv, atomic checkpoints,
 * bit-identical resume, divergence detection, summary.json), {@link org.htsgd.train.loop.MetricsFile} (reads
 * metrics.csv back) and {@link org.htsgd.train.loop.TrainResult}.
 */
package org.htsgd.train.loop;
