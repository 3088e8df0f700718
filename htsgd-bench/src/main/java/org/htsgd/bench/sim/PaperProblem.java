package org.htsgd.bench.sim;

import org.htsgd.core.analysis.Partition1D;
import org.htsgd.core.landscape.Landscapes;
import org.htsgd.core.noise.SymmetricLomax;
import org.htsgd.core.simulation.OccupancyConfig1D;
import org.htsgd.core.simulation.Sgd1D;

/**
 * The benchmarked problem, shared by the JMH benchmark and the side-by-side run (and mirrored by
 * {@code bench/sim_numpy.py}): eq. (2) on the paper's 1-D landscape (§3.1, L = 1.6) with the paper's noise
 * \(0.1\,U\,\mathrm{Lomax}(1.2)\), start 0.3, occupation counted in the four attraction fields (maxima -1.3, 0.2,
 * 0.7).
 */
final class PaperProblem {
    /**
     * The attraction fields of paper1d, cut at its local maxima -1.3, 0.2, 0.7 as written (not as located by
     * {@code AttractionFields1D.partition()}, which finds 0.19999999999999996), like {@code bench/sim_numpy.py}.
     */
    static final Partition1D FIELDS = Partition1D.of(-1.3, 0.2, 0.7);

    private PaperProblem() {
    }

    /**
     * @param eta learning rate
     * @param b truncation threshold ({@code Double.POSITIVE_INFINITY}: none)
     * @param steps steps per path
     * @param paths number of paths
     * @param seed seed
     * @return the occupancy run
     */
    static OccupancyConfig1D config(double eta, double b, long steps, int paths, long seed) {
        Sgd1D sgd = Sgd1D.of(Landscapes.paper1d(), SymmetricLomax.of(1.2, 0.1), eta, b);
        return OccupancyConfig1D.of(sgd, 0.3, FIELDS, steps, paths, seed);
    }
}
