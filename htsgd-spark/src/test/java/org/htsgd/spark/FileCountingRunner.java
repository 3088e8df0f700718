package org.htsgd.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.htsgd.cli.io.OutputDir;

/**
 * A stand-in command for tests across processes: each run leaves a file in {@code -Dfake.runs=DIR} (so runs can
 * be counted after the process is killed), writes {@code fake.json}, and a cell with {@code --seed=S} above
 * {@code -Dfake.blockAbove} hangs (until the process is killed).
 */
public final class FileCountingRunner implements CellRunner {
    private static final long serialVersionUID = 1L;

    @Override
    public int run(String command, List<String> args, Path outDir) {
        try {
            Path runs = Files.createDirectories(Path.of(System.getProperty("fake.runs")));
            Files.writeString(runs.resolve(key(args) + "-" + UUID.randomUUID()), String.join(" ", args));
            long seed = args.stream().filter(a -> a.startsWith("--seed=")).mapToLong(a -> Long.parseLong(a
                    .substring(7))).findFirst().orElse(0);
            if (seed > Long.getLong("fake.blockAbove", Long.MAX_VALUE)) {
                Thread.sleep(600_000);
            }
            OutputDir.of(outDir).writeJson("fake.json", java.util.Map.of("args", args));
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @param args a cell's arguments @return a file-name-safe key */
    static String key(List<String> args) {
        return Integer.toHexString(String.join(" ", args).hashCode());
    }

    /**
     * @param runs the directory of run files
     * @param args a cell's arguments
     * @return how many times that cell started
     * @throws IOException if the directory cannot be listed
     */
    static long runs(Path runs, List<String> args) throws IOException {
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(runs)) {
            return s.filter(p -> p.getFileName().toString().startsWith(key(args) + "-")).count();
        }
    }
}
