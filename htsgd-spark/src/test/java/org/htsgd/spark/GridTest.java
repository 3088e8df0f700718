package org.htsgd.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GridTest {
    private static final String PAPER = """
            command: exit-time
            fixed: {landscape: paper1d, start: -0.7, noise: "lomax:alpha=1.2,scale=0.1", paths: 40}
            axes: {b: [0.5, inf], eta: [0.1, 0.05], seed: [1, 2]}
            retries: 1
            """;

    @Test
    void cellsAreTheCartesianProductFirstAxisSlowest() {
        Grid g = Grid.parse(PAPER);
        List<Cell> cells = g.cells();
        assertEquals(8, cells.size());
        assertEquals(List.of("exit-time", "--landscape=paper1d", "--start=-0.7", "--noise=lomax:alpha=1.2,scale=0.1",
                "--paths=40", "--b=0.5", "--eta=0.1", "--seed=1"), cells.get(0).commandLine());
        assertEquals("2", cells.get(1).settings().get("seed"));
        assertEquals("0.05", cells.get(2).settings().get("eta"));
        assertEquals("inf", cells.get(4).settings().get("b"));
        assertEquals(1, g.retries());
        Set<String> ids = new HashSet<>();
        cells.forEach(c -> ids.add(c.id()));
        assertEquals(8, ids.size(), "ids are distinct");
    }

    @Test
    void idDoesNotDependOnKeyOrderButOnValues() {
        Grid reordered = Grid.parse("""
                command: exit-time
                axes: {seed: [1, 2], eta: [0.1, 0.05], b: [0.5, inf]}
                fixed: {paths: 40, noise: "lomax:alpha=1.2,scale=0.1", start: -0.7, landscape: paper1d}
                """);
        Set<String> a = new HashSet<>();
        Grid.parse(PAPER).cells().forEach(c -> a.add(c.id()));
        Set<String> b = new HashSet<>();
        reordered.cells().forEach(c -> b.add(c.id()));
        assertEquals(a, b);
        Grid other = Grid.parse(PAPER.replace("start: -0.7", "start: -0.6"));
        assertNotEquals(Grid.parse(PAPER).cells().get(0).id(), other.cells().get(0).id());
        assertEquals(16, Grid.parse(PAPER).cells().get(0).id().length());
    }

    @Test
    void splitCoversEveryPathOnceWithCountsWithinOne() {
        Grid g = Grid.parse("""
                command: exit-time
                fixed: {paths: 10}
                axes: {seed: [1, 2]}
                split: {paths: 4}
                """);
        List<Cell> cells = g.cells();
        assertEquals(8, cells.size());
        long expectedOffset = 0;
        for (int k = 0; k < 4; k++) {
            Cell c = cells.get(k);
            long count = Long.parseLong(c.settings().get("paths"));
            assertEquals(expectedOffset, Long.parseLong(c.settings().get("path-offset")));
            assertTrue(count == 2 || count == 3, "10 paths in 4 parts: 3,3,2,2");
            expectedOffset += count;
        }
        assertEquals(10, expectedOffset);
        assertTrue(g.settingNames().contains("path-offset"));
    }

    @Test
    void booleansAndEmptyAxesPass() {
        Grid g = Grid.parse("command: train\nfixed: {quick: true}\n");
        assertEquals(1, g.cells().size());
        assertEquals(List.of("--quick=true"), g.cells().get(0).args());
        assertEquals(-1, g.retries());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "command: [",                                           // not YAML
        "- a\n- b\n",                                           // not a mapping
        "fixed: {a: 1}\n",                                      // no command
        "command: Exit Time\n",                                 // not a command name
        "command: exit-time\nfixd: {a: 1}\n",                   // misspelt key
        "command: exit-time\naxes: {eta: 0.1}\n",               // axis not a list
        "command: exit-time\naxes: {eta: []}\n",                // empty axis
        "command: exit-time\naxes: {eta: [0.1, 0.1]}\n",        // repeated value
        "command: exit-time\nfixed: {eta: 0.1}\naxes: {eta: [0.2]}\n", // both fixed and axis
        "command: exit-time\nfixed: {eta: [0.1]}\n",            // fixed not a scalar
        "command: exit-time\nfixed: {out: x}\n",                // reserved
        "command: exit-time\nfixed: {\"a b\": 1}\n",            // not an option name
        "command: exit-time\nsplit: {paths: 2}\n",              // split without paths
        "command: exit-time\nfixed: {paths: 3}\nsplit: {paths: 4}\n", // fewer paths than parts
        "command: exit-time\nfixed: {paths: 8}\nsplit: {seeds: 4}\n", // split of something else
        "command: exit-time\nretries: -1\n",
        "command: exit-time\nretries: two\n",
    })
    void badGridsAreRejectedWithOneLine(String yaml) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Grid.parse(yaml));
        assertTrue(!e.getMessage().isBlank() && !e.getMessage().contains("\n"), e.getMessage());
    }
}
