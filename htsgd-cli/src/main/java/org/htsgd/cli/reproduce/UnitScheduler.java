package org.htsgd.cli.reproduce;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs units of work of {@code htsgd reproduce --master URL} somewhere else than in this process: each unit as the
 * command {@code htsgd reproduce ARGS --unit ID}, whose output lands in the reproduction's directory ({@code --out}
 * among {@code ARGS}, an absolute path every worker sees). Found with {@link java.util.ServiceLoader}: the htsgd-spark
 * jar provides one that runs them as Spark tasks through its sweep machinery (so that htsgd-cli does not depend on
 * Spark).
 */
public interface UnitScheduler {
    /**
     * Checks the master before anything is written.
     *
     * @param master the {@code --master} URL
     * @throws IllegalArgumentException naming the problem (bad input, exit 2)
     */
    void check(String master);

    /**
     * Runs the units and waits for them. A unit that finished is not run again by a later call.
     *
     * @param master the {@code --master} URL
     * @param args the arguments of {@code htsgd reproduce} every unit runs with (profile, seed, {@code --out} and
     *     {@code --data} as absolute paths, ...), without {@code --unit}
     * @param units the units to run, costliest first ({@link Units.Pending#id()} is the {@code --unit} value)
     * @param dir a directory for the scheduler's own files ({@code OUT/cluster}), at the same path everywhere
     * @param log one line per event
     * @return for each unit that failed (after retries), its error line; empty if all finished
     */
    Map<String, String> run(String master, List<String> args, List<Units.Pending> units, Path dir, PrintWriter log);
}
