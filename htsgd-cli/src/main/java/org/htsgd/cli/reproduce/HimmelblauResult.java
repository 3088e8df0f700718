package org.htsgd.cli.reproduce;

import java.util.ArrayList;
import java.util.List;
import org.htsgd.cli.io.OutputDir;

/**
 * Figure 3's result ({@link HimmelblauPart}), written as {@code himmelblau.json} and read back to render the report;
 * its CSV files beside it hold the same numbers.
 *
 * @param cx the landscape's \(c_x\)
 * @param radius projection radius
 * @param noise noise description
 * @param eta learning rate
 * @param steps steps per path
 * @param paths paths per scenario
 * @param start \(X_0\): the minimiser of the field nearest the paper's (2.9, 1.0)
 * @param paperStartDistance distance from the paper's start to it
 * @param seed part seed
 * @param gridSpacing spacing of the flow grid
 * @param resolution the jump numbers' resolution (cell diagonal)
 * @param fields the fields
 * @param grid grid coordinates per axis
 * @param values f on the grid (NaN outside the ball), values[i][j] at (grid[i], grid[j])
 * @param labels attraction field on the grid (-1 outside the ball)
 * @param scenarios clipped and unclipped
 * @param exits the exit-time panel
 * @param largestStep the largest gradient step \(\eta\|\nabla f\|\) on the grid
 * @param steepFraction the fraction of the grid points in the disc where \(\eta\|\nabla f\| &gt; 0.05\): there
 *     the unclipped recursion is far from the gradient flow the theory assumes between jumps
 */
record HimmelblauResult(double cx, double radius, String noise, double eta, long steps, int paths, double[] start,
                        double paperStartDistance, long seed, double gridSpacing, double resolution,
                        List<Field> fields, double[] grid, double[][] values, int[][] labels,
                        List<Scenario> scenarios, List<ExitCurve> exits, double largestStep, double steepFraction) {
    /**
     * One field and its theory.
     *
     * @param name Omega1, ...
     * @param minimiser representative minimiser
     * @param minimiserSet polyline of the minimiser set (x,y pairs; one point for an isolated minimum)
     * @param jumps \(J_b\) from the reachable sets (-1 if unresolved)
     * @param jumpsLower its lower grid estimate
     * @param jumpsUpper its upper grid estimate
     * @param radius \(r\), distance from the minimiser set to the field's complement (grid)
     * @param radiusJumps \(\lceil r/b\rceil\)
     * @param contractive whether the drift is contractive on the field
     * @param exponent \(1 + (\alpha - 1)J_b\)
     * @param q the rate \(q_i\) at b
     * @param qError its error
     * @param rateMethod quadrature or Monte Carlo
     * @param qUnclipped the rate without truncation (\(J = 1\), quadrature)
     */
    public record Field(String name, double[] minimiser, double[] minimiserSet, int jumps, int jumpsLower,
                        int jumpsUpper, double radius, int radiusJumps, boolean contractive, double exponent,
                        double q, double qError, String rateMethod, double qUnclipped) {
    }

    /**
     * One scenario.
     *
     * @param id file id
     * @param label legend label
     * @param b threshold
     * @param basin mean fraction of time per attraction field (basin of the flow), over paths
     * @param basinSe its standard error over paths
     * @param proximity mean fraction of time within 0.5 of each field's minimiser (set), then "Out"
     * @param proximitySe its standard error
     * @param predicted the fields' chain at this eta (see the class comment); null if a rate is unknown
     * @param limit the same chain as eta goes to 0
     * @param basinChanges number of steps changing the attraction field (all paths)
     * @param trajectoryEvery steps between recorded points
     * @param trajectory path 0's recorded iterates (x,y pairs)
     * @param seconds wall time
     */
    public record Scenario(String id, String label, double b, double[] basin, double[] basinSe, double[] proximity,
                           double[] proximitySe, double[] predicted, double[] limit, long basinChanges,
                           int trajectoryEvery, double[] trajectory, double seconds) {
    }

    /**
     * One exit-time curve of the panel.
     *
     * @param field the field's name
     * @param jumps \(J_b\)
     * @param predictedExponent \(1 + (\alpha - 1)J_b\)
     * @param etas learning rates
     * @param means mean exit steps
     * @param censored censored paths per eta
     * @param predictedMeans \(1/(q\,H(1/\eta)(H(1/\eta)/\eta)^{J-1})\)
     * @param fitEtas the etas fitted
     * @param slope fitted slope
     * @param ciLow its 95% CI, low end
     * @param ciHigh high end
     * @param localSlopes slopes between consecutive etas (decreasing eta)
     * @param paths paths per eta
     */
    public record ExitCurve(String field, int jumps, double predictedExponent, double[] etas, double[] means,
                            int[] censored, double[] predictedMeans, double[] fitEtas, double slope, double ciLow,
                            double ciHigh, double[] localSlopes, int paths) {
    }

    /**
     * Writes the CSV files beside the JSON: time per field, the trajectories and the exit times.
     *
     * @param dir the part's directory
     */
    void writeCsvs(OutputDir dir) {
        List<List<?>> rows = new ArrayList<>();
        int n = fields().size();
        for (Scenario sc : scenarios()) {
            for (int i = 0; i <= n; i++) {
                String name = i < n ? fields().get(i).name() : "Out";
                rows.add(List.of(sc.id(), name, i < n ? sc.basin()[i] : Double.NaN, i < n ? sc.basinSe()[i]
                    : Double.NaN, sc.proximity()[i], sc.proximitySe()[i], i < n && sc.predicted() != null
                    ? sc.predicted()[i] : Double.NaN));
            }
        }
        dir.writeCsv("time-per-field.csv", List.of("scenario", "field", "basin_fraction", "basin_se",
            "within_0.5_fraction", "within_0.5_se", "predicted_fraction"), rows);
        List<List<?>> traj = new ArrayList<>();
        for (Scenario sc : scenarios()) {
            for (int i = 0; 2 * i + 1 < sc.trajectory().length; i++) {
                traj.add(List.of(sc.id(), (long) i * sc.trajectoryEvery(), sc.trajectory()[2 * i],
                    sc.trajectory()[2 * i + 1]));
            }
        }
        dir.writeCsv("trajectories.csv", List.of("scenario", "step", "x", "y"), traj);
        List<List<?>> ex = new ArrayList<>();
        for (ExitCurve c : exits()) {
            for (int i = 0; i < c.etas().length; i++) {
                ex.add(List.of(c.field(), c.jumps(), c.etas()[i], c.means()[i], c.censored()[i],
                    c.predictedMeans()[i]));
            }
        }
        dir.writeCsv("exit-times.csv", List.of("field", "J_b", "eta", "mean_exit_steps", "censored",
            "predicted_mean"), ex);
    }

}
