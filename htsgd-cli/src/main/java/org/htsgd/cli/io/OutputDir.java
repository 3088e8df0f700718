package org.htsgd.cli.io;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.htsgd.cli.UserInputException;
import org.htsgd.train.io.AtomicFiles;

/**
 * A command's output directory. Every file is written atomically through {@link AtomicFiles} (temporary file in the
 * same directory, synced, then renamed), so an interrupted run never leaves a half-written result, nothing already
 * written is lost, and every output gets the same file mode.
 */
public final class OutputDir {
    /** The shared JSON mapper: pretty, NaN/Infinity written as strings (strict JSON readers accept them). */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .findAndAddModules()
            .build();

    private final Path dir;

    private OutputDir(Path dir) {
        this.dir = dir;
    }

    /**
     * @param dir the directory, created if missing
     * @return the output directory
     * @throws UserInputException if it is empty or a file, or cannot be created or written
     */
    public static OutputDir of(Path dir) {
        if (dir.toString().isBlank()) {
            throw new UserInputException("--out is empty: name a directory");
        }
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new UserInputException("--out " + dir + " is a file, not a directory");
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserInputException("cannot create output directory " + dir + ": " + e.getMessage());
        }
        if (!Files.isWritable(dir)) {
            throw new UserInputException("output directory " + dir + " is not writable");
        }
        return new OutputDir(dir);
    }

    /** @return the directory */
    public Path path() {
        return dir;
    }

    /** @param name file name @return the path of that file in the directory */
    public Path resolve(String name) {
        return dir.resolve(name);
    }

    /** @param name file name @return whether it exists */
    public boolean exists(String name) {
        return Files.exists(dir.resolve(name));
    }

    /**
     * @param name file name
     * @param value a record or map, serialised with {@link #JSON}
     * @return the written path
     */
    public Path writeJson(String name, Object value) {
        try {
            return writeAtomically(dir.resolve(name), JSON.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param name file name
     * @param header column names
     * @param rows rows, one value per column (numbers written with full precision)
     * @return the written path
     */
    public Path writeCsv(String name, List<String> header, List<? extends List<?>> rows) {
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        for (List<?> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(csvCell(row.get(i)));
            }
            sb.append('\n');
        }
        return writeText(name, sb.toString());
    }

    /** @param name file name @param text content @return the written path */
    public Path writeText(String name, String text) {
        return writeAtomically(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    private static String csvCell(Object v) {
        String s = String.valueOf(v);
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /**
     * Writes bytes atomically with the project's one atomic write, {@link AtomicFiles#write(Path, byte[])} (same file
     * mode for every output, synced before the rename).
     *
     * @param target the final path
     * @param bytes the content
     * @return the target
     * @throws UncheckedIOException naming the file if it cannot be written (the previous file is then untouched)
     */
    public static Path writeAtomically(Path target, byte[] bytes) {
        try {
            return AtomicFiles.write(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
