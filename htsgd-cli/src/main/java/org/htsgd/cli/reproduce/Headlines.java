package org.htsgd.cli.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.train.loop.PaperResult;
import org.htsgd.train.loop.Task;
import org.htsgd.train.method.Method;

/**
 * The headline numbers of a reproduction as a short text table for the end of {@code htsgd reproduce}, read from
 * the parts' JSON files only (as {@link Part#render} does): the fitted exit-time slopes against Theorem 1's, the
 * time spent in the narrow fields with and without truncation, the CTMC's stationary law against the simulated
 * occupation, and Table 2's test accuracy and expected sharpness against the paper's. A part without a result
 * (failed, not run) is left out; the report has the details.
 */
final class Headlines {
    private Headlines() {
    }

    /**
     * @param out the reproduction's output directory
     * @param outcomes the parts' outcomes (only those that {@code RAN} or were {@code SKIPPED} have results)
     * @return the table's lines (empty if no part has a result)
     */
    static List<String> lines(Path out, List<Reproduction.Outcome> outcomes) {
        List<List<String>> rows = new ArrayList<>();
        for (Reproduction.Outcome o : outcomes) {
            if (o.status() != Reproduction.Status.RAN && o.status() != Reproduction.Status.SKIPPED) {
                continue;
            }
            try {
                switch (o.id()) {
                    case "fig1-right" -> exitTimes(read(out, o.id(), "exit-times.json"), rows);
                    case "fig1-left" -> occupancy(read(out, o.id(), "occupancy.json"), rows);
                    case "theory-vs-sim" -> ctmc(read(out, o.id(), "theory-vs-sim.json"), rows);
                    case "table2" -> table2(OutputDir.JSON.readValue(out.resolve(o.id()).resolve("table2.json").toFile(),
                        Table2Part.Result.class), rows);
                    default -> {
                    }
                }
            } catch (IOException | RuntimeException e) { // an unreadable result: the report says more
                rows.add(List.of(o.id() + ": result not readable (" + e.getMessage() + ")"));
            }
        }
        return rows.isEmpty() ? List.of() : aligned(rows);
    }

    private static JsonNode read(Path out, String id, String file) throws IOException {
        Path p = out.resolve(id).resolve(file);
        if (!Files.isRegularFile(p)) {
            throw new IOException(p + " is missing");
        }
        return OutputDir.JSON.readTree(p.toFile());
    }

    /** Figure 1 (right): per curve, Theorem 1's slope and the fitted one with its interval. */
    private static void exitTimes(JsonNode r, List<List<String>> rows) {
        rows.add(List.of("Figure 1 (right): exit-time slope", "theory", "fitted [95% CI]"));
        for (JsonNode c : r.get("curves")) {
            JsonNode s = c.get("settled");
            rows.add(List.of("  " + c.get("label").asText() + " (l* = " + c.get("lStar").asInt() + ")",
                Fmt.f(c.get("predictedSlope").asDouble(), 2), Fmt.f(s.get("slope").asDouble(), 2) + " "
                    + Fmt.ci(s.get("ciLow").asDouble(), s.get("ciHigh").asDouble())));
        }
    }

    /** Figure 1 (left): per scenario, the fraction of time in the narrow fields. */
    private static void occupancy(JsonNode r, List<List<String>> rows) {
        rows.add(List.of("Figure 1 (left): time in the narrow fields", "", ""));
        for (JsonNode s : r.get("scenarios")) {
            rows.add(List.of("  " + s.get("label").asText(), "", Fmt.pct(s.get("narrowFraction").asDouble())));
        }
    }

    /** Theory vs simulation: the CTMC's stationary law against the simulated occupation of its states. */
    private static void ctmc(JsonNode r, List<List<String>> rows) {
        rows.add(List.of("Stationary law of the CTMC vs simulation", "theory", "simulated"));
        for (JsonNode c : r.get("comparisons")) {
            rows.add(List.of("  " + c.get("label").asText(), numbers(c.get("stationary")),
                numbers(c.get("simulated"))));
        }
    }

    /** Table 2: per task and method, mean test accuracy and expected sharpness against the paper's. */
    private static void table2(Table2Part.Result r, List<List<String>> rows) {
        rows.add(List.of("Table 2: test accuracy, expected sharpness", "paper", "this run"));
        for (Task t : Task.table2Tasks()) {
            for (Method method : Task.table2Methods()) {
                List<Table2Run> mine = r.runs().stream().filter(x -> x.task() == t && x.method() == method).toList();
                if (mine.isEmpty()) {
                    continue;
                }
                List<Table2Run> finished = mine.stream().filter(x -> !x.hasDiverged()).toList();
                int n = finished.size();
                long diverged = mine.size() - n;
                double acc = finished.stream().mapToDouble(x -> x.training().testAccuracy()).sum();
                double sharp = finished.stream().mapToDouble(x -> x.sharpness().expected()).sum();
                String result = n == 0 ? "diverged" : Fmt.pct(acc / n) + "  " + Fmt.g3(sharp / n)
                    + (n > 1 ? " (mean of " + n + ")" : "") + (diverged > 0 ? " (+" + diverged + " diverged)" : "");
                PaperResult paper = t.published().get(method);
                rows.add(List.of("  " + t.label() + ", " + method.label(), paper == null ? "-"
                    : Fmt.f(paper.testAccuracyPercent(), 2) + "%  " + Fmt.f(paper.expectedSharpness(), 3), result));
            }
        }
    }

    private static String numbers(JsonNode array) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode v : array) {
            sb.append(sb.length() == 0 ? "" : " ").append(Fmt.f(v.asDouble(), 3));
        }
        return sb.toString();
    }

    /** @return the rows with their columns padded to a common width (a one-cell row is printed as it is) */
    private static List<String> aligned(List<List<String>> rows) {
        int[] width = new int[3];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size() && row.size() > 1; i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                sb.append(i + 1 < row.size() && row.size() > 1 ? cell + " ".repeat(width[i] - cell.length() + 2)
                    : cell);
            }
            lines.add(sb.toString().stripTrailing());
        }
        return lines;
    }
}
