package org.htsgd.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.htsgd.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code htsgd reproduce --profile tiny} end to end: every part finishes and writes its files, the report references
 * only files that exist, and a second run skips every finished part.
 */
class ReproduceEndToEndTest {
    private static final Pattern REF = Pattern.compile("(?:src|href)=\"([^\"]*)\"");

    @Test
    void tinyProfileProducesACompleteReportAndResumes(@TempDir Path out) throws Exception {
        int code = Main.run("reproduce", "--profile", "tiny", "--out", out.toString(), "--threads", "2");
        assertEquals(0, code, "exit code");
        Map<String, FileTime> markers = new HashMap<>();
        for (Part p : Parts.all()) {
            Path done = out.resolve(p.id()).resolve(Reproduction.DONE);
            assertTrue(Files.isRegularFile(done), "missing " + done);
            markers.put(p.id(), Files.getLastModifiedTime(done));
            try (Stream<Path> files = Files.list(out.resolve(p.id()))) {
                List<String> names = files.map(f -> f.getFileName().toString()).toList();
                assertTrue(names.stream().anyMatch(n -> n.endsWith(".json") && !n.equals(Reproduction.DONE)),
                    p.id() + " wrote no JSON result: " + names);
                assertTrue(names.stream().anyMatch(n -> n.endsWith(".png")), p.id() + " drew no figure: " + names);
            }
        }
        String html = Files.readString(out.resolve(Reproduction.INDEX));
        List<String> refs = references(html);
        assertTrue(refs.size() >= 2 * Parts.all().size(), "too few references: " + refs);
        for (String ref : refs) {
            assertTrue(Files.isRegularFile(out.resolve(ref)), "index.html references a missing file: " + ref);
        }
        for (Part p : Parts.all()) {
            assertTrue(html.contains("id=\"" + p.id() + "\""), "no section for " + p.id());
            assertTrue(refs.stream().anyMatch(r -> r.startsWith(p.id() + "/") && r.endsWith(".png")),
                "no figure of " + p.id() + " in the report");
        }
        assertTrue(html.contains("htsgd reproduce --profile tiny"), "the exact command is shown");
        assertFalse(html.contains("FAILED"), "no part failed");
        // Table 2: the tiny profile trains Fashion-MNIST only and says why SVHN and CIFAR-10 were not run
        assertTrue(html.contains("SVHN, VGG11: not run") && html.contains("CIFAR-10, VGG11: not run"), "not-run rows");
        assertTrue(html.contains("How to get the data"), "how to get the data");
        assertTrue(Files.isRegularFile(out.resolve("table2/runs.csv")));
        // its 12 iterations cannot show the claim, and the report says so first; the estimate is shown
        assertTrue(html.contains("Fashion-MNIST, LeNet: these runs cannot show the paper's claim"), "premises");
        assertTrue(html.contains("one replication: no confidence statement possible"), "no overclaiming");
        assertTrue(html.contains("Estimated before the runs started: Table 2, tiny profile: 2 runs (2 to train)"),
            "time estimate");

        int again = Main.run("reproduce", "--profile", "tiny", "--out", out.toString(), "--threads", "2");
        assertEquals(0, again);
        for (Part p : Parts.all()) {
            assertEquals(markers.get(p.id()), Files.getLastModifiedTime(out.resolve(p.id()).resolve(Reproduction.DONE)),
                p.id() + " was re-run instead of skipped");
        }
        String html2 = Files.readString(out.resolve(Reproduction.INDEX));
        for (String ref : references(html2)) {
            assertTrue(Files.isRegularFile(out.resolve(ref)), "re-rendered report references a missing file: " + ref);
        }

        // Table 2 for SB alone: the finished runs are read, not retrained, and Our 2 is named as left out
        Path sbResult = out.resolve("table2/runs/fmnist-lenet/sb/rep0/result.json");
        FileTime trained = Files.getLastModifiedTime(sbResult);
        assertEquals(0, Main.run("reproduce", "--profile", "tiny", "--parts", "table2", "--methods", "sb", "--out",
            out.toString(), "--threads", "2"));
        assertEquals(trained, Files.getLastModifiedTime(sbResult), "the SB run was retrained");
        String sbOnly = Files.readString(out.resolve(Reproduction.INDEX));
        assertTrue(sbOnly.contains("All 1 runs had finished before the last invocation, which trained none"),
            "no estimate of nothing to train");
        assertTrue(sbOnly.contains("not run in this invocation (--methods)"), "Our 2 left out by --methods");
    }

    @Test
    void badInputExitsWithTwo(@TempDir Path out) {
        assertEquals(2, Main.run("reproduce", "--profile", "huge", "--out", out.toString()));
        assertEquals(2, Main.run("reproduce", "--parts", "fig9", "--out", out.toString()));
        assertEquals(2, Main.run("reproduce", "--threads", "-1", "--out", out.toString())); // 0 = all cores
        assertEquals(2, Main.run("reproduce", "--tasks", "mnist", "--out", out.toString()));
        // the quick profile trains Fashion-MNIST only: the VGG11 rows are for --profile paper
        assertEquals(2, Main.run("reproduce", "--tasks", "svhn-vgg11", "--out", out.toString()));
        assertFalse(Files.exists(out.resolve(Reproduction.INDEX)), "nothing ran");
    }

    private static List<String> references(String html) {
        List<String> refs = new ArrayList<>();
        Matcher m = REF.matcher(html);
        while (m.find()) {
            String r = m.group(1);
            if (!r.startsWith("#") && !r.startsWith("http")) {
                refs.add(r);
            }
        }
        return refs;
    }
}
