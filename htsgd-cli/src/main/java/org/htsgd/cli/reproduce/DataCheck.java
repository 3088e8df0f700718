package org.htsgd.cli.reproduce;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.htsgd.train.data.DataSpec;
import org.htsgd.train.loop.Task;

/**
 * The data of {@code htsgd reproduce}, checked before it writes anything (with or without {@code --master}): a damaged
 * copy in {@code --data} is refused (exit 2, the file named), never silently replaced by another; a Table 2 task
 * named with {@code --tasks} whose data is not found is refused (exit 2, where it was looked for and how to get it),
 * where a task of the profile's own list would be left out of the report with that reason.
 */
final class DataCheck {
    private DataCheck() {
    }

    /**
     * Reads every dataset that a part about to run takes from the user's {@code --data} directory, before anything
     * is written: a copy there is used or refused, never replaced by another copy (e.g. the system's).
     *
     * @param parts every part
     * @param settings the invocation
     * @throws IllegalArgumentException naming the damaged file and the directory (bad input, exit 2)
     */
    static void before(List<Part> parts, Reproduction.Settings settings) {
        if (settings.dataDir() == null) {
            return;
        }
        Set<DataSpec> checked = EnumSet.noneOf(DataSpec.class);
        for (Part part : parts) {
            if (!runsNow(part, settings)) {
                continue;
            }
            for (DataSpec spec : part.datasets(settings.profile())) {
                Path dir = spec.locateIn(settings.dataDir());
                if (dir != null && checked.add(spec)) {
                    try {
                        spec.load(dir, settings.profile().seedFor(part.id()));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("--data: " + e.getMessage() + " (in "
                            + dir.toAbsolutePath() + ")", e);
                    }
                }
            }
        }
    }

    /**
     * Finds the data of every Table 2 task the user named with {@code --tasks}, unless Table 2 is not selected or
     * already finished: a task asked for by name is trained or refused, never silently left out.
     *
     * @param parts every part
     * @param settings the invocation, its profile's training narrowed to the named tasks
     * @throws IllegalArgumentException naming the task, the directory tried and how to get the data (exit 2)
     */
    static void namedTasks(List<Part> parts, Reproduction.Settings settings) {
        for (Part part : parts) {
            if (!(part instanceof Table2Part) || !runsNow(part, settings)) {
                continue;
            }
            for (Task t : settings.profile().training().tasks()) {
                Table2Data.Location found = Table2Data.locate(t, settings.dataDir(),
                    settings.profile().seedFor(part.id()));
                if (!found.found()) {
                    throw new IllegalArgumentException("--tasks " + t.cliName() + ": " + found.problem());
                }
            }
        }
    }

    /** @return whether the invocation runs the part: selected (or no selection) and not finished before */
    private static boolean runsNow(Part part, Reproduction.Settings settings) {
        return (settings.selected() == null || settings.selected().contains(part.id()))
            && Reproduction.finished(part, settings) == null;
    }
}
