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
     * @param profile the profile
     * @return resume scales written by earlier versions of this part whose kept files are as valid as with
     *     {@link #resumeScale} (default: none): an output directory such a version wrote is resumed, not cleared
     */
    default List<Object> formerResumeScales(Profile profile) {
        return List.of();
    }

    /**
     * The part's independent units of work ({@link Unit}), which {@code htsgd reproduce --master} runs apart (e.g. as
     * Spark tasks) before this part's {@link #run} assembles them; none by default (the part is then one unit: itself).
     * A part with units must be {@link #resumable()} (their files are kept between invocations), and its
     * {@link #run} must use a finished unit's files and run a missing one with the code of {@link #runUnit}, so that
     * a run with or without {@code --master} gives the same numbers.
     *
     * @param ctx the part's directory, profile, seed and data directory
     * @return its units, each with whether it is done
     * @throws Exception if they cannot be listed (e.g. no data: the part then runs as one unit)
     */
    default List<Unit> units(PartContext ctx) throws Exception {
        return List.of();
    }

    /**
     * Runs one of the part's {@link #units} into the part's directory (prepared for these settings), with the same
     * code as {@link #run} uses for it.
     *
     * @param ctx the part's context
     * @param name the unit's {@link Unit#name()}
     * @throws IllegalArgumentException if the part has no such unit
     * @throws Exception if the unit fails
     */
    default void runUnit(PartContext ctx, String name) throws Exception {
        throw new IllegalArgumentException(id() + " has no unit '" + name + "'");
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
