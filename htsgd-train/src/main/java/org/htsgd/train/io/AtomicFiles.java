package org.htsgd.train.io;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The project's one way to write a file: the content goes to a hidden temporary file beside the target, is flushed
 * and synced to disk, then renamed over the target (an atomic move where the file system supports it). A reader, or a
 * process killed at any moment, sees either the old file or the new one, never a part. Every output gets the same
 * mode (the process umask applied to 0666, like any file the user creates), whatever writes it.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes the body of a file. */
    @FunctionalInterface
    public interface Body {
        /**
         * @param out the stream to write to (buffered; flushed and synced by the caller)
         * @throws IOException if writing fails
         */
        void write(DataOutputStream out) throws IOException;
    }

    /**
     * @param target the file to write (its parent directories are created)
     * @param bytes its whole content
     * @return {@code target}
     * @throws IOException if writing fails (the previous file, if any, is then untouched)
     */
    public static Path write(Path target, byte[] bytes) throws IOException {
        return write(target, out -> out.write(bytes));
    }

    /**
     * @param target the file to write (its parent directories are created)
     * @param body writes the content
     * @return {@code target}
     * @throws IOException if writing fails (the previous file, if any, is then untouched)
     */
    public static Path write(Path target, Body body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        Path tmp = createTemporary(parent, abs.getFileName().toString());
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                OutputStream raw = java.nio.channels.Channels.newOutputStream(channel);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw));
                body.write(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    /**
     * Deletes the temporary files that writes of {@code target} left behind when their process was killed inside
     * the write (before the rename): the files named {@code .<name>.<hex>.tmp} beside it that only {@link #write}
     * creates. Nothing else is touched.
     *
     * @param target a file written with {@link #write}
     * @return how many leftovers were deleted
     * @throws IOException if the directory cannot be listed or a leftover cannot be deleted
     */
    public static int deleteLeftovers(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path parent = abs.getParent();
        if (!Files.isDirectory(parent)) {
            return 0;
        }
        Pattern ours = Pattern.compile(Pattern.quote("." + abs.getFileName() + ".") + "[0-9a-f]{1,16}\\.tmp");
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(parent)) {
            for (Path p : files) {
                if (ours.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p)) {
                    Files.delete(p);
                    deleted++;
                }
            }
        }
        return deleted;
    }

    // Implementation notes: Files.createTempFile would create the file with mode 0600, so outputs written through it
    // had another mode than the rest; CREATE_NEW with a random suffix gives the umask's mode and still never touches
    // a file someone else created.
    private static Path createTemporary(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }
}
