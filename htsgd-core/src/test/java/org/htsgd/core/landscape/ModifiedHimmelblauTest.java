package org.htsgd.core.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ModifiedHimmelblauTest {
    @Test
    void gradientMatchesFiniteDifferencesAwayFromKinks() {
        ModifiedHimmelblau f = Landscapes.himmelblau();
        double h = 1e-6;
        double[] g = new double[2];
        int checked = 0;
        for (double x = -4.1; x <= 4.1; x += 0.173) {
            for (double y = -4.1; y <= 4.1; y += 0.191) {
                double[] p = {x, y};
                if (!f.domain().contains(p)) {
                    continue;
                }
                double fxp = f.value(new double[] {x + h, y});
                double fxm = f.value(new double[] {x - h, y});
                double fyp = f.value(new double[] {x, y + h});
                double fym = f.value(new double[] {x, y - h});
                double dx = (fxp - fxm) / (2 * h);
                double dy = (fyp - fym) / (2 * h);
                // skip points within h of the cut's kinks/discontinuities: one-sided differences disagree there
                double dx2 = (fxp - f.value(p)) / h;
                double dy2 = (fyp - f.value(p)) / h;
                if (Math.abs(dx2 - dx) > 1e-3 * (1 + Math.abs(dx)) || Math.abs(dy2 - dy) > 1e-3 * (1 + Math.abs(dy))) {
                    continue;
                }
                f.gradient(p, g);
                assertEquals(dx, g[0], 1e-5 * (1 + Math.abs(dx)), "x=" + x + " y=" + y);
                assertEquals(dy, g[1], 1e-5 * (1 + Math.abs(dy)), "x=" + x + " y=" + y);
                checked++;
            }
        }
        assertEquals(true, checked > 1000, "checked " + checked);
    }

    @Test
    void segmentOfMinimaAtAy() {
        ModifiedHimmelblau f = Landscapes.himmelblau();
        for (double x = -3.0; x <= -0.5; x += 0.25) {
            assertEquals(0, f.value(new double[] {x, -2.9}), 0);
        }
    }
}
