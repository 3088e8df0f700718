package org.htsgd.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.train.loop.Task;
import org.htsgd.train.method.IterationSchedule;
import org.htsgd.train.method.Method;
import org.htsgd.train.method.TruncationReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileTest {
    /** The quick profile's Table 2 schedule: noise phase past the plateau (measured near 600), then LB steps. */
    private static final IterationSchedule QUICK_SCHEDULE = IterationSchedule.of(6_000, 3_500);

    @ParameterizedTest
    @ValueSource(strings = {"tiny", "quick", "paper", "QUICK"})
    void builtInProfilesAreValidAndNamed(String name) {
        Profile p = Profile.of(name);
        assertEquals(name.toLowerCase(java.util.Locale.ROOT), p.name());
    }

    @Test
    void unknownProfileIsRejectedNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Profile.of("huge"));
        assertTrue(e.getMessage().contains("tiny") && e.getMessage().contains("huge"), e.getMessage());
    }

    @Test
    void builtInTrainingIsTheShippedScaleWhateverAnInvocationNarrowed() {
        Profile paper = Profile.of("paper");
        Profile narrowed = paper.withTraining(paper.training().withMethods(List.of(Method.SB))
            .withTasks(List.of(Task.FMNIST_LENET)).withReplications(1));
        assertEquals(paper.training(), narrowed.builtInTraining().orElseThrow());
        assertNotEquals(narrowed.training(), narrowed.builtInTraining().orElseThrow());
        Profile custom = new Profile("mine", 1, paper.exitTimes(), paper.occupancy(), paper.himmelblau(), paper.ctmc(),
            paper.training());
        assertTrue(custom.builtInTraining().isEmpty(), "a profile that is not built in has no shipped scale");
    }

    @Test
    void paperProfileHasThePapersScale() {
        Profile p = Profile.paper();
        assertTrue(p.exitTimes().curves().stream().allMatch(c -> c.paths() == 20), "20 samples per eta");
        assertEquals(50_000_000L, p.exitTimes().maxSteps());
        assertEquals(-0.7, p.exitTimes().start());
        assertEquals(List.of(0.28, 0.5, Double.POSITIVE_INFINITY),
            p.exitTimes().curves().stream().map(Profile.ExitCurve::b).toList());
        assertEquals(0.001, p.occupancy().eta());
        assertEquals(10_000_000L, p.occupancy().steps());
        assertEquals(10, p.occupancy().paths());
        assertEquals(0.3, p.occupancy().start());
        assertEquals(5e-4, p.himmelblau().eta());
        assertEquals(30_000_000L, p.himmelblau().steps());
        assertEquals(2.15, p.himmelblau().b());
        // Table 2 at the paper's scale: every Table 2 task on its Table 1 schedule, 5 replications, 100 samples
        assertEquals(List.of(Task.FMNIST_LENET, Task.SVHN_VGG11, Task.CIFAR10_VGG11), p.training().tasks());
        assertEquals(IterationSchedule.of(10_000, 5_000), p.training().scheduleOf(Task.FMNIST_LENET, Method.OUR2));
        assertEquals(IterationSchedule.of(30_000, 5_000), p.training().scheduleOf(Task.SVHN_VGG11, Method.LB));
        assertEquals(IterationSchedule.of(30_000, 5_000), p.training().scheduleOf(Task.CIFAR10_VGG11, Method.SB));
        // SB+Noise on App. A.3's schedule: 10x longer, noise off in the last half (fmnist) or 70,000 (VGG11 tasks)
        assertEquals(IterationSchedule.of(100_000, 50_000),
            p.training().scheduleOf(Task.FMNIST_LENET, Method.SB_NOISE));
        assertEquals(IterationSchedule.of(150_000, 70_000),
            p.training().scheduleOf(Task.CIFAR10_VGG11, Method.SB_NOISE));
        assertEquals(5, p.training().replications());
        assertEquals(100, p.training().expectedSharpnessSamples());
        assertEquals(List.of(Method.LB, Method.SB, Method.SB_CLIP, Method.SB_NOISE, Method.OUR1, Method.OUR2),
            p.training().methods());
    }

    @Test
    void shorterProfilesTrainFashionMnistOnTheirOwnSchedule() {
        TrainingScale q = Profile.quick().training();
        assertEquals(List.of(Task.FMNIST_LENET), q.tasks());
        assertEquals(QUICK_SCHEDULE, q.scheduleOf(Task.FMNIST_LENET, Method.OUR2));
        assertEquals(QUICK_SCHEDULE, q.scheduleOf(Task.FMNIST_LENET, Method.LB));
        // SB+Noise is left out of quick (App. A.3's 100,000 iterations do not fit), with the reason in the report
        assertEquals(List.of(Method.LB, Method.SB, Method.SB_CLIP, Method.OUR1, Method.OUR2), q.methods());
        // quick: noise in [0, 2,500), each run stops at 99% training accuracy from there on, b on the gradient
        assertEquals(0.99, q.stopAtTrainAccuracy());
        assertEquals(TruncationReading.GRADIENT, q.bOn(Method.OUR2));
        assertEquals(TruncationReading.UPDATE, q.bOn(Method.SB), "a method that does not truncate keeps its runs");
        TrainingScale p = Profile.paper().training();
        assertTrue(Double.isNaN(p.stopAtTrainAccuracy()), "the paper profile runs Table 1's schedule to its end");
        assertEquals(TruncationReading.UPDATE, p.bOn(Method.OUR2), "and reads b as eq. 1 unless --b-on says");
        TrainingScale t = Profile.tiny().training();
        assertEquals(List.of(Method.SB, Method.OUR2), t.methods());
        assertEquals(IterationSchedule.of(12, 4), t.scheduleOf(Task.FMNIST_LENET, Method.SB));
    }

    @Test
    void exitCurveValidation() {
        double inf = Double.POSITIVE_INFINITY;
        assertThrows(IllegalArgumentException.class,
            () -> new Profile.ExitCurve("x", 0.5, new double[] {0.1}, 0.1, 10), "fewer than 2 etas");
        assertThrows(IllegalArgumentException.class,
            () -> new Profile.ExitCurve("x", 0.5, new double[] {0.01, 0.1}, 0.1, 10), "increasing etas");
        assertThrows(IllegalArgumentException.class,
            () -> new Profile.ExitCurve("x", 0.5, new double[] {0.1, 0.1}, 0.1, 10), "repeated eta");
        assertThrows(IllegalArgumentException.class,
            () -> new Profile.ExitCurve("x", 0.5, new double[] {1.5, 0.1}, 2, 10), "eta >= 1");
        assertThrows(IllegalArgumentException.class,
            () -> new Profile.ExitCurve("x", 0.5, new double[] {0.1, 0.05, 0.01}, 0.02, 10), "one fitted eta");
        assertThrows(IllegalArgumentException.class,
            () -> new Profile.ExitCurve("x", Double.NaN, new double[] {0.1, 0.05}, 0.1, 10), "NaN b");
        assertThrows(IllegalArgumentException.class,
            () -> new Profile.ExitCurve("x", 0, new double[] {0.1, 0.05}, 0.1, 10), "b = 0");
        Profile.ExitCurve c = new Profile.ExitCurve("x", inf, new double[] {0.1, 0.05, 0.01}, 0.05, 10);
        assertTrue(c.fitted(0.05) && c.fitted(0.01) && !c.fitted(0.1));
        double[] etas = c.etas();
        etas[0] = 0.9;
        assertEquals(0.1, c.etas()[0], "defensive copy");
    }

    @Test
    void scaleValidation() {
        Profile.ExitCurve c = new Profile.ExitCurve("x", 0.5, new double[] {0.1, 0.05}, 0.1, 10);
        assertThrows(IllegalArgumentException.class, () -> new Profile.ExitTimeScale(List.of(), 100, -0.7));
        assertThrows(IllegalArgumentException.class,
            () -> new Profile.ExitCurve("x", 0.5, new double[] {0.1, 0.05}, 0.1, 1), "one path");
        assertThrows(IllegalArgumentException.class, () -> new Profile.ExitTimeScale(List.of(c), 0, -0.7));
        assertThrows(IllegalArgumentException.class,
            () -> new Profile.ExitTimeScale(List.of(c), 100, Double.NaN));
        assertThrows(IllegalArgumentException.class,
            () -> new Profile.OccupancyScale(Double.NaN, 100, 1, 100, 10, 10, 0.3));
        assertThrows(IllegalArgumentException.class,
            () -> new Profile.OccupancyScale(0.01, 100, 1, 200, 10, 10, 0.3), "trajectory longer than run");
        assertThrows(IllegalArgumentException.class,
            () -> new Profile.HimmelblauScale(5e-4, 100, 2, Double.POSITIVE_INFINITY, 10, 20, 0.02,
                List.of(0.01, 0.005), 2, 2));
        assertThrows(IllegalArgumentException.class, () -> new Profile.HimmelblauScale(5e-4, 100, 2, 2.15, 10, 20,
            0.02, List.of(0.01, 0.005), 2, 3), "fit on more etas than given");
        assertThrows(IllegalArgumentException.class, () -> new Profile.CtmcScale(0.01, 100, 0, 0.5));
        List<Task> f = List.of(Task.FMNIST_LENET);
        List<Method> sb = List.of(Method.SB);
        IterationSchedule sched = IterationSchedule.of(100, 50);
        assertThrows(IllegalArgumentException.class,
            () -> new TrainingScale(f, sb, sched, 0, 10, 10, 10, 10, 10, 10, 10), "no replication");
        assertThrows(IllegalArgumentException.class,
            () -> new TrainingScale(f, List.of(Method.SAM), sched, 1, 10, 10, 10, 10, 10, 10, 10), "SAM: not Table 2");
        assertThrows(IllegalArgumentException.class,
            () -> new TrainingScale(List.of(Task.CIFAR100_VGG16), sb, sched, 1, 10, 10, 10, 10, 10, 10, 10),
            "cifar100-vgg16: not Table 2");
        assertThrows(IllegalArgumentException.class,
            () -> new TrainingScale(List.of(), sb, sched, 1, 10, 10, 10, 10, 10, 10, 10), "no task");
        assertThrows(IllegalArgumentException.class,
            () -> new TrainingScale(f, sb, sched, 1, 10, 1, 10, 10, 10, 10, 10), "one sharpness sample");
    }

    @Test
    void partSeedsDifferAndFollowTheMasterSeed() {
        Profile p = Profile.quick();
        assertNotEquals(p.seedFor("fig1-right"), p.seedFor("fig3"));
        assertEquals(p.seedFor("fig3"), Profile.quick().seedFor("fig3"));
        assertNotEquals(p.seedFor("fig3"), p.withSeed(2).seedFor("fig3"));
    }

    @Test
    void profileRoundTripsThroughJsonIncludingInfiniteB() throws Exception {
        for (Profile p : List.of(Profile.tiny(), Profile.quick(), Profile.paper())) {
            String json = OutputDir.JSON.writeValueAsString(p);
            Profile back = OutputDir.JSON.readValue(json, Profile.class);
            assertEquals(p, back);
        }
    }
}
