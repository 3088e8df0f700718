package org.htsgd.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoreSharesTest {
    @Test
    void theCoresAreSplitAsEvenlyAsPossibleAndNoChildHasNone() {
        assertArrayEquals(new int[] {2}, CoreShares.split(2, 1));
        assertArrayEquals(new int[] {1, 1}, CoreShares.split(2, 2));
        assertArrayEquals(new int[] {1, 1, 1, 1}, CoreShares.split(2, 4), "more children than cores: one each");
        assertArrayEquals(new int[] {2, 1}, CoreShares.split(3, 2), "the first started gets the remainder");
        assertArrayEquals(new int[] {3, 3, 2}, CoreShares.split(8, 3));
        assertArrayEquals(new int[] {1}, CoreShares.split(1, 1));
        assertEquals("children is not >= 1: 0",
            assertThrows(IllegalArgumentException.class, () -> CoreShares.split(2, 0)).getMessage());
        assertEquals("threads is not >= 1: 0",
            assertThrows(IllegalArgumentException.class, () -> new CoreShares(0, 1)).getMessage());
    }

    @Test
    void childrenAreToldTheirShareOnlyWhenItChangesAndOnlyOnceEveryRunHasStarted() {
        // the quick profile on 2 cores: five runs, four at once (two per core), the fifth when the first ends
        CoreShares cores = new CoreShares(2, 5);
        List<String> told = new ArrayList<>();
        for (String child : List.of("lb", "our1")) {
            cores.started(child, share -> told.add(child + "=" + share));
        }
        assertEquals(List.of(), told, "runs still waiting to start: no extra thread for those running");
        for (String child : List.of("our2", "sb")) {
            cores.started(child, share -> told.add(child + "=" + share));
        }
        cores.ended("sb");
        assertEquals(List.of(), told, "sb-clip has not started yet");
        cores.started("sb-clip", share -> told.add("sb-clip=" + share));
        cores.ended("our1");
        cores.ended("sb-clip");
        assertEquals(List.of(), told, "one thread each while there are at least as many children as cores");
        assertArrayEquals(new int[] {1, 1}, cores.shares());
        cores.ended("lb");
        assertEquals(List.of("our2=2"), told, "the last run gets both cores");
        cores.ended("unknown");
        cores.ended("our2");
        assertArrayEquals(new int[] {}, cores.shares());
    }

    @Test
    void aLoneRunGetsEveryCoreOnceTheRunsReadFromTheirResultsAreCounted() {
        CoreShares cores = new CoreShares(3, 3);
        List<Integer> told = new ArrayList<>();
        cores.skipped();
        cores.started("sb-noise", told::add);
        assertEquals(List.of(), told);
        cores.skipped();
        assertEquals(List.of(3), told);
        assertEquals("runs is not >= 0: -1",
            assertThrows(IllegalArgumentException.class, () -> new CoreShares(1, -1)).getMessage());
    }

    @Test
    void aLoneChildOnOneCoreIsNeverTold() {
        CoreShares cores = new CoreShares(1, 1);
        List<Integer> told = new ArrayList<>();
        cores.started("run", told::add);
        cores.ended("run");
        assertEquals(List.of(), told);
    }
}
