package org.htsgd.train.loop;


import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.htsgd.train.io.AtomicFiles;
import org.htsgd.train.io.BinaryReader;
import org.htsgd.train.model.Network;
import org.htsgd.train.model.WeightsFile;

/**
 * A training checkpoint ({@code checkpoint.bin}): where a run stands, so that a resumed run continues
 * bit-identically and writes the same {@code metrics.csv}. Big-endian ({@link java.io.DataOutputStream}), version 2:
 * <pre>
 * int    magic 0x48545343 ("HTSC")
 * int    format version (2)
 * UTF    the run's identity (task, architecture, method, seed, hyperparameters, iterations)
 * long   iterations done
 * long   steps taken (all processes of the run)
 * long   of which truncated
 * double wall seconds (all processes of the run)
 * 48 B   the open metrics window ({@link MetricsWindow#write}: steps, loss sum, step-norm sum, truncated, |Z| sum,
 *        max |Z|): the steps since the last metrics row (version 2 only)
 * int    m, then m bytes: the generator's state
 * int    r, then r doubles: the update rule's state (its momentum buffer)
 * then the network's weights and state in the {@link WeightsFile} format, to the end of the file
 * </pre>
 * Version 1 (written before the window was saved) is still read, with an empty window: the weights continue
 * bit-identically, as they did, and the first metrics row after resuming averages only the steps taken after the
 * checkpoint, as version-1 builds did.
 *
 * @param identity the run's identity; a run resumes only from a checkpoint with its own
 * @param iterationsDone iterations completed
 * @param steps steps taken
 * @param truncated steps whose truncation was active
 * @param seconds wall time so far
 * @param window the steps since the last metrics row
 * @param generatorState the run generator's saved state
 * @param ruleState {@link org.htsgd.train.method.UpdateRule#saveState()}
 */
record Checkpoint(String identity, long iterationsDone, long steps, long truncated, double seconds,
                  MetricsWindow window, byte[] generatorState, double[] ruleState) {
    /** First four bytes: "HTSC". */
    static final int MAGIC = 0x48545343;
    /** What {@link #iterationsDone(Path)} reads: far more than a header and an identity take. */
    private static final int HEAD_BYTES = 1 << 20;
    /** The version this class writes. */
    static final int VERSION = 2;
    /** The oldest version this class reads (without the metrics window). */
    static final int OLDEST_VERSION = 1;
    /**
     * Test hook (system property): the iteration whose checkpoint write pauses forever halfway, after the header and
     * the rule state are flushed to the temporary file and before the weights, printing {@link #PAUSED} to stdout,
     * so that a test can kill the process inside the write. Unset in normal use.
     */
    static final String PAUSE_PROPERTY = "htsgd.test.pauseInCheckpointWrite";
    /** What a paused write prints (followed by the iteration). */
    static final String PAUSED = "htsgd-test: paused inside the checkpoint write of iteration ";
    /** {@link #PAUSE_PROPERTY}'s value, or -1. */
    private static final long PAUSE_AT = Long.getLong(PAUSE_PROPERTY, -1L);

    /**
     * Writes this checkpoint with the network's weights, atomically.
     *
     * @param file target
     * @param net the network
     * @throws IOException if writing fails (the previous file, if any, is kept)
     */
    void write(Path file, Network net) throws IOException {
        AtomicFiles.write(file, o -> {
            o.writeInt(MAGIC);
            o.writeInt(VERSION);
            o.writeUTF(identity);
            o.writeLong(iterationsDone);
            o.writeLong(steps);
            o.writeLong(truncated);
            o.writeDouble(seconds);
            window.write(o);
            o.writeInt(generatorState.length);
            o.write(generatorState);
            o.writeInt(ruleState.length);
            for (double v : ruleState) {
                o.writeDouble(v);
            }
            if (iterationsDone == PAUSE_AT) {
                pauseForever(o);
            }
            WeightsFile.write(net, o);
        });
    }

    private void pauseForever(java.io.DataOutputStream o) throws IOException {
        o.flush();
        System.out.println(PAUSED + iterationsDone);
        System.out.flush();
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted inside a paused checkpoint write");
            }
        }
    }

    /**
     * Reads a checkpoint and loads its weights into the network.
     *
     * @param file a file written by {@link #write}
     * @param net a network of the run's architecture; receives the weights
     * @param expectedIdentity the identity the checkpoint must have, or null to accept any run's
     * @return the checkpoint
     * @throws IOException if the file cannot be read, is not a checkpoint, belongs to another run or architecture,
     *     or is truncated (one line naming the file); the network's weights are then unchanged
     */
    static Checkpoint read(Path file, Network net, String expectedIdentity) throws IOException {
        BinaryReader in = BinaryReader.open(file);
        int version = in.readHeader(MAGIC, OLDEST_VERSION, VERSION, "htsgd checkpoint");
        String identity = in.readUtf();
        if (expectedIdentity != null && !identity.equals(expectedIdentity)) {
            throw in.error("checkpoint belongs to another run (" + difference(identity, expectedIdentity)
                + "): resume with the same settings, or use a fresh --out");
        }
        long done = in.readLong();
        long steps = in.readLong();
        long truncated = in.readLong();
        double seconds = in.readDouble();
        MetricsWindow window = version >= 2 ? MetricsWindow.read(in) : MetricsWindow.EMPTY;
        byte[] generator = in.readBytes(in.readInt());
        double[] rule = in.readDoubles(in.readInt());
        WeightsFile.read(net, in);
        return new Checkpoint(identity, done, steps, truncated, seconds, window, generator, rule);
    }

    /**
     * Reads only how far a checkpoint got, without a network (e.g. to estimate what a resumed run has left).
     *
     * @param file a file written by {@link #write}
     * @return its {@link #iterationsDone()}
     * @throws IOException if the file cannot be read or is not a checkpoint (one line naming the file)
     */
    static long iterationsDone(Path file) throws IOException {
        byte[] head; // the header, the identity and the count come first, not the weights (a VGG's are ~100 MB)
        try (InputStream stream = Files.newInputStream(file)) {
            head = stream.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            throw new IOException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        BinaryReader in = BinaryReader.of(file, head);
        in.readHeader(MAGIC, OLDEST_VERSION, VERSION, "htsgd checkpoint");
        in.readUtf();
        return in.readLong();
    }

    /**
     * @param theirs the checkpoint's identity
     * @param ours this run's
     * @return the settings that differ, as {@code checkpoint: a, b; this run: c, d} (identities are {@code |}- and
     *     {@code , }-separated {@code name=value} lists, see {@code Trainer.identity})
     */
    static String difference(String theirs, String ours) {
        List<String> a = List.of(theirs.split("\\||, |\\[|\\]"));
        List<String> b = List.of(ours.split("\\||, |\\[|\\]"));
        List<String> onlyTheirs = a.stream().filter(x -> !b.contains(x)).toList();
        List<String> onlyOurs = b.stream().filter(x -> !a.contains(x)).toList();
        return "checkpoint: " + String.join(", ", onlyTheirs) + "; this run: " + String.join(", ", onlyOurs);
    }
}
