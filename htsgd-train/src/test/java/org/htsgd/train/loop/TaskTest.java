package org.htsgd.train.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.htsgd.core.truncation.Truncation;
import org.htsgd.train.data.DataSpec;
import org.htsgd.train.method.Hyperparameters;
import org.htsgd.train.method.IterationSchedule;
import org.htsgd.train.method.Method;
import org.htsgd.train.method.NoiseOffPhase;
import org.htsgd.train.method.ParetoVariant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The catalogue against the paper's tables as transcribed in docs/paper.md §4.2 (Table 1, App. A.3) and §4.5. */
class TaskTest {
    @ParameterizedTest
    @EnumSource(Task.class)
    void everyTaskHasEveryMethodsHyperparameters(Task t) {
        for (Method m : Method.values()) {
            Hyperparameters h = t.hyperparameters(m);
            assertEquals(t.schedule(m), h.iterationSchedule());
            if (m == Method.SB_NOISE) {
                assertEquals(Task.SB_NOISE_WEIGHT_CLIP, h.weightLinfClip(), t + " " + m);
            } else {
                assertEquals(t.hyperparameters(), h, t + " " + m);
            }
        }
        assertEquals(t, Task.parse(t.cliName()));
        assertEquals(t, Task.parse(t.name()));
        assertTrue(t.architecture() != null && t.data() != null && !t.label().isBlank());
    }

    @Test
    void table1OfPaperMd42() {
        Hyperparameters f = Task.FMNIST_LENET.hyperparameters();
        assertEquals(Hyperparameters.of(0.05, 100, 1200, 5, 0.5, 1.4, 5_000, 10_000), f);
        assertEquals(Truncation.of(5), f.b());
        assertEquals(ParetoVariant.LOMAX, f.paretoVariant());
        assertEquals(0, f.momentum());
        assertEquals(0, f.weightDecay());
        assertEquals(Double.POSITIVE_INFINITY, f.weightLinfClip());
        assertEquals(IterationSchedule.of(10_000, 5_000), Task.FMNIST_LENET.schedule());
        for (Task t : List.of(Task.SVHN_VGG11, Task.CIFAR10_VGG11)) {
            assertEquals(Hyperparameters.of(0.05, 100, 1024, 20, 0.5, 1.4, 5_000, 30_000), t.hyperparameters());
            assertEquals(IterationSchedule.of(30_000, 5_000), t.schedule());
        }
        assertEquals(DataSpec.FMNIST_CORRUPTED, Task.FMNIST_LENET.data());
        assertEquals(DataSpec.SVHN, Task.SVHN_VGG11.data());
        assertEquals(DataSpec.CIFAR10, Task.CIFAR10_VGG11.data());
    }

    @Test
    void appendixA4ForCifar100() {
        Hyperparameters c = Task.CIFAR100_VGG16.hyperparameters();
        assertEquals(0.1, c.lr());
        assertEquals(128, c.batch());
        assertEquals(1024, c.lbBatch());
        assertEquals(0.5, c.b().b());
        assertEquals(300 * 391, c.totalIterations());
        assertEquals(100 * 391, c.noiseOffLast());
        assertEquals(0.9, c.momentum());
        assertEquals(5e-4, c.weightDecay());
        assertEquals(NoiseOffPhase.SB, c.noiseOffPhase());
        // epoch 199 at 0.1, epoch 200 halved, epoch 230 quartered
        assertEquals(0.1, c.learningRate(200 * 391 - 1));
        assertEquals(0.05, c.learningRate(200 * 391));
        assertEquals(0.025, c.learningRate(230 * 391));
        // no SB+Noise run in the paper: only the weight clip
        assertEquals(c.withWeightLinfClip(1), Task.CIFAR100_VGG16.hyperparameters(Method.SB_NOISE));
    }

    @Test
    void sbNoiseOfAppendixA3() {
        Hyperparameters f = Task.FMNIST_LENET.hyperparameters(Method.SB_NOISE);
        assertEquals(0.005, f.lr());
        assertEquals(IterationSchedule.of(100_000, 50_000), f.iterationSchedule());
        assertEquals(1.0, f.weightLinfClip());
        assertEquals(Task.FMNIST_LENET.hyperparameters().b(), f.b());
        for (Task t : List.of(Task.SVHN_VGG11, Task.CIFAR10_VGG11)) {
            Hyperparameters s = t.hyperparameters(Method.SB_NOISE);
            assertEquals(0.005, s.lr());
            assertEquals(IterationSchedule.of(150_000, 70_000), s.iterationSchedule());
            assertEquals(1.0, s.weightLinfClip());
        }
    }

    @Test
    void table2OfPaperMd45() {
        assertEquals(List.of(Task.FMNIST_LENET, Task.SVHN_VGG11, Task.CIFAR10_VGG11), Task.table2Tasks());
        assertEquals(List.of(Method.LB, Method.SB, Method.SB_CLIP, Method.SB_NOISE, Method.OUR1, Method.OUR2),
            Task.table2Methods());
        assertEquals(List.of("LB", "SB", "SB+Clip", "SB+Noise", "Our 1", "Our 2"),
            Task.table2Methods().stream().map(Method::label).toList());
        Map<Method, PaperResult> f = Task.FMNIST_LENET.published();
        assertEquals(List.copyOf(f.keySet()), Task.table2Methods(), "column order");
        assertEquals(PaperResult.of(68.66, 0.032), f.get(Method.LB));
        assertEquals(PaperResult.of(70.06, 0.002), f.get(Method.OUR2));
        assertEquals(PaperResult.of(64.43, 0.047), f.get(Method.SB_NOISE));
        Map<Method, PaperResult> s = Task.SVHN_VGG11.published();
        assertEquals(PaperResult.of(88.42, 0.002), s.get(Method.OUR1));
        assertEquals(PaperResult.of(82.87, 0.694), s.get(Method.LB));
        Map<Method, PaperResult> c = Task.CIFAR10_VGG11.published();
        assertEquals(PaperResult.of(75.87, 0.037), c.get(Method.OUR2));
        assertEquals(PaperResult.of(40.50, 2.046), c.get(Method.SB_NOISE));
        assertEquals(PaperResult.of(74.38, 0.039), c.get(Method.SB_CLIP));
        assertTrue(Task.CIFAR100_VGG16.published().isEmpty());
        for (Task t : Task.table2Tasks()) {
            assertEquals(Task.table2Methods(), List.copyOf(t.published().keySet()), t.toString());
        }
    }

    @Test
    void unknownTaskIsRejectedNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Task.parse("mnist-mlp"));
        assertEquals("task is not one of fmnist-lenet, svhn-vgg11, cifar10-vgg11, cifar100-vgg16: mnist-mlp",
            e.getMessage());
    }

    @Test
    void paperResultValidates() {
        assertThrows(IllegalArgumentException.class, () -> PaperResult.of(100.5, 0.1));
        assertThrows(IllegalArgumentException.class, () -> PaperResult.of(Double.NaN, 0.1));
        assertThrows(IllegalArgumentException.class, () -> PaperResult.of(50, -0.1));
    }
}
