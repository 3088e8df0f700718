package org.htsgd.train.loop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} and {@code --resume}: a child JVM ({@link KilledTrainingChild}) is killed with
 * {@link Process#destroyForcibly()} (SIGKILL) (a) while it trains and (b) inside a checkpoint write, after the
 * temporary file is partly written ({@link Checkpoint#PAUSE_PROPERTY}); resumed to the end, it leaves
 * {@code weights.bin} byte-identical and {@code metrics.csv} byte-identical but for the wall-time column to an
 * uninterrupted run in its own JVM, and no temporary file behind.
 */
class KillAndResumeTest {
    @TempDir
    static Path tmp;

    /** The uninterrupted run. */
    static Path reference;

    @BeforeAll
    static void uninterrupted() throws Exception {
        reference = tmp.resolve("uninterrupted");
        finish(child(reference, "fresh"));
    }

    @Test
    void killedWhileTrainingAndResumed() throws Exception {
        Path out = tmp.resolve("killed-training");
        Process p = child(out, "fresh");
        // past the checkpoint at 110 and the metrics row at 112: both a checkpoint and rows are there to lose
        killAfter(p, line -> line.equals(KilledTrainingChild.STEP + 113));
        assertTrue(Files.exists(out.resolve(Trainer.CHECKPOINT)));
        assertTrue(Files.notExists(out.resolve(Trainer.WEIGHTS)), "killed before the end");
        finish(child(out, "resume"));
        assertSameRun(out);
    }

    @Test
    void killedInsideACheckpointWriteAndResumed() throws Exception {
        Path out = tmp.resolve("killed-checkpoint");
        Process p = child(out, "fresh", "-D" + Checkpoint.PAUSE_PROPERTY + "=150");
        killAfter(p, line -> line.equals(Checkpoint.PAUSED + 150));
        List<Path> partial = leftovers(out);
        assertEquals(1, partial.size(), "the temporary file of the interrupted write: " + partial);
        long size = Files.size(partial.get(0));
        assertTrue(size > 8 && size < Files.size(out.resolve(Trainer.CHECKPOINT)),
                "partly written: " + size + " bytes");
        finish(child(out, "resume"));
        assertEquals(List.of(), leftovers(out), "the resumed run removed the interrupted write's temporary file");
        assertSameRun(out);
    }

    private static void assertSameRun(Path out) throws IOException {
        assertArrayEquals(Files.readAllBytes(reference.resolve(Trainer.WEIGHTS)),
                Files.readAllBytes(out.resolve(Trainer.WEIGHTS)), "weights.bin");
        List<String> expected = withoutSeconds(reference);
        assertEquals(expected, withoutSeconds(out), "metrics.csv without the wall-time column");
        // header + a row every 7 iterations + the last
        assertEquals(1 + KilledTrainingChild.ITERATIONS / 7 + 1, expected.size());
        // the noise columns are live (Our 2 injects Z until its noise-free phase), so a lost window would show
        assertNotEquals("0.0", expected.get(1).split(",")[8], "mean_abs_z of the first row");
    }

    /** @return metrics.csv's lines, each without its last column ({@code seconds}) */
    private static List<String> withoutSeconds(Path out) throws IOException {
        String text = Files.readString(out.resolve(Trainer.METRICS), StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\n"));
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                lines.add(line.substring(0, line.lastIndexOf(',')));
            }
        }
        return lines;
    }

    private static List<Path> leftovers(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(f -> f.getFileName().toString().startsWith("." + Trainer.CHECKPOINT + ".")).toList();
        }
    }

    private static Process child(Path out, String mode, String... jvmOptions) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g", "-Doffline=true", "-Dai.djl.offline=true"));
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), KilledTrainingChild.class.getName(),
                out.toString(), mode));
        Files.createDirectories(tmp);
        return new ProcessBuilder(cmd).redirectError(tmp.resolve(out.getFileName() + "-" + mode + ".err").toFile())
                .start();
    }

    /** Reads the child's output until a line matches, then kills it with SIGKILL. */
    private static void killAfter(Process p, Predicate<String> line) throws Exception {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String l;
            while ((l = in.readLine()) != null) {
                if (line.test(l)) {
                    p.destroyForcibly();
                    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
                    assertEquals(137, p.exitValue(), "killed by SIGKILL");
                    return;
                }
            }
        }
        p.waitFor(60, TimeUnit.SECONDS);
        throw new AssertionError("the child ended (exit " + p.exitValue() + ") before the kill point");
    }

    private static void finish(Process p) throws Exception {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            while (in.readLine() != null) {
                // drain the progress lines
            }
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "child exit code");
    }
}
