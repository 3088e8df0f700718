package org.htsgd.cli.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.cli.io.Progress;

/**
 * What a {@link Part} gets to work with.
 *
 * @param profile the profile (scale parameters)
 * @param id the part's id
 * @param dir the part's own output directory {@code OUT/<id>}
 * @param dataDir directory given by {@code --data}, or {@code null} for each dataset's default directory
 * @param threads worker threads
 * @param seed the part's seed ({@link Profile#seedFor(String)})
 */
public record PartContext(Profile profile, String id, OutputDir dir, Path dataDir, int threads, long seed) {
    /** Validates. */
    public PartContext {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dir, "dir");
        if (threads < 1) {
            throw new IllegalArgumentException("threads is not >= 1: " + threads);
        }
    }

    /**
     * @param task what is done (shown before the bar, prefixed with the part id)
     * @param total units of work
     * @param unit unit name
     * @return a started progress bar
     */
    public Progress progress(String task, long total, String unit) {
        return Progress.start(id + ": " + task, total, unit);
    }

    /** @param file a file name in {@link #dir()} @return the file as a path relative to index.html */
    public String href(String file) {
        return id + "/" + file;
    }

    /**
     * @param file a JSON file in {@link #dir()}
     * @return its tree
     * @throws IOException if it cannot be read
     */
    public JsonNode readJson(String file) throws IOException {
        return OutputDir.JSON.readTree(dir.resolve(file).toFile());
    }

    /**
     * @param file a JSON file in {@link #dir()}
     * @param type the record type
     * @param <T> the type
     * @return the value
     * @throws IOException if it cannot be read
     */
    public <T> T readJson(String file, Class<T> type) throws IOException {
        return OutputDir.JSON.readValue(dir.resolve(file).toFile(), type);
    }
}
