package org.htsgd.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.htsgd.cli.io.OutputDir;

/**
 * A stand-in for an htsgd command, steered by its own arguments: writes {@code fake.json} with a number derived
 * from the arguments; {@code --fail-times=K} makes its first K runs of that cell fail (exit 3),
 * {@code --refuse=true} makes every run refuse its input (exit 2), and
 * {@code --seed=S} with {@code S > blockAbove} makes it wait until interrupted. Counts its runs per argument list
 * (tests run on {@code local[2]}, so executors share this JVM's statics).
 */
final class FakeRunner implements CellRunner {
    private static final long serialVersionUID = 1L;
    /** Runs per argument list. */
    static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();
    /** Seeds above this block until interrupted. */
    static volatile long blockAbove = Long.MAX_VALUE;

    /** @param args a cell's arguments @return how many times they were run */
    static int runs(List<String> args) {
        AtomicInteger n = RUNS.get(String.join(" ", args));
        return n == null ? 0 : n.get();
    }

    @Override
    public int run(String command, List<String> args, Path outDir) {
        int run = RUNS.computeIfAbsent(String.join(" ", args), k -> new AtomicInteger()).incrementAndGet();
        Map<String, String> opts = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            opts.put(a.substring(0, eq).replaceFirst("^-+", ""), a.substring(eq + 1));
        }
        try {
            if (Boolean.parseBoolean(opts.getOrDefault("refuse", "false"))) {
                Files.writeString(outDir.resolve(LOG), "fake: --refuse is bad input, run " + run + "\n");
                return 2;
            }
            if (run <= Integer.parseInt(opts.getOrDefault("fail-times", "0"))) {
                Files.writeString(outDir.resolve(LOG), "fake: failing on purpose, run " + run + "\n");
                return 3;
            }
            if (Long.parseLong(opts.getOrDefault("seed", "0")) > blockAbove) {
                Thread.sleep(60_000); // until the sweep is cancelled
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", command);
        json.put("args", args);
        // a deterministic function of the arguments, like a seeded run
        json.put("value", new java.util.SplittableRandom(String.join(" ", args).hashCode()).nextDouble());
        json.put("stats", Map.of("n", args.size()));
        OutputDir.of(outDir).writeJson("fake.json", json);
        return 0;
    }
}
