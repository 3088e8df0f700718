package org.htsgd.cli.reproduce;

import java.util.Objects;

/**
 * One independent unit of work of a {@link Part}: a piece of its computation whose output lands in its own files under
 * the part's directory {@code OUT/<part>/}, so that it can run in another process or on another machine
 * ({@code htsgd reproduce ... --unit <part>/<name>}) and be found finished by the part's {@link Part#run}, which runs
 * the missing ones with the same code ({@link Part#runUnit}). Table 2's units are its training runs, each with its
 * sharpness measures ({@code runs/<task>/<method>/rep<r>}); Figure 1's are blocks of paths ({@link PathBlockPart}).
 *
 * @param name the unit's name within its part, e.g. {@code runs/fmnist-lenet/sb/rep0} (no leading '/')
 * @param done whether its output is complete (a finished unit is never run again)
 * @param cost its rough cost in milliseconds on one core, comparable across parts (the costliest units start first,
 *     so that a cluster does not end on one long unit started last)
 */
public record Unit(String name, boolean done, long cost) {
    /** Validates. */
    public Unit {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.startsWith("/")) {
            throw new IllegalArgumentException("name is not a relative unit name: '" + name + "'");
        }
    }
}
