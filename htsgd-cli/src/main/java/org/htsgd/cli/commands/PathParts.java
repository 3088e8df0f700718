package org.htsgd.cli.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.cli.options.PathBlockOption;
import org.htsgd.core.simulation.ExitTimeConfig;
import org.htsgd.core.simulation.ExitTimeResult;
import org.htsgd.core.simulation.OccupancyConfig;
import org.htsgd.core.simulation.OccupancyResult;

/**
 * The parts of a simulation split with {@code --path-offset}, read back by {@code --merge-parts}
 * ({@link PathBlockOption}). A part's JSON is the command's usual file for its paths plus a {@code block}
 * ({@link Block}) and the per-path values the whole run's result needs ({@code exitTargets}, {@code exitPoints} per
 * learning rate for exit times; {@code pathFieldSteps} for occupancy); this class checks that the parts are of the
 * run being merged and tile its paths, and rebuilds their core results, which the core merges
 * ({@link ExitTimeResult#merge}, {@link OccupancyResult#merge}).
 */
final class PathParts {
    /** Name of the JSON field holding a part's block. */
    static final String BLOCK = "block";

    private PathParts() {
    }

    /**
     * The paths a part ran.
     *
     * @param firstPath index of its first path in the whole run
     * @param paths its number of paths
     */
    record Block(int firstPath, int paths) {
    }

    /**
     * A part read back.
     *
     * @param file its JSON file
     * @param block its paths
     * @param json the file's content
     */
    record Part(Path file, Block block, JsonNode json) {
    }

    /**
     * Reads the parts of a run.
     *
     * @param dirs the parts' output directories, in any order
     * @param name the command's JSON file, e.g. {@code exit-time.json}
     * @param config the whole run's {@code config} as the command writes it
     * @param paths the whole run's number of paths
     * @return the parts in path order
     * @throws IllegalArgumentException naming the part, if a file is missing or not a part, a part's configuration
     *     differs from {@code config} in anything but its number of paths, or the parts do not tile
     *     {@code 0 .. paths-1}
     */
    static List<Part> read(List<Path> dirs, String name, Object config, int paths) {
        JsonNode own;
        try {
            own = OutputDir.JSON.readTree(OutputDir.JSON.writeValueAsBytes(config));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the run's config as JSON", e);
        }
        List<Part> parts = new ArrayList<>();
        for (Path dir : dirs) {
            Path file = dir.resolve(name);
            JsonNode json = readJson(file);
            JsonNode b = json.get(BLOCK);
            if (b == null || !b.path("firstPath").canConvertToInt() || !b.path("paths").canConvertToInt()) {
                throw new IllegalArgumentException("--merge-parts: " + file + " is not a part (it has no block of "
                        + "paths: written without --path-offset)");
            }
            Block block = new Block(b.get("firstPath").intValue(), b.get("paths").intValue());
            JsonNode c = json.get("config");
            if (!(c instanceof ObjectNode) || c.path("paths").asLong(-1) != block.paths()) {
                throw new IllegalArgumentException("--merge-parts: " + file + " has no config for its "
                        + block.paths() + " paths");
            }
            ObjectNode whole = ((ObjectNode) c).deepCopy().put("paths", paths);
            if (!own.equals(whole)) {
                throw new IllegalArgumentException("--merge-parts: " + file + " is a part of another run: "
                        + difference(own, whole));
            }
            parts.add(new Part(file, block, json));
        }
        parts.sort(Comparator.comparingInt(p -> p.block().firstPath()));
        long next = 0;
        for (Part p : parts) {
            if (p.block().firstPath() != next) {
                throw new IllegalArgumentException("--merge-parts: the parts do not tile the paths 0 .. " + (paths - 1)
                        + ": " + (p.block().firstPath() < next ? "overlap" : "gap") + " at path " + next + " ("
                        + p.file() + " starts at " + p.block().firstPath() + ")");
            }
            next += p.block().paths();
        }
        if (next != paths) {
            throw new IllegalArgumentException("--merge-parts: the parts cover the paths 0 .. " + (next - 1)
                    + ", not 0 .. " + (paths - 1) + " (--paths " + paths + ")");
        }
        return parts;
    }

    /**
     * The whole run's exit times of each learning rate, merged from the parts.
     *
     * @param parts the parts of {@link #read}
     * @param runs per learning rate index, its whole run's configuration
     * @param etas the number of learning rates
     * @return per learning rate, the merged exit times
     * @throws IllegalArgumentException if a part's per-path values are missing or inconsistent
     */
    static List<ExitTimeResult> exitTimes(List<Part> parts, IntFunction<ExitTimeConfig> runs, int etas) {
        List<ExitTimeResult> merged = new ArrayList<>();
        for (int k = 0; k < etas; k++) {
            List<ExitTimeResult> pieces = new ArrayList<>();
            for (Part p : parts) {
                JsonNode eta = p.json().path("perEta").path(k);
                pieces.add(ExitTimeResult.of(runs.apply(k).withBlock(p.block().firstPath(), p.block().paths()),
                        value(p, eta, "exitSteps", long[].class), value(p, eta, "exitTargets", int[].class),
                        value(p, eta, "exitPoints", double[].class)));
            }
            merged.add(ExitTimeResult.merge(pieces));
        }
        return merged;
    }

    /**
     * The whole run's occupancy, merged from the parts.
     *
     * @param parts the parts of {@link #read}
     * @param run the whole run's configuration
     * @return the merged result
     * @throws IllegalArgumentException if a part's values are missing or inconsistent
     */
    static OccupancyResult occupancy(List<Part> parts, OccupancyConfig run) {
        List<OccupancyResult> pieces = new ArrayList<>();
        for (Part p : parts) {
            JsonNode j = p.json();
            int n = p.block().paths();
            double[][] trajectories = j.has("trajectories") ? value(p, j, "trajectories", double[][].class)
                    : new double[n][0];
            long[] histogram = j.has("histogram") ? value(p, j, "histogram", long[].class) : new long[0];
            double[] edges = j.has("histogramEdges") ? value(p, j, "histogramEdges", double[].class) : new double[0];
            pieces.add(new OccupancyResult(run.withBlock(p.block().firstPath(), n),
                    value(p, j, "fieldSteps", long[].class), value(p, j, "pathFieldSteps", long[][].class),
                    value(p, j, "transitions", long[][].class), trajectories, histogram, edges));
        }
        return OccupancyResult.merge(pieces);
    }

    private static JsonNode readJson(Path file) {
        try {
            return OutputDir.JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--merge-parts: " + file + " does not exist (has that part "
                    + "finished?)");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("--merge-parts: " + file + " is not JSON: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("--merge-parts: cannot read " + file + ": " + e.getMessage());
        }
    }

    private static <T> T value(Part p, JsonNode node, String field, Class<T> type) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("--merge-parts: " + p.file() + " has no per-path '" + field
                    + "' (written by another htsgd version?)");
        }
        try {
            return OutputDir.JSON.treeToValue(v, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("--merge-parts: " + p.file() + " has an unreadable '" + field + "': "
                    + e.getOriginalMessage());
        }
    }

    /** @return the first setting whose value differs, as {@code config.NAME is A, not B} */
    private static String difference(JsonNode own, JsonNode part) {
        for (Iterator<Map.Entry<String, JsonNode>> it = own.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().equals(part.get(e.getKey()))) {
                return "config." + e.getKey() + " is " + part.get(e.getKey()) + ", not " + e.getValue();
            }
        }
        return "its config has other settings: " + part;
    }
}
