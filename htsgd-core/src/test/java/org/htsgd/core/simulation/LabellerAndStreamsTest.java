package org.htsgd.core.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.rng.UniformRandomProvider;
import org.htsgd.core.analysis.Partition1D;
import org.junit.jupiter.api.Test;

class LabellerAndStreamsTest {
    @Test
    void testLabellerFromFunctionAndPartition() {
        FieldLabeller l = FieldLabeller.of(3, x -> x[0] < 0 ? 0 : (x[1] < 0 ? 1 : 2));
        assertEquals(3, l.fieldCount());
        assertEquals(1, l.field(new double[] {1, -1}));
        assertThrows(IllegalArgumentException.class, () -> FieldLabeller.of(0, x -> 0));
        FieldLabeller p = FieldLabeller.of(Partition1D.of(-1.3, 0.2, 0.7));
        assertEquals(4, p.fieldCount());
        assertEquals(2, p.field(new double[] {0.5}));
    }

    @Test
    void testStreamsDependOnlyOnSeedAndIndex() {
        UniformRandomProvider[] a = PathStreams.of(7, 5);
        UniformRandomProvider[] b = PathStreams.of(7, 3);
        for (int k = 0; k < 3; k++) {
            long[] x = {a[k].nextLong(), a[k].nextLong()};
            long[] y = {b[k].nextLong(), b[k].nextLong()};
            assertArrayEquals(x, y);
        }
        assertNotEquals(PathStreams.of(7, 2)[1].nextLong(), PathStreams.of(7, 2)[0].nextLong());
        assertNotEquals(PathStreams.of(8, 1)[0].nextLong(), PathStreams.of(7, 1)[0].nextLong());
    }

    @Test
    void testOwnCopyContinuesTheTemplateExactly() {
        UniformRandomProvider template = PathStreams.of(11, 3)[2];
        UniformRandomProvider reference = PathStreams.of(11, 3)[2];
        // a draw before copying, so the copy must carry the advanced state, including the cached int half
        assertEquals(reference.nextLong(), template.nextLong());
        assertEquals(reference.nextInt(), template.nextInt());
        UniformRandomProvider copy = PathStreams.ownCopy(template);
        assertNotSame(template, copy);
        for (int i = 0; i < 1000; i++) {
            assertEquals(reference.nextInt(), copy.nextInt());
            assertEquals(Double.doubleToLongBits(reference.nextDouble()), Double.doubleToLongBits(copy.nextDouble()));
        }
    }
}
