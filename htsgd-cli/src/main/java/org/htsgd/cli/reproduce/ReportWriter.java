package org.htsgd.cli.reproduce;

import java.util.List;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.cli.report.HtmlReport;

/**
 * Writes the report of {@code htsgd reproduce} ({@code OUT/index.html}) from the parts' saved files: a part that ran
 * or finished before is rendered ({@link Part#render}), a failed or unselected part gets a note saying so.
 */
final class ReportWriter {
    private ReportWriter() {
    }

    /**
     * Writes {@code OUT/index.html}: the header, then each part's section, rendered from its saved files.
     *
     * @param parts every part, in report order
     * @param outcomes their outcomes in this invocation
     * @param settings the invocation
     * @param root the output root
     */
    static void write(List<Part> parts, List<Reproduction.Outcome> outcomes, Reproduction.Settings settings,
                      OutputDir root) {
        HtmlReport report = new HtmlReport("htsgd reproduce: Wang, Oh & Rhee (ICLR 2022), regenerated");
        ReportHeader.write(report, settings, outcomes);
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            Reproduction.Outcome o = outcomes.get(i);
            report.section(part.title(), part.id());
            switch (o.status()) {
                case RAN, SKIPPED -> {
                    PartContext ctx = Reproduction.context(part, settings);
                    PartFiles.begin(ctx.dir().path());
                    try {
                        part.render(ctx, report);
                    } catch (Exception e) {
                        report.note("The saved results of this part could not be rendered: " + e);
                    } finally {
                        PartFiles.end(ctx.dir().path());
                    }
                }
                case FAILED -> report.note("Failed after " + String.format("%.1f", o.seconds()) + " s: "
                    + o.message() + " (re-run the same command to retry this part; finished parts are skipped).");
                case NOT_SELECTED -> report.note("Not run in this invocation (not in --parts) and no earlier result.");
                default -> throw new IllegalArgumentException("Unhandled status: " + o.status());
            }
        }
        report.write(root, Reproduction.INDEX);
    }
}
