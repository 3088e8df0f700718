package org.htsgd.spark;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.Function;
import org.htsgd.cli.Main;
import org.htsgd.cli.io.OutputDir;

/**
 * Runs one cell on an executor: each attempt runs the command into a fresh temporary directory beside the cell's
 * final one, and a successful attempt (exit code 0) is renamed into {@code DIR/cells/<id>/} in one atomic step, so a
 * cell directory exists only when the cell is finished. The retry policy follows htsgd's exit codes
 * ({@link Main}): a cell refused as bad input (exit 2) is not retried, since the same input is refused again, and is
 * recorded as {@link CellOutcome#REFUSED} with htsgd's one-line message; a run that failed (exit 3: divergence, a
 * missing data set), an internal error (exit 1) or an exception is retried up to {@code retries} times, then
 * recorded as {@link CellOutcome#FAILED}. The last failed attempt is kept in {@code DIR/failed/<id>/} for reading.
 * An interrupted task (the sweep was cancelled) is not retried: it stops and leaves nothing in {@code cells/}.
 *
 * <p>The directory {@code DIR} must be visible at the same path to the driver and every executor (one machine, or a
 * shared file system).
 */
public final class CellTask implements Function<Cell, CellOutcome> {
    private static final long serialVersionUID = 1L;
    /** Name of the bookkeeping file in each cell directory. */
    public static final String CELL_JSON = "cell.json";
    /** Arrays longer than this are not flattened into table columns. */
    static final int MAX_ARRAY_COLUMNS = 16;
    /** Prefix of attempt directories in {@code cells/}: removed when a sweep starts. */
    public static final String TMP_PREFIX = ".tmp-";
    static final ObjectMapper READER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The sweep directory, as text (Path is not serialisable). */
    private final String out;
    /** The runner. */
    private final CellRunner runner;
    /** Attempts after the first. */
    private final int retries;

    /**
     * @param out the sweep directory
     * @param runner runs a cell
     * @param retries attempts after the first for a failed cell
     * @throws IllegalArgumentException if {@code retries < 0}
     */
    public CellTask(Path out, CellRunner runner, int retries) {
        if (!(retries >= 0)) {
            throw new IllegalArgumentException("retries is not >= 0: " + retries);
        }
        this.out = out.toAbsolutePath().toString();
        this.runner = runner;
        this.retries = retries;
    }

    /** @param out the sweep directory @return its {@code cells/} directory */
    public static Path cellsDir(Path out) {
        return out.resolve("cells");
    }

    /** @param out the sweep directory @return its {@code failed/} directory */
    public static Path failedDir(Path out) {
        return out.resolve("failed");
    }

    /**
     * @param out the sweep directory
     * @param cell a cell
     * @return the cell's outcome if it finished in an earlier run, else {@code null}
     */
    public static CellOutcome finished(Path out, Cell cell) {
        Path f = cellsDir(out).resolve(cell.id()).resolve(CELL_JSON);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            return READER.readValue(f.toFile(), CellOutcome.class).asResumed();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    /** {@inheritDoc} */
    @Override
    public CellOutcome call(Cell cell) throws IOException {
        Path root = Paths.get(out);
        CellOutcome earlier = finished(root, cell);
        if (earlier != null) {
            return earlier;
        }
        Path target = cellsDir(root).resolve(cell.id());
        long start = System.nanoTime();
        int code = -1;
        String error = "";
        int attempt = 0;
        Path tmp = null;
        while (attempt <= retries) {
            attempt++;
            tmp = cellsDir(root).resolve(TMP_PREFIX + cell.id() + "-" + UUID.randomUUID());
            Files.createDirectories(tmp);
            try {
                code = runner.run(cell.command(), cell.args(), tmp);
                error = code == 0 ? "" : lastLine(tmp.resolve(CellRunner.LOG), "exit code " + code);
            } catch (Exception e) {
                if (isInterrupt(e)) {
                    deleteTree(tmp);
                    throw new CancellationException("cell " + cell.id() + " interrupted");
                }
                code = -1;
                error = firstLine(String.valueOf(e));
            }
            if (Thread.currentThread().isInterrupted()) {
                deleteTree(tmp);
                throw new CancellationException("cell " + cell.id() + " interrupted");
            }
            if (code == 0) {
                CellOutcome ok = outcome(cell, CellOutcome.OK, attempt, 0, start, "", flatten(tmp));
                OutputDir.writeAtomically(tmp.resolve(CELL_JSON), OutputDir.JSON.writeValueAsBytes(ok));
                try {
                    moveDir(tmp, target);
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                    // another attempt of the same cell (a speculative or re-submitted task) finished first
                    deleteTree(tmp);
                    return finished(root, cell);
                }
                deleteTree(failedDir(root).resolve(cell.id()));
                return ok;
            }
            if (code == Main.EXIT_BAD_INPUT) {
                break; // htsgd refused the cell's input: every further attempt would be refused the same way
            }
            if (attempt <= retries) {
                deleteTree(tmp);
            }
        }
        String status = code == Main.EXIT_BAD_INPUT ? CellOutcome.REFUSED : CellOutcome.FAILED;
        CellOutcome failed = outcome(cell, status, attempt, code, start, error, flatten(tmp));
        OutputDir.writeAtomically(tmp.resolve(CELL_JSON), OutputDir.JSON.writeValueAsBytes(failed));
        Path kept = failedDir(root).resolve(cell.id());
        deleteTree(kept);
        Files.createDirectories(kept.getParent());
        moveDir(tmp, kept);
        return failed;
    }

    private static CellOutcome outcome(Cell cell, String status, int attempts, int code, long start, String error,
            Map<String, String> results) {
        double wall = (System.nanoTime() - start) * 1e-9;
        return new CellOutcome(cell.id(), cell.commandLine(), cell.settings(), status, attempts, code, wall, error,
                results, false);
    }

    private static boolean isInterrupt(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof ClosedByInterruptException
                    || t instanceof InterruptedIOException || t instanceof CancellationException) {
                return true;
            }
        }
        return Thread.currentThread().isInterrupted();
    }

    private static void moveDir(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /**
     * Flattens the scalar values of every JSON file the command wrote into dotted keys ({@code fit.slope},
     * {@code perEta.0.mean}); arrays longer than {@value #MAX_ARRAY_COLUMNS} are left to the JSON itself.
     *
     * @param dir a cell directory
     * @return dotted key to value text; keys are prefixed with the file's stem when there are several files
     * @throws IOException if a file cannot be read
     */
    static Map<String, String> flatten(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().equals(CELL_JSON))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(Path::toString))
                    .forEach(files::add);
        }
        Map<String, String> flat = new LinkedHashMap<>();
        for (Path f : files) {
            JsonNode node;
            try {
                node = READER.readTree(f.toFile());
            } catch (IOException e) {
                continue; // not JSON after all: the file stays, it just has no columns
            }
            String stem = f.getFileName().toString().replaceFirst("\\.json$", "");
            flatten(files.size() == 1 ? "" : stem, node, flat);
        }
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> flat) {
        if (node == null || node.isMissingNode()) {
            return;
        }
        if (node.isArray()) {
            // short arrays (per-eta rows, per-field fractions) become indexed columns; long ones (samples,
            // trajectories) stay in the JSON only
            if (node.size() <= MAX_ARRAY_COLUMNS) {
                for (int i = 0; i < node.size(); i++) {
                    flatten(prefix.isEmpty() ? Integer.toString(i) : prefix + "." + i, node.get(i), flat);
                }
            }
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), flat);
            }
            return;
        }
        flat.put(prefix.isEmpty() ? "value" : prefix, node.isNull() ? "" : node.asText());
    }

    private static String lastLine(Path log, String fallback) {
        try {
            if (!Files.isRegularFile(log)) {
                return fallback;
            }
            List<String> lines = Files.readAllLines(log);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return lines.get(i).trim() + " (" + fallback + ")";
                }
            }
            return fallback;
        } catch (IOException | UncheckedIOException e) {
            return fallback;
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * Deletes a directory tree if it exists.
     *
     * @param dir the directory
     * @throws IOException if something cannot be deleted
     */
    static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
