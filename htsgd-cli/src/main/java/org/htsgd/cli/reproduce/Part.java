package org.htsgd.cli.reproduce;

import java.util.List;
import org.htsgd.cli.report.HtmlReport;
import org.htsgd.train.data.DataSpec;

/**
 * One step of {@code htsgd reproduce}: a figure or table of the paper, regenerated. {@link #run} computes and writes
 * every number into the part's own directory {@code OUT/<id>/}; {@link #render} draws the figures and the report
 * section from those saved files only, so a finished part is skipped on a re-run (its {@code done.json} marker is
 * written last, by {@link Reproduction}) and the report can be rebuilt without recomputing anything.
 */
public interface Part {
    /** @return the directory name and anchor, e.g. {@code fig1-right} */
    String id();

    /** @return the section title, e.g. "Figure 1 (right): first exit times" */
    String title();

    /**
     * @param profile the profile
     * @return the part of the profile this part depends on (serialised into its fingerprint: a change re-runs it)
     */
    Object scale(Profile profile);

    /**
     * @param profile the profile
     * @return the datasets {@link #run} reads with this profile (none by default); a copy of one of them in the
     *     user's {@code --data} directory is read before any part runs, so that a damaged copy is refused (exit 2,
     *     the file named) before anything is written, never replaced by another copy
     */
    default List<DataSpec> datasets(Profile profile) {
        return List.of();
    }

    /**
     * @return whether an unfinished run's files are kept for the next run to continue from (the part then skips its
     *     own finished sub-steps, e.g. finished training runs); otherwise they are deleted before a re-run. Files of a
     *     run with another fingerprint are always deleted.
     */
    default boolean resumable() {
        return false;
    }

    /**
     * @param profile the profile
     * @return what a resumable part's kept files depend on (default: {@link #scale}); a part whose scale changed
     *     but whose resume scale did not keeps its files (e.g. Table 2 trained one task at a time: its finished
     *     runs stay valid for the other tasks)
     */
    default Object resumeScale(Profile profile) {
        return scale(profile);
    }

    /**
     * Computes the part's results and writes them (JSON/CSV) into {@link PartContext#dir()}, with its own progress
     * bar. Must not write {@code done.json}.
     *
     * @param ctx where to write, with the profile, seed, threads and data directory
     * @throws Exception on failure; the part is then reported as failed and retried on the next run
     */
    void run(PartContext ctx) throws Exception;

    /**
     * Adds the part's section to the report, reading only files that {@link #run} wrote (figures are drawn here as
     * PNG files in the part's directory and referenced as {@code <id>/<file>}).
     *
     * @param ctx the part's directory and profile
     * @param report the report
     * @throws Exception if a saved file cannot be read
     */
    void render(PartContext ctx, HtmlReport report) throws Exception;
}
