package org.htsgd.train.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** The self-check's decision on injected gradients (no engine). */
class EngineSelfCheckTest {
    private static final float[] GOOD = {0.25f, -1.5f, 3e-3f, 7f};

    /** A source whose pass k (0-based) returns {@code pass.apply(k)}; its reference is {@link #GOOD}. */
    private static final class Fake implements EngineSelfCheck.GradientSource {
        private final IntFunction<float[]> pass;
        private int calls;

        Fake(IntFunction<float[]> pass) {
            this.pass = pass;
        }

        @Override
        public float[] gradient() {
            return pass.apply(calls++).clone();
        }

        @Override
        public double[] reference() {
            double[] r = new double[GOOD.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = GOOD[i];
            }
            return r;
        }
    }

    private static float[] goodExceptAt(int k, int badPass, int index, float value) {
        float[] g = GOOD.clone();
        if (k == badPass) {
            g[index] = value;
        }
        return g;
    }

    @Test
    void finiteIdenticalAndCloseToTheReferencePasses() {
        Fake f = new Fake(k -> GOOD);
        EngineSelfCheck.Verdict v = EngineSelfCheck.check(f, 50);
        assertTrue(v.passed(), v.reason());
        assertEquals(50, f.calls);
    }

    @Test
    void aNaNInAnyPassFails() {
        EngineSelfCheck.Verdict v = EngineSelfCheck.check(new Fake(k -> goodExceptAt(k, 37, 2, Float.NaN)), 50);
        assertFalse(v.passed());
        assertEquals("NaN gradient in conv backward", v.reason());
    }

    @Test
    void anInfiniteValueFails() {
        EngineSelfCheck.Verdict v = EngineSelfCheck.check(
                new Fake(k -> goodExceptAt(k, 0, 0, Float.NEGATIVE_INFINITY)), 5);
        assertEquals("infinite gradient in conv backward", v.reason());
    }

    @Test
    void aPassDifferingInTheLastBitFails() {
        EngineSelfCheck.Verdict v = EngineSelfCheck.check(
                new Fake(k -> goodExceptAt(k, 12, 1, Math.nextUp(GOOD[1]))), 50);
        assertFalse(v.passed());
        assertEquals("irreproducible gradient in conv backward", v.reason());
    }

    @Test
    void aReproducibleButWrongGradientFails() {
        float[] wrong = GOOD.clone();
        wrong[3] = 7.1f; // 0.1 off at scale 7: relative 1.4e-2 > 1e-3
        EngineSelfCheck.Verdict v = EngineSelfCheck.check(new Fake(k -> wrong), 10);
        assertFalse(v.passed());
        assertTrue(v.reason().startsWith("wrong gradient in conv backward"), v.reason());
    }

    @Test
    void anErrorWithinTheToleranceOfTheReferencePasses() {
        float[] close = GOOD.clone();
        close[3] = 7.005f; // relative 7e-4 < 1e-3
        assertTrue(EngineSelfCheck.check(new Fake(k -> close), 10).passed());
    }

    @Test
    void fewerThanTwoPassesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EngineSelfCheck.check(new Fake(k -> GOOD), 1));
        assertEquals("passes is not >= 2: 1", e.getMessage());
    }

    @Test
    void verdictLinesRoundTrip() {
        EngineSelfCheck.Verdict fail = EngineSelfCheck.Verdict.fail("NaN gradient in conv backward");
        assertEquals(fail, EngineSelfCheck.Verdict.parse(fail.line()));
        assertEquals(EngineSelfCheck.Verdict.pass(), EngineSelfCheck.Verdict.parse(EngineSelfCheck.PASS));
        assertNull(EngineSelfCheck.Verdict.parse("[main] INFO ai.djl.pytorch.jni.LibUtils - Found libtorch"));
    }
}
