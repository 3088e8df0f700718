package org.htsgd.train.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesTheContentAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("a/b/result.json");
        AtomicFiles.write(target, "{\"x\":1}".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(target, out -> out.writeInt(42));
        assertArrayEquals(new byte[] {0, 0, 0, 42}, Files.readAllBytes(target));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aFailingBodyKeepsThePreviousFile() throws IOException {
        Path target = dir.resolve("weights.bin");
        AtomicFiles.write(target, new byte[] {1, 2, 3});
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(9);
            throw new IOException("disk full");
        }));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void outputsAreReadableByOthersLikeAnyUserFile() throws IOException {
        Path target = AtomicFiles.write(dir.resolve("config.json"), new byte[] {1});
        Path plain = Files.write(dir.resolve("plain"), new byte[] {1});
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        assertEquals(expected, Files.getPosixFilePermissions(target));
    }

    @Test
    void deleteLeftoversRemovesOnlyTheTemporaryFilesOfTheTarget() throws IOException {
        Path target = dir.resolve("checkpoint.bin");
        AtomicFiles.write(target, new byte[] {1});
        // what a write killed before its rename leaves, and files that only look alike
        Files.write(dir.resolve(".checkpoint.bin.3fa9c0d2e1b47a65.tmp"), new byte[] {2});
        Files.write(dir.resolve(".checkpoint.bin.7.tmp"), new byte[] {3});
        Files.write(dir.resolve(".metrics.csv.3fa9c0d2e1b47a65.tmp"), new byte[] {4});
        Files.write(dir.resolve(".checkpoint.bin.notes.tmp"), new byte[] {5});
        Files.write(dir.resolve("checkpoint.bin.3fa9.tmp"), new byte[] {6});
        assertEquals(2, AtomicFiles.deleteLeftovers(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(Set.of("checkpoint.bin", ".metrics.csv.3fa9c0d2e1b47a65.tmp", ".checkpoint.bin.notes.tmp",
                    "checkpoint.bin.3fa9.tmp"), files.map(f -> f.getFileName().toString())
                    .collect(java.util.stream.Collectors.toSet()));
        }
        assertEquals(0, AtomicFiles.deleteLeftovers(dir.resolve("missing/x.bin")));
    }
}
