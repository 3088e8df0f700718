package org.htsgd.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.htsgd.cli.UserInputException;
import org.htsgd.train.loop.Task;
import org.htsgd.train.loop.TrainConfig;
import org.htsgd.train.loop.TrainConfigJson;
import org.htsgd.train.method.Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code htsgd sharpness --run DIR} reads run directories written before and after the task catalogue. */
class SharpnessRunConfigTest {
    @Test
    void readsAConfigWrittenBeforeTheCatalogue(@TempDir Path dir) throws Exception {
        // written by `htsgd train --task fmnist-lenet --method sb --iterations 20 --seed 1` before the catalogue
        try (InputStream in = getClass().getResourceAsStream("config-before-catalogue.json")) {
            Files.write(dir.resolve(SharpnessCommand.RUN_CONFIG), in.readAllBytes());
        }
        TrainConfig c = SharpnessCommand.readRunConfig(dir);
        assertEquals(Task.FMNIST_LENET, c.task());
        assertEquals(Method.SB, c.method());
        assertEquals(1, c.seed());
        assertEquals(20, c.iterations());
        assertEquals(Path.of("/usr/share/datasets/fashion-mnist"), c.dataDir());
    }

    @Test
    void readsTheCurrentFormat(@TempDir Path dir) throws Exception {
        TrainConfig c = TrainConfig.defaults(Task.SVHN_VGG11, Method.OUR1, dir, dir).withIterations(30).withSeed(4);
        Files.writeString(dir.resolve(SharpnessCommand.RUN_CONFIG), TrainConfigJson.write(c));
        assertEquals(c, SharpnessCommand.readRunConfig(dir));
    }

    @Test
    void aDamagedConfigIsRejectedWithOneLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(SharpnessCommand.RUN_CONFIG), "{\"task\": \"FMNIST_LENET\", \"seed\": 1}");
        UserInputException e = assertThrows(UserInputException.class, () -> SharpnessCommand.readRunConfig(dir));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains("is not a valid training configuration"), e.getMessage());
    }
}
