package org.htsgd.cli.reproduce;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.htsgd.cli.io.OutputDir;

/**
 * Runs the parts of {@code htsgd reproduce} in order, skipping those already finished with the same settings, and
 * writes the report. A part is finished when {@code OUT/<id>/done.json} exists (written last, atomically) and its
 * fingerprint (a hash of the part's profile scale, its seed and the data directory) matches; a part whose
 * fingerprint changed is cleared and re-run. Clearing deletes only the files htsgd wrote there ({@link PartFiles}):
 * a file the user put in {@code OUT/<id>/} is kept. A part that throws is recorded in {@code OUT/<id>/failed.json}, the
 * other parts still run, and the failure is shown in the report.
 */
public final class Reproduction {
    /** The marker written last by a finished part. */
    public static final String DONE = "done.json";
    /** The record of a failed part. */
    public static final String FAILED = "failed.json";
    /** The fingerprint of what a part's kept files depend on ({@link Part#resumeScale}; written first). */
    static final String FINGERPRINT = "fingerprint.txt";
    /** The report. */
    public static final String INDEX = "index.html";

    private Reproduction() {
    }

    /** What happened to a part in this invocation. */
    public enum Status {
        /** computed now */
        RAN,
        /** finished before with the same settings: skipped */
        SKIPPED,
        /** threw; see the message */
        FAILED,
        /** not selected by {@code --parts} and not finished before */
        NOT_SELECTED
    }

    /**
     * The settings of one invocation.
     *
     * @param profile the profile
     * @param out the output root
     * @param dataDir {@code --data}, or {@code null}
     * @param threads worker threads
     * @param selected ids to run ({@code null}: all)
     * @param commandLine the exact command line, for the report
     */
    public record Settings(Profile profile, Path out, Path dataDir, int threads, Set<String> selected,
                           String commandLine) {
        /** Validates. */
        public Settings {
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(commandLine, "commandLine");
            if (threads < 1) {
                throw new IllegalArgumentException("threads is not >= 1: " + threads);
            }
            selected = selected == null ? null : Set.copyOf(selected);
        }
    }

    /**
     * The marker of a finished part.
     *
     * @param part the part id
     * @param profile the profile name
     * @param fingerprint hash of the part's settings
     * @param seed the part's seed
     * @param seconds wall time of its run
     * @param cpuSeconds CPU time of the whole process during its run (all threads; about {@code threads} times the
     *     wall time on an otherwise idle machine)
     * @param finished when it finished (ISO-8601)
     * @param commandLine the command that computed it
     */
    public record Done(String part, String profile, String fingerprint, long seed, double seconds, double cpuSeconds,
                       String finished, String commandLine) {
    }

    /**
     * The record of a failed part.
     *
     * @param part the part id
     * @param message what failed
     * @param seconds wall time until the failure
     * @param failed when (ISO-8601)
     */
    public record Failed(String part, String message, double seconds, String failed) {
    }

    /**
     * The outcome of one part in this invocation.
     *
     * @param id part id
     * @param title part title
     * @param status what happened
     * @param seconds wall time of the run that produced the result (this one or an earlier one); NaN if none
     * @param cpuSeconds process CPU time of that run; NaN if none
     * @param message the failure message (FAILED) or when and by which command the result was computed (SKIPPED)
     */
    public record Outcome(String id, String title, Status status, double seconds, double cpuSeconds, String message) {
    }

    /**
     * Runs the selected parts and writes {@code OUT/index.html} and {@code OUT/run.json}.
     *
     * @param parts every part, in report order
     * @param settings the invocation
     * @param log where one line per part goes
     * @return the outcomes, in order
     */
    public static List<Outcome> run(List<Part> parts, Settings settings, PrintWriter log) {
        DataCheck.before(parts, settings);
        OutputDir root = OutputDir.of(settings.out());
        Profile profile = settings.profile();
        root.writeJson("profile.json", profile);
        List<Outcome> outcomes = new ArrayList<>();
        for (Part part : parts) {
            outcomes.add(runOne(part, settings, log));
        }
        root.writeJson("run.json", new RunRecord(settings.commandLine(), Versions.htsgd(), Versions.java(),
            profile.name(), profile.seed(), settings.threads(), Instant.now().toString(), outcomes));
        ReportWriter.write(parts, outcomes, settings, root);
        log.println("report: " + root.resolve(INDEX).toAbsolutePath());
        log.flush();
        return outcomes;
    }

    /**
     * What {@code run.json} holds.
     *
     * @param commandLine the command
     * @param htsgd htsgd version
     * @param java Java version
     * @param profile profile name
     * @param seed master seed
     * @param threads worker threads
     * @param finished when the invocation finished
     * @param parts the outcomes
     */
    public record RunRecord(String commandLine, String htsgd, String java, String profile, long seed, int threads,
                            String finished, List<Outcome> parts) {
    }

    /**
     * @param part a part
     * @param settings the invocation
     * @return the part's context
     */
    static PartContext context(Part part, Settings settings) {
        return new PartContext(settings.profile(), part.id(), OutputDir.of(settings.out().resolve(part.id())),
            settings.dataDir(), settings.threads(), settings.profile().seedFor(part.id()));
    }

    /**
     * @param part a part
     * @param settings the invocation
     * @return the hash of what the part's result depends on
     */
    static String fingerprint(Part part, Settings settings) {
        return hash(part.scale(settings.profile()), part, settings);
    }

    /**
     * @param part a part
     * @param settings the invocation
     * @return the hash of what the part's kept files depend on ({@link Part#resumeScale}), in {@code fingerprint.txt}
     */
    static String resumeFingerprint(Part part, Settings settings) {
        return hash(part.resumeScale(settings.profile()), part, settings);
    }

    private static String hash(Object scale, Part part, Settings settings) {
        try {
            String s = OutputDir.JSON.writeValueAsString(scale) + "|seed="
                + settings.profile().seedFor(part.id()) + "|data=" + settings.dataDir();
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param part a part
     * @param settings the invocation
     * @return its marker if it finished with the current settings, else {@code null}
     */
    static Done finished(Part part, Settings settings) {
        Path marker = settings.out().resolve(part.id()).resolve(DONE);
        if (!Files.isRegularFile(marker)) {
            return null;
        }
        try {
            Done done = OutputDir.JSON.readValue(marker.toFile(), Done.class);
            return fingerprint(part, settings).equals(done.fingerprint()) ? done : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Runs a part unless it finished before with the same settings or is not selected ({@code done.json} or
     * {@code failed.json} written); writes no report.
     *
     * @param part the part
     * @param settings the invocation
     * @param log where its lines go
     * @return its outcome
     */
    static Outcome runOne(Part part, Settings settings, PrintWriter log) {
        Done done = finished(part, settings);
        if (done != null) {
            log.printf("%-14s skipped: finished before (%.1f s)%n", part.id(), done.seconds());
            log.flush();
            return new Outcome(part.id(), part.title(), Status.SKIPPED, done.seconds(), done.cpuSeconds(),
                "computed " + done.finished() + " by: " + done.commandLine());
        }
        if (settings.selected() != null && !settings.selected().contains(part.id())) {
            return new Outcome(part.id(), part.title(), Status.NOT_SELECTED, Double.NaN, Double.NaN, "");
        }
        Path dir = settings.out().resolve(part.id());
        prepare(part, settings);
        PartContext ctx = context(part, settings);
        try {
            return runStarted(part, settings, ctx, log);
        } finally {
            PartFiles.end(dir);
        }
    }

    /**
     * Prepares a part's directory for a run: a resumable part's files of the same resume settings are kept (its
     * finished units), anything else htsgd wrote there is deleted (an interrupted, failed or differently configured
     * run's; not the user's), and the files present are recorded ({@link PartFiles#begin}).
     *
     * @param part the part
     * @param settings the invocation
     * @return its resume fingerprint (to be written to {@value #FINGERPRINT})
     */
    static String prepare(Part part, Settings settings) {
        Path dir = settings.out().resolve(part.id());
        String fingerprint = resumeFingerprint(part, settings);
        String kept = readFingerprint(dir);
        boolean same = fingerprint.equals(kept) || part.formerResumeScales(settings.profile()).stream()
            .anyMatch(former -> hash(former, part, settings).equals(kept));
        if (part.resumable() && same) {
            deleteIfExists(dir.resolve(FAILED));
            deleteIfExists(dir.resolve(DONE));
        } else {
            PartFiles.deleteOurs(dir); // files of an interrupted, failed or differently configured run; not the user's
        }
        PartFiles.begin(dir);
        OutputDir.of(dir).writeText(FINGERPRINT, fingerprint);
        return fingerprint;
    }

    private static Outcome runStarted(Part part, Settings settings, PartContext ctx, PrintWriter log) {
        log.printf("%-14s running: %s%n", part.id(), part.title());
        log.flush();
        long t0 = System.nanoTime();
        long c0 = cpuNanos();
        try {
            part.run(ctx);
        } catch (Exception | OutOfMemoryError e) {
            double seconds = (System.nanoTime() - t0) * 1e-9;
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            ctx.dir().writeJson(FAILED, new Failed(part.id(), message, seconds, Instant.now().toString()));
            log.printf("%-14s FAILED after %.1f s: %s%n", part.id(), seconds, message);
            if (System.getenv("HTSGD_DEBUG") != null) {
                e.printStackTrace(log);
            }
            log.flush();
            return new Outcome(part.id(), part.title(), Status.FAILED, seconds, (cpuNanos() - c0) * 1e-9, message);
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        double cpu = (cpuNanos() - c0) * 1e-9;
        ctx.dir().writeJson(DONE, new Done(part.id(), settings.profile().name(), fingerprint(part, settings),
            ctx.seed(), seconds, cpu, Instant.now().toString(), settings.commandLine()));
        log.printf("%-14s done in %.1f s (CPU %.1f s)%n", part.id(), seconds, cpu);
        log.flush();
        return new Outcome(part.id(), part.title(), Status.RAN, seconds, cpu, "");
    }

    /** @return the CPU time of this process so far (all threads), or 0 if the JVM does not report it */
    private static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
            .getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return Math.max(0, sun.getProcessCpuTime());
        }
        return 0;
    }

    /** @param dir a part's directory @return its {@value #FINGERPRINT}, or "" */
    static String readFingerprint(Path dir) {
        try {
            Path f = dir.resolve(FINGERPRINT);
            return Files.isRegularFile(f) ? Files.readString(f).trim() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteIfExists(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p + ": " + e.getMessage(), e);
        }
    }
}
