package org.htsgd.train.model;

import java.io.DataOutputStream;
import java.io.IOException;
import org.htsgd.train.io.BinaryReader;

/**
 * The binary format of a {@link Network}'s weights and non-trainable state: the file {@code weights.bin} and the
 * last section of a training checkpoint. Big-endian ({@link DataOutputStream}), version 1:
 * <pre>
 * int    magic 0x48545344 ("HTSD")
 * int    format version (1)
 * UTF    architecture name (DataOutputStream.writeUTF)
 * int    d, the number of weights
 * float  the d weights in flat order (see {@link FlatWeights})
 * int    S, the number of non-trainable state tensors
 * S times: int n_k, then n_k floats
 * </pre>
 * Reading validates before it changes the network: a file that is not this format (bad magic), of another version,
 * of another architecture (name or d), truncated, or with trailing bytes is rejected with an {@link IOException}
 * naming the file and what is wrong, and the network keeps its weights.
 */
public final class WeightsFile {
    /** First four bytes: "HTSD". */
    static final int MAGIC = 0x48545344;
    /** The version this class writes and reads. */
    static final int VERSION = 1;

    private WeightsFile() {
    }

    /**
     * Writes the network's weights and state.
     *
     * @param net the network
     * @param out the stream (not closed)
     * @throws IOException if writing fails
     */
    public static void write(Network net, DataOutputStream out) throws IOException {
        FlatWeights flat = net.flat();
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(net.architecture().name());
        double[] w = new double[flat.dimension()];
        flat.get(w);
        out.writeInt(w.length);
        for (double v : w) {
            out.writeFloat((float) v);
        }
        out.writeInt(flat.stateTensors());
        for (int k = 0; k < flat.stateTensors(); k++) {
            float[] values = flat.state(k);
            out.writeInt(values.length);
            for (float v : values) {
                out.writeFloat(v);
            }
        }
    }

    /**
     * Reads weights and state written by {@link #write} into the network: the section from the reader's position to
     * the end of the file.
     *
     * @param net a network of the architecture the section must hold
     * @param in the reader
     * @throws IOException if the section is not this format, not this architecture's, truncated or followed by
     *     other bytes (the message names the file); the network is then unchanged
     */
    public static void read(Network net, BinaryReader in) throws IOException {
        FlatWeights flat = net.flat();
        String expected = net.architecture().name();
        in.readHeader(MAGIC, VERSION, "htsgd weights file");
        String name = in.readUtf();
        int d = in.readInt();
        if (!name.equals(expected) || d != flat.dimension()) {
            throw in.error("holds the weights of " + name + " (" + d + " weights), not of " + expected + " ("
                    + flat.dimension() + " weights)");
        }
        in.requireRest(bodyBytes(flat));
        double[] w = new double[d];
        float[] values = in.readFloats(d);
        for (int i = 0; i < d; i++) {
            w[i] = values[i];
        }
        int tensors = in.readInt();
        if (tensors != flat.stateTensors()) {
            throw in.error("holds " + tensors + " state tensors, not " + flat.stateTensors());
        }
        float[][] state = new float[tensors][];
        for (int k = 0; k < tensors; k++) {
            int n = in.readInt();
            if (n != flat.stateSize(k)) {
                throw in.error("state tensor " + k + " has " + n + " values, not " + flat.stateSize(k));
            }
            state[k] = in.readFloats(n);
        }
        flat.set(w);
        for (int k = 0; k < tensors; k++) {
            flat.setState(k, state[k]);
        }
    }

    // Bytes after d: the weights, the tensor count, and each state tensor with its length.
    private static long bodyBytes(FlatWeights flat) {
        long n = (long) Float.BYTES * flat.dimension() + Integer.BYTES;
        for (int k = 0; k < flat.stateTensors(); k++) {
            n += Integer.BYTES + (long) Float.BYTES * flat.stateSize(k);
        }
        return n;
    }
}
