package org.htsgd.cli.reproduce;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.cli.report.HtmlReport;

/** The first section of the report: what was run, with which versions, seeds and profile, and how long it took. */
final class ReportHeader {
    private ReportHeader() {
    }

    static void write(HtmlReport report, Reproduction.Settings settings, List<Reproduction.Outcome> outcomes) {
        Profile profile = settings.profile();
        report.paragraph("This report regenerates the simulation figures and the deep-learning table of Wang, Oh & "
            + "Rhee, \"Eliminating Sharp Minima from SGD with Truncated Heavy-tailed Noise\" (ICLR 2022), with the "
            + "htsgd library. Every number shown is also saved as JSON/CSV in the part's directory beside this page.");
        report.section("Provenance", "provenance");
        report.table(List.of("item", "value"), List.of(
            List.of("command", settings.commandLine()),
            List.of("htsgd", Versions.htsgd()),
            List.of("Java", Versions.java()),
            List.of("machine", Versions.machine()),
            List.of("worker threads", Integer.toString(settings.threads())),
            List.of("profile", profile.name()),
            List.of("master seed", Long.toString(profile.seed())),
            List.of("data directory", settings.dataDir() == null ? "each dataset's default directory"
                : settings.dataDir().toString())));
        List<List<String>> rows = new ArrayList<>();
        double total = 0;
        double totalCpu = 0;
        for (Reproduction.Outcome o : outcomes) {
            String wall = Double.isNaN(o.seconds()) ? "" : String.format("%.1f", o.seconds());
            String cpu = Double.isNaN(o.cpuSeconds()) ? "" : String.format("%.1f", o.cpuSeconds());
            if (!Double.isNaN(o.seconds())) {
                total += o.seconds();
                totalCpu += o.cpuSeconds();
            }
            String status = switch (o.status()) {
                case RAN -> "computed now";
                case SKIPPED -> "finished earlier (skipped; " + o.message() + ")";
                case FAILED -> "FAILED: " + o.message();
                case NOT_SELECTED -> "not run (not selected)";
            };
            rows.add(List.of(o.id(), o.title(), status, Long.toString(profile.seedFor(o.id())), wall, cpu));
        }
        rows.add(List.of("total", "", "", "", String.format("%.1f", total), String.format("%.1f", totalCpu)));
        report.table(List.of("part", "title", "status", "seed", "wall time (s)", "CPU time (s)"), rows);
        report.paragraph("CPU time is the whole process's (all threads, JIT and GC included); on an otherwise idle "
            + "machine the wall time is about CPU time / threads. Table 2's training runs execute in child processes "
            + "whose CPU time is not included.");
        try {
            report.raw("<details><summary>Profile values (also in profile.json; the run in run.json)</summary><pre>"
                + HtmlReport.escape(OutputDir.JSON.writeValueAsString(profile)) + "</pre></details>");
        } catch (JsonProcessingException e) {
            report.note("profile could not be printed: " + e.getMessage());
        }
        report.link("profile.json", "profile.json");
        report.link("run.json", "run.json");
    }
}
