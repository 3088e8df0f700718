package org.htsgd.cli.reproduce;

import org.htsgd.core.analysis.JumpNumber;
import org.htsgd.core.noise.IsotropicNoise;
import org.htsgd.core.theory.LimitingChain;
import org.htsgd.core.theory.Theory2DReport;

/**
 * Figure 3's time per field: the fractions measured over paths under the two rules (attraction field, or distance
 * to the minimiser with "Out"), and the fractions the chain on the fields predicts (see {@link HimmelblauPart}).
 */
final class HimmelblauTimes {
    private HimmelblauTimes() {
    }

    /**
     * Per-path time fractions of the combined labels summed to the basin (or proximity) rule, then mean and standard
     * error over paths.
     *
     * @return {means, standard errors}
     */
    static double[][] marginal(long[][] pathSteps, int n, boolean byBasin, long steps) {
        int m = byBasin ? n : n + 1;
        int paths = pathSteps.length;
        double[][] frac = new double[paths][m];
        for (int q = 0; q < paths; q++) {
            for (int c = 0; c < pathSteps[q].length; c++) {
                frac[q][byBasin ? c / (n + 1) : c % (n + 1)] += (double) pathSteps[q][c] / steps;
            }
        }
        double[] mean = new double[m];
        double[] se = new double[m];
        for (int i = 0; i < m; i++) {
            double sum = 0;
            double sq = 0;
            for (double[] row : frac) {
                sum += row[i];
                sq += row[i] * row[i];
            }
            mean[i] = sum / paths;
            se[i] = paths < 2 ? Double.NaN
                : Math.sqrt(Math.max(0, (sq - paths * mean[i] * mean[i]) / (paths - 1)) / paths);
        }
        return new double[][] {mean, se};
    }

    /**
     * The stationary law of the chain on the fields with rates \(q_{i,j}\,s_i(\eta)\),
     * \(s_i = H(1/\eta)(H(1/\eta)/\eta)^{J_i - 1}\) (eta = 0: the limit, where only the fields with the largest
     * \(J\) keep time, their chain as in Theorems 3–5; with equal J, Corollary 6's chain).
     *
     * @return the law, or null if a rate or jump number is unknown or the chain is not irreducible
     */
    static double[] chain(Theory2DReport theory, IsotropicNoise noise, double eta) {
        int n = theory.fields().size();
        double[][] q = theory.rates();
        int jMax = theory.jumpsLarge();
        double[][] gen = new double[n][n];
        for (int i = 0; i < n; i++) {
            int j = theory.fields().get(i).jump().jumps();
            if (j < 1 || j == JumpNumber.NO_EXIT || !theory.irreducible()) {
                return null;
            }
            double h = eta > 0 ? noise.tail(1 / eta) : 0;
            // at eta -> 0 scale by (H/eta)^(J - Jmax) relative to the largest: infinite speed for smaller J
            double scale = eta > 0 ? h * Math.pow(h / eta, j - 1) : j == jMax ? 1 : 1e12;
            for (int c = 0; c < n; c++) {
                if (c != i) {
                    gen[i][c] = q[i][c] * scale;
                    gen[i][i] -= gen[i][c];
                }
            }
        }
        return LimitingChain.stationary(gen);
    }

}
