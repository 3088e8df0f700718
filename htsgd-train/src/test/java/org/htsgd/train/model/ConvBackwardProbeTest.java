package org.htsgd.train.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The real probe on the engine, under the test configuration's DNNL_MAX_CPU_ISA. */
class ConvBackwardProbeTest {
    @Test
    void theEngineGradientMatchesThePlainJavaReferenceAndTheCheckPasses() {
        try (ConvBackwardProbe probe = ConvBackwardProbe.create(2)) {
            float[] g = probe.gradient();
            double[] r = probe.reference();
            assertEquals(2 * (250 + 2_500), g.length); // NCHW, then NHWC
            double scale = 0;
            double worst = 0;
            for (int i = 0; i < g.length; i++) {
                scale = Math.max(scale, Math.abs(r[i]));
                worst = Math.max(worst, Math.abs(g[i] - r[i]));
            }
            // float32 sums of <= 8,000 terms: measured relative error ~3e-6
            assertTrue(worst <= 1e-4 * scale, "max error " + worst + " at scale " + scale);
            EngineSelfCheck.Verdict v = EngineSelfCheck.check(probe, 20);
            assertTrue(v.passed(), v.reason());
        }
    }
}
