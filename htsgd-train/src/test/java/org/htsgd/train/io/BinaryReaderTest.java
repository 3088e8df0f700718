package org.htsgd.train.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Reading back what DataOutputStream wrote, and the one-line messages for what does not fit. */
class BinaryReaderTest {
    static final Path FILE = Path.of("run", "x.bin");

    static byte[] written(AtomicFiles.Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        body.write(out);
        out.flush();
        return bytes.toByteArray();
    }

    @Test
    void readsWhatDataOutputStreamWrites() throws IOException {
        byte[] b = written(o -> {
            o.writeInt(-7);
            o.writeLong(Long.MIN_VALUE);
            o.writeDouble(-0.0);
            o.writeUTF("fmnist-lenet|η=0.05");
            o.writeInt(2);
            o.writeFloat(1.5f);
            o.writeFloat(Float.MIN_VALUE);
            o.writeInt(1);
            o.writeDouble(Math.PI);
        });
        BinaryReader in = BinaryReader.of(FILE, b);
        assertEquals(-7, in.readInt());
        assertEquals(Long.MIN_VALUE, in.readLong());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(in.readDouble()));
        assertEquals("fmnist-lenet|η=0.05", in.readUtf());
        assertArrayEquals(new float[] {1.5f, Float.MIN_VALUE}, in.readFloats(in.readInt()));
        in.requireRest(4 + 8);
        assertArrayEquals(new double[] {Math.PI}, in.readDoubles(in.readInt()));
        assertEquals(b.length, in.position());
    }

    @Test
    void malformedLengthsAndStringsAreNamed() throws IOException {
        BinaryReader negative = BinaryReader.of(FILE, written(o -> o.writeInt(-3)));
        IOException e = assertThrows(IOException.class, () -> negative.readBytes(negative.readInt()));
        assertEquals(FILE + ": malformed length -3 at byte 0", e.getMessage());
        // a string whose length says 2 bytes, holding an invalid UTF-8 start byte
        BinaryReader utf = BinaryReader.of(FILE, new byte[] {0, 2, (byte) 0xff, 0x41});
        e = assertThrows(IOException.class, utf::readUtf);
        assertEquals(FILE + ": malformed string at byte 0 (malformed input around byte 0)", e.getMessage());
        BinaryReader huge = BinaryReader.of(FILE, written(o -> o.writeInt(Integer.MAX_VALUE)));
        e = assertThrows(IOException.class, () -> huge.readDoubles(huge.readInt()));
        assertEquals(FILE + ": truncated after 4 of " + (4 + 8L * Integer.MAX_VALUE) + " bytes", e.getMessage());
    }
}
