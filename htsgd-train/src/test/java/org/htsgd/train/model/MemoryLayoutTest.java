package org.htsgd.train.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layouts hold the same tensor, and LeNet in NHWC computes NCHW's loss and gradient. The tolerance is
 * {@link StackedLeNetTest}'s, for the same reason: two correct float32 computations with their sums in another order
 * agree to a few 1e-7 of the gradient's norm per component away from LeNet's kinks ({@value StackedLeNetTest#COMPONENT}
 * allowed), and on a whole batch, kinks included, to {@value StackedLeNetTest#WITH_KINKS} of the norm.
 */
class MemoryLayoutTest {
    @BeforeAll
    static void data() {
        StackedLeNetTest.data();
    }

    @Test
    void parseAcceptsBothNamesAndRejectsOthersNamingTheProperty() {
        assertSame(MemoryLayout.NCHW, MemoryLayout.parse("nchw"));
        assertSame(MemoryLayout.NHWC, MemoryLayout.parse(" NHWC "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MemoryLayout.parse("channels-last"));
        assertEquals("htsgd.layout is not nchw or nhwc: 'channels-last'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MemoryLayout.parse(null));
    }

    @Test
    void theDefaultIsChannelsLastUnlessThePropertySaysOtherwise() {
        String before = System.getProperty(MemoryLayout.PROPERTY);
        try {
            System.clearProperty(MemoryLayout.PROPERTY);
            assertSame(MemoryLayout.NHWC, MemoryLayout.configured());
            System.setProperty(MemoryLayout.PROPERTY, "nchw");
            assertSame(MemoryLayout.NCHW, MemoryLayout.configured());
        } finally {
            SystemProperties.restore(MemoryLayout.PROPERTY, before);
        }
    }

    @Test
    void bothLayoutsHoldTheSameValuesForOneAndForSeveralChannels() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            for (int c : new int[] {1, 3}) {
                float[] v = new float[2 * c * 4 * 5];
                for (int i = 0; i < v.length; i++) {
                    v[i] = i;
                }
                NDArray x = m.create(v, new Shape(2, c, 4, 5));
                assertSame(x, MemoryLayout.NCHW.apply(x));
                NDArray y = MemoryLayout.NHWC.apply(x);
                assertEquals(x.getShape(), y.getShape());
                assertArrayEquals(v, y.toFloatArray(), "C = " + c);
                // an element read through the new strides: x[1, c-1, 2, 3]
                assertEquals(x.getFloat(1, c - 1, 2, 3), y.getFloat(1, c - 1, 2, 3));
            }
            NDArray flat = m.create(new float[6], new Shape(2, 3));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MemoryLayout.NHWC.apply(flat));
            assertTrue(e.getMessage().contains("not 4-D"), e.getMessage());
        }
    }

    @Test
    void lenetInNhwcComputesNchwsLossAndGradient() {
        double[] w = StackedLeNetTest.randomWeights(100);
        int[] batch = StackedLeNetTest.batch(1_200, 5);
        int[] away = StackedLeNetTest.awayFromKinks(batch, w);
        assertTrue(away.length >= 800, away.length + " of 1,200 examples away from kinks");
        try (Network nchw = Network.create(Models.lenet(MemoryLayout.NCHW), StackedLeNetTest.data, 1);
             Network nhwc = Network.create(Models.lenet(MemoryLayout.NHWC), StackedLeNetTest.data, 1)) {
            nchw.setWeights(w);
            nhwc.setWeights(w);
            for (int[] examples : new int[][] {away, batch}) {
                boolean perComponent = examples == away;
                double[] expected = new double[nchw.dimension()];
                double[] actual = new double[nhwc.dimension()];
                double l0 = nchw.lossAndGradient(examples, examples.length, expected);
                double l1 = nhwc.lossAndGradient(examples, examples.length, actual);
                assertEquals(l0, l1, StackedLeNetTest.COMPONENT * Math.abs(l0));
                assertNull(StackedLeNetTest.mismatch(actual, expected, perComponent),
                        perComponent ? "away from kinks" : "whole batch");
            }
            // the comparison can fail: another batch's gradient is rejected
            double[] other = new double[nhwc.dimension()];
            double[] expected = new double[nchw.dimension()];
            nchw.lossAndGradient(away, away.length, expected);
            int[] shifted = StackedLeNetTest.batch(1_200, 6);
            nhwc.lossAndGradient(shifted, away.length, other);
            assertNotNull(StackedLeNetTest.mismatch(other, expected, true));
            // inference (the evaluations) in both layouts
            assertEquals(nchw.evaluateTraining().loss(), nhwc.evaluateTraining().loss(),
                    StackedLeNetTest.COMPONENT * nchw.evaluateTraining().loss());
        }
    }
}
