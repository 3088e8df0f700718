package org.htsgd.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.train.loop.Task;
import org.htsgd.train.method.IterationSchedule;
import org.htsgd.train.method.Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The end-of-run table reads the parts' JSON files and shows each headline number next to its reference. */
class HeadlinesTest {
    private static void write(Path out, String id, String file, String json) throws IOException {
        Files.createDirectories(out.resolve(id));
        Files.writeString(out.resolve(id).resolve(file), json);
    }

    private static Reproduction.Outcome outcome(String id, Reproduction.Status status) {
        return new Reproduction.Outcome(id, id, status, 1, 1, "");
    }

    @Test
    void showsEachPartsHeadlineNextToItsReference(@TempDir Path out) throws IOException {
        write(out, "fig1-right", "exit-times.json", """
            {"curves": [{"label": "b = 0.5", "lStar": 2, "predictedSlope": 1.4,
                         "settled": {"slope": 1.3815, "ciLow": 1.2, "ciHigh": 1.55}}]}""");
        write(out, "fig1-left", "occupancy.json", """
            {"scenarios": [{"label": "heavy-tailed, clipped (b = 0.5)", "narrowFraction": 0.003875},
                           {"label": "heavy-tailed, unclipped", "narrowFraction": 0.25}]}""");
        write(out, "theory-vs-sim", "theory-vs-sim.json", """
            {"comparisons": [{"label": "clipped, b = 0.5 (Theorem 5)", "stationary": [0.89017, 0.10983],
                              "simulated": [0.6667, 0.3333]}]}""");
        IterationSchedule schedule = IterationSchedule.of(1_000, 500);
        double nan = Double.NaN;
        Table2Run.Training noTraining = new Table2Run.Training(nan, nan, nan, nan, nan, nan);
        Files.createDirectories(out.resolve("table2"));
        OutputDir.JSON.writeValue(out.resolve("table2").resolve("table2.json").toFile(), new Table2Part.Result(List.of(
            new Table2Run(Task.FMNIST_LENET, Method.OUR2, 0, 1, schedule,
                new Table2Run.Training(0.7, nan, nan, nan, nan, nan),
                new Table2Run.Measures(0.002, nan, nan, nan, nan, nan, nan), Table2Course.NONE, ""),
            new Table2Run(Task.FMNIST_LENET, Method.OUR2, 1, 2, schedule,
                new Table2Run.Training(0.6, nan, nan, nan, nan, nan),
                new Table2Run.Measures(0.004, nan, nan, nan, nan, nan, nan), Table2Course.NONE, ""),
            new Table2Run(Task.FMNIST_LENET, Method.SB, 0, 1, schedule, noTraining, Table2Run.Measures.NONE, Table2Course.NONE,
                "training diverged at iteration 3")), List.of()));
        List<String> lines = Headlines.lines(out, List.of(outcome("fig1-right", Reproduction.Status.RAN),
            outcome("fig1-left", Reproduction.Status.SKIPPED), outcome("fig2", Reproduction.Status.RAN),
            outcome("theory-vs-sim", Reproduction.Status.RAN), outcome("table2", Reproduction.Status.RAN)));
        String text = String.join("\n", lines);
        assertTrue(text.matches("(?s).*b = 0\\.5 \\(l\\* = 2\\) +1\\.40 +1\\.38 \\[1\\.200, 1\\.550\\].*"), text);
        assertTrue(text.matches("(?s).*heavy-tailed, clipped \\(b = 0\\.5\\) +0\\.39%.*"), text);
        assertTrue(text.matches("(?s).*heavy-tailed, unclipped +25\\.00%.*"), text);
        assertTrue(text.matches("(?s).*Theorem 5\\) +0\\.890 0\\.110 +0\\.667 0\\.333.*"), text);
        // the paper's Our 2 (70.06%, 0.002) next to the mean of the two runs (65%, 0.003)
        assertTrue(text.matches("(?s).*Fashion-MNIST, LeNet, Our 2 +70\\.06% +0\\.002 +65\\.00% +0\\.00300 \\(mean of 2\\).*"),
            text);
        assertTrue(text.matches("(?s).*Fashion-MNIST, LeNet, SB +69\\.20% +0\\.008 +diverged.*"), text);
        assertEquals(2 + 3 + 2 + 3, lines.size(), text); // 4 titles, 1 + 2 + 1 + 2 rows
        // the title rows share the columns of their rows
        int theory = lines.get(0).indexOf("theory");
        assertEquals(theory, lines.get(1).indexOf("1.40"), text);
    }

    @Test
    void aPartWithoutAResultIsLeftOut(@TempDir Path out) {
        assertEquals(List.of(), Headlines.lines(out, List.of(outcome("fig1-right", Reproduction.Status.FAILED),
            outcome("table2", Reproduction.Status.NOT_SELECTED))));
    }
}
