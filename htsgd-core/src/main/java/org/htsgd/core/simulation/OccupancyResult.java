package org.htsgd.core.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Occupation of the fields by a run ({@link Occupancy}), aggregated over paths: per field \(i\) the number of steps
 * \(\#\{n \in [1, N] : X_n \in \Omega_i\}\) summed over the paths, whose shares are the occupation fractions of
 * Theorem 2 / Corollary 6, and the counts of transitions between fields. All sums are exact integer sums, so they do
 * not depend on the order of the paths or the threads.
 *
 * @param config the run (provenance, with its seed)
 * @param fieldSteps per field, total number of steps with the iterate in it (all paths)
 * @param pathFieldSteps per path and field, steps in the field
 * @param transitions {@code transitions[i][j]}: number of steps moving from field i to field j != i
 * @param trajectories per path, the recorded iterates, \(d\) coordinates each (path-major)
 * @param histogram counts of \(X_n\) per bin over the domain (1-D only; empty otherwise)
 * @param histogramEdges the {@code bins + 1} bin edges (empty if no histogram)
 */
public record OccupancyResult(OccupancyConfig config, long[] fieldSteps, long[][] pathFieldSteps,
                              long[][] transitions, double[][] trajectories, long[] histogram,
                              double[] histogramEdges) {
    /** Copies the arrays. */
    public OccupancyResult {
        fieldSteps = fieldSteps.clone();
        pathFieldSteps = deepCopy(pathFieldSteps);
        transitions = deepCopy(transitions);
        trajectories = deepCopy(trajectories);
        histogram = histogram.clone();
        histogramEdges = histogramEdges.clone();
    }

    @Override
    public long[] fieldSteps() {
        return fieldSteps.clone();
    }

    @Override
    public long[][] pathFieldSteps() {
        return deepCopy(pathFieldSteps);
    }

    @Override
    public long[][] transitions() {
        return deepCopy(transitions);
    }

    @Override
    public double[][] trajectories() {
        return deepCopy(trajectories);
    }

    @Override
    public long[] histogram() {
        return histogram.clone();
    }

    @Override
    public double[] histogramEdges() {
        return histogramEdges.clone();
    }

    /** @return per field, the fraction of all steps spent in it */
    public double[] fractions() {
        double total = (double) config.steps() * config.paths();
        return Arrays.stream(fieldSteps).mapToDouble(s -> s / total).toArray();
    }

    /** @return total number of field changes over all paths */
    public long transitionCount() {
        return Arrays.stream(transitions).flatMapToLong(Arrays::stream).sum();
    }

    /**
     * The result of a run from its per-path counts.
     *
     * @param config the run
     * @param tallies its per-path counts ({@code k} fields)
     * @param histogramEdges the {@code bins + 1} edges of the paths' histograms, or empty
     * @return the totals over the paths with the per-path steps and trajectories
     */
    static OccupancyResult of(OccupancyConfig config, OccupancyTallies tallies, double[] histogramEdges) {
        long[][] fieldSteps = tallies.fieldSteps();
        int k = fieldSteps[0].length;
        int bins = Math.max(0, histogramEdges.length - 1);
        List<long[]> histograms = bins > 0 ? List.of(tallies.histograms()) : List.of();
        return new OccupancyResult(config, sums(Arrays.asList(fieldSteps), k), fieldSteps,
            square(sums(Arrays.asList(tallies.transitions()), k * k), k), tallies.trajectories(),
            sums(histograms, bins), histogramEdges);
    }

    /**
     * Joins the results of parts of one run (the same configuration but for the block of paths) whose blocks
     * tile a block of paths: per-path steps and trajectories concatenated in path order, the field steps,
     * transitions and histogram summed (exact integer sums, so in any order). The parts of a run of {@code P}
     * paths that tile {@code 0 .. P - 1} merge into exactly the result of running it at once.
     *
     * @param parts the parts, in any order
     * @return the result on the union of their blocks
     * @throws IllegalArgumentException if there is no part, the parts are of different runs (or histogram edges),
     *     or their blocks leave a gap or overlap
     */
    public static OccupancyResult merge(List<OccupancyResult> parts) {
        List<OccupancyResult> sorted = PathBlocks.inPathOrder(parts, r -> r.config.firstPath(),
            r -> r.config.paths(), r -> List.of(r.config.withBlock(0, 1), Arrays.toString(r.histogramEdges)));
        OccupancyResult first = sorted.get(0);
        int k = first.fieldSteps.length;
        List<long[]> fieldSteps = new ArrayList<>();
        List<long[]> transitions = new ArrayList<>();
        List<long[]> histograms = new ArrayList<>();
        List<long[]> perPath = new ArrayList<>();
        List<double[]> trajectories = new ArrayList<>();
        for (OccupancyResult r : sorted) {
            fieldSteps.add(r.fieldSteps);
            transitions.add(Arrays.stream(r.transitions).flatMapToLong(Arrays::stream).toArray());
            histograms.add(r.histogram);
            perPath.addAll(Arrays.asList(r.pathFieldSteps));
            trajectories.addAll(Arrays.asList(r.trajectories));
        }
        OccupancyConfig c = first.config.withBlock(first.config.firstPath(), perPath.size());
        return new OccupancyResult(c, sums(fieldSteps, k), perPath.toArray(long[][]::new),
            square(sums(transitions, k * k), k), trajectories.toArray(double[][]::new),
            sums(histograms, first.histogram.length), first.histogramEdges);
    }

    /** @return the element-wise sums of rows of length {@code width} */
    private static long[] sums(List<long[]> rows, int width) {
        long[] total = new long[width];
        for (long[] row : rows) {
            for (int i = 0; i < width; i++) {
                total[i] += row[i];
            }
        }
        return total;
    }

    /** @return the {@code k * k} row-major values as a {@code k x k} matrix */
    private static long[][] square(long[] flat, int k) {
        long[][] m = new long[k][];
        for (int i = 0; i < k; i++) {
            m[i] = Arrays.copyOfRange(flat, i * k, (i + 1) * k);
        }
        return m;
    }

    private static long[][] deepCopy(long[][] a) {
        return Arrays.stream(a).map(long[]::clone).toArray(long[][]::new);
    }

    private static double[][] deepCopy(double[][] a) {
        return Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
    }
}
