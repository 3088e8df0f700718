package org.htsgd.cli;

import java.util.List;
import java.util.function.Supplier;

/** The list of {@code htsgd} subcommands, in the order {@code --help} shows them. */
final class Commands {
    private Commands() {
    }

    /** @return factories of every subcommand */
    static List<Supplier<Object>> all() {
        return List.of(org.htsgd.cli.reproduce.ReproduceCommand::new);
    }
}
