package org.htsgd.cli.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.htsgd.train.loop.Task;
import org.htsgd.train.method.Method;
import org.htsgd.train.method.TruncationReading;

/**
 * What one task's Table 2 runs can and do show, in plain words: whether the premises of the paper's comparison
 * hold ({@link Table2Course}: every run off the plateau before its noise phase ends, at &ge; 99% training accuracy
 * in the end, the truncation acting in Our 1 and Our 2, at least 2 replications; SB+Noise is exempt, the paper's
 * own SB+Noise runs do not fit the training set) and how the runs answer each ordering claim ({@link Table2Claim}),
 * with the paired differences against SB they rest on.
 */
final class Table2Findings {
    private Table2Findings() {
    }

    /**
     * @param taskRuns the runs of one task
     * @return why these runs cannot show the paper's claim (empty if the premises hold), one sentence each
     */
    static List<String> premiseFailures(List<Table2Run> taskRuns) {
        List<String> failures = new ArrayList<>();
        // SB+Noise is exempt: the paper's own SB+Noise runs do not fit the training set (paper.md §4.1), a result
        List<Table2Run> ok = taskRuns.stream().filter(r -> !r.hasDiverged() && r.method() != Method.SB_NOISE)
            .toList();
        List<Table2Run> untrained = ok.stream().filter(r -> !r.course().trained()).toList();
        if (!untrained.isEmpty()) {
            failures.add(untrained.size() + " of " + ok.size() + " runs end below "
                + Fmt.f(100 * Table2Course.TRAINED, 0) + "% training accuracy (" + untrained.stream()
                .map(r -> name(r) + " " + Fmt.f(100 * r.course().trainAccuracy(), 1) + "%")
                .collect(Collectors.joining(", ")) + "; the paper's networks reach 100%), so their sharpness is "
                + "measured away from a minimum that fits the training set");
        }
        List<Table2Run> onPlateau = ok.stream()
            .filter(r -> r.method().injectsNoise() && !r.course().noiseAfterPlateau()).toList();
        if (!onPlateau.isEmpty()) {
            failures.add("the noise phase of " + onPlateau.stream().map(r -> name(r) + " ended at iteration "
                + r.course().windowEnd() + (r.course().leftPlateau() ? ", before the run left the plateau "
                + "(iteration " + r.course().plateauEnd() + ")" : " and the run never left the plateau"))
                .collect(Collectors.joining("; ")) + ": every heavy-tailed step was taken on the initial plateau "
                + "(training loss above 0.9 ln 10)");
        }
        List<Table2Run> neverTruncated = neverTruncated(ok);
        if (!neverTruncated.isEmpty()) {
            List<Table2Run> others = ok.stream().filter(r -> r.method().injectsNoise() && r.method().truncates()
                && !neverTruncated.contains(r)).toList();
            failures.add("the truncation never acted in " + neverTruncated.stream().map(Table2Findings::name)
                .collect(Collectors.joining(", ")) + " (0 truncated steps in the noise phase), so they ran as "
                + "untruncated heavy-tailed noise and cannot show the effect of the truncation" + (others.isEmpty()
                ? "" : " (the other runs with truncation: at most " + String.format(Locale.ROOT, "%,d", others
                .stream().mapToLong(r -> r.course().windowTruncated()).max().orElseThrow()) + " truncated steps in "
                + "a noise phase)"));
        }
        long diverged = taskRuns.stream().filter(Table2Run::hasDiverged).count();
        if (diverged > 0) {
            failures.add(diverged + " run(s) diverged and have no numbers");
        }
        return failures;
    }

    /**
     * @param taskRuns runs
     * @return those that inject noise and truncate but whose truncation never acted in the noise phase (diverged
     *     runs excluded)
     */
    static List<Table2Run> neverTruncated(List<Table2Run> taskRuns) {
        return taskRuns.stream().filter(r -> !r.hasDiverged() && r.method().injectsNoise() && r.method().truncates()
            && r.course().windowSteps() > 0 && r.course().windowTruncated() == 0).toList();
    }

    /**
     * @param bOn what b bounded in the runs
     * @param taskRuns a task's runs
     * @return a sentence pointing to {@code --b-on gradient} when b was read on the update and the truncation never
     *     acted in some run (paper.md §4.2: the reading is open, and the other one truncates 1/η times harder),
     *     otherwise empty
     */
    static String readingHint(TruncationReading bOn, List<Table2Run> taskRuns) {
        if (bOn != TruncationReading.UPDATE || neverTruncated(taskRuns).isEmpty()) {
            return "";
        }
        return " Here b bounds the update ‖η g‖ (eq. 1); the paper leaves open whether it bounds the gradient ‖g‖ "
            + "instead (a 1/η times tighter truncation), which --b-on gradient runs beside these runs (same --out: "
            + "the LB, SB and SB+Noise runs are shared).";
    }

    /**
     * @param t the task
     * @param taskRuns its runs
     * @return the sentence at the top of the task's results: whether these runs can show the paper's claim
     */
    static String premiseStatement(Task t, List<Table2Run> taskRuns) {
        List<String> failures = premiseFailures(taskRuns);
        int reps = replications(taskRuns);
        if (!failures.isEmpty()) {
            boolean papersSchedule = taskRuns.stream().allMatch(r -> r.schedule().equals(t.schedule(r.method())));
            return t.label() + ": these runs cannot show the paper's claim: " + String.join("; ", failures) + "."
                + (reps < 2 ? " Also, one replication per method: no confidence statement is possible." : "")
                + " What they can show: that every method runs end to end, whether the truncation acts once the "
                + "network is off the plateau (per-run table below), and how the methods compare "
                + (papersSchedule ? "at the paper's schedule as these runs went (the verdicts below); not the "
                + "paper's claim itself, whose premises are named above."
                : "at this point of training; not which minima the methods find at the paper's schedule "
                + "(--profile paper).");
        }
        boolean sbNoise = taskRuns.stream().anyMatch(r -> r.method() == Method.SB_NOISE);
        List<String> hold = new ArrayList<>();
        hold.add("every run" + (sbNoise ? " (SB+Noise aside, as in the paper)" : "") + " ended at >= "
            + Fmt.f(100 * Table2Course.TRAINED, 0) + "% training accuracy");
        List<Method> noisy = Task.table2Methods().stream().filter(m -> m != Method.SB_NOISE && m.injectsNoise()
            && taskRuns.stream().anyMatch(r -> r.method() == m && !r.hasDiverged())).toList();
        if (!noisy.isEmpty()) {
            hold.add("every noise phase ended after the run left the initial plateau");
        }
        List<String> truncated = noisy.stream().filter(Method::truncates).map(Method::label).toList();
        if (!truncated.isEmpty()) {
            hold.add("the truncation acted in " + String.join(" and ", truncated));
        }
        return t.label() + ": the premises of the paper's comparison hold: " + series(hold)
            + (reps < 2 ? "; but with one replication per method no confidence statement is possible."
            : "; " + reps + " replications per method.");
    }

    /**
     * @param m a method
     * @param runs runs of {@code m}
     * @return "k of n": truncated steps among the steps of the runs' truncation windows ({@link Table2Course}: the
     *     noise phase, or the whole run of a method without noise), summed; empty if {@code m} does not truncate
     */
    static String truncatedSteps(Method m, List<Table2Run> runs) {
        if (!m.truncates()) {
            return "";
        }
        return String.format(Locale.ROOT, "%,d of %,d", runs.stream().mapToLong(r -> r.course().windowTruncated())
            .sum(), runs.stream().mapToLong(r -> r.course().windowSteps()).sum());
    }

    /** @return "a", "a and b", "a, b, and c" */
    private static String series(List<String> items) {
        if (items.size() < 3) {
            return String.join(" and ", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + ", and " + items.get(items.size() - 1);
    }

    /** @param taskRuns runs of one task @return the most replications of any method */
    static int replications(List<Table2Run> taskRuns) {
        return taskRuns.stream().mapToInt(Table2Run::replication).max().orElse(-1) + 1;
    }

    /**
     * @param taskRuns the runs of one task
     * @return the answer to each of the paper's ordering claims, in {@link Table2Claim#paper()} order
     */
    static List<Table2Claim.Verdict> verdicts(List<Table2Run> taskRuns) {
        return Table2Claim.paper().stream().map(c -> c.test(taskRuns)).toList();
    }

    /**
     * @param verdicts the verdicts of one task
     * @return e.g. "Of the paper's 7 ordering claims, 2 hold with 95% confidence, 1 is contradicted with 95%
     *     confidence, 3 are not shown (interval includes 0)." or the one-replication wording
     */
    static String tally(List<Table2Claim.Verdict> verdicts) {
        int[] n = new int[Table2Claim.Outcome.values().length];
        for (Table2Claim.Verdict v : verdicts) {
            n[v.outcome().ordinal()]++;
        }
        int one = n[Table2Claim.Outcome.ONE_REPLICATION.ordinal()];
        int untested = n[Table2Claim.Outcome.NO_DATA.ordinal()];
        String notTested = untested == 0 ? "" : " (" + untested + " not tested: no paired runs)";
        if (untested == verdicts.size()) {
            return "None of the paper's " + verdicts.size() + " ordering claims can be tested: no paired runs.";
        }
        if (one == verdicts.size() - untested) {
            return "One replication: none of the paper's " + verdicts.size() + " ordering claims can be confirmed or "
                + "refuted with confidence" + notTested + "; the directions below are single observations.";
        }
        return "Of the paper's " + verdicts.size() + " ordering claims, "
            + counted(n[Table2Claim.Outcome.HOLDS.ordinal()], "holds", "hold") + " with 95% confidence, "
            + counted(n[Table2Claim.Outcome.CONTRADICTED.ordinal()], "is", "are") + " contradicted with 95% "
            + "confidence, " + counted(n[Table2Claim.Outcome.INCONCLUSIVE.ordinal()], "is", "are")
            + " not shown (interval includes 0)" + (one > 0 ? ", " + counted(one, "rests", "rest") + " on one pair"
            : "") + notTested + ".";
    }

    /** @return e.g. "1 is", "2 are" */
    private static String counted(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /**
     * @param taskRuns the runs of one task
     * @return rows of the paired-difference table: each method against SB (same seed), test accuracy and expected
     *     sharpness
     */
    static List<List<String>> pairedRows(List<Table2Run> taskRuns) {
        List<List<String>> rows = new ArrayList<>();
        for (Method m : Task.table2Methods()) {
            if (m == Method.SB || taskRuns.stream().noneMatch(r -> r.method() == m)) {
                continue;
            }
            PairedDifference a = Table2Claim.paired(m, Table2Claim.Quantity.TEST_ACCURACY, taskRuns);
            PairedDifference e = Table2Claim.paired(m, Table2Claim.Quantity.EXPECTED_SHARPNESS, taskRuns);
            rows.add(List.of(m.label() + " − SB", a.format(2, " pp"), a.positive() + " of " + a.n(),
                e.format(4, ""), e.negative() + " of " + e.n()));
        }
        return rows;
    }

    /** @return the header of {@link #pairedRows} */
    static List<String> pairedHeader() {
        return List.of("paired difference", "test accuracy (95% CI)", "more accurate than SB",
            "expected sharpness (95% CI)", "flatter than SB");
    }

    /**
     * @param taskRuns the runs of one task
     * @return one row per run: the premises of its comparison
     */
    static List<List<String>> courseRows(List<Table2Run> taskRuns) {
        List<List<String>> rows = new ArrayList<>();
        for (Table2Run r : taskRuns) {
            Table2Course c = r.course();
            if (r.hasDiverged()) {
                rows.add(List.of(r.method().label(), Integer.toString(r.replication() + 1), "diverged", "", "", "",
                    "", ""));
                continue;
            }
            boolean noise = r.method().injectsNoise();
            rows.add(List.of(r.method().label(), Integer.toString(r.replication() + 1),
                c.leftPlateau() ? Long.toString(c.plateauEnd()) : "never",
                noise ? Long.toString(c.windowEnd()) : "no noise",
                noise ? String.format(Locale.ROOT, "%,d", c.noiseStepsAfterPlateau()) : "",
                truncatedSteps(r.method(), List.of(r)),
                String.format(Locale.ROOT, "%,d", r.iterationsDone()),
                Fmt.f(100 * c.trainAccuracy(), 1) + "%" + (c.trained() ? "" : " (< "
                    + Fmt.f(100 * Table2Course.TRAINED, 0) + "%)")));
        }
        return rows;
    }

    /** @return the header of {@link #courseRows} */
    static List<String> courseHeader() {
        return List.of("method", "replication", "left the plateau at", "noise phase ends at",
            "noise steps off the plateau", "truncated steps (noise phase)", "iterations run",
            "final train accuracy");
    }

    /** @return e.g. "Our 2 rep 1" */
    private static String name(Table2Run r) {
        return r.method().label() + " rep " + (r.replication() + 1);
    }
}
