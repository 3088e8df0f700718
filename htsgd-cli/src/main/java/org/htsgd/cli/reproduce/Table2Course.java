package org.htsgd.cli.reproduce;

import java.util.List;
import org.htsgd.train.loop.MetricsRow;
import org.htsgd.train.method.IterationSchedule;
import org.htsgd.train.method.Method;

/**
 * The course of one Table 2 training run as far as the paper's premises need it (paper.md §4.1), read from its
 * {@code metrics.csv}: when it left the initial plateau, where its noise phase ended, how often the truncation
 * acted there, and the final training accuracy. The paper's claim is about heavy-tailed steps taken while the
 * network is learning and about minima that fit the training set: a run whose noise phase ends on the plateau, or
 * that ends far from 100% training accuracy (the paper's networks reach it), cannot show it.
 *
 * <ul>
 *   <li>Plateau end: the first evaluation whose training loss is below {@link #PLATEAU_LOSS} \(= 0.9 \ln 10\) (the
 *       loss of a uniform guess over 10 classes is \(\ln 10\); LeNet with the paper's 0.02-std initialisation sits
 *       there for several hundred iterations); known to within the evaluation period.</li>
 *   <li>Truncation window: the noise phase \([0, T - K)\) of a method that injects noise, the whole run otherwise;
 *       truncated steps are summed over the evaluation windows that end inside it (exact when \(T - K\) is a
 *       multiple of the evaluation period).</li>
 * </ul>
 *
 * @param plateauEnd iterations completed at the first evaluation below {@link #PLATEAU_LOSS}, or -1 if never
 * @param windowEnd end of the truncation window: \(T - K\) for a method that injects noise, else T
 * @param windowSteps steps counted in the truncation window
 * @param windowTruncated truncated steps among them
 * @param trainAccuracy final training accuracy in [0, 1]
 * @param iterations iterations the run completed (its last evaluation): T, or fewer for a run that stopped at a
 *     training-accuracy target; 0 in a result written before it was recorded (such runs ran to T)
 */
record Table2Course(long plateauEnd, long windowEnd, long windowSteps, long windowTruncated, double trainAccuracy,
                    long iterations) {
    /** Training loss below which a run has left the initial plateau: 0.9 ln 10. */
    static final double PLATEAU_LOSS = 0.9 * Math.log(10);
    /** Final training accuracy of a run that fits its training set, as the paper's do (100%). */
    static final double TRAINED = 0.99;
    /** No course (a diverged run, or one recorded before these checks). */
    static final Table2Course NONE = new Table2Course(-1, 0, 0, 0, Double.NaN, 0);

    /**
     * @param rows the run's evaluations, in order
     * @param schedule the run's schedule
     * @param method the run's method
     * @return the course
     */
    static Table2Course of(List<MetricsRow> rows, IterationSchedule schedule, Method method) {
        long end = method.injectsNoise() ? schedule.iterations() - schedule.noiseOffLast() : schedule.iterations();
        long plateau = -1;
        long steps = 0;
        double truncated = 0;
        long previous = 0;
        for (MetricsRow r : rows) {
            if (plateau < 0 && r.trainLoss() < PLATEAU_LOSS) {
                plateau = r.iteration();
            }
            if (r.iteration() <= end && r.iteration() > previous) {
                long window = r.iteration() - previous;
                steps += window;
                truncated += Double.isFinite(r.truncationRate()) ? r.truncationRate() * window : 0;
            }
            previous = r.iteration();
        }
        MetricsRow last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        return new Table2Course(plateau, end, steps, Math.round(truncated),
            last == null ? Double.NaN : last.trainAccuracy(), last == null ? 0 : last.iteration());
    }

    /** @return whether the run left the initial plateau */
    boolean leftPlateau() {
        return plateauEnd >= 0;
    }

    /**
     * @return whether heavy-tailed steps were taken off the plateau: it was left before the end of the noise phase
     *     (meaningful for a method that injects noise)
     */
    boolean noiseAfterPlateau() {
        return leftPlateau() && plateauEnd < windowEnd;
    }

    /** @return noise-phase steps after the plateau (0 if none) */
    long noiseStepsAfterPlateau() {
        return leftPlateau() ? Math.max(0, windowEnd - plateauEnd) : 0;
    }

    /** @return whether the final training accuracy is at least {@link #TRAINED} */
    boolean trained() {
        return trainAccuracy >= TRAINED;
    }

    /** @return truncated steps / steps in the truncation window, NaN if none counted */
    double truncationRate() {
        return windowSteps == 0 ? Double.NaN : (double) windowTruncated / windowSteps;
    }
}
