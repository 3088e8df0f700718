package org.htsgd.cli.reproduce;

import java.util.List;

/**
 * A simulation {@link Part} whose units of work are blocks of paths of its points ({@link PathUnits}, with its block
 * rule): resumable (the blocks' files are kept between invocations, so a killed local run also resumes its finished
 * blocks), its units the blocks, done when their files exist, a unit run with the code a local {@link #run} runs a
 * missing block with ({@link PathUnits#runOne}).
 */
interface PathBlockPart extends Part {
    /**
     * @param ctx the part's context
     * @return its blocks and how one is computed
     */
    PathUnits.Split<?> split(PartContext ctx);

    /**
     * @return milliseconds on one core per unit of predicted work of a block ({@link PathUnits.Block#cost()}),
     *     measured, so that unit costs compare with other parts' (a {@link Unit}'s cost)
     */
    double millisPerWork();

    @Override
    default boolean resumable() {
        return true;
    }

    /** The blocks of paths of every point, costed in its predicted work ({@link PathUnits#millis}). */
    @Override
    default List<Unit> units(PartContext ctx) {
        return PathUnits.units(ctx, split(ctx).blocks(), millisPerWork());
    }

    /** Runs one block of paths ({@link PathUnits#runOne}, as {@link #run} runs a missing one) and writes its file. */
    @Override
    default void runUnit(PartContext ctx, String name) throws Exception {
        runBlock(ctx, split(ctx), name);
    }

    private static <T> void runBlock(PartContext ctx, PathUnits.Split<T> split, String name) throws Exception {
        PathUnits.runOne(ctx, split, PathUnits.find(ctx.id(), split.blocks(), name), n -> { });
    }
}
