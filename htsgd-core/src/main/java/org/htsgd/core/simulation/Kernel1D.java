package org.htsgd.core.simulation;

import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.htsgd.core.analysis.Partition1D;
import org.htsgd.core.landscape.Landscape1D;

/**
 * The scalar hot loops of the 1-D simulator: eq. (2) written out on doubles, with no allocation per step and no
 * call other than the landscape's derivative and the noise draw. Each worker thread interleaves up to
 * {@link #LANES} paths (one step of each in turn): a single path is latency-bound (every step waits for the
 * previous iterate's derivative), interleaved paths let the CPU overlap independent steps. Each path still draws
 * only from its own stream in its own order, so results do not depend on the interleaving.
 */
final class Kernel1D {
    // Implementation notes: clipping and projection are written as comparisons (as Truncation.apply and
    // Domain.Interval.project do) so NaN passes through both and is caught by the field test, which fails for NaN
    // (a NaN iterate is never inside a field). +-inf updates are clipped or projected to finite values, so the
    // iterate is finite unless it is NaN. Stop flags are polled every PathRunner.CHUNK rounds.
    // Measured (paper1d, Lomax noise, one loaded core, CPU time): ~27 ns/step with 4 lanes (derivative ~13 ns,
    // noise draw ~7 ns, the rest bookkeeping and the dependency of each step on the previous one); 8 lanes and
    // drawing the noise in batches of 64 per lane (SymmetricLomaxSampler.fill) were not faster.

    /** Most paths one worker interleaves. */
    static final int LANES = 4;

    private Kernel1D() {
    }

    /** The recursion's scalar parameters. */
    record Step(Landscape1D f, Function<UniformRandomProvider, ScalarNoise> noise, double eta, double b, double dlo,
                double dhi) {
        static Step of(Sgd1D sgd) {
            return new Step(sgd.landscape(), ScalarNoise.forLaw(sgd.noise()), sgd.eta(), sgd.truncation().b(),
                sgd.landscape().domain().lo(), sgd.landscape().domain().hi());
        }

        /**
         * One step of eq. (2): \(arphi_L(x - arphi_b(\eta(f'(x) - z)))\), clipping and projection as comparisons.
         *
         * @param x \(X_n\)
         * @param z \(Z_{n+1}\)
         * @return \(X_{n+1}\)
         */
        double next(double x, double z) {
            double w = eta * (f.derivative(x) - z);
            w = w > b ? b : (w < -b ? -b : w);
            double y = x - w;
            return y < dlo ? dlo : (y > dhi ? dhi : y);
        }
    }

    /** One path in flight for an exit time. */
    private static final class ExitLane {
        /** Path index. */
        final int path;
        /** Its noise stream. */
        final ScalarNoise noise;
        /** Current iterate. */
        double x;
        /** Steps made. */
        long n;

        ExitLane(int path, ScalarNoise noise, double x) {
            this.path = path;
            this.noise = noise;
            this.x = x;
        }
    }

    /**
     * Exit-time worker: runs paths until they leave the open interval (lo, hi) or reach {@code cap} steps,
     * refilling a lane with the next path as soon as one ends.
     *
     * @param steps receives per path the steps made (exit time, or cap)
     * @param points receives per path the last iterate (outside (lo, hi) unless censored)
     */
    static void exitWorker(Step s, double x0, double lo, double hi, long cap, PathRunner.PathSource source,
                           PathRunner.Guard guard, long[] steps, double[] points) {
        ExitLane[] lanes = new ExitLane[source.lanes()];
        int active = 0;
        while (active < lanes.length) {
            int p = source.next();
            if (p < 0) {
                break;
            }
            lanes[active++] = new ExitLane(p, s.noise().apply(source.stream(p)), x0);
        }
        while (active > 0) {
            for (long r = 0; r < PathRunner.CHUNK && active > 0; r++) {
                for (int i = 0; i < active; i++) {
                    ExitLane l = lanes[i];
                    double x = s.next(l.x, l.noise.next());
                    l.x = x;
                    long n = ++l.n;
                    if (!(x > lo && x < hi) || n >= cap) {
                        if (x != x) {
                            guard.diverged(l.path, n, x);
                        } else {
                            steps[l.path] = n;
                            points[l.path] = x;
                            guard.progress(1);
                        }
                        int p = source.next();
                        if (p >= 0) {
                            lanes[i] = new ExitLane(p, s.noise().apply(source.stream(p)), x0);
                        } else {
                            lanes[i--] = lanes[--active];
                        }
                    }
                }
            }
            for (int i = 0; i < active; i++) {
                if (guard.shouldStop(lanes[i].path)) {
                    lanes[i--] = lanes[--active];
                }
            }
        }
    }

    /** One path in flight for occupancy. */
    private static final class OccupancyLane {
        /** Path index. */
        final int path;
        /** Noise stream. */
        final ScalarNoise noise;
        /** Per field steps (the path's slot). */
        final long[] fieldSteps;
        /** Flattened k*k transition counts (the path's slot). */
        final long[] transitions;
        /** Histogram counts or null. */
        final long[] histogram;
        /** Recorded trajectory. */
        final double[] trajectory;
        /** Current iterate. */
        double x;
        /** Current field and its ends. */
        int field;
        double lo;
        double hi;
        /** Steps before the current stay. */
        long entered;
        /** Recorded points. */
        int stored;

        OccupancyLane(int path, ScalarNoise noise, double x0, Partition1D fields, OccupancyTallies out) {
            this.path = path;
            this.noise = noise;
            this.fieldSteps = out.fieldSteps()[path];
            this.transitions = out.transitions()[path];
            this.histogram = out.histograms()[path];
            this.trajectory = out.trajectories()[path];
            this.x = x0;
            this.field = fields.field(x0);
            this.lo = fields.lowerCut(field);
            this.hi = fields.upperCut(field);
            if (trajectory.length > 0) {
                trajectory[stored++] = x0;
            }
        }
    }

    /**
     * Occupancy worker: runs blocks of paths for {@code steps} steps each, accumulating per path the steps per
     * field (\(n \in [1, steps]\)), field changes, a histogram over [hlo, hlo + bins/hinv) (ends clamped) and the
     * iterates \(X_0, X_{every}, X_{2 every}, \dots\) up to the trajectory's length.
     */
    static void occupancyWorker(Step s, double x0, long steps, Partition1D fields, double hlo, double hinv,
                                int every, PathRunner.PathSource source, PathRunner.Guard guard, OccupancyTallies out) {
        final int k = fields.fieldCount();
        OccupancyLane[] lanes = new OccupancyLane[source.lanes()];
        while (true) {
            int m = 0;
            while (m < lanes.length) {
                int p = source.next();
                if (p < 0) {
                    break;
                }
                lanes[m++] = new OccupancyLane(p, s.noise().apply(source.stream(p)), x0, fields, out);
            }
            if (m == 0) {
                return;
            }
            int untilSample = every;
            long n = 0;
            while (n < steps && m > 0) {
                long start = n;
                long end = Math.min(steps, n + PathRunner.CHUNK);
                for (; n < end; n++) {
                    boolean sample = --untilSample == 0;
                    if (sample) {
                        untilSample = every;
                    }
                    for (int i = 0; i < m; i++) {
                        OccupancyLane l = lanes[i];
                        double x = s.next(l.x, l.noise.next());
                        l.x = x;
                        if (!(x >= l.lo && x < l.hi)) {
                            if (x != x) {
                                guard.diverged(l.path, n + 1, x);
                                lanes[i--] = lanes[--m];
                                continue;
                            }
                            int next = fields.field(x);
                            l.fieldSteps[l.field] += n - l.entered;
                            l.entered = n;
                            l.transitions[l.field * k + next]++;
                            l.field = next;
                            l.lo = fields.lowerCut(next);
                            l.hi = fields.upperCut(next);
                        }
                        long[] h = l.histogram;
                        if (h != null) {
                            int bin = (int) ((x - hlo) * hinv);
                            h[bin < 0 ? 0 : (bin >= h.length ? h.length - 1 : bin)]++;
                        }
                        if (sample && l.stored < l.trajectory.length) {
                            l.trajectory[l.stored++] = x;
                        }
                    }
                }
                guard.progress((n - start) * m);
                for (int i = 0; i < m; i++) {
                    if (guard.shouldStop(lanes[i].path)) {
                        lanes[i--] = lanes[--m];
                    }
                }
            }
            for (int i = 0; i < m; i++) {
                OccupancyLane l = lanes[i];
                l.fieldSteps[l.field] += steps - l.entered;
            }
        }
    }
}
