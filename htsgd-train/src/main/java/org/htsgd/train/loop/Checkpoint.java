package org.htsgd.train.loop;

import java.io.IOException;
import java.nio.file.Path;
import org.htsgd.train.io.AtomicFiles;
import org.htsgd.train.io.BinaryReader;
import org.htsgd.train.model.Network;
import org.htsgd.train.model.WeightsFile;

/**
 * A training checkpoint ({@code checkpoint.bin}): where a run stands, so that a resumed run continues
 * bit-identically. Big-endian ({@link java.io.DataOutputStream}), version 1:
 * <pre>
 * int    magic 0x48545343 ("HTSC")
 * int    format version (1)
 * UTF    the run's identity (task, architecture, method, seed, hyperparameters, iterations)
 * long   iterations done
 * long   steps taken (all processes of the run)
 * long   of which truncated
 * double wall seconds (all processes of the run)
 * int    m, then m bytes: the generator's state
 * int    r, then r doubles: the update rule's state (its momentum buffer)
 * then the network's weights and state in the {@link WeightsFile} format, to the end of the file
 * </pre>
 *
 * @param identity the run's identity; a run resumes only from a checkpoint with its own
 * @param iterationsDone iterations completed
 * @param steps steps taken
 * @param truncated steps whose truncation was active
 * @param seconds wall time so far
 * @param generatorState the run generator's saved state
 * @param ruleState {@link org.htsgd.train.method.UpdateRule#saveState()}
 */
record Checkpoint(String identity, long iterationsDone, long steps, long truncated, double seconds,
                  byte[] generatorState, double[] ruleState) {
    /** First four bytes: "HTSC". */
    static final int MAGIC = 0x48545343;
    /** The version this class writes and reads. */
    static final int VERSION = 1;

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
            o.writeInt(generatorState.length);
            o.write(generatorState);
            o.writeInt(ruleState.length);
            for (double v : ruleState) {
                o.writeDouble(v);
            }
            WeightsFile.write(net, o);
        });
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
        in.readHeader(MAGIC, VERSION, "htsgd checkpoint");
        String identity = in.readUtf();
        if (expectedIdentity != null && !identity.equals(expectedIdentity)) {
            throw in.error("checkpoint belongs to another run: " + identity + "; this run is " + expectedIdentity);
        }
        long done = in.readLong();
        long steps = in.readLong();
        long truncated = in.readLong();
        double seconds = in.readDouble();
        byte[] generator = in.readBytes(in.readInt());
        double[] rule = in.readDoubles(in.readInt());
        WeightsFile.read(net, in);
        return new Checkpoint(identity, done, steps, truncated, seconds, generator, rule);
    }
}
