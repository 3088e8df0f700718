package org.htsgd.core.simulation;

import org.htsgd.core.landscape.Landscape1D;

/**
 * The scalar hot loops of the 1-D simulator: eq. (2) written out on doubles, with no allocation and no call other
 * than the landscape's derivative and the noise draw.
 */
final class Kernel1D {
    // Implementation notes: clipping and projection are written as comparisons (as Truncation.apply and
    // Domain.Interval.project do) so NaN passes through both and is caught by the field test, which fails for NaN
    // (a NaN iterate is never inside a field). +-inf updates are clipped or projected to finite values, so the
    // iterate is finite unless it is NaN. The stop flag is polled every PathRunner.CHUNK steps.

    private Kernel1D() {
    }

    /**
     * Runs one path until it leaves the open interval (lo, hi) or {@code cap} steps have been made.
     *
     * @param out receives the last iterate in {@code out[0]}
     * @return the number of steps made (the exit time if {@code out[0]} is outside (lo, hi)); -1 if stopped
     */
    static long exit(Landscape1D f, ScalarNoise z, double eta, double b, double dlo, double dhi,
                     double x0, double lo, double hi, long cap, int path, PathRunner.Guard guard, double[] out) {
        double x = x0;
        long n = 0;
        while (n < cap) {
            long end = Math.min(cap, n + PathRunner.CHUNK);
            while (n < end) {
                double w = eta * (f.derivative(x) - z.next());
                w = w > b ? b : (w < -b ? -b : w);
                x -= w;
                x = x < dlo ? dlo : (x > dhi ? dhi : x);
                n++;
                if (!(x > lo && x < hi)) {
                    if (x != x) {
                        guard.diverged(path, n, x);
                        return -1;
                    }
                    out[0] = x;
                    return n;
                }
            }
            if (guard.shouldStop(path)) {
                return -1;
            }
        }
        out[0] = x;
        return n;
    }

    /**
     * Runs one path for {@code steps} steps, accumulating occupation and transitions.
     *
     * @param fieldSteps per field, number of steps n in [1, steps] with X_n in the field (added to)
     * @param transitions k*k row-major counts of field changes i -> j (added to)
     * @param histogram per bin counts over [hlo, hlo + bins/hinv), clamped at the ends; null for none
     * @param trajectory receives X_0, X_every, X_{2 every}, ... up to its length; may be empty
     * @return false if stopped or diverged
     */
    static boolean occupy(Landscape1D f, ScalarNoise z, double eta, double b, double dlo, double dhi, double x0,
                          long steps, Partition1D fields, long[] fieldSteps, long[] transitions,
                          long[] histogram, double hlo, double hinv, double[] trajectory, int every,
                          int path, PathRunner.Guard guard) {
        int k = fields.fieldCount();
        double x = x0;
        int field = fields.field(x);
        double lo = fields.lower(field);
        double hi = fields.upper(field);
        long entered = 0; // steps before the current stay in `field`
        int bins = histogram == null ? 0 : histogram.length;
        int stored = 0;
        if (trajectory.length > 0) {
            trajectory[stored++] = x;
        }
        int untilSample = every;
        long n = 0;
        while (n < steps) {
            long start = n;
            long end = Math.min(steps, n + PathRunner.CHUNK);
            while (n < end) {
                double w = eta * (f.derivative(x) - z.next());
                w = w > b ? b : (w < -b ? -b : w);
                x -= w;
                x = x < dlo ? dlo : (x > dhi ? dhi : x);
                n++;
                if (!(x > lo && x <= hi)) {
                    if (x != x) {
                        guard.diverged(path, n, x);
                        return false;
                    }
                    int next = fields.field(x);
                    fieldSteps[field] += n - 1 - entered;
                    entered = n - 1;
                    transitions[field * k + next]++;
                    field = next;
                    lo = fields.lower(field);
                    hi = fields.upper(field);
                }
                if (bins > 0) {
                    int bin = (int) ((x - hlo) * hinv);
                    histogram[bin < 0 ? 0 : (bin >= bins ? bins - 1 : bin)]++;
                }
                if (--untilSample == 0) {
                    untilSample = every;
                    if (stored < trajectory.length) {
                        trajectory[stored++] = x;
                    }
                }
            }
            guard.progress(n - start);
            if (guard.shouldStop(path)) {
                return false;
            }
        }
        fieldSteps[field] += steps - entered;
        return true;
    }
}
