package org.htsgd.cli.reproduce;

import java.nio.file.Path;
import org.htsgd.train.data.DataSpec;
import org.htsgd.train.loop.Task;

/**
 * Where Table 2 finds a task's dataset. A copy in {@code --data DIR} (the files themselves, or in DIR's subdirectory
 * named as the dataset's default directory ({@code fashion-mnist}, {@code svhn}, {@code cifar10}) or its id) is used
 * or refused, never silently replaced ({@link DataSpec#locateIn}); only when DIR holds none of the dataset's files is
 * the dataset's default directory used.
 */
final class Table2Data {
    private Table2Data() {
    }

    /**
     * Where a task's data was found, or why not.
     *
     * @param dir the directory that loaded, or null
     * @param problem empty, or why the data did not load: the directory tried, the error, how to get the data (once)
     * @param firstError the first candidate's error, or null
     */
    record Location(Path dir, String problem, IllegalArgumentException firstError) {
        /** @return whether the data was found */
        boolean found() {
            return dir != null;
        }
    }

    /**
     * Loads (and so validates) the task's data from the user's copy, or from the default directory when the user
     * named none or DIR holds none of its files; each run loads it again with its own seed.
     *
     * @param task the task
     * @param dataDir {@code --data}, or null
     * @param seed a seed for the label corruption of this check
     * @return where it was found, or why not
     * @throws IllegalArgumentException naming the file if the user's copy is damaged
     */
    static Location locate(Task task, Path dataDir, long seed) {
        DataSpec data = task.data();
        Path userCopy = dataDir == null ? null : data.locateIn(dataDir);
        Path dir = userCopy != null ? userCopy : data.defaultDirectory();
        try {
            data.load(dir, seed);
            return new Location(dir, "", null);
        } catch (IllegalArgumentException e) {
            if (userCopy != null) {
                throw e; // the user's copy is used or refused, never replaced by another
            }
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            return new Location(null, "data not found in " + dir + " (" + why + ")"
                + (why.contains(data.howToGet()) ? "" : ". How to get it: " + data.howToGet()), e);
        }
    }
}
