package org.htsgd.train.sharpness;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.CombinationSampler;
import org.htsgd.core.stats.TailIndex;
import org.htsgd.core.validation.Require;
import org.htsgd.train.model.DifferentiableModel;

/**
 * Tail index of the minibatch gradient noise at fixed weights \(\theta\) (paper.md §4.7, Fig. A.1; Simsekli,
 * Sagun & Gürbüzbalaban 2019, "A tail-index analysis of stochastic gradient noise in deep neural networks").
 *
 * <p>For {@code batches} minibatches \(B_b\) of {@code batchSize} distinct examples (uniform without replacement
 * within a batch, independent across batches, as the paper's SB), the noise vector is
 * \(\xi_b = \nabla L_{B_b}(\theta) - \nabla L(\theta)\) with L the full training loss. Reported:
 * <ul>
 * <li>the norms \(\|\xi_b\|\), their mean and a histogram (Fig. A.1);</li>
 * <li>Hill's estimate of the tail index of \(\|\xi_b\|\) from the {@code hillFraction} largest norms
 * ({@link TailIndex#hill(double[], int)});</li>
 * <li>the multivariate Mohammadi estimate on the noise vectors ({@link TailIndex#mohammadi(double[][], int)},
 * computed streaming): with K = {@code blockSize} consecutive batches summed into \(Y_i\),
 * \(1/\hat\alpha = (\overline{\log\|Y\|} - \overline{\log\|\xi\|})/\log K\)
 * (exact for vectors of iid symmetric alpha-stable coordinates, where \(\|Y\| \overset{d}{=} K^{1/\alpha}
 * \|\xi\|\); \(\hat\alpha \approx 2\) for Gaussian noise);</li>
 * <li>the per-coordinate Mohammadi estimate as in Simsekli et al.: the coordinates of the noise treated as
 * samples of one symmetric alpha-stable law, with blocks summed within a coordinate (so each block has one scale),
 * on a random subset of at most {@code maxCoordinates} coordinates (stream (seed, TAIL, 1)); coordinates with an
 * exactly zero noise sample or block sum (discrete noise of parameters that few examples reach, e.g. dead units)
 * are left out.</li>
 * </ul>
 * Batches come from stream (seed, TAIL, 0).
 */
public final class GradientNoiseTail {
    private GradientNoiseTail() {
    }

    /**
     * @param batchSize examples per minibatch (paper: 100)
     * @param batches number of minibatches
     * @param hillFraction fraction of the norms used as upper order statistics by Hill's estimator
     * @param blockSize K, the block size of the Mohammadi estimators; 0 picks
     *     \(\lfloor\sqrt{\text{batches}}\rfloor\)
     * @param maxCoordinates largest number of coordinates kept for the per-coordinate estimate
     * @param bins histogram bins over [min, max] of the norms
     */
    public record Config(int batchSize, int batches, double hillFraction, int blockSize, int maxCoordinates,
                         int bins) {
        /**
         * @throws IllegalArgumentException if {@code !(batchSize > 0)}, {@code !(batches >= 4)}, hillFraction not
         *     in (0, 1), blockSize not 0 and not in [2, batches/2], {@code !(maxCoordinates > 0)} or
         *     {@code !(bins > 0)}
         */
        public Config {
            Require.positive(batchSize, "batchSize");
            if (!(batches >= 4)) {
                throw new IllegalArgumentException("batches is not >= 4: " + batches);
            }
            Require.inOpenUnit(hillFraction, "hillFraction");
            if (blockSize != 0 && !(blockSize >= 2 && blockSize <= batches / 2)) {
                throw new IllegalArgumentException("blockSize is not 0 or in [2, " + batches / 2 + "]: " + blockSize);
            }
            Require.positive(maxCoordinates, "maxCoordinates");
            Require.positive(bins, "bins");
        }

        /** @return batch 100, 1000 batches, Hill on the top 10%, K1 = 31, 2000 coordinates, 50 bins */
        public static Config defaults() {
            return new Config(100, 1000, 0.1, 0, 2000, 50);
        }

        /** @param size batch size @param count number of batches @return a copy with them */
        public Config withBatches(int size, int count) {
            return new Config(size, count, hillFraction, blockSize, maxCoordinates, bins);
        }

        /** @return K in use */
        public int effectiveBlockSize() {
            return blockSize != 0 ? blockSize : Math.max(2, (int) Math.floor(Math.sqrt(batches)));
        }

        /** @return k in use by Hill's estimator */
        public int hillK() {
            return Math.max(1, Math.min(batches - 1, (int) Math.floor(hillFraction * batches)));
        }
    }

    /**
     * @param config settings
     * @param seed seed of the batch and coordinate streams
     * @param fullGradientNorm \(\|\nabla L(\theta)\|\)
     * @param noiseNorm mean of \(\|\xi_b\|\) with its standard error
     * @param noiseNorms all \(\|\xi_b\|\) in batch order
     * @param hill Hill's estimate from the norms, with its standard error
     * @param mohammadi multivariate Mohammadi estimate from the noise vectors, with its standard error
     * @param coordinateMohammadi per-coordinate Mohammadi estimate, or null if no coordinate qualified
     * @param coordinatesUsed coordinates in the per-coordinate estimate
     * @param histogramEdges bins + 1 edges (linear over [min, max] of the norms)
     * @param histogramCounts counts per bin (the last bin includes its upper edge)
     */
    public record Result(Config config, long seed, double fullGradientNorm, MonteCarloEstimate noiseNorm,
                         double[] noiseNorms, TailIndex hill, TailIndex mohammadi, TailIndex coordinateMohammadi,
                         int coordinatesUsed, double[] histogramEdges, long[] histogramCounts) {
        /** Copies the arrays. */
        public Result {
            noiseNorms = noiseNorms.clone();
            histogramEdges = histogramEdges.clone();
            histogramCounts = histogramCounts.clone();
        }

        /** @return a copy of the norms */
        @Override
        public double[] noiseNorms() {
            return noiseNorms.clone();
        }

        /** @return a copy of the edges */
        @Override
        public double[] histogramEdges() {
            return histogramEdges.clone();
        }

        /** @return a copy of the counts */
        @Override
        public long[] histogramCounts() {
            return histogramCounts.clone();
        }
    }

    /**
     * Samples the gradient noise at the model's current weights (restored afterwards) and estimates its tail.
     *
     * @param objective the full training objective
     * @param config settings
     * @param seed seed
     * @param progress called after each batch
     * @return the result
     * @throws IllegalArgumentException if the batch size is not below the training-set size (no noise)
     * @throws IllegalStateException if the model returns a non-finite gradient
     */
    public static Result estimate(TrainingObjective objective, Config config, long seed, SharpnessProgress progress) {
        DifferentiableModel model = objective.model();
        int n = objective.trainingSize();
        int d = objective.dimension();
        if (!(config.batchSize() < n)) {
            throw new IllegalArgumentException("batchSize is not < training size " + n + ": " + config.batchSize());
        }
        SavedWeights saved = SavedWeights.of(model); // restored on leaving the try
        try (saved) {
            double[] full = new double[d];
            objective.lossAndGradient(full);
            double[] grad = new double[d];
            int[] permutation = new int[n];
            for (int i = 0; i < n; i++) {
                permutation[i] = i;
            }
            int k1 = config.effectiveBlockSize();
            int usedBatches = (config.batches() / k1) * k1;
            UniformRandomProvider batchRng = Streams.of(seed, Measure.TAIL, 0);
            int[] coordinates = coordinateSubset(d, config.maxCoordinates(), Streams.of(seed, Measure.TAIL, 1));
            // coordinate-major: coordinate c's batches are contiguous, so Mohammadi blocks never mix coordinates
            double[] perCoordinate = new double[coordinates.length * usedBatches];
            double[] norms = new double[config.batches()];
            StreamingMohammadi vectors = new StreamingMohammadi(d, k1, usedBatches / k1);
            for (int b = 0; b < config.batches(); b++) {
                // partial Fisher-Yates: the first batchSize entries become a uniform sample without replacement
                for (int i = 0; i < config.batchSize(); i++) {
                    int j = i + batchRng.nextInt(n - i);
                    int t = permutation[i];
                    permutation[i] = permutation[j];
                    permutation[j] = t;
                }
                model.lossAndGradient(permutation, config.batchSize(), grad);
                double sq = 0;
                for (int j = 0; j < d; j++) {
                    double xi = grad[j] - full[j];
                    grad[j] = xi;
                    sq += xi * xi;
                }
                norms[b] = Math.sqrt(sq);
                if (!(norms[b] < Double.POSITIVE_INFINITY)) {
                    throw new IllegalStateException("the model's gradient is not finite on noise batch " + b);
                }
                if (b < usedBatches) {
                    vectors.accept(grad);
                    for (int c = 0; c < coordinates.length; c++) {
                        perCoordinate[c * usedBatches + b] = grad[coordinates[c]];
                    }
                }
                progress.update(Measure.TAIL, b + 1L, config.batches());
            }
            double[] kept = continuousCoordinates(perCoordinate, usedBatches, k1);
            int coordinatesUsed = kept.length / usedBatches;
            TailIndex coordinateMohammadi = coordinatesUsed > 0 ? TailIndex.mohammadi(kept, k1) : null;
            TailIndex hill = TailIndex.hill(norms, config.hillK());
            double fullNorm = 0;
            for (double g : full) {
                fullNorm += g * g;
            }
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double x : norms) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
            double[] edges = new double[config.bins() + 1];
            for (int i = 0; i <= config.bins(); i++) {
                edges[i] = min + (max - min) * i / config.bins();
            }
            long[] counts = new long[config.bins()];
            for (double x : norms) {
                int bin = max > min ? (int) ((x - min) / (max - min) * config.bins()) : 0;
                counts[Math.min(bin, config.bins() - 1)]++;
            }
            return new Result(config, seed, Math.sqrt(fullNorm), MonteCarloEstimate.of(norms), norms, hill,
                    vectors.result(), coordinateMohammadi, coordinatesUsed, edges, counts);
        }
    }

    private static int[] coordinateSubset(int d, int max, UniformRandomProvider rng) {
        if (d <= max) {
            int[] all = new int[d];
            for (int j = 0; j < d; j++) {
                all[j] = j;
            }
            return all;
        }
        int[] subset = new CombinationSampler(rng, d, max).sample();
        java.util.Arrays.sort(subset);
        return subset;
    }

    /**
     * Keeps the coordinates whose noise looks continuous: no exactly zero sample and no exactly zero block sum.
     * Exact zeros come from parameters that only a few examples reach (dead or rarely active units) whose noise
     * takes a handful of discrete values; \(\log|\cdot|\) of such values is -infinity and the stable-law estimator
     * does not apply to them.
     */
    private static double[] continuousCoordinates(double[] perCoordinate, int length, int blockSize) {
        int coordinates = perCoordinate.length / length;
        double[] kept = new double[perCoordinate.length];
        int out = 0;
        for (int c = 0; c < coordinates; c++) {
            boolean continuous = true;
            double block = 0;
            for (int b = 0; b < length && continuous; b++) {
                double v = perCoordinate[c * length + b];
                block += v;
                continuous = v != 0 && ((b + 1) % blockSize != 0 || block != 0);
                if ((b + 1) % blockSize == 0) {
                    block = 0;
                }
            }
            if (continuous) {
                System.arraycopy(perCoordinate, c * length, kept, out, length);
                out += length;
            }
        }
        return java.util.Arrays.copyOf(kept, out);
    }
}
