package org.htsgd.core.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommunicationClassesTest {
    /** Paper Figure 2 with b = 0.4 (paper.md §2.3): m1 <-> m2, m3 -> m2: {m1, m2} absorbing, {m3} transient. */
    @Test
    void figure2WithSmallB() {
        boolean[][] e = new boolean[3][3];
        e[0][1] = true;
        e[1][0] = true;
        e[2][1] = true;
        CommunicationClasses c = CommunicationClasses.of(e);
        assertEquals(2, c.classes().size());
        assertArrayEquals(new int[] {0, 1}, c.classes().get(0));
        assertArrayEquals(new int[] {2}, c.classes().get(1));
        assertTrue(c.isAbsorbing(0));
        assertFalse(c.isAbsorbing(1));
        assertFalse(c.isIrreducible());
        assertEquals(1, c.classOf(2));
    }

    @Test
    void symmetricChainIsIrreducible() {
        boolean[][] e = new boolean[4][4];
        for (int i = 0; i + 1 < 4; i++) {
            e[i][i + 1] = true;
            e[i + 1][i] = true;
        }
        CommunicationClasses c = CommunicationClasses.of(e);
        assertTrue(c.isIrreducible());
        assertTrue(c.isAbsorbing(0));
    }

    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> CommunicationClasses.of(null));
        assertThrows(IllegalArgumentException.class, () -> CommunicationClasses.of(new boolean[0][0]));
        assertThrows(IllegalArgumentException.class, () -> CommunicationClasses.of(new boolean[2][3]));
    }
}
