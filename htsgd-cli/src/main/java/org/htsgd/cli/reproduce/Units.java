package org.htsgd.cli.reproduce;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import org.htsgd.cli.RunFailedException;
import org.htsgd.cli.UserInputException;

/**
 * The units of work of {@code htsgd reproduce} run apart from the report: {@code reproduce --master URL} first runs
 * the missing units of the selected, unfinished parts elsewhere ({@link UnitScheduler}, e.g. as Spark tasks), each as
 * {@code htsgd reproduce ARGS --unit ID}, then runs the usual reproduction in this process, which finds them done and
 * only assembles. A unit is either one of a part's own {@link Unit}s ({@code ID = <part>/<name>}, e.g. a Table 2
 * training run) or, for a part that declares none, the whole part ({@code ID = <part>}: it runs as
 * {@link Reproduction} runs a part, writing its {@code done.json}, so the later pass skips it).
 *
 * <p>The units of a part run in processes of their own, possibly at the same time, so the part's directory is
 * prepared once, here, before any runs ({@link Reproduction#prepare}: files of other settings cleared, the
 * fingerprint written), and a unit runs only in a directory prepared for its settings.
 */
public final class Units {
    /** Why {@code --master} cannot run from this jar. */
    static final String NO_SCHEDULER = "--master runs the units on Apache Spark, from the htsgd-spark jar: use "
        + "./htsgd reproduce --master URL ... (the launcher runs it from there), or java -cp "
        + "'htsgd-spark/target/htsgd-spark.jar:htsgd-spark/target/lib/*' org.htsgd.cli.Main reproduce --master URL ...";

    /** The scheduler's directory in {@code OUT} (e.g. the Spark sweep of the units: logs, {@code results.csv}). */
    public static final String CLUSTER_DIR = "cluster";

    private Units() {
    }

    /**
     * A unit to run.
     *
     * @param id {@code <part>} (the whole part) or {@code <part>/<name>}: the value of {@code --unit}
     * @param part the part's id
     * @param cost rough relative cost (0 for a whole part)
     */
    public record Pending(String id, String part, long cost) {
        /** Validates. */
        public Pending {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(part, "part");
        }
    }

    /** @return the scheduler on the class path (htsgd-spark's) @throws UserInputException if there is none */
    static UnitScheduler scheduler() {
        return ServiceLoader.load(UnitScheduler.class).findFirst()
            .orElseThrow(() -> new UserInputException(NO_SCHEDULER));
    }

    /**
     * Runs the pending units of the selected, unfinished parts with the scheduler.
     *
     * @param scheduler where they run
     * @param master the {@code --master} URL (checked already)
     * @param parts every part
     * @param settings the invocation
     * @param args the arguments of every unit's {@code htsgd reproduce}
     * @param log where progress goes
     * @return the ids of the parts with a unit that failed, each with the failed units' errors
     */
    static Map<String, String> runElsewhere(UnitScheduler scheduler, String master, List<Part> parts,
                                            Reproduction.Settings settings, List<String> args, PrintWriter log) {
        List<Pending> pending = prepare(parts, settings);
        log.printf("reproduce: %d unit(s) of work to run on %s%n", pending.size(), master);
        log.flush();
        Map<String, String> failedParts = new LinkedHashMap<>();
        if (pending.isEmpty()) {
            return failedParts;
        }
        Map<String, String> failed = scheduler.run(master, args, pending,
            settings.out().toAbsolutePath().resolve(CLUSTER_DIR), log);
        for (Pending p : pending) {
            if (failed.containsKey(p.id())) {
                failedParts.merge(p.part(), p.id() + ": " + failed.get(p.id()), (a, b) -> a + "; " + b);
            }
        }
        return failedParts;
    }

    /**
     * Prepares the directories of the selected, unfinished parts that have units and lists what is left to do: their
     * unfinished units (costliest first), then every other selected, unfinished part as a whole, in report order.
     * A damaged dataset in {@code --data} is refused first (exit 2), before anything is written.
     *
     * @param parts every part
     * @param settings the invocation
     * @return the units to run
     */
    static List<Pending> prepare(List<Part> parts, Reproduction.Settings settings) {
        DataCheck.before(parts, settings);
        List<Pending> split = new ArrayList<>();
        List<Pending> whole = new ArrayList<>();
        for (Part part : parts) {
            if (settings.selected() != null && !settings.selected().contains(part.id())
                || Reproduction.finished(part, settings) != null) {
                continue;
            }
            List<Unit> units = List.of();
            if (part.resumable()) {
                Reproduction.prepare(part, settings);
                try {
                    units = part.units(Reproduction.context(part, settings));
                } catch (Exception e) {
                    units = List.of(); // e.g. no data: the whole part runs and fails as it would here
                }
            }
            if (units.isEmpty()) {
                whole.add(new Pending(part.id(), part.id(), 0));
            }
            for (Unit u : units) {
                if (!u.done()) {
                    split.add(new Pending(part.id() + "/" + u.name(), part.id(), u.cost()));
                }
            }
        }
        split.sort(Comparator.comparingLong(Pending::cost).reversed());
        split.addAll(whole);
        return split;
    }

    /**
     * Runs one unit in this process ({@code htsgd reproduce ... --unit ID}): a whole part as {@link Reproduction}
     * runs it (its {@code done.json} or {@code failed.json} written), or one unit of a part into its prepared
     * directory. Writes no report.
     *
     * @param parts every part
     * @param settings the invocation
     * @param id {@code <part>} or {@code <part>/<name>}
     * @param log where the part's line goes
     * @throws UserInputException if there is no such part or unit, or its directory was not prepared
     * @throws RunFailedException if the unit failed
     */
    static void runOne(List<Part> parts, Reproduction.Settings settings, String id, PrintWriter log) {
        int slash = id.indexOf('/');
        String partId = slash < 0 ? id : id.substring(0, slash);
        Part part = parts.stream().filter(p -> p.id().equals(partId)).findFirst().orElseThrow(() ->
            new UserInputException("--unit: no part '" + partId + "' (known: "
                + String.join(", ", parts.stream().map(Part::id).toList()) + ")"));
        if (slash < 0) {
            Reproduction.Outcome o = Reproduction.runOne(part, settings, log);
            if (o.status() == Reproduction.Status.FAILED) {
                throw new RunFailedException("part " + part.id() + " failed: " + o.message());
            }
            return;
        }
        PartContext ctx = Reproduction.context(part, settings);
        Path dir = ctx.dir().path();
        if (!part.resumable() || !Reproduction.resumeFingerprint(part, settings)
            .equals(Reproduction.readFingerprint(dir))) {
            throw new UserInputException("--unit " + id + ": " + dir + " is not prepared for these settings "
                + "(reproduce --master prepares it before its units run)");
        }
        try {
            part.runUnit(ctx, id.substring(slash + 1));
        } catch (IllegalArgumentException | UserInputException | RunFailedException e) {
            throw e;
        } catch (Exception e) {
            throw new RunFailedException("unit " + id + " failed: " + e.getMessage(), e);
        }
    }
}
