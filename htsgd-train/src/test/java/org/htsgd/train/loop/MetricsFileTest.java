package org.htsgd.train.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsFileTest {
    @Test
    void readsWhatTheTrainerWrites(@TempDir Path dir) throws IOException {
        List<MetricsRow> rows = List.of(
            new MetricsRow(100, 2.25, 0.125, 2.5, 0.1, 2.3, 0.75, 0.0, 0.5, 3.25, 1.5),
            new MetricsRow(200, 1e-3, 1.0, 0.7, 0.69, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                12.0));
        Path f = dir.resolve("metrics.csv");
        Files.writeString(f, MetricsRow.HEADER + "\n" + rows.get(0).toCsv() + "\n" + rows.get(1).toCsv() + "\n");
        assertEquals(rows, MetricsFile.read(f));
        Files.writeString(f, MetricsRow.HEADER + "\n");
        assertTrue(MetricsFile.read(f).isEmpty());
    }

    @Test
    void rejectsAnotherFileNamingIt(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("metrics.csv");
        Files.writeString(f, "iteration,test_accuracy\n1,0.5\n");
        IOException e = assertThrows(IOException.class, () -> MetricsFile.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        Files.writeString(f, MetricsRow.HEADER + "\n1,2,3\n");
        e = assertThrows(IOException.class, () -> MetricsFile.read(f));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
