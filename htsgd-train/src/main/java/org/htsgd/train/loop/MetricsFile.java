package org.htsgd.train.loop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code metrics.csv} that {@link Trainer} writes: the header {@link MetricsRow#HEADER}, then one
 * {@link MetricsRow#toCsv()} line per evaluation. The reader of the writer's format, so no caller splits the lines
 * itself.
 */
public final class MetricsFile {
    private MetricsFile() {
    }

    /**
     * @param file a {@code metrics.csv} written by {@link Trainer#run}
     * @return its rows in file order (empty if there is only the header)
     * @throws IOException if the file cannot be read, its header is not {@link MetricsRow#HEADER} or a line is not a
     *     row (the message names the file and line)
     */
    public static List<MetricsRow> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(MetricsRow.HEADER)) {
            throw new IOException(file + " is not a metrics file of htsgd train: its header is not "
                + MetricsRow.HEADER);
        }
        List<MetricsRow> rows = new ArrayList<>(lines.size() - 1);
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isEmpty()) {
                rows.add(parse(lines.get(i), file, i + 1));
            }
        }
        return rows;
    }

    private static MetricsRow parse(String line, Path file, int lineNumber) throws IOException {
        String[] f = line.split(",", -1);
        if (f.length != 11) {
            throw new IOException(file + " line " + lineNumber + ": " + f.length + " columns, not 11");
        }
        try {
            return new MetricsRow(Long.parseLong(f[0]), d(f[1]), d(f[2]), d(f[3]), d(f[4]), d(f[5]), d(f[6]),
                d(f[7]), d(f[8]), d(f[9]), d(f[10]));
        } catch (NumberFormatException e) {
            throw new IOException(file + " line " + lineNumber + ": not a number: " + e.getMessage(), e);
        }
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }
}
