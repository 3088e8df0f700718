package org.htsgd.train.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Package-private file helpers shared by the readers: every failure becomes one
 * {@link IllegalArgumentException} whose message starts with the file name and says what is wrong.
 */
final class DataFiles {
    /** Gzip magic, first two bytes 0x1f 0x8b (RFC 1952). */
    private static final int GZIP_MAGIC_0 = 0x1f;
    /** Second byte of the gzip magic. */
    private static final int GZIP_MAGIC_1 = 0x8b;

    private DataFiles() {
    }

    /** @return an exception whose message is {@code "<file name>: <what>"} */
    static IllegalArgumentException fail(Path file, String what) {
        return new IllegalArgumentException(file.getFileName() + ": " + what);
    }

    /**
     * The first of {@code names} that exists in {@code dir}.
     *
     * @param howToGet one line appended to the not-found message (e.g. an apt-get command)
     * @throws IllegalArgumentException naming the first candidate, the directory and {@code howToGet} if none exists
     */
    static Path firstExisting(Path dir, String howToGet, String... names) {
        for (String name : names) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        StringBuilder alternatives = new StringBuilder();
        for (int i = 1; i < names.length; i++) {
            alternatives.append(i == 1 ? " (nor " : ", ").append(names[i]);
        }
        if (names.length > 1) {
            alternatives.append(')');
        }
        throw new IllegalArgumentException(names[0] + ": file not found in " + dir.toAbsolutePath() + alternatives
                + "; " + howToGet);
    }

    /**
     * Reads a whole file, transparently gunzipping it when it starts with the gzip magic 0x1f8b.
     *
     * @throws IllegalArgumentException if the file is missing, unreadable or a truncated/corrupt gzip stream
     */
    static byte[] readMaybeGzipped(Path file) {
        if (!Files.isRegularFile(file)) {
            throw fail(file, "file not found: " + file.toAbsolutePath());
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            if (b0 == GZIP_MAGIC_0 && b1 == GZIP_MAGIC_1) {
                try (InputStream in = new GZIPInputStream(raw, 1 << 16)) {
                    return in.readAllBytes();
                }
            }
            return raw.readAllBytes();
        } catch (EOFException e) {
            throw fail(file, "truncated gzip stream (" + e.getMessage() + ")");
        } catch (ZipException e) {
            throw fail(file, "corrupt gzip stream (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw fail(file, "cannot be read: " + e);
        }
    }

    /** @return the big-endian unsigned 32-bit integer at {@code offset}, as a long */
    static long u32(byte[] b, int offset) {
        return ((b[offset] & 0xFFL) << 24) | ((b[offset + 1] & 0xFFL) << 16) | ((b[offset + 2] & 0xFFL) << 8)
                | (b[offset + 3] & 0xFFL);
    }
}
