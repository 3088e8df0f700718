package org.htsgd.core.simulation;

/**
 * First-exit times of heavy-tailed truncated SGD (eq. 2) from the attraction field containing the start:
 * \(\sigma(\eta) = \min\{n \ge 0 : X_n \notin \Omega\}\) (paper §2.1, Theorem 1), for independent paths.
 *
 * <p>Each path runs at most {@code maxSteps} steps; a path still inside \(\Omega\) then is <em>censored</em>: its
 * exit step is reported as {@code maxSteps} and flagged, never dropped. In 1-D the field is an open interval
 * \((lo, hi)\) ({@link ExitTimeConfig1D}; \(lo\) or \(hi\) may be infinite); in d-D it is the set of points with the
 * start's label ({@link ExitTimeConfigNd}). The results ({@link ExitTimeResult}) are bit-identical for any thread
 * count; a run on a block of paths is a part of a larger run, and {@link ExitTimeResult#merge} joins the parts into
 * the result of the whole run, identical to running it in one go ({@link PathBlocks}).
 */
public final class ExitTimes {
    private ExitTimes() {
    }

    /** @param config the run @return the exit times, on all processors */
    public static ExitTimeResult run(ExitTimeConfig config) {
        return run(config, Execution.defaults());
    }

    /**
     * @param config the run
     * @param execution threads and progress (progress counts completed paths)
     * @return the exit times; bit-identical for any thread count
     * @throws DivergenceException if a path produced a non-finite iterate (the lowest such path)
     */
    public static ExitTimeResult run(ExitTimeConfig config, Execution execution) {
        return config instanceof ExitTimeConfig1D c ? run1D(c, execution)
            : runNd((ExitTimeConfigNd) config, execution);
    }

    private static ExitTimeResult run1D(ExitTimeConfig1D config, Execution execution) {
        int paths = config.paths();
        long[] steps = new long[paths];
        double[] points = new double[paths];
        Kernel1D.Step step = Kernel1D.Step.of(config.sgd());
        PathRunner.runWorkers(config.firstPath(), paths, config.seed(), execution, Kernel1D.LANES, (source, guard) ->
            Kernel1D.exitWorker(step, config.start(), config.lo(), config.hi(), config.maxSteps(), source, guard,
                steps, points));
        int[] targets = new int[paths];
        for (int p = 0; p < paths; p++) {
            targets[p] = config.target(points[p]);
        }
        return ExitTimeResult.of(config, steps, targets, points);
    }

    private static ExitTimeResult runNd(ExitTimeConfigNd config, Execution execution) {
        int d = config.dimension();
        int paths = config.paths();
        FieldLabeller fields = config.fields();
        double[] start = config.start();
        int startField = fields.field(start);
        long[] steps = new long[paths];
        int[] targets = new int[paths];
        double[] points = new double[paths * d];
        PathRunner.run(config.firstPath(), paths, config.seed(), execution, (p, rng, guard) -> {
            double[] x = start.clone();
            int[] target = {-1};
            long n = KernelNd.walk(config.sgd(), x, config.maxSteps(), p, rng, guard, false, y -> {
                int f = fields.field(y);
                if (f != startField) {
                    target[0] = f;
                }
                return f != startField;
            });
            if (n < 0) {
                return;
            }
            steps[p] = n;
            targets[p] = target[0];
            System.arraycopy(x, 0, points, p * d, d);
            guard.progress(1);
        });
        return ExitTimeResult.of(config, steps, targets, points);
    }
}
