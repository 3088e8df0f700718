package org.htsgd.cli.reproduce;

import java.util.EnumSet;
import org.htsgd.train.sharpness.ExpectedSharpness;
import org.htsgd.train.sharpness.HessianSpectrum;
import org.htsgd.train.sharpness.MaximalSharpness;
import org.htsgd.train.sharpness.Measure;
import org.htsgd.train.sharpness.PacBayesSharpness;
import org.htsgd.train.sharpness.SearchSettings;
import org.htsgd.train.sharpness.SharpnessConfig;

/** The sharpness measures Table 2 takes at a run's final weights (paper.md §4.4; Jiang et al. 2020 for §4.6). */
final class Table2Sharpness {
    /** Expected sharpness: the standard deviation δ of the Gaussian perturbation (paper.md §4.4). */
    static final double DELTA = 0.01;

    private Table2Sharpness() {
    }

    /**
     * @param s the profile's training scale
     * @param seed the measures' seed
     * @return the sharpness configuration: expected (δ = 0.01), PAC-Bayes and maximal (Jiang et al.'s target and
     *     bracket with the profile's depth and sample counts), Hessian top eigenvalue and trace
     */
    static SharpnessConfig config(TrainingScale s, long seed) {
        SharpnessConfig paper = SharpnessConfig.paper(seed);
        SearchSettings search = SearchSettings.jiang().withPrecision(s.searchDepth(),
            SearchSettings.jiang().tolerance());
        return paper.withMeasures(EnumSet.of(Measure.EXPECTED, Measure.PAC_BAYES, Measure.MAXIMAL, Measure.HESSIAN))
            .withExpected(new ExpectedSharpness.Config(DELTA, s.expectedSharpnessSamples()))
            .withPacBayes(PacBayesSharpness.Config.jiang().withSearch(search).withSamples(s.pacBayesSamples()))
            .withMaximal(MaximalSharpness.Config.jiang().withSearch(search)
                .withAscent(s.maximalAscentSteps(), MaximalSharpness.Config.jiang().stepFraction()))
            .withHessian(HessianSpectrum.Config.defaults().withPowerIteration(s.hessianIterations(),
                HessianSpectrum.Config.defaults().tolerance()).withProbes(s.hessianProbes()));
    }
}
