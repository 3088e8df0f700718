package org.htsgd.cli.options;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --path-offset O} and {@code --merge-parts DIR,...}: a simulation cut into parts of paths and joined again.
 * Path {@code k} of a run draws from its own random stream, which depends only on the seed and {@code k}, so
 * {@code --path-offset O --paths N} computes exactly what the paths {@code O .. O+N-1} compute in the whole run. Such
 * a part writes the command's usual files for its paths, plus a {@code block} ({@code firstPath}, {@code paths}) and
 * the per-path values a merge needs. {@code --merge-parts} runs no path: given the whole run's options ({@code --paths}
 * = all paths) it reads the parts' files, checks that they are of this run and tile the paths {@code 0 .. paths-1},
 * and writes the files of the whole run, byte for byte what running it in one go writes. {@code htsgd sweep}'s
 * {@code split:} uses both.
 */
public final class PathBlockOption {
    /** First path of a part, or {@code null} for a whole run. */
    @Option(names = "--path-offset", paramLabel = "O", description = "run only the paths O .. O+N-1 (N = --paths) "
            + "of the run with this seed: a part of a larger run, whose JSON also records the block and the per-path "
            + "values --merge-parts needs (default: the whole run, paths 0 .. N-1)")
    private Integer offset;

    /** Directories of the parts to merge, or {@code null}. */
    @Option(names = "--merge-parts", paramLabel = "DIR", split = ",", description = "run no path: merge the output "
            + "directories of the runs with --path-offset that tile the paths 0 .. N-1 (N = --paths, the other "
            + "options as theirs) into the files of the whole run, identical to running it at once")
    private List<Path> parts;

    /** @return whether this run is a part ({@code --path-offset} given) */
    public boolean isPart() {
        return offset != null;
    }

    /** @return the index of the first path: {@code --path-offset}, or 0 */
    public int firstPath() {
        return offset == null ? 0 : offset;
    }

    /** @return whether this run merges parts instead of running paths */
    public boolean isMerge() {
        return parts != null;
    }

    /** @return the parts' directories as given (empty unless {@link #isMerge()}) */
    public List<Path> parts() {
        return parts == null ? List.of() : List.copyOf(parts);
    }

    /**
     * @param paths the command's {@code --paths}
     * @throws IllegalArgumentException if both options are given, the offset is negative, or the part's last path
     *     index {@code O + N - 1} is above {@link Integer#MAX_VALUE}
     */
    public void check(int paths) {
        if (offset != null && parts != null) {
            throw new IllegalArgumentException("--path-offset runs a part, --merge-parts joins parts: give one of them");
        }
        if (offset != null && !(offset >= 0)) {
            throw new IllegalArgumentException("--path-offset is not >= 0: " + offset);
        }
        if (offset != null && !((long) offset + paths - 1 <= Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("--path-offset + --paths - 1 is not <= " + Integer.MAX_VALUE + ": "
                    + offset + " + " + paths + " - 1");
        }
    }
}
