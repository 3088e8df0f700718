package org.htsgd.train.io;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A whole binary file read back in the layout {@link java.io.DataOutputStream} (and so {@link AtomicFiles.Body})
 * writes: big-endian numbers, {@code writeUTF} strings. Every failure is an {@link IOException} whose message starts
 * with the file and says what is wrong, in one line: {@code "<file>: truncated after 1234 of 45343 bytes"},
 * {@code "<file>: not an htsgd checkpoint (bad magic)"}. A format reads its header with the single-value methods,
 * then states the size of what follows with {@link #require} or {@link #requireRest} before the bulk reads.
 * Not thread-safe.
 */
public final class BinaryReader {
    /** The file, named in every message. */
    private final Path file;
    /** Its content, big-endian. */
    private final ByteBuffer bytes;

    private BinaryReader(Path file, byte[] content) {
        this.file = file;
        this.bytes = ByteBuffer.wrap(content);
    }

    /**
     * @param file the file to read
     * @return a reader at its first byte
     * @throws IOException if the file cannot be read (the message names it)
     */
    public static BinaryReader open(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try {
            return new BinaryReader(file, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IOException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * @param file the name to use in messages
     * @param content the bytes to read (not copied)
     * @return a reader at the first byte
     */
    public static BinaryReader of(Path file, byte[] content) {
        return new BinaryReader(Objects.requireNonNull(file, "file"), Objects.requireNonNull(content, "content"));
    }

    /** @return the file */
    public Path file() {
        return file;
    }

    /** @return the bytes read so far */
    public long position() {
        return bytes.position();
    }

    /** @return the size of the file in bytes */
    public long length() {
        return bytes.limit();
    }

    /**
     * @param what what is wrong with the file
     * @return the exception to throw: {@code "<file>: <what>"}
     */
    public IOException error(String what) {
        return new IOException(file + ": " + what);
    }

    /**
     * States that the next {@code n} bytes belong to the format.
     *
     * @param n bytes the format holds from the current position
     * @throws IOException "truncated after L of E bytes" if the file ends earlier
     */
    public void require(long n) throws IOException {
        if (n < 0 || bytes.remaining() < n) {
            throw error("truncated after " + length() + " of " + (position() + n) + " bytes");
        }
    }

    /**
     * States that the rest of the file is exactly {@code n} bytes of the format.
     *
     * @param n bytes from the current position to the end of the format
     * @throws IOException "truncated after L of E bytes" if the file ends earlier, or "trailing data" if it goes on
     */
    public void requireRest(long n) throws IOException {
        require(n);
        if (bytes.remaining() > n) {
            throw error(length() + " bytes, " + (bytes.remaining() - n) + " more than the format holds (trailing data)");
        }
    }

    /**
     * Reads a format's header: its magic number, then its version.
     *
     * @param magic the format's first four bytes
     * @param version the one version this build reads
     * @param format the format's name in messages, e.g. {@code "htsgd checkpoint"}
     * @throws IOException "not an htsgd checkpoint (bad magic)", "htsgd checkpoint version 2, this build reads
     *     version 1", or truncated
     */
    public void readHeader(int magic, int version, String format) throws IOException {
        readHeader(magic, version, version, format);
    }

    /**
     * Reads the header of a format of which this build reads several versions.
     *
     * @param magic the format's first four bytes
     * @param oldest the oldest version this build reads
     * @param newest the newest version this build reads
     * @param format the format's name in messages
     * @return the file's version, in {@code [oldest, newest]}
     * @throws IOException "not an htsgd checkpoint (bad magic)", "htsgd checkpoint version 3, this build reads
     *     versions 1 to 2", or truncated
     */
    public int readHeader(int magic, int oldest, int newest, String format) throws IOException {
        if (readInt() != magic) {
            throw error("not an " + format + " (bad magic)");
        }
        int found = readInt();
        if (found < oldest || found > newest) {
            throw error(format + " version " + found + ", this build reads "
                    + (oldest == newest ? "version " + newest : "versions " + oldest + " to " + newest));
        }
        return found;
    }

    /** @return the next int @throws IOException if the file ends first */
    public int readInt() throws IOException {
        need(Integer.BYTES);
        return bytes.getInt();
    }

    /** @return the next long @throws IOException if the file ends first */
    public long readLong() throws IOException {
        need(Long.BYTES);
        return bytes.getLong();
    }

    /** @return the next double @throws IOException if the file ends first */
    public double readDouble() throws IOException {
        need(Double.BYTES);
        return bytes.getDouble();
    }

    /**
     * @return the next string in {@code writeUTF}'s modified UTF-8
     * @throws IOException if the file ends first or the bytes are not modified UTF-8
     */
    public String readUtf() throws IOException {
        need(2);
        int length = 2 + Short.toUnsignedInt(bytes.getShort(bytes.position()));
        need(length);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.array(), bytes.position(), length));
        try {
            String s = in.readUTF();
            bytes.position(bytes.position() + length);
            return s;
        } catch (IOException e) {
            throw error("malformed string at byte " + position() + " (" + e.getMessage() + ")");
        }
    }

    /**
     * @param n how many bytes, as read from the file (checked)
     * @return the next {@code n} bytes
     * @throws IOException if {@code n} is negative or the file ends first
     */
    public byte[] readBytes(int n) throws IOException {
        byte[] out = new byte[checkedLength(n, 1)];
        bytes.get(out);
        return out;
    }

    /**
     * @param n how many floats, as read from the file (checked)
     * @return the next {@code n} floats
     * @throws IOException if {@code n} is negative or the file ends first
     */
    public float[] readFloats(int n) throws IOException {
        float[] out = new float[checkedLength(n, Float.BYTES)];
        bytes.asFloatBuffer().get(out);
        bytes.position(bytes.position() + n * Float.BYTES);
        return out;
    }

    /**
     * @param n how many doubles, as read from the file (checked)
     * @return the next {@code n} doubles
     * @throws IOException if {@code n} is negative or the file ends first
     */
    public double[] readDoubles(int n) throws IOException {
        double[] out = new double[checkedLength(n, Double.BYTES)];
        bytes.asDoubleBuffer().get(out);
        bytes.position(bytes.position() + n * Double.BYTES);
        return out;
    }

    private int checkedLength(int n, int size) throws IOException {
        if (n < 0) {
            throw error("malformed length " + n + " at byte " + (position() - Integer.BYTES));
        }
        require((long) n * size);
        return n;
    }

    // A header value past the end: the file's whole size is not known yet, only that it is at least this much.
    private void need(int n) throws IOException {
        if (bytes.remaining() < n) {
            throw error("truncated after " + length() + " of at least " + (position() + n) + " bytes");
        }
    }

    @Override
    public String toString() {
        return "BinaryReader[" + file + ", " + position() + "/" + length() + "]";
    }
}
