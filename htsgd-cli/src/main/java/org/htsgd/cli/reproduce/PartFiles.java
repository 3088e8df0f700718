package org.htsgd.cli.reproduce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.htsgd.cli.io.OutputDir;

/**
 * Which files in a part's directory {@code OUT/<id>/} htsgd wrote, so that re-running a part deletes only those
 * and never a file the user put there. The record is {@code OUT/<id>/files.json} ({@link Manifest}), updated around
 * every run and every rendering of the part ({@link #begin} before, {@link #end} after):
 * <ul>
 *   <li>{@link #begin}: the files present that are not ours are the user's ({@code foreign}); written first, with
 *       {@code complete = false}.</li>
 *   <li>{@link #end}: every file present that is not the user's is ours; written with {@code complete = true}.</li>
 *   <li>Ours, when a part is cleared ({@link #deleteOurs}): the {@code ours} of a complete record; after a killed run
 *       (record not complete), everything but the {@code foreign} files it recorded; without a record (a directory
 *       of an older htsgd, or one the user made), nothing.</li>
 * </ul>
 * A file the user adds to the directory while a part runs there and the run is then killed is taken for the run's.
 */
final class PartFiles {
    /** The record's file name. */
    static final String MANIFEST = "files.json";

    private PartFiles() {
    }

    /**
     * The record of a part directory's files (relative paths with '/').
     *
     * @param complete whether the run or rendering that wrote it finished ({@link #end})
     * @param foreign files htsgd did not write (never deleted)
     * @param ours files htsgd wrote (deleted when the part is cleared)
     */
    record Manifest(boolean complete, List<String> foreign, List<String> ours) {
    }

    /**
     * Deletes the files htsgd wrote in a part directory (and the directories that held only those), keeping the
     * user's.
     *
     * @param dir the part's directory
     */
    static void deleteOurs(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        Set<String> ours = ours(dir, present(dir));
        Set<Path> parents = new TreeSet<>(Comparator.comparingInt(Path::getNameCount).reversed()
            .thenComparing(Comparator.naturalOrder()));
        try {
            for (String name : ours) {
                Path p = dir.resolve(name);
                Files.deleteIfExists(p);
                for (Path q = p.getParent(); q != null && !q.equals(dir) && q.startsWith(dir); q = q.getParent()) {
                    parents.add(q);
                }
            }
            for (Path q : parents) { // deepest first
                try (Stream<Path> s = Files.list(q)) {
                    if (s.findAny().isEmpty()) {
                        Files.delete(q);
                    }
                }
            }
            Files.deleteIfExists(dir.resolve(MANIFEST));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Records, before a run or rendering of the part writes anything, which of the present files are the user's.
     *
     * @param dir the part's directory (created)
     */
    static void begin(Path dir) {
        Set<String> present = present(dir);
        Set<String> ours = ours(dir, present);
        Set<String> foreign = new TreeSet<>(present);
        foreign.removeAll(ours);
        write(dir, new Manifest(false, List.copyOf(foreign), List.copyOf(ours)));
    }

    /**
     * Records, after a run or rendering, every present file that was not the user's at {@link #begin} as ours.
     *
     * @param dir the part's directory
     */
    static void end(Path dir) {
        Manifest m = read(dir);
        if (m == null) {
            return;
        }
        Set<String> present = present(dir);
        Set<String> foreign = new TreeSet<>(m.foreign());
        foreign.retainAll(present);
        Set<String> ours = new TreeSet<>(present);
        ours.removeAll(foreign);
        write(dir, new Manifest(true, List.copyOf(foreign), List.copyOf(ours)));
    }

    private static Set<String> ours(Path dir, Set<String> present) {
        Manifest m = read(dir);
        Set<String> ours = new TreeSet<>();
        if (m == null) {
            return ours;
        }
        if (m.complete()) {
            ours.addAll(m.ours());
            ours.retainAll(present);
        } else { // a killed run: all but what was the user's when it began
            ours.addAll(present);
            ours.removeAll(m.foreign());
        }
        return ours;
    }

    /** @return the regular files under dir, relative, without the record itself */
    private static Set<String> present(Path dir) {
        Set<String> out = new TreeSet<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
                if (!name.equals(MANIFEST)) {
                    out.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static Manifest read(Path dir) {
        Path f = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            return OutputDir.JSON.readValue(f.toFile(), Manifest.class);
        } catch (IOException e) { // unreadable: claim nothing, delete nothing
            return null;
        }
    }

    private static void write(Path dir, Manifest m) {
        OutputDir.of(dir).writeJson(MANIFEST, m);
    }
}
