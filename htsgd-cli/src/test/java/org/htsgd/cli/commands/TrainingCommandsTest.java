package org.htsgd.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.htsgd.cli.Main;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.train.method.NoiseOffPhase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code train} then {@code sharpness} on the real Fashion-MNIST subset (a few iterations), and their bad input. */
class TrainingCommandsTest {
    @TempDir
    Path tmp;

    private static int run(StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void trainWritesItsRunAndSharpnessMeasuresIt() throws Exception {
        Path runDir = tmp.resolve("run");
        StringWriter err = new StringWriter();
        int code = run(err, "train", "--task", "fmnist-lenet", "--method", "sb-clip", "--iterations", "6",
                "--eval-every", "3", "--checkpoint-every", "3", "--seed", "2", "--out", runDir.toString());
        assertEquals(0, code, err.toString());
        for (String f : new String[] {"config.json", "summary.json", "metrics.csv", "weights.bin"}) {
            assertTrue(Files.exists(runDir.resolve(f)), f);
        }
        JsonNode summary = OutputDir.JSON.readTree(runDir.resolve("summary.json").toFile());
        assertEquals(6, summary.get("iterations").asLong());
        assertEquals(2, summary.get("config").get("seed").asLong());
        assertEquals(3, Files.readAllLines(runDir.resolve("metrics.csv")).size()); // header + 2 evaluations

        Path sharp = tmp.resolve("sharp");
        code = run(err, "sharpness", "--run", runDir.toString(), "--measures", "expected,hessian", "--samples", "8",
                "--hessian-iterations", "5", "--probes", "4", "--out", sharp.toString());
        assertEquals(0, code, err.toString());
        JsonNode s = OutputDir.JSON.readTree(sharp.resolve("sharpness.json").toFile()).get("result");
        assertEquals(11_330, s.get("dimension").asInt());
        assertTrue(s.get("expected").get("sharpness").get("mean").asDouble() >= 0);
        assertEquals(8, s.get("expected").get("sharpness").get("samples").asInt());
        assertTrue(s.get("pacBayes").isNull());
    }

    @Test
    void theConfigRecordsTheResolvedThreadCountAndTheTasksBUnlessGiven() {
        String out = tmp.resolve("cfg").toString();
        TrainCommand dflt = (TrainCommand) Main.commandLine().parseArgs("train", "--method", "sb", "--out", out)
                .subcommand().commandSpec().userObject();
        assertEquals(Runtime.getRuntime().availableProcessors(), dflt.config().threads()); // 0 = all cores
        assertEquals(5.0, dflt.config().hyperparameters().b().b()); // fmnist-lenet's Table 1 b
        TrainCommand given = (TrainCommand) Main.commandLine().parseArgs("train", "--method", "sb", "--threads", "1",
                "--b", "2.5", "--out", out).subcommand().commandSpec().userObject();
        assertEquals(1, given.config().threads());
        assertEquals(2.5, given.config().hyperparameters().b().b());
    }

    @Test
    void bIsReadOnTheUpdateUnlessBOnGradient() {
        String out = tmp.resolve("cfg").toString();
        String[][] cases = {{"--b-on", "update"}, {"--b-on", "gradient"}, {"--b-on", "gradient", "--b", "2"},
            {"--b-on", "gradient", "--lr", "0.1"}};
        double[] threshold = {5, 0.25, 0.1, 0.5}; // Table 1: lr 0.05, b 5
        for (int k = 0; k < cases.length; k++) {
            String[] args = new String[cases[k].length + 5];
            System.arraycopy(new String[] {"train", "--method", "our1", "--out", out}, 0, args, 0, 5);
            System.arraycopy(cases[k], 0, args, 5, cases[k].length);
            TrainCommand c = (TrainCommand) Main.commandLine().parseArgs(args).subcommand().commandSpec()
                    .userObject();
            assertEquals(threshold[k], c.config().hyperparameters().b().b(), 1e-15, String.join(" ", cases[k]));
        }
    }

    @Test
    void theNoiseOffPhaseIsLbUnlessGiven() {
        String out = tmp.resolve("cfg").toString();
        TrainCommand dflt = (TrainCommand) Main.commandLine().parseArgs("train", "--method", "our1", "--out", out)
                .subcommand().commandSpec().userObject();
        assertEquals(NoiseOffPhase.LB, dflt.config().hyperparameters().noiseOffPhase()); // Table 2: "run LB instead"
        TrainCommand sb = (TrainCommand) Main.commandLine().parseArgs("train", "--method", "our1",
                "--noise-off-phase", "SB", "--out", out).subcommand().commandSpec().userObject();
        assertEquals(NoiseOffPhase.SB, sb.config().hyperparameters().noiseOffPhase());
    }

    @Test
    void badTrainingInputIsOneLineWithExitCode2() {
        String[][] cases = {
            {"train", "--method", "nope", "--out", tmp.resolve("a").toString()},
            {"train", "--method", "sb", "--task", "mnist-mlp", "--out", tmp.resolve("b").toString()},
            {"train", "--method", "sb", "--lr", "-1", "--out", tmp.resolve("c").toString()},
            {"train", "--method", "sb", "--data", tmp.resolve("nowhere").toString(), "--out",
                tmp.resolve("d").toString()},
            {"sharpness", "--run", tmp.resolve("nowhere").toString(), "--out", tmp.resolve("e").toString()},
            {"sharpness", "--run", tmp.toString(), "--measures", "flatness", "--out", tmp.resolve("f").toString()},
        };
        for (String[] args : cases) {
            StringWriter err = new StringWriter();
            assertEquals(2, run(err, args), String.join(" ", args) + " -> " + err);
            assertEquals(1, err.toString().strip().lines().count(), err.toString());
            assertFalse(err.toString().contains("Exception"), err.toString());
        }
    }
}
