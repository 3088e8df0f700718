package org.htsgd.cli.reproduce;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.htsgd.core.validation.Require;
import org.htsgd.train.loop.Task;
import org.htsgd.train.loop.TrainConfig;
import org.htsgd.train.method.IterationSchedule;
import org.htsgd.train.method.Method;
import org.htsgd.train.method.TruncationReading;

/**
 * Table 2: the tasks and methods trained (from the catalogue, {@link Task}), their schedule and when a run may stop
 * early, replications, and the sharpness measures of the final weights.
 *
 * @param tasks the Table 2 tasks trained when their data is found (the paper: all three; VGG11 runs at the
 *     paper's scale take many hours on a CPU, so the shorter profiles train Fashion-MNIST only)
 * @param methods the Table 2 methods trained, in Table 2's column order (the paper: {@link Task#table2Methods()})
 * @param schedule T and the noise-off K of every run, or {@code null} for the paper's schedule of each task and
 *     method ({@link Task#schedule(Method)}: Table 1's, App. A.3's for SB+Noise)
 * @param replications replications per method (the paper: 5)
 * @param evalEvery evaluate the test accuracy every this many iterations
 * @param expectedSharpnessSamples Gaussian samples of expected sharpness (the paper: 100)
 * @param pacBayesSamples Monte Carlo samples per PAC-Bayes bisection step (Jiang et al.: 10)
 * @param searchDepth bisection depth of PAC-Bayes and maximal sharpness (Jiang et al.: 15)
 * @param maximalAscentSteps gradient-ascent steps per maximal-sharpness bisection step (Jiang et al.: 10)
 * @param hessianIterations power iterations for the Hessian top eigenvalue
 * @param hessianProbes Hutchinson probes for the Hessian trace
 * @param bOn what Table 1's b bounds ({@code --b-on}; null means {@link TruncationReading#UPDATE}, the paper's eq. 1
 *     and the default). Left out of the JSON when it is the default, so the fingerprint of a directory written before
 *     the option existed is unchanged; runs of a method that truncates read on the gradient have their own
 *     directories ({@link Table2Plan#methodDir})
 * @param stopAtTrainAccuracy NaN to train every run for its schedule's T; else each run stops at the first
 *     evaluation of its noise-free phase whose training accuracy reaches this ({@link
 *     TrainConfig#stopAtTrainAccuracy()}), T at most. Left out of the JSON when NaN, so the fingerprint of a
 *     directory written before it existed is unchanged
 */
public record TrainingScale(List<Task> tasks, List<Method> methods, IterationSchedule schedule, int replications,
                            long evalEvery, int expectedSharpnessSamples, int pacBayesSamples, int searchDepth,
                            int maximalAscentSteps, int hessianIterations, int hessianProbes,
                            @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = OnUpdate.class)
                            TruncationReading bOn,
                            @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = NotANumber.class)
                            Double stopAtTrainAccuracy) {
    /**
     * Validates; a null {@code bOn} is the default reading, a null {@code stopAtTrainAccuracy} (a JSON without it)
     * NaN.
     */
    public TrainingScale {
        bOn = bOn == null ? TruncationReading.UPDATE : bOn;
        stopAtTrainAccuracy = stopAtTrainAccuracy == null ? Double.NaN : stopAtTrainAccuracy;
        tasks = List.copyOf(tasks);
        methods = List.copyOf(methods);
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("tasks is empty");
        }
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("methods is empty");
        }
        for (Task t : tasks) {
            if (!t.inTable2()) {
                throw new IllegalArgumentException("task is not in Table 2: " + t.cliName());
            }
        }
        for (Method m : methods) {
            if (!Task.table2Methods().contains(m)) {
                throw new IllegalArgumentException("method is not in Table 2: " + m.cliName());
            }
        }
        Require.atLeast(replications, 1, "replications");
        Require.atLeast(evalEvery, 1, "evalEvery");
        Require.atLeast(expectedSharpnessSamples, 2, "expectedSharpnessSamples");
        Require.atLeast(pacBayesSamples, 1, "pacBayesSamples");
        Require.atLeast(searchDepth, 1, "searchDepth");
        Require.atLeast(maximalAscentSteps, 1, "maximalAscentSteps");
        Require.atLeast(hessianIterations, 1, "hessianIterations");
        Require.atLeast(hessianProbes, 1, "hessianProbes");
        if (!Double.isNaN(stopAtTrainAccuracy)) {
            Require.inHalfOpenUnit(stopAtTrainAccuracy, "stopAtTrainAccuracy");
        }
    }

    /**
     * The scale with b read on the update (the paper's eq. 1), as before {@code --b-on} existed.
     *
     * @param tasks see the record
     * @param methods see the record
     * @param schedule see the record
     * @param replications see the record
     * @param evalEvery see the record
     * @param expectedSharpnessSamples see the record
     * @param pacBayesSamples see the record
     * @param searchDepth see the record
     * @param maximalAscentSteps see the record
     * @param hessianIterations see the record
     * @param hessianProbes see the record
     */
    public TrainingScale(List<Task> tasks, List<Method> methods, IterationSchedule schedule, int replications,
                         long evalEvery, int expectedSharpnessSamples, int pacBayesSamples, int searchDepth,
                         int maximalAscentSteps, int hessianIterations, int hessianProbes) {
        this(tasks, methods, schedule, replications, evalEvery, expectedSharpnessSamples, pacBayesSamples,
            searchDepth, maximalAscentSteps, hessianIterations, hessianProbes, TruncationReading.UPDATE, Double.NaN);
    }

    /** Jackson's filter that leaves "no stop" (NaN) out of the JSON ({@code equals} true = left out). */
    static final class NotANumber {
        @Override
        public boolean equals(Object value) {
            return value == null || value instanceof Double d && d.isNaN();
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /** Jackson's filter that leaves the default reading out of the JSON ({@code equals} true = left out). */
    static final class OnUpdate {
        @Override
        public boolean equals(Object value) {
            return value == null || value == TruncationReading.UPDATE;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /**
     * @param method a method
     * @return the reading of b its runs use: {@link #bOn()} for a method that truncates (SB+Clip, Our 1, Our 2),
     *     {@link TruncationReading#UPDATE} for the others, whose runs do not depend on b and so are the same runs, in
     *     the same directories and with the same checkpoint identity, under either reading
     */
    public TruncationReading bOn(Method method) {
        return method.truncates() ? bOn : TruncationReading.UPDATE;
    }

    /**
     * @param task a task
     * @param method a method
     * @return the schedule the task's runs of the method use: {@link #schedule()}, or the paper's (Table 1, App.
     *     A.3 for SB+Noise: {@link Task#schedule(Method)}) if that is null
     */
    public IterationSchedule scheduleOf(Task task, Method method) {
        return schedule != null ? schedule : task.schedule(method);
    }

    /**
     * @param newTasks the tasks to train (a subset of {@link #tasks()}, e.g. one row at a time)
     * @return a copy training those tasks
     */
    public TrainingScale withTasks(List<Task> newTasks) {
        return new TrainingScale(newTasks, methods, schedule, replications, evalEvery, expectedSharpnessSamples,
            pacBayesSamples, searchDepth, maximalAscentSteps, hessianIterations, hessianProbes, bOn,
            stopAtTrainAccuracy);
    }

    /**
     * @param newMethods the methods to train (a subset of {@link #methods()}, e.g. without SB+Noise)
     * @return a copy training those methods, in Table 2's column order
     */
    public TrainingScale withMethods(List<Method> newMethods) {
        List<Method> ordered = Task.table2Methods().stream().filter(newMethods::contains).toList();
        return new TrainingScale(tasks, ordered, schedule, replications, evalEvery, expectedSharpnessSamples,
            pacBayesSamples, searchDepth, maximalAscentSteps, hessianIterations, hessianProbes, bOn,
            stopAtTrainAccuracy);
    }

    /**
     * @param newReplications replications per method; replication r has the same seed whatever the count
     *     ({@code Table2Plan.runSeed}), so a later run with more replications keeps the finished ones
     * @return a copy with that many replications
     */
    public TrainingScale withReplications(int newReplications) {
        return new TrainingScale(tasks, methods, schedule, newReplications, evalEvery, expectedSharpnessSamples,
            pacBayesSamples, searchDepth, maximalAscentSteps, hessianIterations, hessianProbes, bOn,
            stopAtTrainAccuracy);
    }

    /**
     * @param target the training accuracy at which runs stop in their noise-free phase, NaN for none
     * @return a copy stopping there
     */
    public TrainingScale withStopAtTrainAccuracy(double target) {
        return new TrainingScale(tasks, methods, schedule, replications, evalEvery, expectedSharpnessSamples,
            pacBayesSamples, searchDepth, maximalAscentSteps, hessianIterations, hessianProbes, bOn, target);
    }

    /**
     * @param reading what b bounds in the runs of methods that truncate (SB+Clip, Our 1, Our 2)
     * @return a copy reading b that way
     */
    public TrainingScale withBOn(TruncationReading reading) {
        return new TrainingScale(tasks, methods, schedule, replications, evalEvery, expectedSharpnessSamples,
            pacBayesSamples, searchDepth, maximalAscentSteps, hessianIterations, hessianProbes, reading,
            stopAtTrainAccuracy);
    }
}
