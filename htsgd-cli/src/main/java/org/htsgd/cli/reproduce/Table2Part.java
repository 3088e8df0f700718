package org.htsgd.cli.reproduce;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.htsgd.cli.io.Progress;
import org.htsgd.cli.report.HtmlReport;
import org.htsgd.train.loop.Task;

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
 * <p>Resumable: every training run and its measures are saved under {@code runs/<task>/<method>/rep<r>/}; a run
 * with a {@code result.json} is not repeated, and an interrupted training run continues from its checkpoint.
 */
final class Table2Part implements Part {
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

    @Override
    public boolean resumable() {
        return true;
    }

    @Override
    public void run(PartContext ctx) throws Exception {
        TrainingScale s = ctx.profile().training();
        List<NotRun> notRun = new ArrayList<>();
        Map<Task, Path> dataDirs = new EnumMap<>(Task.class);
        for (Task t : Task.table2Tasks()) {
            if (!s.tasks().contains(t)) {
                Path where = ctx.dataDir() != null ? ctx.dataDir() : t.data().defaultDirectory();
                notRun.add(new NotRun(t, "not run in the '" + ctx.profile().name() + "' profile (training "
                    + t.label() + " at the paper's scale takes many hours on a CPU; run --profile paper with the "
                    + "data in " + where + "). How to get the data: " + t.data().howToGet()));
                continue;
            }
            Table2Data.Location found = Table2Data.locate(t, ctx.dataDir(), ctx.seed());
            if (found.found()) {
                dataDirs.put(t, found.dir());
            } else if (t == Task.FMNIST_LENET) {
                throw found.firstError(); // Debian packages it: without it there is no Table 2 at all
            } else {
                notRun.add(new NotRun(t, found.problem()));
            }
        }
        List<Table2Job> jobs = Table2Plan.jobs(s, List.copyOf(dataDirs.keySet()), ctx.seed(),
            ctx.dir().resolve("runs"));
        List<Table2Run> runs;
        try (Progress bar = ctx.progress("training", Table2Plan.totalIterations(jobs), "it")) {
            runs = TrainingRuns.runAll(jobs, dataDirs, s, ctx.threads(), bar);
        }
        ctx.dir().writeJson("table2.json", new Result(runs, notRun));
        Table2Report.writeCsv(ctx.dir(), runs);
    }

    @Override
    public void render(PartContext ctx, HtmlReport report) throws Exception {
        Table2Report.render(ctx, report, ctx.readJson("table2.json", Result.class));
    }
}
