package org.htsgd.train.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The choice of DNNL_MAX_CPU_ISA from injected check results, and its cache. */
class EngineIsaTest {
    private static final String CPUINFO = """
            processor\t: 0
            vendor_id\t: AuthenticAMD
            cpu family\t: 25
            model\t\t: 1
            model name\t: AMD EPYC
            stepping\t: 1
            flags\t\t: fpu sse sse4_1 avx avx2 fma

            processor\t: 1
            vendor_id\t: AuthenticAMD
            model name\t: AMD EPYC
            """;
    private static final CpuIdentity CPU = CpuIdentity.parse(CPUINFO);
    private static final String ENGINE = "libtorch 2.7.1-20250812 cpu linux-x86_64; DJL 0.36.0";

    @TempDir
    Path cache;

    /** A prober whose engine gives NaN gradients under the listed settings, recording what it checked. */
    private static final class Recording implements EngineIsa.Prober {
        private final Set<String> bad;
        private final List<String> probed = new ArrayList<>();

        Recording(Set<String> bad) {
            this.bad = bad;
        }

        @Override
        public EngineSelfCheck.Verdict probe(String isa) {
            probed.add(isa);
            float nan = bad.contains(isa) ? Float.NaN : 0.5f;
            return EngineSelfCheck.check(new EngineSelfCheck.GradientSource() {
                @Override
                public float[] gradient() {
                    return new float[] {0.5f, nan};
                }

                @Override
                public double[] reference() {
                    return new double[] {0.5, 0.5};
                }
            }, 4);
        }
    }

    @Test
    void aGoodCheckPicksTheUnrestrictedSettingAndCachesIt() {
        Recording prober = new Recording(Set.of());
        EngineIsa.Choice c = EngineIsa.choose(null, CPU, ENGINE, cache, prober);
        assertEquals("ALL", c.isa());
        assertEquals("", c.note());
        assertEquals(List.of("ALL"), prober.probed);
        Recording again = new Recording(Set.of("ALL"));
        assertEquals(c, EngineIsa.choose("", CPU, ENGINE, cache, again));
        assertEquals(List.of(), again.probed, "the cached verdict is used");
    }

    @Test
    void aNaNGradientEverywhereFallsBackToSse41WithOneLine() {
        Recording prober = new Recording(Set.copyOf(EngineIsa.CANDIDATES));
        EngineIsa.Choice c = EngineIsa.choose(null, CPU, ENGINE, cache, prober);
        assertEquals("SSE41", c.isa());
        assertEquals("htsgd: oneDNN self-check failed on AMD EPYC (NaN gradient in conv backward); using "
                + "DNNL_MAX_CPU_ISA=SSE41", c.note());
        assertEquals(EngineIsa.CANDIDATES, prober.probed);
        assertEquals(c, EngineIsa.choose(null, CPU, ENGINE, cache, new Recording(Set.of())), "cached");
    }

    @Test
    void theFastestPassingSettingIsChosen() {
        Recording prober = new Recording(Set.of("ALL", "AVX512_CORE"));
        EngineIsa.Choice c = EngineIsa.choose(null, CPU, ENGINE, cache, prober);
        assertEquals("AVX2", c.isa());
        assertEquals("htsgd: oneDNN self-check failed on AMD EPYC (NaN gradient in conv backward); using "
                + "DNNL_MAX_CPU_ISA=AVX2", c.note());
    }

    @Test
    void theUsersSettingWinsUnchecked() {
        Recording prober = new Recording(Set.of());
        assertEquals(new EngineIsa.Choice("AVX2", ""), EngineIsa.choose("AVX2", CPU, ENGINE, cache, prober));
        assertEquals(List.of(), prober.probed);
    }

    @Test
    void theCacheKeyChangesWithTheCpuModelItsFlagsAndTheEngine() {
        String key = EngineIsa.cacheKey(CPU, ENGINE);
        assertEquals(key, EngineIsa.cacheKey(CpuIdentity.parse(CPUINFO), ENGINE));
        assertNotEquals(key, EngineIsa.cacheKey(CpuIdentity.parse(CPUINFO.replace("model\t\t: 1", "model\t\t: 17")),
                ENGINE));
        assertNotEquals(key, EngineIsa.cacheKey(CpuIdentity.parse(CPUINFO.replace("model name\t: AMD EPYC\ns",
                "model name\t: AMD EPYC 9R14\ns")), ENGINE));
        assertNotEquals(key, EngineIsa.cacheKey(CpuIdentity.parse(CPUINFO.replace("fma", "fma avx512f")), ENGINE));
        assertNotEquals(key, EngineIsa.cacheKey(CPU, ENGINE.replace("2.7.1", "2.8.0")));
        assertNotEquals(key, EngineIsa.cacheKey(CPU, ENGINE.replace("0.36.0", "0.37.0")));
    }

    @Test
    void aVerdictCachedForAnotherCpuIsNotReused() throws IOException {
        EngineIsa.choose(null, CPU, ENGINE, cache, new Recording(Set.copyOf(EngineIsa.CANDIDATES)));
        CpuIdentity other = CpuIdentity.parse(CPUINFO.replace("fma", "fma avx512f"));
        Recording prober = new Recording(Set.of());
        assertEquals("ALL", EngineIsa.choose(null, other, ENGINE, cache, prober).isa());
        assertEquals(List.of("ALL"), prober.probed);
        try (var files = Files.list(cache)) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void aCorruptCacheFileIsCheckedAgain() throws IOException {
        Files.writeString(cache.resolve("engine-check-" + EngineIsa.cacheKey(CPU, ENGINE) + ".json"), "{not json");
        Recording prober = new Recording(Set.of());
        assertEquals("ALL", EngineIsa.choose(null, CPU, ENGINE, cache, prober).isa());
        assertEquals(List.of("ALL"), prober.probed);
    }

    @Test
    void theCpuIdentityIsTheFirstProcessorsModelAndFlags() {
        assertEquals("AMD EPYC", CPU.name());
        assertEquals("vendor_id=AuthenticAMD;cpu family=25;model=1;stepping=1;flags=fpu sse sse4_1 avx avx2 fma;",
                CPU.details());
        assertTrue(EngineIsa.engineIdentity().matches("libtorch 2\\.7\\.1\\S* cpu linux-x86_64; DJL 0\\.36\\.0.*"),
                EngineIsa.engineIdentity());
        // what the check covers is part of the key: a verdict cached when only NCHW kernels were checked is not reused
        assertTrue(EngineIsa.engineIdentity().endsWith("; checked: " + ConvBackwardProbe.CHECKS),
                EngineIsa.engineIdentity());
    }
}
