package org.htsgd.cli.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.htsgd.cli.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output directory: refused when empty or a file; every file it writes gets the same mode as a plain file. */
class OutputDirTest {
    @TempDir
    Path tmp;

    @Test
    void emptyOrFileIsRefused() throws Exception {
        UserInputException e = assertThrows(UserInputException.class, () -> OutputDir.of(Path.of("")));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        Path file = Files.writeString(tmp.resolve("f"), "x");
        e = assertThrows(UserInputException.class, () -> OutputDir.of(file));
        assertTrue(e.getMessage().contains("is a file"), e.getMessage());
    }

    @Test
    void jsonCsvTextAndBytesGetThePlainFileMode() throws Exception {
        Path plain = Files.writeString(tmp.resolve("plain"), "x"); // the umask's mode, like any file the user makes
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        OutputDir dir = OutputDir.of(tmp.resolve("out"));
        List<Path> written = List.of(dir.writeJson("a.json", Map.of("k", 1)),
                dir.writeCsv("b.csv", List.of("h"), List.of(List.of(1))), dir.writeText("c.txt", "t"),
                OutputDir.writeAtomically(dir.resolve("d.bin"), new byte[] {1, 2}));
        for (Path p : written) {
            assertEquals(expected, Files.getPosixFilePermissions(p), p.toString());
        }
        try (var s = Files.list(dir.path())) {
            assertEquals(4, s.count()); // no temporary file left behind
        }
        assertEquals("h\n1\n", Files.readString(dir.resolve("b.csv")));
    }
}
