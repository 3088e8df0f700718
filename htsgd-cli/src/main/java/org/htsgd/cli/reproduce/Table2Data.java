package org.htsgd.cli.reproduce;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.htsgd.train.data.DataSpec;
import org.htsgd.train.loop.Task;

/**
 * Where Table 2 finds a task's dataset: {@code --data DIR} itself, its subdirectory named as the dataset's default
 * directory ({@code fashion-mnist}, {@code svhn}, {@code cifar10}) or as the dataset's id, then the default
 * directory. The first that loads is used.
 */
final class Table2Data {
    private Table2Data() {
    }

    /**
     * Where a task's data was found, or why not.
     *
     * @param dir the directory that loaded, or null
     * @param problem empty, or why no candidate loaded (the directories tried, the first error, how to get the data)
     * @param firstError the first candidate's error, or null
     */
    record Location(Path dir, String problem, IllegalArgumentException firstError) {
        /** @return whether the data was found */
        boolean found() {
            return dir != null;
        }
    }

    /**
     * @param dataDir {@code --data}, or null
     * @param data the dataset
     * @return the directories tried, in order
     */
    static List<Path> candidates(Path dataDir, DataSpec data) {
        List<Path> candidates = new ArrayList<>();
        if (dataDir != null) {
            candidates.add(dataDir);
            candidates.add(dataDir.resolve(data.defaultDirectory().getFileName().toString()));
            candidates.add(dataDir.resolve(data.id()));
        }
        candidates.add(data.defaultDirectory());
        return candidates;
    }

    /**
     * Loads (and so validates) the task's data from each candidate until one works; each run loads it again with
     * its own seed.
     *
     * @param task the task
     * @param dataDir {@code --data}, or null
     * @param seed a seed for the label corruption of this check
     * @return where it was found, or why not
     */
    static Location locate(Task task, Path dataDir, long seed) {
        DataSpec data = task.data();
        List<Path> tried = candidates(dataDir, data);
        IllegalArgumentException first = null;
        for (Path dir : tried) {
            try {
                data.load(dir, seed);
                return new Location(dir, "", null);
            } catch (IllegalArgumentException e) {
                first = first == null ? e : first;
            }
        }
        return new Location(null, "not run: data not found in " + tried + " (" + first.getMessage()
            + "). How to get it: " + data.howToGet(), first);
    }
}
