package org.htsgd.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.htsgd.cli.report.HtmlReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resumption: finished parts are skipped, failed or re-configured ones re-run, unselected ones left alone. */
class ReproductionTest {
    /** A part that counts its runs, optionally fails, and whose scale is a settable value. */
    static class FakePart implements Part {
        final String id;
        final AtomicInteger runs = new AtomicInteger();
        volatile boolean fail;
        volatile Object scale = "s1";
        volatile boolean resumable;
        volatile Object resumeScale;
        volatile List<Object> formerResumeScales = List.of();

        FakePart(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String title() {
            return "Fake " + id;
        }

        @Override
        public Object scale(Profile profile) {
            return scale;
        }

        @Override
        public boolean resumable() {
            return resumable;
        }

        @Override
        public Object resumeScale(Profile profile) {
            return resumeScale != null ? resumeScale : scale;
        }

        @Override
        public List<Object> formerResumeScales(Profile profile) {
            return formerResumeScales;
        }

        @Override
        public void run(PartContext ctx) {
            runs.incrementAndGet();
            if (resumable && Files.exists(ctx.dir().resolve("partial.txt"))) {
                ctx.dir().writeText("resumed.txt", "found the earlier run's file");
            }
            ctx.dir().writeText("partial.txt", "written before a possible failure");
            if (fail) {
                throw new IllegalStateException("boom in " + id);
            }
            ctx.dir().writeJson("result.json", java.util.Map.of("value", 42));
        }

        @Override
        public void render(PartContext ctx, HtmlReport report) throws Exception {
            report.paragraph("value " + ctx.readJson("result.json").get("value").asInt());
            report.link(ctx.href("result.json"), "result.json");
        }
    }

    private static List<Reproduction.Outcome> run(Path out, List<Part> parts, Set<String> selected) {
        Reproduction.Settings s = new Reproduction.Settings(Profile.tiny(), out, null, 1, selected, "htsgd test");
        return Reproduction.run(parts, s, new PrintWriter(new StringWriter()));
    }

    @Test
    void finishedPartsAreSkippedAndFailedOnesRetried(@TempDir Path out) throws Exception {
        FakePart a = new FakePart("a");
        FakePart b = new FakePart("b");
        b.fail = true;
        List<Part> parts = List.of(a, b);
        List<Reproduction.Outcome> first = run(out, parts, null);
        assertEquals(Reproduction.Status.RAN, first.get(0).status());
        assertEquals(Reproduction.Status.FAILED, first.get(1).status());
        assertTrue(first.get(1).message().contains("boom in b"));
        assertTrue(Files.exists(out.resolve("a/done.json")));
        assertFalse(Files.exists(out.resolve("b/done.json")), "a failed part has no marker");
        assertTrue(Files.exists(out.resolve("b/failed.json")));
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("value 42") && html.contains("boom in b"), html);

        FileTime marker = Files.getLastModifiedTime(out.resolve("a/done.json"));
        b.fail = false;
        List<Reproduction.Outcome> second = run(out, parts, null);
        assertEquals(Reproduction.Status.SKIPPED, second.get(0).status());
        assertEquals(Reproduction.Status.RAN, second.get(1).status());
        assertEquals(1, a.runs.get(), "a ran once");
        assertEquals(2, b.runs.get(), "b retried");
        assertEquals(marker, Files.getLastModifiedTime(out.resolve("a/done.json")));
        assertFalse(Files.exists(out.resolve("b/failed.json")), "the retry cleared the failure record");
        assertTrue(Files.exists(out.resolve("b/done.json")));
    }

    @Test
    void aChangedScaleReRunsOnlyThatPart(@TempDir Path out) {
        FakePart a = new FakePart("a");
        FakePart b = new FakePart("b");
        run(out, List.of(a, b), null);
        b.scale = "s2";
        List<Reproduction.Outcome> again = run(out, List.of(a, b), null);
        assertEquals(Reproduction.Status.SKIPPED, again.get(0).status());
        assertEquals(Reproduction.Status.RAN, again.get(1).status());
        assertEquals(1, a.runs.get());
        assertEquals(2, b.runs.get());
    }

    /** Stands for the process being killed inside a part: not caught by Reproduction, like a kill -9. */
    static final class Killed extends Error {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void anInterruptedPartIsClearedAndReRun(@TempDir Path out) throws Exception {
        FakePart killed = new FakePart("a") {
            @Override
            public void run(PartContext ctx) {
                ctx.dir().writeText("stale.csv", "left by a killed run");
                throw new Killed();
            }
        };
        org.junit.jupiter.api.Assertions.assertThrows(Killed.class, () -> run(out, List.of(killed), null));
        assertTrue(Files.exists(out.resolve("a/stale.csv")));
        FakePart a = new FakePart("a");
        List<Reproduction.Outcome> r = run(out, List.of(a), null);
        assertEquals(Reproduction.Status.RAN, r.get(0).status());
        assertFalse(Files.exists(out.resolve("a/stale.csv")));
    }

    @Test
    void aPartDeletesOnlyTheFilesItWrote(@TempDir Path out) throws Exception {
        // the user's files: one there before the first run, one added after it, one in a subdirectory
        Path dir = out.resolve("a");
        Files.createDirectories(dir.resolve("mine"));
        Files.writeString(dir.resolve("notes.txt"), "the user's, before");
        Files.writeString(dir.resolve("mine/data.csv"), "the user's, in a subdirectory");
        FakePart a = new FakePart("a") {
            @Override
            public void run(PartContext ctx) {
                super.run(ctx);
                ctx.dir().writeText("only-with-" + scale + ".txt", "an output of these settings");
            }
        };
        run(out, List.of(a), null);
        assertTrue(Files.exists(dir.resolve("only-with-s1.txt")));
        Files.writeString(dir.resolve("later.txt"), "the user's, after");
        a.scale = "s2"; // other settings: the part is cleared and re-run
        assertEquals(Reproduction.Status.RAN, run(out, List.of(a), null).get(0).status());
        assertFalse(Files.exists(dir.resolve("only-with-s1.txt")), "the earlier run's own output was deleted");
        assertTrue(Files.exists(dir.resolve("only-with-s2.txt")));
        assertEquals("the user's, before", Files.readString(dir.resolve("notes.txt")));
        assertEquals("the user's, after", Files.readString(dir.resolve("later.txt")));
        assertEquals("the user's, in a subdirectory", Files.readString(dir.resolve("mine/data.csv")));
        // a failed run, then a killed one, then a run with other settings: the user's files are still there
        a.fail = true;
        a.scale = "s3";
        run(out, List.of(a), null);
        a.fail = false;
        a.scale = "s4";
        run(out, List.of(a), null);
        assertEquals("the user's, before", Files.readString(dir.resolve("notes.txt")));
        assertEquals("the user's, after", Files.readString(dir.resolve("later.txt")));
        assertFalse(Files.exists(dir.resolve("only-with-s2.txt")));
    }

    @Test
    void aResumablePartKeepsItsFilesAfterAFailureButNotAfterAScaleChange(@TempDir Path out) {
        FakePart a = new FakePart("a");
        a.resumable = true;
        a.fail = true;
        run(out, List.of(a), null);
        a.fail = false;
        assertEquals(Reproduction.Status.RAN, run(out, List.of(a), null).get(0).status());
        assertTrue(Files.exists(out.resolve("a/resumed.txt")), "the retry saw the failed run's files");
        assertFalse(Files.exists(out.resolve("a/failed.json")));
        a.scale = "s2";
        a.fail = true;
        run(out, List.of(a), null);
        assertFalse(Files.exists(out.resolve("a/resumed.txt")), "files of other settings were deleted");
    }

    @Test
    void aScaleChangeWithTheSameResumeScaleReRunsButKeepsTheFiles(@TempDir Path out) {
        // Table 2 trained one task at a time (--tasks): the part re-runs, its finished runs stay
        FakePart a = new FakePart("a");
        a.resumable = true;
        a.resumeScale = "all tasks";
        a.scale = "task 1";
        assertEquals(Reproduction.Status.RAN, run(out, List.of(a), null).get(0).status());
        a.scale = "task 2";
        assertEquals(Reproduction.Status.RAN, run(out, List.of(a), null).get(0).status());
        assertTrue(Files.exists(out.resolve("a/resumed.txt")), "the second task's run saw the first one's files");
        assertEquals(Reproduction.Status.SKIPPED, run(out, List.of(a), null).get(0).status());
        a.scale = "task 1";
        assertEquals(Reproduction.Status.RAN, run(out, List.of(a), null).get(0).status(),
            "done.json holds the last scale only");
        assertEquals(3, a.runs.get());
    }

    @Test
    void filesKeptUnderAFormerResumeScaleAreResumedOthersCleared(@TempDir Path out) {
        // an output directory written when Table 2's resume scale still held the methods and replications
        assertEquals(Reproduction.Status.RAN, failThenRunInNewForm(out, "a", "old form"));
        assertTrue(Files.exists(out.resolve("a/resumed.txt")), "the former form's files were kept");
        // a former form of other settings does not match: cleared
        failThenRunInNewForm(out, "b", "old form, other schedule");
        assertFalse(Files.exists(out.resolve("b/resumed.txt")), "files of other settings were deleted");
    }

    /**
     * A resumable part fails under resume scale {@code first} (its files kept), then runs under the resume scale
     * "new form" whose former form is "old form".
     */
    private static Reproduction.Status failThenRunInNewForm(Path out, String id, String first) {
        FakePart p = new FakePart(id);
        p.resumable = true;
        p.fail = true;
        p.resumeScale = first;
        run(out, List.of(p), null);
        p.fail = false;
        p.resumeScale = "new form";
        p.formerResumeScales = List.of("old form");
        return run(out, List.of(p), null).get(0).status();
    }

    @Test
    void unselectedPartsAreNotRunButFinishedOnesAreStillShown(@TempDir Path out) throws Exception {
        FakePart a = new FakePart("a");
        FakePart b = new FakePart("b");
        run(out, List.of(a), null);
        List<Reproduction.Outcome> r = run(out, List.of(a, b), Set.of("a"));
        assertEquals(Reproduction.Status.SKIPPED, r.get(0).status());
        assertEquals(Reproduction.Status.NOT_SELECTED, r.get(1).status());
        assertEquals(0, b.runs.get());
        assertTrue(Files.readString(out.resolve("index.html")).contains("value 42"));
    }
}
