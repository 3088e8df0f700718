package org.htsgd.train.sharpness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.htsgd.train.model.reference.LeastSquares;
import org.junit.jupiter.api.Test;

/**
 * The measures against closed forms on least squares at its minimum, where
 * \(L(\theta^*+u) - L(\theta^*) = u^\top H u/2\) exactly with H = XᵀX/n. Each statistical check uses 3 standard
 * errors (two-sided false-alarm rate 0.27% per seed; the seeds are fixed, so the tests are deterministic) and also
 * asserts that the standard error is small enough for the check to have power.
 */
class QuadraticSharpnessTest {
    private static final double[] SCALES = Quadratics.geometricScales(20, 3, 0.85);

    private static LeastSquares dense() {
        return Quadratics.correlated(11, 2000, SCALES);
    }

    @Test
    void topEigenvalueAndTraceWithinOnePercent() {
        LeastSquares m = dense();
        double[] theta = Quadratics.weights(m);
        double[][] h = m.hessian();
        double lambda = Quadratics.topEigenvalue(h);
        double trace = Quadratics.trace(h);
        // probe variance 2 sum_{i!=j} H_ij^2 ~ 1 here: 400 probes give SE ~ 0.05, 3 SE < 1% of tr H ~ 32
        HessianSpectrum.Config cfg = HessianSpectrum.Config.defaults().withProbes(400);
        HessianSpectrum.Result r = HessianSpectrum.estimate(TrainingObjective.of(m, 300), cfg, 5, SharpnessProgress.NONE);

        assertTrue(r.converged(), "power iteration converged");
        assertEquals(lambda, r.topEigenvalue(), 0.01 * lambda);
        // a quadratic's central difference is exact up to rounding: the eigenvalue is much better than 1%
        assertEquals(lambda, r.topEigenvalue(), 1e-3 * lambda);
        double se = r.trace().standardError();
        assertTrue(3 * se < 0.01 * trace, "enough probes: 3 SE = " + 3 * se + " < 1% of " + trace);
        assertEquals(trace, r.trace().mean(), 3 * se);
        assertArrayEquals(theta, Quadratics.weights(m));
    }

    @Test
    void hutchinsonIsExactForDiagonalHessian() {
        // Rademacher probes have zero variance when H is diagonal: z'Hz = sum H_ii
        LeastSquares m = Quadratics.diagonal(3, 10, SCALES);
        HessianSpectrum.Result r = HessianSpectrum.estimate(TrainingObjective.of(m, 1000),
                HessianSpectrum.Config.defaults().withProbes(5), 1, SharpnessProgress.NONE);
        double trace = Quadratics.trace(m.hessian());
        assertEquals(trace, r.trace().mean(), 1e-9 * trace);
        assertEquals(0, r.trace().standardError(), 1e-9 * trace);
    }

    @Test
    void expectedSharpnessAtMinimumIsDeltaSquaredTraceOverTwo() {
        LeastSquares m = dense();
        double[] theta = Quadratics.weights(m);
        double expected = 0.01 * 0.01 * Quadratics.trace(m.hessian()) / 2;
        ExpectedSharpness.Result r = ExpectedSharpness.estimate(TrainingObjective.of(m, 2000),
                ExpectedSharpness.Config.paper(), 7, SharpnessProgress.NONE);
        double se = r.sharpness().standardError();
        // one draw has sd delta^2 sqrt(2 tr H^2)/2 ~ 0.5 of the mean here, so 100 samples give ~5%: 3 SE ~ 15%
        assertTrue(se < 0.1 * expected, "SE " + se + " small against " + expected);
        assertEquals(expected, r.sharpness().mean(), 3 * se);
        // at the minimum every change is non-negative: |dL| = dL
        assertEquals(r.sharpness().mean(), r.change().mean(), 1e-12 * expected);
        assertArrayEquals(theta, Quadratics.weights(m));
    }

    @Test
    void pacBayesSigmaMatchesClosedFormWithLossTarget() {
        LeastSquares m = dense();
        double[] theta = Quadratics.weights(m);
        double trace = Quadratics.trace(m.hessian());
        double target = 0.05;
        double closedForm = Math.sqrt(2 * target / trace);
        // fine search: the search error (tolerance / bracket) is negligible, only the Monte Carlo error remains
        SearchSettings s = SearchSettings.jiang().withQuantity(TargetQuantity.LOSS).withDisplacement(target)
                .withPrecision(50, 1e-12);
        PacBayesSharpness.Result r = PacBayesSharpness.estimate(TrainingObjective.of(m, 2000),
                PacBayesSharpness.Config.jiang().withSearch(s).withSamples(200), 3, SharpnessProgress.NONE);
        assertTrue(r.search().withinTolerance());
        // with common random numbers the rise is sigma^2 qhat / 2, qhat = mean of z_k'Hz_k (E qhat = tr H), so
        // sigma' = sqrt(2 target / qhat): check qhat = 2 target / sigma'^2 against tr H within 3 of its SEs
        double qhat = 2 * target / (r.sigma() * r.sigma());
        double seQhat = 2 * r.search().displacementStandardError() / (r.sigma() * r.sigma());
        assertTrue(seQhat < 0.05 * trace, "SE " + seQhat + " small against tr H " + trace);
        assertEquals(trace, qhat, 3 * seQhat);
        assertEquals(closedForm, r.sigma(), 0.1 * closedForm);
        assertEquals(1 / (r.sigma() * r.sigma()), r.sharpness(), 1e-12 * r.sharpness());
        assertArrayEquals(theta, Quadratics.weights(m));
    }

    @Test
    void pacBayesWithJiangSearchSettingsIsWithinTolerancePlusMonteCarloError() {
        LeastSquares m = dense();
        double trace = Quadratics.trace(m.hessian());
        double target = 0.1;
        PacBayesSharpness.Config cfg = PacBayesSharpness.Config.jiang()
                .withSearch(SearchSettings.jiang().withQuantity(TargetQuantity.LOSS));
        PacBayesSharpness.Result r = PacBayesSharpness.estimate(TrainingObjective.of(m, 2000), cfg, 9,
                SharpnessProgress.NONE);
        // the search stops when |D - 0.1| < 0.01, D = sigma^2 qhat / 2 with qhat within 3 SE of tr H
        double relSe = r.search().displacementStandardError() / r.search().displacement();
        assertTrue(r.search().withinTolerance());
        double low = Math.sqrt(2 * (target - 0.01) / (trace * (1 + 3 * relSe)));
        double high = Math.sqrt(2 * (target + 0.01) / (trace * (1 - 3 * relSe)));
        assertTrue(r.sigma() > low && r.sigma() < high, r.sigma() + " in (" + low + ", " + high + ")");
    }

    @Test
    void referenceCodeConventionFindsTheSameStandardDeviation() {
        // std = sigma^2: the same perturbation law is reached at sigma_ref = sqrt(sigma), so the standard
        // deviations agree to the search precision, and the reported sharpness is 1/sigma_ref^2 = 1/std
        LeastSquares m = dense();
        SearchSettings s = SearchSettings.jiang().withQuantity(TargetQuantity.LOSS).withDisplacement(0.05)
                .withPrecision(50, 1e-12);
        PacBayesSharpness.Config ours = PacBayesSharpness.Config.jiang().withSearch(s);
        TrainingObjective objective = TrainingObjective.of(m, 2000);
        PacBayesSharpness.Result a = PacBayesSharpness.estimate(objective, ours, 4, SharpnessProgress.NONE);
        PacBayesSharpness.Result b = PacBayesSharpness.estimate(objective,
                ours.withScale(PerturbationScale.SIGMA_SQUARED), 4, SharpnessProgress.NONE);
        assertEquals(a.standardDeviation(), b.standardDeviation(), 1e-9);
        assertEquals(b.sigma() * b.sigma(), b.standardDeviation(), 1e-15);
        assertEquals(1 / b.standardDeviation(), b.sharpness(), 1e-9 * b.sharpness());
    }

    @Test
    void maximalAlphaMatchesClosedFormForDiagonalHessian() {
        LeastSquares m = Quadratics.diagonal(5, 10, SCALES);
        double[] theta = Quadratics.weights(m);
        double target = 0.05;
        // the worst point of the box is a vertex: max dL = alpha^2 sum H_ii / 2
        double closedForm = Math.sqrt(2 * target / Quadratics.trace(m.hessian()));
        SearchSettings s = SearchSettings.jiang().withQuantity(TargetQuantity.LOSS).withDisplacement(target)
                .withPrecision(50, 1e-12);
        MaximalSharpness.Result r = MaximalSharpness.estimate(TrainingObjective.of(m, 1000),
                MaximalSharpness.Config.jiang().withSearch(s), 2, SharpnessProgress.NONE);
        assertTrue(r.search().withinTolerance());
        // no Monte Carlo error: the ascent reaches the vertex exactly, only the tolerance 1e-12 on dL remains
        assertEquals(closedForm, r.alpha(), 1e-9 * closedForm);
        assertEquals(1 / (r.alpha() * r.alpha()), r.sharpness(), 1e-12 * r.sharpness());
        assertArrayEquals(theta, Quadratics.weights(m));
    }

    @Test
    void maximalWithOneAscentStepFromRandomStartIsNotYetAtTheVertex() {
        // the check above has power: a single short step leaves coordinates inside the box, so the worst rise at
        // a given alpha is smaller and alpha' comes out larger than the closed form
        LeastSquares m = Quadratics.diagonal(5, 10, SCALES);
        double closedForm = Math.sqrt(2 * 0.05 / Quadratics.trace(m.hessian()));
        SearchSettings s = SearchSettings.jiang().withQuantity(TargetQuantity.LOSS).withDisplacement(0.05)
                .withPrecision(50, 1e-12);
        MaximalSharpness.Result r = MaximalSharpness.estimate(TrainingObjective.of(m, 1000),
                MaximalSharpness.Config.jiang().withSearch(s).withAscent(1, 0.1), 2, SharpnessProgress.NONE);
        assertTrue(r.alpha() > 1.01 * closedForm, r.alpha() + " vs " + closedForm);
    }
}
