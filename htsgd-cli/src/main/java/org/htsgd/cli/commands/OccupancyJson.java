package org.htsgd.cli.commands;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;
import java.util.List;
import org.htsgd.core.theory.LimitingChain;
import org.htsgd.core.theory.TheoryReport;

/**
 * What {@code htsgd occupancy} writes to {@code occupancy.json}: the configuration, in 1-D the theory's widest minima
 * and limiting-chain stationary law (Theorems 2-5), in 2-D the fields' minimisers, then the simulated fraction of
 * time and steps per field, the transition counts, and the optional histogram and trajectories. Parts that do not
 * apply are left out. The keys and their order are a contract: {@code htsgd sweep} turns them into the columns of
 * {@code results.csv}.
 *
 * @param command always {@code occupancy}
 * @param config the run's settings ({@link Config1D} or {@link Config2D})
 * @param theory 1-D only: the theory next to the simulation
 * @param minimisers 2-D only: each field's minimiser
 * @param fields the field names (m1, m2, ...; "Out" in 2-D)
 * @param fractions fraction of time per field
 * @param fieldSteps steps per field
 * @param transitions transition counts between fields
 * @param histogramEdges 1-D, with {@code --histogram-bins}: the bins' edges
 * @param histogram 1-D, with {@code --histogram-bins}: visits per bin
 * @param trajectoryEvery with {@code --trajectory-every}: the recording interval
 * @param trajectories with {@code --trajectory-every}: the recorded iterates per path
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OccupancyJson(String command, Object config, Theory theory, List<double[]> minimisers, List<String> fields,
                     double[] fractions, long[] fieldSteps, long[][] transitions, double[] histogramEdges,
                     long[] histogram, Integer trajectoryEvery, double[][] trajectories) {
    /**
     * @param landscape the landscape's name
     * @param noise the noise law's spec
     * @param b the truncation threshold
     * @param start the start point
     * @param eta the learning rate
     * @param steps steps per path
     * @param paths paths
     * @param seed the master seed
     */
    record Config1D(String landscape, String noise, double b, double start, double eta, long steps, int paths,
                    long seed) {
    }

    /**
     * @param landscape the landscape's name
     * @param noise the noise law's description
     * @param b the truncation threshold
     * @param start the start point
     * @param eta the learning rate
     * @param steps steps per path
     * @param paths paths
     * @param seed the master seed
     * @param visitRadius a visit to a field means a distance below this to its minimiser
     */
    record Config2D(String landscape, String noise, double b, double[] start, double eta, long steps, int paths,
                    long seed, double visitRadius) {
    }

    /**
     * @param widestMinima the widest minima, from 1
     * @param lStar \(l^*\) of each minimum
     * @param irreducible whether the typical transition graph is irreducible
     * @param fractionOutsideWidest simulated fraction of time outside the widest minima's fields
     * @param classes the communication classes with their limiting chains' stationary laws
     */
    record Theory(int[] widestMinima, int[] lStar, boolean irreducible, double fractionOutsideWidest,
                  List<ClassLaw> classes) {
        /**
         * @param report the theory for the landscape and b
         * @param fractions simulated time fractions per field
         * @return the theory's widest minima, the fraction of time outside them, and the stationary law per class
         */
        static Theory of(TheoryReport report, double[] fractions) {
            int[] wide = report.widestMinima();
            double inWide = 0;
            for (int i : wide) {
                inWide += fractions[i];
            }
            List<ClassLaw> classes = report.classes().stream().map(c -> new ClassLaw(fromOne(c.members()),
                    c.absorbing(), fromOne(c.large()), c.stationary())).toList();
            return new Theory(fromOne(wide), report.minima().stream().mapToInt(TheoryReport.MinimumReport::lStar)
                    .toArray(), report.irreducible(), 1 - inWide, classes);
        }
    }

    /**
     * One communication class of the typical transition graph ({@link LimitingChain.ClassChain}).
     *
     * @param members its minima, from 1
     * @param absorbing whether it is absorbing
     * @param large its widest minima, from 1
     * @param stationary the stationary law of its limiting chain
     */
    record ClassLaw(int[] members, boolean absorbing, int[] large, double[] stationary) {
    }

    private static int[] fromOne(int[] indices) {
        return Arrays.stream(indices).map(i -> i + 1).toArray();
    }
}
