package org.htsgd.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A refused command loses no file: a finished training run's files, a file the user put in a reproduce part's
 * directory and the user's data directory are byte-for-byte as before, and the refusal is one line with exit 2.
 */
class DataLossTest {
    /** Debian's Fashion-MNIST (installed on the build machines). */
    static final Path FMNIST = Path.of("/usr/share/datasets/fashion-mnist");

    @TempDir
    Path tmp;

    /** Exit code and stderr of one command. */
    record Result(int code, String err) {
        void assertRefused(String... fragments) {
            assertEquals(2, code, err);
            assertEquals(1, err.strip().lines().count(), "one line: " + err);
            assertFalse(err.contains("Exception") || err.contains("\tat "), err);
            for (String f : fragments) {
                assertTrue(err.contains(f), "'" + f + "' in: " + err);
            }
        }
    }

    static Result run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        return new Result(cl.execute(args), err.toString());
    }

    /** @return every file under dir: relative name to content (directories as empty entries) */
    static Map<String, byte[]> snapshot(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                out.put(dir.relativize(p) + (Files.isDirectory(p) ? "/" : ""),
                    Files.isDirectory(p) ? new byte[0] : Files.readAllBytes(p));
            }
        }
        return out;
    }

    static void assertUntouched(Map<String, byte[]> before, Path dir) throws IOException {
        Map<String, byte[]> after = snapshot(dir);
        assertEquals(before.keySet(), after.keySet(), "the files of " + dir);
        for (String name : before.keySet()) {
            assertArrayEquals(before.get(name), after.get(name), name);
        }
    }

    @Test
    void aRefusedTrainLeavesAFinishedRunAsItWas() throws IOException {
        Path runDir = tmp.resolve("run");
        String[] train = {"train", "--method", "sb-clip", "--iterations", "4", "--eval-every", "2",
            "--checkpoint-every", "2", "--seed", "2", "--out", runDir.toString()};
        assertEquals(0, run(train).code());
        Map<String, byte[]> finished = snapshot(runDir);
        assertTrue(finished.containsKey("config.json") && finished.containsKey("checkpoint.bin"), finished.keySet()
            .toString());
        Files.createDirectories(tmp.resolve("empty"));
        // another task without its data
        run("train", "--task", "svhn-vgg11", "--method", "sb", "--data", tmp.resolve("empty").toString(), "--out",
            runDir.toString()).assertRefused("train_32x32.mat", "file not found");
        assertUntouched(finished, runDir);
        // resuming with another seed: the checkpoint is another run's
        String[] otherSeed = Arrays.copyOf(train, train.length + 1);
        otherSeed[train.length] = "--resume";
        otherSeed[Arrays.asList(train).indexOf("--seed") + 1] = "9";
        run(otherSeed).assertRefused("checkpoint.bin: checkpoint belongs to another run");
        assertUntouched(finished, runDir);
    }

    @Test
    void reproduceKeepsAFileTheUserPutInAPartDirectory() throws IOException {
        Path out = tmp.resolve("out");
        Path mine = out.resolve("fig2").resolve("my-notes.txt");
        Files.createDirectories(mine.getParent());
        Files.writeString(mine, "the user's own notes");
        assertEquals(0, run("reproduce", "--profile", "tiny", "--parts", "fig2", "--out", out.toString()).code());
        assertTrue(Files.exists(out.resolve("fig2").resolve("done.json")));
        // another seed: the part is cleared and re-run
        assertEquals(0, run("reproduce", "--profile", "tiny", "--parts", "fig2", "--seed", "7", "--out",
            out.toString()).code());
        assertEquals("the user's own notes", Files.readString(mine));
    }

    @Test
    void aDamagedDatasetInTheUsersDataDirectoryIsRefusedNotReplaced() throws IOException {
        Path data = tmp.resolve("data");
        Files.createDirectories(data);
        try (Stream<Path> s = Files.list(FMNIST)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                Files.copy(f, data.resolve(f.getFileName()));
            }
        }
        Path images = data.resolve("train-images-idx3-ubyte.gz");
        byte[] whole = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(whole, whole.length / 2)); // truncated
        Map<String, byte[]> before = snapshot(data);
        Path out = tmp.resolve("out");
        run("reproduce", "--profile", "tiny", "--parts", "table2", "--data", data.toString(), "--out",
            out.toString()).assertRefused("--data", "train-images-idx3-ubyte.gz", "truncated");
        assertUntouched(before, data);
        assertFalse(Files.exists(out), "nothing was written");
    }
}
