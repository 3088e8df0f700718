package org.htsgd.cli;

import java.util.List;
import java.util.function.Supplier;
import org.htsgd.cli.commands.ExitTimeCommand;
import org.htsgd.cli.commands.OccupancyCommand;
import org.htsgd.cli.commands.SharpnessCommand;
import org.htsgd.cli.commands.SweepCommand;
import org.htsgd.cli.commands.TheoryCommand;
import org.htsgd.cli.commands.TrainCommand;

/**
 * The list of {@code htsgd} subcommands, in the order {@code --help} shows them ({@code sweep} as a pointer to the
 * htsgd-spark jar, where it runs).
 */
final class Commands {
    private Commands() {
    }

    /** @return factories of every subcommand */
    static List<Supplier<Object>> all() {
        return List.of(TheoryCommand::new, ExitTimeCommand::new, OccupancyCommand::new, TrainCommand::new,
            SharpnessCommand::new, org.htsgd.cli.reproduce.ReproduceCommand::new, SweepCommand::new);
    }
}
