package org.htsgd.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.htsgd.cli.io.OutputDir;
import org.htsgd.core.theory.LimitingChain;
import org.htsgd.core.theory.TheoryReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Figure 2's saved graphs say what the paper says about its example (paper.md §2.3). */
class TransitionGraphPartTest {
    @Test
    void examplesGraphsAreThePapers(@TempDir Path out) throws Exception {
        TransitionGraphPart part = new TransitionGraphPart();
        PartContext ctx = new PartContext(Profile.tiny(), part.id(), OutputDir.of(out), null, 1, 1);
        part.run(ctx);
        List<TransitionGraphPart.Graph> graphs = ctx.readJson("graphs.json", TransitionGraphPart.Result.class)
            .graphs();
        TheoryReport b05 = graphs.get(0).theory();
        TheoryReport b04 = graphs.get(1).theory();
        // the example's middle field: m2 - s1 = 0.6, s2 - m2 = 0.9
        assertEquals(0.6, b05.minima().get(1).location() - b05.minima().get(1).fieldLower(), 1e-12);
        assertEquals(0.9, b05.minima().get(1).fieldUpper() - b05.minima().get(1).location(), 1e-12);
        assertTrue(b05.irreducible(), "b = 0.5: irreducible");
        assertFalse(b04.irreducible(), "b = 0.4: two classes");
        assertEquals(2, b04.classes().size());
        for (LimitingChain.ClassChain c : b04.classes()) {
            if (c.members().length == 2) {
                assertArrayEquals(new int[] {0, 1}, c.members());
                assertTrue(c.absorbing(), "{m1, m2} absorbing");
            } else {
                assertArrayEquals(new int[] {2}, c.members());
                assertFalse(c.absorbing(), "{m3} transient");
            }
        }
        TheoryReport paper = graphs.get(2).theory();
        assertArrayEquals(new int[] {1, 3}, paper.widestMinima(), "paper1d at b = 0.5: m2 and m4 are the widest");
    }
}
