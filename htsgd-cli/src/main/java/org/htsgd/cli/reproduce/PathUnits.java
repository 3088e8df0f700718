package org.htsgd.cli.reproduce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.LongConsumer;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.cli.io.Progress;

/**
 * The {@link Unit}s of a simulation part whose points (a learning rate of an exit-time curve, an occupancy scenario)
 * are runs of independent paths, each path drawing from its own stream ({@code PathStreams}): a point is cut into
 * {@link Block}s of consecutive paths, each block a unit with its own file {@code OUT/<part>/blocks/<name>.json},
 * whose results, joined in path order by the core's merge ({@code ExitTimeResult.merge},
 * {@code OccupancyResult.merge}), are exactly the point run at once.
 *
 * <p><b>Block rule.</b> With \(w\) a point's predicted work per path and \(W = \sum P w\) the part's predicted work
 * over all its points (of \(P\) paths each), a point is cut, from path 0, into blocks of
 * \(n = \max(1, \min(P, \lfloor W / (8 w) \rfloor))\) paths (the last block may be shorter). So no unit is more than
 * 1/8 of the part's work unless it is a single path; a point of at most 1/8 of the work stays whole (the cheap,
 * large-eta points are not cut into many tiny units); and a part has at most (number of points + 16) units. The
 * rule depends only on the profile (it is in the part's fingerprint), so every invocation cuts the same blocks.
 *
 * <p>The part ({@link PathBlockPart}) runs a unit with {@link #runOne}; its local {@link Part#run} reads the blocks
 * already in their files and runs the missing ones with the same code ({@link #collect}), so a run killed half-way
 * continues from its finished blocks.
 */
final class PathUnits {
    /** A unit holds at most 1 / {@value} of its part's predicted work (unless it is a single path). */
    static final int SHARE = 8;
    /** The directory of the blocks' files in the part's directory. */
    static final String DIR = "blocks";

    private PathUnits() {
    }

    /**
     * One unit: a block of consecutive paths of one point.
     *
     * @param name the unit's name, {@code blocks/<point>-paths<first>-<last>}
     * @param point the point's index in the part's list of points
     * @param firstPath its first path
     * @param paths its number of paths
     * @param perPath the point's predicted work per path (the unit of {@link #cost()} and of the progress)
     */
    record Block(String name, int point, int firstPath, int paths, long perPath) {
        /** @return its predicted work, {@code paths * perPath} */
        long cost() {
            return paths * perPath;
        }

        /** @return its file in the part's directory */
        String file() {
            return name + ".json";
        }
    }

    /**
     * How a part computes one block.
     *
     * @param <T> the block's record (written to its file as JSON)
     */
    @FunctionalInterface
    interface Compute<T> {
        /**
         * @param block the block
         * @param progress its completed work so far, in the units of {@link Block#perPath} (e.g. paths times it)
         * @return its result
         * @throws Exception if it fails
         */
        T run(Block block, LongConsumer progress) throws Exception;
    }

    /**
     * A part's blocks with how one is computed.
     *
     * @param blocks the blocks ({@link #plan})
     * @param type the record a block's file holds
     * @param compute how one block is computed
     * @param <T> that record
     */
    record Split<T>(List<Block> blocks, Class<T> type, Compute<T> compute) {
        /** Validates. */
        Split {
            Objects.requireNonNull(blocks, "blocks");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(compute, "compute");
        }
    }

    /**
     * Cuts the points into blocks by the rule in the class comment.
     *
     * @param names per point, its name in the units' names (e.g. {@code c0-eta3})
     * @param paths per point, its number of paths
     * @param perPath per point, its predicted work per path ({@code >= 1})
     * @return the blocks, point by point in path order
     */
    static List<Block> plan(List<String> names, int[] paths, long[] perPath) {
        long total = 0;
        for (int i = 0; i < paths.length; i++) {
            total += paths[i] * perPath[i];
        }
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < paths.length; i++) {
            int n = (int) Math.max(1, Math.min(paths[i], total / (SHARE * perPath[i])));
            for (int first = 0; first < paths[i]; first += n) {
                int m = Math.min(n, paths[i] - first);
                blocks.add(new Block(DIR + "/" + names.get(i) + "-paths" + first + "-" + (first + m - 1), i, first, m,
                    perPath[i]));
            }
        }
        return blocks;
    }

    /**
     * @param ctx the part's context
     * @param blocks its blocks
     * @param millisPerWork milliseconds on one core per unit of {@link Block#cost()}, measured
     * @return its units, done when their files exist, costed in milliseconds ({@link #millis})
     */
    static List<Unit> units(PartContext ctx, List<Block> blocks, double millisPerWork) {
        return blocks.stream().map(b -> new Unit(b.name(), Files.isRegularFile(ctx.dir().resolve(b.file())),
            millis(b, millisPerWork))).toList();
    }

    /**
     * @param b a block
     * @param millisPerWork milliseconds on one core per unit of {@link Block#cost()}
     * @return its rough time on one core in milliseconds (its {@link Unit} cost), at least 1
     */
    static long millis(Block b, double millisPerWork) {
        return Math.max(1, (long) Math.ceil(b.cost() * millisPerWork));
    }

    /**
     * @param part the part's id
     * @param blocks its blocks
     * @param name a unit's name
     * @return the block of that name
     * @throws IllegalArgumentException if there is none
     */
    static Block find(String part, List<Block> blocks, String name) {
        return blocks.stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow(() ->
            new IllegalArgumentException(part + " has no unit '" + name + "' (its units: " + blocks.get(0).name()
                + " .. " + blocks.get(blocks.size() - 1).name() + ")"));
    }

    /**
     * Computes one block and writes its file (atomically): the code of {@link Part#runUnit} and of a missing block in
     * {@link #collect}.
     *
     * @param ctx the part's context
     * @param split the part's blocks
     * @param block the block
     * @param progress its completed work so far
     * @param <T> its record
     * @return its result
     * @throws Exception if it fails (nothing is written)
     */
    static <T> T runOne(PartContext ctx, Split<T> split, Block block, LongConsumer progress) throws Exception {
        T result = split.compute().run(block, progress);
        ctx.dir().writeJson(block.file(), result);
        return result;
    }

    /**
     * The part's local run of its blocks: each block read from its file, or, when the file is missing or unreadable,
     * computed and written ({@link #runOne}), with a progress bar counted in predicted work.
     *
     * @param ctx the part's context
     * @param split its blocks
     * @param task the progress bar's task
     * @param unit the progress bar's unit (that of {@link Block#perPath})
     * @param label per point index, its label in the progress bar's message (with the block's paths)
     * @param <T> the blocks' record
     * @return the blocks' results, in the order of the blocks
     * @throws Exception if a block fails
     */
    static <T> List<T> collect(PartContext ctx, Split<T> split, String task, String unit,
                               IntFunction<String> label) throws Exception {
        long total = split.blocks().stream().mapToLong(Block::cost).sum();
        List<T> results = new ArrayList<>();
        try (Progress bar = ctx.progress(task, total, unit)) {
            long done = 0;
            for (Block b : split.blocks()) {
                T r = read(ctx.dir().resolve(b.file()), split.type());
                if (r == null) {
                    bar.message(label.apply(b.point()) + ", paths " + b.firstPath() + ".."
                        + (b.firstPath() + b.paths() - 1));
                    long offset = done;
                    r = runOne(ctx, split, b, n -> bar.set(offset + n));
                }
                done += b.cost();
                bar.set(done);
                results.add(r);
            }
        }
        return results;
    }

    /** @return the block's record from its file, or {@code null} if it is missing or unreadable (then recomputed) */
    private static <T> T read(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return OutputDir.JSON.readValue(file.toFile(), type);
        } catch (IOException e) {
            return null;
        }
    }
}
