package org.htsgd.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.train.loop.Task;
import org.htsgd.train.method.IterationSchedule;
import org.htsgd.train.method.Method;
import org.htsgd.train.method.TruncationReading;
import org.junit.jupiter.api.Test;

class Table2PlanTest {
    static final Path RUNS = Path.of("out", "table2", "runs");

    @Test
    void tinyProfilePlansOneRunPerMethodOnItsSchedule() {
        List<Table2Job> jobs = Table2Plan.jobs(Profile.tiny().training(), List.of(Task.FMNIST_LENET), 7, RUNS);
        assertEquals(2, jobs.size());
        assertEquals(new Table2Job(Task.FMNIST_LENET, Method.SB, 0, 8, IterationSchedule.of(12, 4),
            RUNS.resolve("fmnist-lenet/sb/rep0")), jobs.get(0));
        assertEquals(new Table2Job(Task.FMNIST_LENET, Method.OUR2, 0, 8, IterationSchedule.of(12, 4),
            RUNS.resolve("fmnist-lenet/our2/rep0")), jobs.get(1));
        assertEquals(24, TrainingRuns.iterationsLeft(jobs), "a fresh plan has all its iterations left");
    }

    @Test
    void paperProfilePlansTasksThenMethodsThenReplicationsWithTable1Schedules() {
        TrainingScale s = Profile.paper().training();
        List<Table2Job> jobs = Table2Plan.jobs(s, List.of(Task.FMNIST_LENET, Task.CIFAR10_VGG11), 1, RUNS);
        assertEquals(2 * 6 * 5, jobs.size());
        Table2Job first = jobs.get(0);
        assertEquals(Task.FMNIST_LENET, first.task());
        assertEquals(Method.LB, first.method());
        assertEquals(0, first.replication());
        assertEquals(Method.LB, jobs.get(4).method());
        assertEquals(4, jobs.get(4).replication());
        assertEquals(Method.SB, jobs.get(5).method());
        Table2Job last = jobs.get(jobs.size() - 1);
        assertEquals(Task.CIFAR10_VGG11, last.task());
        assertEquals(Method.OUR2, last.method());
        assertEquals(4, last.replication());
        assertEquals(RUNS.resolve("cifar10-vgg11/our2/rep4"), last.dir());
        for (Table2Job j : jobs) {
            // Table 1's schedule, and App. A.3's for SB+Noise (fmnist-lenet 100,000 with the last 50,000 noise-free,
            // cifar10-vgg11 150,000 with 70,000)
            IterationSchedule expected = j.method() == Method.SB_NOISE
                ? (j.task() == Task.FMNIST_LENET ? IterationSchedule.of(100_000, 50_000)
                : IterationSchedule.of(150_000, 70_000)) : j.task().schedule();
            assertEquals(expected, j.schedule(), j.label());
            // the seed depends on the replication only: every method of a replication starts from the same weights
            // and labels (both drawn from the run's seed)
            assertEquals(Table2Plan.runSeed(1, j.replication()), j.seed(), j.label());
        }
        assertEquals(5L * (5 * 10_000 + 100_000 + 5 * 30_000 + 150_000), TrainingRuns.iterationsLeft(jobs));
    }

    @Test
    void seedOfAReplicationIsSharedAndWrapsAt2To40() {
        assertEquals(2, Table2Plan.runSeed(1, 0));
        assertEquals(1002, Table2Plan.runSeed(1, 1));
        assertEquals(4002, Table2Plan.runSeed(1, 4));
        assertEquals(1, Table2Plan.runSeed(1L << 40, 0));
        assertEquals((1L << 40) - 1000 + 1, Table2Plan.runSeed(-1000, 0));
        // the tiny profile's part seed, as in its runs.csv
        long part = Profile.tiny().seedFor("table2");
        assertTrue(Table2Plan.runSeed(part, 0) > 0 && Table2Plan.runSeed(part, 0) <= 1L << 40);
    }

    @Test
    void longestRunsStartFirstOtherwisePlanOrder() {
        TrainingScale s = new TrainingScale(List.of(Task.FMNIST_LENET), Task.table2Methods(),
            IterationSchedule.of(1_000, 500), 1, 100, 2, 1, 2, 1, 2, 1);
        List<Table2Job> jobs = Table2Plan.jobs(s, List.of(Task.FMNIST_LENET), 1, RUNS);
        // plan order: lb, sb, sb-clip, sb-noise, our1, our2; large-batch: lb, sb-noise, our1, our2
        assertEquals(List.of(0, 3, 4, 5, 1, 2), Table2Plan.startOrder(jobs));
        // the paper's schedules: SB+Noise's 100,000 iterations first
        List<Table2Job> paper = Table2Plan.jobs(Profile.paper().training().withTasks(List.of(Task.FMNIST_LENET)),
            List.of(Task.FMNIST_LENET), 1, RUNS);
        assertEquals(Method.SB_NOISE, paper.get(Table2Plan.startOrder(paper).get(0)).method());
        assertEquals(Method.SB_CLIP, paper.get(Table2Plan.startOrder(paper).get(paper.size() - 1)).method());
    }

    @Test
    void fewerReplicationsOrMethodsAreASubsetOfTheFullPlan() {
        TrainingScale full = Profile.paper().training().withTasks(List.of(Task.FMNIST_LENET));
        TrainingScale part = full.withMethods(List.of(Method.OUR2, Method.LB, Method.SB)).withReplications(3);
        assertEquals(List.of(Method.LB, Method.SB, Method.OUR2), part.methods(), "Table 2's column order");
        List<Table2Job> all = Table2Plan.jobs(full, List.of(Task.FMNIST_LENET), 7, RUNS);
        List<Table2Job> some = Table2Plan.jobs(part, List.of(Task.FMNIST_LENET), 7, RUNS);
        assertEquals(9, some.size());
        // same directory, seed and schedule as in the full plan: a later run with 5 replications keeps these
        for (Table2Job j : some) {
            assertTrue(all.contains(j), "not in the full plan: " + j);
        }
    }

    @Test
    void theKeptRunsDoNotDependOnTasksMethodsOrReplicationsButOnTheSchedule() {
        Table2Part part = new Table2Part();
        Profile paper = Profile.paper();
        TrainingScale full = paper.training();
        Object resume = part.resumeScale(paper);
        Profile subset = paper.withTraining(full.withTasks(List.of(Task.FMNIST_LENET))
            .withMethods(List.of(Method.SB, Method.OUR2)).withReplications(3));
        assertEquals(resume, part.resumeScale(subset));
        assertNotEquals(resume, part.resumeScale(Profile.quick()), "another schedule");
        // the form written before --methods/--replications carried them: a directory written then with any of them
        // is kept, whatever this invocation's (the recorded paper row was started with five methods and 3
        // replications, before the change)
        Object startedWith = full.withMethods(List.of(Method.LB, Method.SB, Method.SB_CLIP, Method.OUR1,
            Method.OUR2)).withReplications(3);
        Object sbOnce = full.withMethods(List.of(Method.SB)).withReplications(1);
        Object unordered = full.withMethods(List.of(Method.OUR2, Method.SB)).withReplications(7);
        Profile later = paper.withTraining(full.withMethods(List.of(Method.LB, Method.SB)).withReplications(2));
        assertTrue(part.formerResumeScales(later).contains(startedWith));
        assertTrue(part.formerResumeScales(later).contains(sbOnce));
        assertTrue(part.formerResumeScales(later).contains(paper.training()));
        assertFalse(part.formerResumeScales(later).contains(unordered), "another order, 7 replications");
        Profile own = paper.withTraining(full.withTasks(List.of(Task.FMNIST_LENET))
            .withMethods(List.of(Method.OUR2, Method.SB)).withReplications(7));
        assertTrue(part.formerResumeScales(own).contains(unordered), "this invocation's own form");
        assertFalse(part.formerResumeScales(later).contains(Profile.quick().training().withTasks(Task.table2Tasks())),
            "another schedule");
    }

    @Test
    void readOnTheGradientTheTruncatingMethodsGetTheirOwnDirectoriesAndShareTheOthers() {
        assertEquals("our1", Table2Plan.methodDir(Method.OUR1, TruncationReading.UPDATE));
        assertEquals("our1-b-on-gradient", Table2Plan.methodDir(Method.OUR1, TruncationReading.GRADIENT));
        TrainingScale update = Profile.paper().training().withTasks(List.of(Task.FMNIST_LENET));
        List<Table2Job> a = Table2Plan.jobs(update, List.of(Task.FMNIST_LENET), 7, RUNS);
        List<Table2Job> g = Table2Plan.jobs(update.withBOn(TruncationReading.GRADIENT), List.of(Task.FMNIST_LENET), 7,
            RUNS);
        for (Method m : Task.table2Methods()) {
            assertEquals(m.truncates() ? TruncationReading.GRADIENT : TruncationReading.UPDATE,
                update.withBOn(TruncationReading.GRADIENT).bOn(m), m.cliName());
        }
        assertEquals(a.size(), g.size());
        for (int k = 0; k < a.size(); k++) {
            Method m = a.get(k).method();
            assertEquals(m.truncates(), !a.get(k).dir().equals(g.get(k).dir()), a.get(k).label());
            assertEquals(a.get(k).seed(), g.get(k).seed(), "same seed: paired with the same SB run");
        }
        assertEquals(RUNS.resolve("fmnist-lenet/sb-clip-b-on-gradient/rep4"), g.stream()
            .filter(j -> j.method() == Method.SB_CLIP && j.replication() == 4).findFirst().orElseThrow().dir());
    }

    @Test
    void theReadingOfBChangesTheResultButNotTheKeptRuns() throws Exception {
        Table2Part part = new Table2Part();
        Profile paper = Profile.paper();
        Profile gradient = paper.withTraining(paper.training().withBOn(TruncationReading.GRADIENT));
        // one output directory holds both rows: switching --b-on neither deletes nor re-trains the finished runs
        assertEquals(part.resumeScale(paper), part.resumeScale(gradient));
        assertEquals(part.formerResumeScales(paper), part.formerResumeScales(gradient));
        // but the part is re-run (its done.json fingerprint differs) and the reading reaches the training child
        String u = OutputDir.JSON.writeValueAsString(part.scale(paper));
        String gj = OutputDir.JSON.writeValueAsString(part.scale(gradient));
        assertNotEquals(u, gj);
        // the default is left out of the JSON: directories written before --b-on existed keep their fingerprint
        assertFalse(u.contains("bOn"), u);
        assertTrue(gj.contains("\"bOn\" : \"GRADIENT\""), gj);
        assertEquals(gradient.training(), OutputDir.JSON.readValue(gj, TrainingScale.class));
        assertEquals(paper.training(), OutputDir.JSON.readValue(u, TrainingScale.class));
    }
}
