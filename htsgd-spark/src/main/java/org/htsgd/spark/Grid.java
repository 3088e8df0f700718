package org.htsgd.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A sweep's grid: one htsgd command, fixed settings, and axes whose cartesian product gives the cells.
 *
 * <pre>
 * command: exit-time          # or theory, occupancy, train, sharpness
 * fixed: {landscape: paper1d, start: -0.7, noise: "lomax:alpha=1.2,scale=0.1", paths: 40}
 * axes: {b: [0.5, inf], eta: [0.1, 0.05], seed: [1, 2]}
 * split: {paths: 4}           # optional: each cell run as 4 parts of 10 paths (--paths, --path-offset)
 * retries: 2                  # optional: attempts after the first for a failed cell
 * </pre>
 *
 * <p>Values are YAML scalars and are passed to the command as their text ({@code --start=-0.7}); the first axis
 * varies slowest. With {@code split: {paths: K}} a cell with {@code paths: N} becomes K parts; part k runs the
 * paths {@code [offset_k, offset_k + count_k)} with {@code --paths=count_k --path-offset=offset_k}, the counts
 * differing by at most one. Splitting needs a command that offers {@code --path-offset} (checked by the sweep); the
 * sweep then merges each point's parts ({@link SplitMerge}).
 *
 * @param command the htsgd command run by every cell
 * @param fixed settings shared by every cell, in file order
 * @param axes axis name to its values, in file order
 * @param splitParts number of path-range parts per cell (1: no split)
 * @param retries attempts after the first for a failed cell, or -1 when the file does not say
 */
public record Grid(String command, Map<String, String> fixed, Map<String, List<String>> axes, int splitParts,
        int retries) {
    /** Name of the option a split divides. */
    public static final String PATHS = "paths";
    /** Name of the option giving the first path of a part. */
    public static final String PATH_OFFSET = "path-offset";
    /**
     * Most cells one sweep may have: each cell is one Spark task, and the driver keeps every cell, its outcome and
     * its row of {@code results.csv} in memory ({@value #CELL_BYTES} bytes or so each), so a grid of 10^9 cells would
     * need terabytes (it ran out of memory after 79 s). 100,000 cells take about 0.8 GB of driver heap.
     */
    public static final long MAX_CELLS = 100_000;
    /**
     * Driver memory per cell, roughly: the cell (settings, id) and its outcome with a few dozen results measured
     * 6.7 KB for an exit-time cell with 30 result columns; Spark's bookkeeping of the cell's task comes on top.
     */
    static final long CELL_BYTES = 8_192;

    private static final Pattern COMMAND = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern KEY = Pattern.compile("-{0,2}[A-Za-z][A-Za-z0-9._-]*");
    private static final Set<String> RESERVED = Set.of("out", "help", "version", "h", "V");

    /**
     * @param command the command
     * @param fixed the fixed settings
     * @param axes the axes
     * @param splitParts parts per cell
     * @param retries retries, or -1 for unset
     * @throws IllegalArgumentException if a name is malformed or reserved, a setting is both fixed and an axis, an
     *     axis is empty, a split is asked for without an integer {@code paths} of at least {@code splitParts}, or
     *     the grid has more than {@link #MAX_CELLS} cells
     */
    public Grid {
        if (command == null || !COMMAND.matcher(command).matches()) {
            throw new IllegalArgumentException("command is not an htsgd command name: " + command);
        }
        fixed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fixed));
        Map<String, List<String>> a = new LinkedHashMap<>();
        axes.forEach((k, v) -> a.put(k, List.copyOf(v)));
        axes = java.util.Collections.unmodifiableMap(a);
        for (String k : fixed.keySet()) {
            checkKey(k);
        }
        for (Map.Entry<String, List<String>> e : axes.entrySet()) {
            checkKey(e.getKey());
            if (fixed.containsKey(e.getKey())) {
                throw new IllegalArgumentException("setting is both fixed and an axis: " + e.getKey());
            }
            if (e.getValue().isEmpty()) {
                throw new IllegalArgumentException("axis has no values: " + e.getKey());
            }
            if (Set.copyOf(e.getValue()).size() != e.getValue().size()) {
                throw new IllegalArgumentException("axis repeats a value: " + e.getKey() + " " + e.getValue());
            }
        }
        if (!(splitParts >= 1)) {
            throw new IllegalArgumentException("split parts is not >= 1: " + splitParts);
        }
        if (!(retries >= -1)) {
            throw new IllegalArgumentException("retries is not >= 0: " + retries);
        }
        if (splitParts > 1) {
            if (fixed.containsKey(PATH_OFFSET) || axes.containsKey(PATH_OFFSET)) {
                throw new IllegalArgumentException("a split grid sets " + PATH_OFFSET + " itself; remove it");
            }
            List<String> counts = fixed.containsKey(PATHS) ? List.of(fixed.get(PATHS)) : axes.get(PATHS);
            if (counts == null) {
                throw new IllegalArgumentException("split needs a '" + PATHS + "' setting (fixed or axis)");
            }
            for (String c : counts) {
                long n = parseCount(c);
                if (!(n >= splitParts)) {
                    throw new IllegalArgumentException(PATHS + " is not >= split parts " + splitParts + ": " + c);
                }
            }
        }
        requireSize(axes, splitParts);
    }

    /**
     * Refuses a grid too large to sweep before any cell is built: the count is a product of the axis sizes (and
     * the split parts), computed in floating point so that it cannot overflow.
     */
    private static void requireSize(Map<String, List<String>> axes, int splitParts) {
        double cells = splitParts;
        StringBuilder product = new StringBuilder();
        for (Map.Entry<String, List<String>> e : axes.entrySet()) {
            cells *= e.getValue().size();
            product.append(product.length() == 0 ? "" : " x ").append(e.getKey()).append(' ')
                    .append(e.getValue().size());
        }
        if (splitParts > 1) {
            product.append(" x split ").append(splitParts);
        }
        if (!(cells <= MAX_CELLS)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the grid has %.3g cells (%s), "
                    + "above the limit of %,d cells per sweep: each cell is a Spark task and the driver keeps about "
                    + "%d KB per cell (%s for this grid); split it into smaller sweeps", cells, product, MAX_CELLS,
                    CELL_BYTES / 1024, size(cells * CELL_BYTES)));
        }
    }

    /** @param bytes a size @return it in GB, TB or PB (binary units) */
    private static String size(double bytes) {
        String[] units = {"GB", "TB", "PB"};
        double v = bytes / (1L << 30);
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.3g %s", v, units[u]);
    }

    private static void checkKey(String k) {
        if (!KEY.matcher(k).matches()) {
            throw new IllegalArgumentException("setting name is not an option name: " + k);
        }
        if (RESERVED.contains(k.replaceFirst("^-+", ""))) {
            throw new IllegalArgumentException("setting is reserved for the sweep: " + k);
        }
    }

    private static long parseCount(String c) {
        try {
            return Long.parseLong(c);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PATHS + " is not an integer: " + c);
        }
    }

    /**
     * Reads a grid file ({@link GridFile}).
     *
     * @param file the YAML file
     * @return the grid
     * @throws IllegalArgumentException with one line naming the file and the problem, if it is missing, not YAML,
     *     or not a valid grid
     */
    public static Grid read(Path file) {
        return GridFile.read(file);
    }

    /**
     * Parses a grid from YAML text ({@link GridFile}).
     *
     * @param yaml the text
     * @return the grid
     * @throws IllegalArgumentException with one line naming the problem
     */
    public static Grid parse(String yaml) {
        return GridFile.parse(yaml);
    }

    /**
     * The cells: the cartesian product of the axes (first axis slowest), each with the fixed settings first, then
     * the axes in file order; a split grid gives {@code splitParts} cells per point.
     *
     * @return the cells, in a stable order
     */
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (Map<String, String> p : points()) {
            cells.addAll(parts(p));
        }
        return cells;
    }

    /** @return the points of the grid: the cartesian product of the axes (first axis slowest), fixed settings first */
    List<Map<String, String>> points() {
        List<Map<String, String>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>(fixed));
        for (Map.Entry<String, List<String>> axis : axes.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>(points.size() * axis.getValue().size());
            for (Map<String, String> p : points) {
                for (String v : axis.getValue()) {
                    Map<String, String> q = new LinkedHashMap<>(p);
                    q.put(axis.getKey(), v);
                    next.add(q);
                }
            }
            points = next;
        }
        return points;
    }

    /**
     * @param p a point of the grid
     * @return its cell, or its {@code splitParts} parts (paths {@code [offset_k, offset_k + count_k)}) if split
     */
    List<Cell> parts(Map<String, String> p) {
        List<Cell> cells = new ArrayList<>();
        if (splitParts == 1) {
            cells.add(Cell.of(command, p));
        } else {
            long n = Long.parseLong(p.get(PATHS));
            long offset = 0;
            for (int k = 0; k < splitParts; k++) {
                // counts differ by at most one: the first n % parts parts get one path more
                long count = n / splitParts + (k < n % splitParts ? 1 : 0);
                Map<String, String> q = new LinkedHashMap<>(p);
                q.put(PATHS, Long.toString(count));
                q.put(PATH_OFFSET, Long.toString(offset));
                cells.add(Cell.of(command, q));
                offset += count;
            }
        }
        return cells;
    }

    /** @return the setting names that vary or are added by splitting (the columns worth showing first) */
    public List<String> settingNames() {
        List<String> names = new ArrayList<>(fixed.keySet());
        for (String k : axes.keySet()) {
            if (!names.contains(k)) {
                names.add(k);
            }
        }
        if (splitParts > 1) {
            names.add(PATH_OFFSET);
        }
        return names;
    }
}
