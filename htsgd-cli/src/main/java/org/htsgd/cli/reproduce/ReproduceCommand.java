package org.htsgd.cli.reproduce;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.htsgd.cli.RunFailedException;
import org.htsgd.cli.UserInputException;
import org.htsgd.train.loop.Task;
import org.htsgd.train.method.Method;
import org.htsgd.train.method.TruncationReading;
import picocli.CommandLine;
import org.htsgd.cli.options.DirectoryConverter;
import org.htsgd.cli.options.OutputOption;
import org.htsgd.cli.options.SeedOption;
import org.htsgd.cli.options.ThreadsOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code htsgd reproduce}: regenerates the paper's figures and tables into one HTML report ({@code OUT/index.html})
 * with every number as JSON/CSV beside it. Each part is a separate step with its own progress bar; finished parts
 * are skipped on a re-run, so an interrupted reproduce resumes.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
    defaultValueProvider = ReproduceCommand.Defaults.class,
    description = {"Regenerates the paper's figures and tables (Figures 1-3, theory vs simulation, Table 2) into "
        + "OUT/index.html, with every number as JSON/CSV beside it.",
        "Finished parts are skipped on a re-run (an interrupted run resumes); delete OUT/<part> to recompute one.",
        "OUT is --out DIR, by default " + ReproduceCommand.DEFAULT_OUT + " in the current directory."})
public final class ReproduceCommand implements Callable<Integer> {
    /** The output directory when {@code --out} is not given. */
    static final String DEFAULT_OUT = "reproduce-out";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--profile", defaultValue = "quick", paramLabel = "NAME",
        description = "Scale: tiny (seconds, for tests), quick (under 30 minutes on 2 cores; default: ${DEFAULT-VALUE})"
            + " or paper (the paper's scale: many hours).")
    private String profileName;

    @Option(names = "--data", paramLabel = "DIR", converter = DirectoryConverter.class,
        description = "Directory of the datasets: the files themselves or one subdirectory per dataset "
            + "(fashion-mnist, svhn, cifar10). A dataset found there is used, or refused if damaged (never "
            + "replaced by another copy); a dataset not there is read from its default directory (e.g. "
            + "/usr/share/datasets/fashion-mnist).")
    private Path dataDir;

    @Mixin
    private OutputOption out;

    @Mixin
    private ThreadsOption threads;

    @Option(names = "--parts", split = ",", paramLabel = "ID",
        description = "Run only these parts (default: all): ${COMPLETION-CANDIDATES}.",
        completionCandidates = PartIds.class)
    private List<String> parts;

    @Mixin
    private SeedOption seed;

    @Option(names = "--tasks", split = ",", paramLabel = "TASK",
        description = "Table 2: train only these of the profile's tasks in this invocation (e.g. fmnist-lenet: one "
            + "row at a time); finished runs of its other tasks are kept and shown.")
    private List<String> tasks;

    @Option(names = "--methods", split = ",", paramLabel = "METHOD",
        description = "Table 2: train only these of the profile's methods (e.g. lb,sb,sb-clip,our1,our2 to leave "
            + "out SB+Noise's long schedule); default: the profile's.")
    private List<String> methods;

    @Option(names = "--replications", paramLabel = "N",
        description = "Table 2: replications per method (default: the profile's; quick 1, paper 5). Replication r "
            + "has the same seed whatever N, so a later run with a larger N keeps the finished runs.")
    private Integer replications;

    @Option(names = "--b-on", paramLabel = "WHAT",
        description = "Table 2: what Table 1's b bounds in SB+Clip, Our 1 and Our 2 (the paper leaves it open): update "
            + "(||eta g||, eq. 1) or gradient (||g||, as clip_grad_norm_(params, b) would); default: the profile's "
            + "(quick gradient, paper update). Runs read on the gradient have their own directories (e.g. "
            + "runs/fmnist-lenet/our1-b-on-gradient), so both rows can share one --out and its LB, SB and SB+Noise "
            + "runs.")
    private String bOn;

    @Option(names = "--master", paramLabel = "URL",
        description = "Run the units of work (Table 2's training runs, the other parts each whole) as Apache Spark "
            + "tasks on this master (local[*], spark://HOST:7077, ...), then assemble the report here; a restarted "
            + "run skips finished units. Runs from the htsgd-spark jar (./htsgd does that); --out and --data must be "
            + "at the same path on every worker.")
    private String master;

    @Option(names = "--unit", hidden = true, paramLabel = "ID",
        description = "Run only this unit of work (PART or PART/NAME) into --out, without a report (what --master "
            + "runs on a worker).")
    private String unit;

    @Override
    public Integer call() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        Profile profile = Profile.of(profileName).withSeed(seed.value());
        if (tasks != null) {
            profile = profile.withTraining(profile.training().withTasks(selectedTasks(profile)));
        }
        if (methods != null) {
            profile = profile.withTraining(profile.training().withMethods(selectedMethods(profile)));
        }
        if (replications != null) {
            if (replications < 1) {
                throw new UserInputException("--replications is not at least 1: " + replications);
            }
            profile = profile.withTraining(profile.training().withReplications(replications));
        }
        if (bOn != null) {
            profile = profile.withTraining(profile.training().withBOn(TruncationReading.fromCliName(bOn)));
        }
        int n = threads.count();
        if (dataDir != null && !Files.isDirectory(dataDir)) {
            throw new UserInputException("--data " + dataDir + " is not a directory");
        }
        List<Part> all = Parts.all();
        Set<String> selected = null;
        if (parts != null) {
            selected = new LinkedHashSet<>();
            Set<String> known = all.stream().map(Part::id).collect(Collectors.toCollection(LinkedHashSet::new));
            for (String p : parts) {
                String id = p.trim();
                if (!known.contains(id)) {
                    throw new UserInputException("--parts: unknown part '" + id + "' (known: "
                        + String.join(", ", known) + ")");
                }
                selected.add(id);
            }
        }
        PrintWriter log = spec.commandLine().getErr();
        Reproduction.Settings settings = new Reproduction.Settings(profile, out.path(), dataDir, n, selected,
            commandLine(spec.commandLine().getParseResult().originalArgs()));
        if (tasks != null && unit == null) {
            DataCheck.namedTasks(all, settings);
        }
        if (unit != null) {
            Units.runOne(all, settings, unit, log);
            return 0;
        }
        Map<String, String> failedElsewhere = Map.of();
        if (master != null) {
            UnitScheduler scheduler = Units.scheduler();
            scheduler.check(master); // before anything is written
            failedElsewhere = Units.runElsewhere(scheduler, master, all, settings, unitArgs(), log);
            if (!failedElsewhere.isEmpty()) { // their parts are left out of the report: a re-run retries them
                Set<String> rest = new LinkedHashSet<>(selected != null ? selected
                    : all.stream().map(Part::id).toList());
                rest.removeAll(failedElsewhere.keySet());
                settings = new Reproduction.Settings(profile, out.path(), dataDir, n, rest, settings.commandLine());
            }
        }
        List<Reproduction.Outcome> outcomes = Reproduction.run(all, settings, log);
        PrintWriter stdout = spec.commandLine().getOut();
        for (Reproduction.Outcome o : outcomes) {
            stdout.printf("%-14s %-14s %s%n", o.id(), o.status(), Double.isNaN(o.seconds()) ? ""
                : String.format("%.1f s wall, %.1f s CPU", o.seconds(), o.cpuSeconds()));
        }
        List<String> headlines = Headlines.lines(out.path(), outcomes);
        if (!headlines.isEmpty()) {
            stdout.println();
            headlines.forEach(stdout::println);
            stdout.println();
        }
        stdout.println("report: " + out.path().resolve(Reproduction.INDEX).toAbsolutePath());
        stdout.flush();
        List<String> failed = new ArrayList<>(outcomes.stream()
            .filter(o -> o.status() == Reproduction.Status.FAILED).map(o -> o.id() + " (" + o.message() + ")")
            .toList());
        failedElsewhere.forEach((part, why) -> failed.add(part + " (units failed on " + master + ": " + why + ")"));
        if (!failed.isEmpty()) {
            throw new RunFailedException(failed.size() + " part(s) failed: " + String.join("; ", failed)
                + "; the report shows the others; re-run the same command to retry");
        }
        return 0;
    }

    /**
     * @return the arguments of the {@code htsgd reproduce --unit ID} that runs a unit elsewhere: the options given
     *     here as typed, but {@code --master}, {@code --parts} and {@code --unit}, with {@code --out} (always) and
     *     {@code --data} as absolute paths
     */
    private List<String> unitArgs() {
        List<String> args = new ArrayList<>(List.of("--out", out.path().toAbsolutePath().toString()));
        for (CommandLine.Model.OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            String name = o.longestName();
            if (Set.of("--master", "--parts", "--unit", "--out").contains(name)) {
                continue;
            }
            if (name.equals("--data")) {
                args.addAll(List.of(name, dataDir.toAbsolutePath().toString()));
                continue;
            }
            for (String v : o.originalStringValues()) {
                args.addAll(List.of(name, v));
            }
        }
        return args;
    }

    /** @return the {@code --tasks}, each one of the profile's Table 2 tasks */
    private List<Task> selectedTasks(Profile profile) {
        List<Task> trained = profile.training().tasks();
        List<Task> chosen = new ArrayList<>();
        for (String name : tasks) {
            Task t;
            try {
                t = Task.parse(name.trim());
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--tasks: " + e.getMessage());
            }
            if (!trained.contains(t)) {
                throw new UserInputException("--tasks: " + t.cliName() + " is not trained in the '" + profile.name()
                    + "' profile (its tasks: " + trained.stream().map(Task::cliName).collect(Collectors.joining(", "))
                    + ")");
            }
            if (!chosen.contains(t)) {
                chosen.add(t);
            }
        }
        return chosen;
    }

    /** @return the {@code --methods}, each one of the profile's Table 2 methods */
    private List<Method> selectedMethods(Profile profile) {
        List<Method> trained = profile.training().methods();
        List<Method> chosen = new ArrayList<>();
        for (String name : methods) {
            Method m;
            try {
                m = Method.fromCliName(name.trim());
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--methods: " + e.getMessage());
            }
            if (!trained.contains(m)) {
                throw new UserInputException("--methods: " + m.cliName() + " is not trained in the '"
                    + profile.name() + "' profile (its methods: "
                    + trained.stream().map(Method::cliName).collect(Collectors.joining(", ")) + ")");
            }
            chosen.add(m);
        }
        return chosen;
    }

    /** @param args the arguments @return {@code htsgd reproduce ARGS}, quoted where needed */
    static String commandLine(List<String> args) {
        StringBuilder sb = new StringBuilder("htsgd");
        for (String a : args) {
            sb.append(' ');
            sb.append(a.matches("[A-Za-z0-9_./:=,+@-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }

    /** Supplies {@code --out}'s default, {@value #DEFAULT_OUT} (see {@link OutputOption} for why only here). */
    static final class Defaults implements CommandLine.IDefaultValueProvider {
        /** {@inheritDoc} */
        @Override
        public String defaultValue(CommandLine.Model.ArgSpec arg) {
            return arg instanceof CommandLine.Model.OptionSpec o && o.longestName().equals("--out") ? DEFAULT_OUT
                : null;
        }
    }

    /** The part ids, for the help text. */
    static final class PartIds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Parts.all().stream().map(Part::id).iterator();
        }
    }
}
