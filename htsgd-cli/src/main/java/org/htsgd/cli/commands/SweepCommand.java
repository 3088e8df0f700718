package org.htsgd.cli.commands;

import java.util.List;
import java.util.concurrent.Callable;
import org.htsgd.cli.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code htsgd sweep} as this jar sees it: sweeps run on Apache Spark, in their own module and jar
 * ({@code htsgd-spark}, main class {@code org.htsgd.spark.SweepMain}) so that users of the other commands never load
 * Spark. The {@code ./htsgd} launcher sends {@code sweep} there; this entry only lists the command in
 * {@code htsgd --help} and, reached from this jar, says how to run it (exit 2).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Grids of htsgd runs (exit-time, occupancy, train) on Apache Spark: ./htsgd sweep GRID.yaml "
                + "--out DIR [--master URL] [--retries N]. It lives in the htsgd-spark jar: the ./htsgd launcher runs "
                + "it; by hand: java -cp 'htsgd-spark/target/htsgd-spark.jar:htsgd-spark/target/lib/*' "
                + "org.htsgd.spark.SweepMain GRID.yaml --out DIR. ./htsgd sweep --help lists its options."})
public final class SweepCommand implements Callable<Integer> {
    /** How to run a sweep, the one line this entry prints. */
    static final String HOW = "sweeps run from the htsgd-spark jar, not this one: use ./htsgd sweep GRID.yaml --out DIR, "
            + "or java -cp 'htsgd-spark/target/htsgd-spark.jar:htsgd-spark/target/lib/*' org.htsgd.spark.SweepMain "
            + "GRID.yaml --out DIR";

    /** Whatever was given: it belongs to the real sweep. */
    @Unmatched
    List<String> arguments;

    /** {@inheritDoc} */
    @Override
    public Integer call() {
        throw new UserInputException(HOW);
    }
}
