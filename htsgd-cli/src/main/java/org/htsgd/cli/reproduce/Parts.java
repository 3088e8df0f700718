package org.htsgd.cli.reproduce;

import java.util.List;

/** The parts of {@code htsgd reproduce}, in report order. */
public final class Parts {
    private Parts() {
    }

    /** @return a fresh instance of every part */
    public static List<Part> all() {
        return List.of(new ExitTimePart(), new OccupancyPart(), new TransitionGraphPart(), new HimmelblauPart(),
            new CtmcPart(), new Table2Part());
    }
}
