package org.htsgd.cli.reproduce;

import java.util.Objects;
import org.htsgd.train.loop.Task;
import org.htsgd.train.loop.TrainResult;
import org.htsgd.train.method.IterationSchedule;
import org.htsgd.train.method.Method;
import org.htsgd.train.sharpness.SharpnessResult;

/**
 * One finished Table 2 run: which run it was, its final training numbers and the sharpness measures at its final
 * weights ({@code result.json} in the run's directory, a row of {@code runs.csv}).
 *
 * @param task the task
 * @param method the method
 * @param replication replication index (0-based)
 * @param seed training seed
 * @param schedule T and the noise-off K
 * @param training the final training numbers (NaN if the run diverged)
 * @param sharpness the measures (NaN if the run diverged)
 * @param course plateau end, noise-phase truncation and final training accuracy ({@link Table2Course#NONE} if the
 *     run diverged)
 * @param diverged empty, or the message of a run whose loss became NaN or infinite
 */
record Table2Run(Task task, Method method, int replication, long seed, IterationSchedule schedule,
                 Training training, Measures sharpness, Table2Course course, String diverged) {
    /** Validates; a missing course (a result written before it was recorded) becomes {@link Table2Course#NONE}. */
    Table2Run {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(diverged, "diverged");
        course = course == null ? Table2Course.NONE : course;
    }

    /**
     * @param job the run
     * @param training its training numbers
     * @param sharpness its measures
     * @param course its course
     * @return a finished run
     */
    static Table2Run finished(Table2Job job, Training training, Measures sharpness, Table2Course course) {
        return new Table2Run(job.task(), job.method(), job.replication(), job.seed(), job.schedule(), training,
            sharpness, course, "");
    }

    /**
     * @param job the run
     * @param message the divergence message
     * @return a run that diverged: no accuracy, no measures
     */
    static Table2Run diverged(Table2Job job, String message) {
        return new Table2Run(job.task(), job.method(), job.replication(), job.seed(), job.schedule(), Training.NONE,
            Measures.NONE, Table2Course.NONE, message);
    }

    /**
     * @return the iterations the run completed: its schedule's T, or where it stopped at the scale's
     *     training-accuracy target ({@link Table2Course#iterations()}; T for a result recorded before stops existed)
     */
    long iterationsDone() {
        return course.iterations() > 0 ? course.iterations() : schedule.iterations();
    }

    /** @return whether the run diverged */
    boolean hasDiverged() {
        return !diverged.isEmpty();
    }

    /**
     * The final numbers of a training run.
     *
     * @param testAccuracy final test accuracy in [0, 1]
     * @param trainAccuracy final training accuracy
     * @param testLoss final test loss
     * @param trainLoss final training loss
     * @param truncationRate fraction of truncated steps
     * @param seconds training wall time
     */
    record Training(double testAccuracy, double trainAccuracy, double testLoss, double trainLoss,
                    double truncationRate, double seconds) {
        /** No numbers (a diverged run). */
        static final Training NONE = new Training(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN);

        /** @param r a training result @return its numbers */
        static Training of(TrainResult r) {
            return new Training(r.testAccuracy(), r.trainAccuracy(), r.testLoss(), r.trainLoss(), r.truncationRate(),
                r.wallSeconds());
        }
    }

    /**
     * The sharpness measures of the final weights (NaN for a measure that was not computed).
     *
     * @param expected E|L(θ+ν) − L(θ)|, ν ~ N(0, 0.01² I)
     * @param expectedSe its standard error
     * @param pacBayes 1/σ'²
     * @param maximal 1/α'²
     * @param hessianTop top eigenvalue of the Hessian of the training loss
     * @param hessianTrace Hutchinson estimate of its trace
     * @param seconds wall time of the measures
     */
    record Measures(double expected, double expectedSe, double pacBayes, double maximal, double hessianTop,
                    double hessianTrace, double seconds) {
        /** No measures (a diverged run). */
        static final Measures NONE = new Measures(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN);

        /**
         * @param r the measures' result
         * @param seconds their wall time
         * @return the numbers
         */
        static Measures of(SharpnessResult r, double seconds) {
            double nan = Double.NaN;
            boolean e = r.expected() != null;
            boolean h = r.hessian() != null;
            return new Measures(e ? r.expected().sharpness().mean() : nan,
                e ? r.expected().sharpness().standardError() : nan,
                r.pacBayes() != null ? r.pacBayes().sharpness() : nan,
                r.maximal() != null ? r.maximal().sharpness() : nan,
                h ? r.hessian().topEigenvalue() : nan,
                h ? r.hessian().trace().mean() : nan, seconds);
        }
    }
}
