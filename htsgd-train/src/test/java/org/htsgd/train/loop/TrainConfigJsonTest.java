package org.htsgd.train.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.htsgd.train.method.LearningRateSchedule;
import org.htsgd.train.method.Method;
import org.htsgd.train.method.ParetoVariant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrainConfigJsonTest {
    static final Path DATA = Path.of("/data/fmnist");
    static final Path OUT = Path.of("/tmp/run");

    @ParameterizedTest
    @EnumSource(Task.class)
    void roundTripsEveryTaskAndMethod(Task t) throws IOException {
        for (Method m : Method.values()) {
            TrainConfig c = TrainConfig.defaults(t, m, DATA, OUT).withIterations(1234).withSeed(-7).withThreads(2);
            assertEquals(c, TrainConfigJson.parse(TrainConfigJson.write(c)), t + " " + m);
        }
    }

    @Test
    void roundTripsInfinitiesAndEveryChangedField() throws IOException {
        TrainConfig d = TrainConfig.defaults(Task.CIFAR100_VGG16, Method.SAM, DATA, OUT);
        TrainConfig c = d.withHyperparameters(d.hyperparameters().withB(Double.POSITIVE_INFINITY)
                .withParetoVariant(ParetoVariant.CLASSICAL).withSamRho(0.1).withSchedule(
                    LearningRateSchedule.halveEvery(7, 3)))
            .withEvalEvery(0).withCheckpointEvery(3).withResume(true);
        String json = TrainConfigJson.write(c);
        assertTrue(json.contains("\"Infinity\""), json);
        assertTrue(json.contains("\"type\" : \"step\""), json);
        assertEquals(c, TrainConfigJson.parse(json));
    }

    @Test
    void readsTheStopTargetAndAFileWrittenBeforeItAsNone() throws IOException {
        TrainConfig d = TrainConfig.defaults(Task.FMNIST_LENET, Method.OUR2, DATA, OUT);
        TrainConfig c = d.withStopAtTrainAccuracy(0.99);
        assertEquals(c, TrainConfigJson.parse(TrainConfigJson.write(c)));
        String json = TrainConfigJson.write(d);
        assertTrue(json.contains("\"stopAtTrainAccuracy\" : \"NaN\""), json);
        String before = json.replace("\"stopAtTrainAccuracy\" : \"NaN\"", "").replaceAll(",\\s*}\\s*$", "\n}");
        assertFalse(before.contains("stopAtTrainAccuracy"), before);
        TrainConfig read = TrainConfigJson.parse(before);
        assertTrue(Double.isNaN(read.stopAtTrainAccuracy()));
        assertEquals(d, read);
    }

    @Test
    void readsTheFormatWrittenBeforeTheCatalogue(@TempDir Path dir) throws IOException {
        // config.json of `htsgd train --task fmnist-lenet --method sb --iterations 20 --seed 1 --out /tmp/A-old-run`
        // written by the code before the catalogue (flat fields, noise law as a string, weight clip 0 = none)
        Path file = dir.resolve("config.json");
        try (InputStream in = getClass().getResourceAsStream("config-before-catalogue.json")) {
            Files.write(file, in.readAllBytes());
        }
        TrainConfig c = TrainConfigJson.read(file);
        TrainConfig expected = TrainConfig.defaults(Task.FMNIST_LENET, Method.SB,
            Path.of("/usr/share/datasets/fashion-mnist/"), Path.of("/tmp/A-old-run/")).withIterations(20);
        assertEquals(expected, c);
        assertEquals(10, c.hyperparameters().noiseOffLast());
        assertEquals(Double.POSITIVE_INFINITY, c.hyperparameters().weightLinfClip());
    }

    @Test
    void convertsTheOldNoiseLawWeightClipAndScheduleAsTheOldCodeDid() throws IOException {
        String old = "{\"task\":\"CIFAR100_VGG16\",\"method\":\"SB_NOISE\",\"iterations\":1173,\"seed\":3,"
            + "\"lr\":0.2,\"batch\":64,\"lbBatch\":512,\"b\":2.5,\"c\":0.25,\"alpha\":1.8,\"noiseLaw\":\"Pareto\","
            + "\"noiseOffLast\":100,\"momentum\":0.5,\"weightDecay\":1e-3,\"weightClip\":2.0,\"samRho\":0.1,"
            + "\"evalEvery\":10,\"checkpointEvery\":0,\"threads\":2,\"dataDir\":\"file:///d/\",\"outDir\":\"file:///o/\","
            + "\"resume\":true}";
        TrainConfig c = TrainConfigJson.parse(old);
        assertEquals(ParetoVariant.CLASSICAL, c.hyperparameters().paretoVariant());
        assertEquals(2.0, c.hyperparameters().weightLinfClip());
        assertEquals(100, c.hyperparameters().noiseOffLast());
        assertEquals(1173, c.iterations());
        // the learning-rate schedule is the paper's scaled to the run's length, as the old code derived it
        assertEquals(LearningRateSchedule.StepDecay.of(782, 117, 0.5), c.hyperparameters().schedule());
        assertEquals(0.5, c.hyperparameters().momentum());
        assertTrue(c.resume());
    }

    @Test
    void rejectsOtherFilesWithOneLine(@TempDir Path dir) throws IOException {
        for (String text : new String[] {"{\"name\": 1}", "not json", "{\"lr\": 0.1, \"noiseLaw\": \"gauss\"}",
            "[1, 2]", ""}) {
            Path f = dir.resolve("config.json");
            Files.writeString(f, text, StandardCharsets.UTF_8);
            IOException e = assertThrows(IOException.class, () -> TrainConfigJson.read(f), text);
            assertTrue(e.getMessage().startsWith(f + " is not a valid training configuration: "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
