package org.htsgd.cli.reproduce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.htsgd.cli.RunFailedException;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.cli.io.Progress;
import org.htsgd.cli.report.HtmlReport;
import org.htsgd.train.data.DataSpec;
import org.htsgd.train.loop.PaperResult;
import org.htsgd.train.loop.Task;
import org.htsgd.train.loop.Trainer;
import org.htsgd.train.method.Method;
import org.htsgd.train.method.TruncationReading;

/**
 * Table 2 of the paper: test accuracy and expected sharpness of LB, SB, SB+Clip, SB+Noise, Our 1 and Our 2 (paper.md
 * §4.1, §4.5) as mean ± sd over replications next to the paper's numbers, with PAC-Bayes and maximal sharpness
 * (Jiang et al. 2020, §4.6) and the Hessian's top eigenvalue as extra columns. The profile's tasks are trained when
 * their data is found (Fashion-MNIST, Debian's package, is required); otherwise the report says why not and how to
 * get the data.
 *
 * <p>The jobs: {@link Table2Data} finds the data, {@link Table2Plan} plans the runs (seeds, schedule, order),
 * {@link TrainingRuns} runs them in child processes, {@link Table2Report} renders them; the paper's settings and
 * numbers come from the catalogue ({@link Task}).
 *
 * <p>Before the runs start, their time is estimated from measured step costs and printed ({@link Table2Estimate}).
 *
 * <p>Resumable: every training run and its measures are saved under {@code runs/<task>/<method>/rep<r>/}; a run
 * with a {@code result.json} is not repeated, and an interrupted training run continues from its checkpoint. One
 * row at a time: {@code --tasks} trains only some of the profile's tasks; runs of the others finished by an
 * earlier invocation are kept and shown.
 */
final class Table2Part implements Part {
    /** The estimate printed before the runs start ({@link Table2Estimate}). */
    static final String ESTIMATE = "estimate.json";

    /**
     * A task that was not trained.
     *
     * @param task the task
     * @param reason why
     */
    public record NotRun(Task task, String reason) {
    }

    /**
     * The part's result ({@code table2.json}).
     *
     * @param runs every run, in plan order
     * @param notRun tasks not trained
     */
    public record Result(List<Table2Run> runs, List<NotRun> notRun) {
    }

    @Override
    public String id() {
        return "table2";
    }

    @Override
    public String title() {
        return "Table 2: test accuracy and sharpness of the six methods";
    }

    @Override
    public Object scale(Profile profile) {
        return profile.training();
    }

    /**
     * A run's directory, seed and schedule do not depend on which tasks, methods or how many replications one
     * invocation trains ({@code --tasks}, {@code --methods}, {@code --replications}; {@link Table2Plan}), so those
     * are left out: one row at a time, SB+Noise later, more replications later, and the finished runs stay. Nor is
     * {@code --b-on}: the runs read on the gradient have their own directories ({@link Table2Plan#methodDir}), so both
     * readings' rows live in one output directory and share the runs of LB, SB and SB+Noise.
     */
    @Override
    public Object resumeScale(Profile profile) {
        return profile.training().withTasks(Task.table2Tasks()).withMethods(Task.table2Methods()).withReplications(1)
            .withBOn(TruncationReading.UPDATE);
    }

    /**
     * Before {@code --methods} and {@code --replications} were left out of it, the resume scale left out only the
     * tasks, so a directory written then carries the methods and replications it was run with, which need not be this
     * invocation's: its form for every selection of Table 2's methods (in catalogue order, and in this invocation's
     * order) with 1 to max(5, this invocation's) replications is accepted (a few hundred hashes).
     */
    @Override
    public List<Object> formerResumeScales(Profile profile) {
        TrainingScale s = profile.training().withTasks(Task.table2Tasks()).withBOn(TruncationReading.UPDATE);
        List<Method> all = Task.table2Methods();
        List<List<Method>> selections = new ArrayList<>();
        for (int mask = 1; mask < 1 << all.size(); mask++) {
            List<Method> chosen = new ArrayList<>();
            for (int k = 0; k < all.size(); k++) {
                if ((mask & 1 << k) != 0) {
                    chosen.add(all.get(k));
                }
            }
            selections.add(chosen);
        }
        if (!selections.contains(s.methods())) {
            selections.add(s.methods());
        }
        int most = Math.max(PaperResult.REPLICATIONS, s.replications());
        List<Object> forms = new ArrayList<>();
        for (List<Method> methods : selections) {
            for (int r = 1; r <= most; r++) {
                forms.add(s.withMethods(methods).withReplications(r));
            }
        }
        return forms;
    }

    @Override
    public boolean resumable() {
        return true;
    }

    @Override
    public List<DataSpec> datasets(Profile profile) {
        return profile.training().tasks().stream().map(Task::data).toList();
    }

    /**
     * The units: the training runs (each with its sharpness measures) of the tasks this invocation trains whose data
     * is found, named by their directories ({@code runs/<task>/<method>/rep<r>}), done when their
     * {@code result.json} exists.
     */
    @Override
    public List<Unit> units(PartContext ctx) {
        List<Unit> units = new ArrayList<>();
        for (Table2Job j : plannedJobs(ctx)) {
            if (Table2Data.locate(j.task(), ctx.dataDir(), ctx.seed()).found()) {
                units.add(new Unit(unitName(ctx, j), Files.isRegularFile(j.dir().resolve(TrainingRuns.RESULT)),
                    j.estimatedMillis()));
            }
        }
        return units;
    }

    /** Trains and measures one run ({@link TrainingRuns#runOne}, as {@link #run} does), unless it is done. */
    @Override
    public void runUnit(PartContext ctx, String name) throws Exception {
        Table2Job job = plannedJobs(ctx).stream().filter(j -> unitName(ctx, j).equals(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("table2 has no training run '" + name + "' in the '"
                + ctx.profile().name() + "' profile with these --tasks, --methods and --replications"));
        if (Files.isRegularFile(job.dir().resolve(TrainingRuns.RESULT))) {
            return;
        }
        Table2Data.Location found = Table2Data.locate(job.task(), ctx.dataDir(), ctx.seed());
        if (!found.found()) {
            throw new RunFailedException(job.label() + ": not run: " + found.problem());
        }
        TrainingRuns.runOne(job, ctx.profile().training(), found.dir(), it -> { });
    }

    /** @return the runs of the tasks this invocation trains, in plan order (data found or not) */
    private static List<Table2Job> plannedJobs(PartContext ctx) {
        TrainingScale s = ctx.profile().training();
        return Table2Plan.jobs(s, s.tasks(), ctx.seed(), ctx.dir().resolve("runs"));
    }

    /** @return e.g. {@code runs/fmnist-lenet/sb/rep0} */
    private static String unitName(PartContext ctx, Table2Job job) {
        return ctx.dir().path().relativize(job.dir()).toString().replace(java.io.File.separatorChar, '/');
    }

    @Override
    public void run(PartContext ctx) throws Exception {
        TrainingScale s = ctx.profile().training();
        Path runsDir = ctx.dir().resolve("runs");
        List<NotRun> notRun = new ArrayList<>();
        List<Table2Run> earlier = new ArrayList<>();
        Map<Task, Path> dataDirs = new EnumMap<>(Task.class);
        for (Task t : Task.table2Tasks()) {
            if (!s.tasks().contains(t)) {
                List<Table2Run> kept = finishedRuns(Table2Plan.jobs(s, List.of(t), ctx.seed(), runsDir));
                if (!kept.isEmpty()) {
                    earlier.addAll(kept); // trained by an earlier invocation with --tasks
                } else {
                    notRun.add(new NotRun(t, notTrained(ctx, t)));
                }
                continue;
            }
            Table2Data.Location found = Table2Data.locate(t, ctx.dataDir(), ctx.seed());
            if (found.found()) {
                dataDirs.put(t, found.dir());
            } else if (t == Task.FMNIST_LENET) {
                throw found.firstError(); // Debian packages it: without it there is no Table 2 at all
            } else { // a task of the profile's own list (one named with --tasks is refused before this)
                notRun.add(new NotRun(t, "not run: " + found.problem()));
                System.err.println("table2: " + t.label() + " not run: " + found.problem());
            }
        }
        List<Task> trained = Task.table2Tasks().stream().filter(dataDirs::containsKey).toList();
        List<Table2Job> jobs = Table2Plan.jobs(s, trained, ctx.seed(), runsDir);
        boolean[] finished = new boolean[jobs.size()];
        long[] resumesAt = new long[jobs.size()];
        Map<Task, List<StepCost>> costs = new EnumMap<>(Task.class);
        for (int k = 0; k < jobs.size(); k++) {
            Table2Job j = jobs.get(k);
            finished[k] = Files.isRegularFile(j.dir().resolve(TrainingRuns.RESULT));
            resumesAt[k] = finished[k] ? 0 : Trainer.resumesAt(j.dir());
            if (!finished[k] && !costs.containsKey(j.task())) {
                costs.put(j.task(), TrainingRuns.stepCost(j.task(), dataDirs.get(j.task()), ctx.seed(), runsDir,
                    ctx.threads()));
            }
        }
        Table2Estimate estimate = Table2Estimate.of(jobs, finished, resumesAt, costs, s, ctx.threads());
        System.err.println(estimate.line(ctx.profile().name()));
        System.err.flush();
        ctx.dir().writeJson(ESTIMATE, estimate);
        List<Table2Run> runs;
        long left = TrainingRuns.iterationsLeft(jobs);
        long unfinished = IntStream.range(0, jobs.size()).filter(k -> !finished[k]).count();
        if (left == 0 && unfinished > 0) { // trained to their end before, killed while being measured
            System.err.println("table2: " + unfinished + " run(s) trained to the end before; measuring their "
                + "sharpness");
        }
        try (Progress bar = left == 0 ? Progress.silent() : ctx.progress("training", left, "it")) {
            runs = TrainingRuns.runAll(jobs, dataDirs, s, ctx.threads(), bar);
        }
        List<Table2Run> all = new ArrayList<>(runs);
        all.addAll(earlier);
        all.sort(Comparator.comparingInt((Table2Run r) -> Task.table2Tasks().indexOf(r.task())));
        ctx.dir().writeJson("table2.json", new Result(all, notRun));
        Table2Report.writeCsv(ctx.dir(), all);
    }

    /** @return the results of those of the jobs that finished before */
    private static List<Table2Run> finishedRuns(List<Table2Job> jobs) throws IOException {
        List<Table2Run> runs = new ArrayList<>();
        for (Table2Job j : jobs) {
            Path f = j.dir().resolve(TrainingRuns.RESULT);
            if (Files.isRegularFile(f)) {
                runs.add(OutputDir.JSON.readValue(f.toFile(), Table2Run.class));
            }
        }
        return runs;
    }

    /** @return why a task of Table 2 is not trained in this invocation */
    private static String notTrained(PartContext ctx, Task t) {
        String name = ctx.profile().name();
        Path where = ctx.dataDir() != null ? ctx.dataDir() : t.data().defaultDirectory();
        if (ctx.profile().builtInTraining().map(shipped -> shipped.tasks().contains(t)).orElse(false)) {
            return "not trained in this invocation (--tasks); train it with htsgd reproduce --profile " + name
                + " --parts table2 --tasks " + t.cliName() + " (data in " + where + ")";
        }
        return "not run in the '" + name + "' profile (training " + t.label() + " at the paper's scale takes many "
            + "hours on a CPU; run --profile paper --parts table2 --tasks " + t.cliName() + " with the data in "
            + where + "). How to get the data: " + t.data().howToGet();
    }

    @Override
    public void render(PartContext ctx, HtmlReport report) throws Exception {
        Table2Report.render(ctx, report, ctx.readJson("table2.json", Result.class));
    }
}
