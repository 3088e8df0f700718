package org.htsgd.cli.reproduce;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.htsgd.train.data.DataSpec;

/**
 * The user's {@code --data} copies, checked before {@code htsgd reproduce} writes anything (with or without
 * {@code --master}): a damaged copy is refused (exit 2, the file named), never silently replaced by another.
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
            if (settings.selected() != null && !settings.selected().contains(part.id())
                || Reproduction.finished(part, settings) != null) {
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
}
