package org.htsgd.cli.reproduce;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.htsgd.cli.RunFailedException;
import org.htsgd.cli.UserInputException;
import org.htsgd.train.loop.Task;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code htsgd reproduce}: regenerates the paper's figures and tables into one HTML report ({@code OUT/index.html})
 * with every number as JSON/CSV beside it. Each part is a separate step with its own progress bar; finished parts
 * are skipped on a re-run, so an interrupted reproduce resumes.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
    description = {"Regenerates the paper's figures and tables (Figures 1-3, theory vs simulation, Table 2) into "
        + "OUT/index.html, with every number as JSON/CSV beside it.",
        "Finished parts are skipped on a re-run (an interrupted run resumes); delete OUT/<part> to recompute one."})
public final class ReproduceCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--profile", defaultValue = "quick", paramLabel = "NAME",
        description = "Scale: tiny (seconds, for tests), quick (under 30 minutes on 2 cores; default: ${DEFAULT-VALUE})"
            + " or paper (the paper's scale: many hours).")
    private String profileName;

    @Option(names = "--data", paramLabel = "DIR",
        description = "Directory of the datasets: the files themselves or one subdirectory per dataset "
            + "(fashion-mnist, svhn, cifar10); each dataset's own default directory is searched after it (e.g. "
            + "/usr/share/datasets/fashion-mnist).")
    private Path dataDir;

    @Option(names = "--out", defaultValue = "reproduce-out", paramLabel = "DIR",
        description = "Output directory (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all processors).")
    private Integer threads;

    @Option(names = "--parts", split = ",", paramLabel = "ID",
        description = "Run only these parts (default: all): ${COMPLETION-CANDIDATES}.",
        completionCandidates = PartIds.class)
    private List<String> parts;

    @Option(names = "--seed", paramLabel = "N", description = "Master seed (default: the profile's, 1).")
    private Long seed;

    @Option(names = "--tasks", split = ",", paramLabel = "TASK",
        description = "Table 2: train only these of the profile's tasks in this invocation (e.g. fmnist-lenet: one "
            + "row at a time); finished runs of its other tasks are kept and shown.")
    private List<String> tasks;

    @Override
    public Integer call() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        Profile profile = Profile.of(profileName);
        if (seed != null) {
            profile = profile.withSeed(seed);
        }
        if (tasks != null) {
            profile = profile.withTraining(profile.training().withTasks(selectedTasks(profile)));
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) {
            throw new UserInputException("--threads is not >= 1: " + n);
        }
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
        Reproduction.Settings settings = new Reproduction.Settings(profile, out, dataDir, n, selected,
            commandLine(spec.commandLine().getParseResult().originalArgs()));
        List<Reproduction.Outcome> outcomes = Reproduction.run(all, settings, log);
        PrintWriter stdout = spec.commandLine().getOut();
        for (Reproduction.Outcome o : outcomes) {
            stdout.printf("%-14s %-14s %s%n", o.id(), o.status(), Double.isNaN(o.seconds()) ? ""
                : String.format("%.1f s wall, %.1f s CPU", o.seconds(), o.cpuSeconds()));
        }
        stdout.println("report: " + out.resolve(Reproduction.INDEX).toAbsolutePath());
        stdout.flush();
        List<String> failed = outcomes.stream().filter(o -> o.status() == Reproduction.Status.FAILED)
            .map(o -> o.id() + " (" + o.message() + ")").toList();
        if (!failed.isEmpty()) {
            throw new RunFailedException(failed.size() + " part(s) failed: " + String.join("; ", failed)
                + "; the report shows the others; re-run the same command to retry");
        }
        return 0;
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

    /** @param args the arguments @return {@code htsgd reproduce ARGS}, quoted where needed */
    static String commandLine(List<String> args) {
        StringBuilder sb = new StringBuilder("htsgd");
        for (String a : args) {
            sb.append(' ');
            sb.append(a.matches("[A-Za-z0-9_./:=,+@-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }

    /** The part ids, for the help text. */
    static final class PartIds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Parts.all().stream().map(Part::id).iterator();
        }
    }
}
