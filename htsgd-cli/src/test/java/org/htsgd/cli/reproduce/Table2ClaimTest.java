package org.htsgd.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.htsgd.train.loop.Task;
import org.htsgd.train.method.IterationSchedule;
import org.htsgd.train.method.Method;
import org.junit.jupiter.api.Test;

class Table2ClaimTest {
    private static final Table2Claim FLATTER = new Table2Claim(Method.OUR2, Table2Claim.Quantity.EXPECTED_SHARPNESS,
        false);
    private static final Table2Claim MORE_ACCURATE = new Table2Claim(Method.OUR1,
        Table2Claim.Quantity.TEST_ACCURACY, true);

    @Test
    void clearWin() {
        // the differences of PairedDifferenceTest: (-2, -3, -4, -3), CI [-4.2992, -1.7008] below 0 as claimed
        Table2Claim.Verdict v = Table2Claim.Verdict.of(FLATTER,
            PairedDifference.of(new double[] {1, 2, 3, 4}, new double[] {3, 5, 7, 7}));
        assertEquals(Table2Claim.Outcome.HOLDS, v.outcome());
        // sign test: 4 of 4 below 0, P(X >= 4) = 1/16 for X ~ Bin(4, 1/2)
        assertEquals("“Our 2 is flatter than SB”: holds with 95% confidence: Our 2 is flatter than SB in 4 of 4 "
            + "replications (sign test, one-sided p = 0.063); Our 2 − SB = -3.0000 (95% CI -4.2992 to -1.7008), "
            + "which excludes 0.", v.sentence());
    }

    @Test
    void clearLoss() {
        Table2Claim.Verdict v = Table2Claim.Verdict.of(FLATTER,
            PairedDifference.of(new double[] {3, 5, 7, 7}, new double[] {1, 2, 3, 4}));
        assertEquals(Table2Claim.Outcome.CONTRADICTED, v.outcome());
        assertEquals("“Our 2 is flatter than SB”: contradicted with 95% confidence: Our 2 is sharper than SB in 4 of "
            + "4 replications (sign test, one-sided p = 0.063); Our 2 − SB = +3.0000 (95% CI 1.7008 to 4.2992), "
            + "which excludes 0 on the opposite side.", v.sentence());
    }

    @Test
    void inconclusive() {
        // (1, -2, 0): CI [-4.13, 3.46] includes 0; sign test: 1 of the 2 non-zero above 0, P(X >= 1) = 3/4
        Table2Claim.Verdict v = Table2Claim.Verdict.of(MORE_ACCURATE,
            PairedDifference.of(new double[] {5, 1, 4}, new double[] {4, 3, 4}));
        assertEquals(Table2Claim.Outcome.INCONCLUSIVE, v.outcome());
        assertEquals("“Our 1 is more accurate than SB”: not shown: Our 1 is more accurate than SB in 1 of 3 "
            + "replications (sign test, one-sided p = 0.750), but Our 1 − SB = -0.33 pp (95% CI -4.13 to 3.46) "
            + "includes 0.", v.sentence());
    }

    @Test
    void oneReplicationNeverClaimsConfidence() {
        Table2Claim.Verdict v = Table2Claim.Verdict.of(new Table2Claim(Method.OUR2,
            Table2Claim.Quantity.TEST_ACCURACY, true), PairedDifference.of(new double[] {70.06}, new double[] {69.2}));
        assertEquals(Table2Claim.Outcome.ONE_REPLICATION, v.outcome());
        assertEquals("“Our 2 is more accurate than SB”: one replication: no confidence statement possible (Our 2 − SB "
            + "= +0.86 pp: more accurate than SB in this replication).", v.sentence());
        Table2Claim.Verdict lb = Table2Claim.Verdict.of(new Table2Claim(Method.LB,
            Table2Claim.Quantity.EXPECTED_SHARPNESS, true), PairedDifference.of(new double[] {0.01}, new double[] {0.02}));
        assertEquals("“LB is sharper than SB”: one replication: no confidence statement possible (LB − SB = -0.0100: "
            + "flatter than SB in this replication).", lb.sentence());
    }

    @Test
    void paperClaimsAreTheTwoOrders() {
        List<String> s = Table2Claim.paper().stream().map(Table2Claim::statement).toList();
        assertEquals(List.of("Our 1 is more accurate than SB", "Our 2 is more accurate than SB",
            "LB is less accurate than SB", "SB+Noise is less accurate than SB", "Our 1 is flatter than SB",
            "Our 2 is flatter than SB", "LB is sharper than SB"), s);
    }

    @Test
    void pairsRunsOfTheSameReplicationAndSkipsDivergedOnes() {
        List<Table2Run> runs = new ArrayList<>();
        double[] sb = {0.010, 0.012, 0.011};
        double[] our2 = {0.004, 0.005, Double.NaN};
        for (int r = 0; r < 3; r++) {
            runs.add(run(Method.SB, r, 0.69, sb[r]));
            runs.add(r < 2 ? run(Method.OUR2, r, 0.70, our2[r]) : Table2Run.diverged(job(Method.OUR2, r), "NaN"));
        }
        PairedDifference d = Table2Claim.paired(Method.OUR2, Table2Claim.Quantity.EXPECTED_SHARPNESS, runs);
        assertEquals(2, d.n());
        assertEquals(-0.0065, d.mean(), 1e-15); // ((0.004-0.010) + (0.005-0.012)) / 2
        PairedDifference a = Table2Claim.paired(Method.OUR2, Table2Claim.Quantity.TEST_ACCURACY, runs);
        assertEquals(1.0, a.mean(), 1e-12); // percentage points
        assertEquals(0, Table2Claim.paired(Method.OUR1, Table2Claim.Quantity.TEST_ACCURACY, runs).n());
        assertEquals(Table2Claim.Outcome.NO_DATA, new Table2Claim(Method.OUR1, Table2Claim.Quantity.TEST_ACCURACY,
            true).test(runs).outcome());
    }

    @Test
    void sbNoiseLessAccurateThanSbIsTestedFromItsPairedRuns() {
        // SB+Noise 64.0 / 65.0%, SB 69.0 / 69.5%: d = (-5.0, -4.5), CI -4.75 -+ 12.706 * 0.3536 / sqrt(2), below 0
        List<Table2Run> runs = List.of(run(Method.SB, 0, 0.69, 0.01), run(Method.SB_NOISE, 0, 0.64, 0.04),
            run(Method.SB, 1, 0.695, 0.01), run(Method.SB_NOISE, 1, 0.65, 0.005));
        Table2Claim claim = Table2Claim.paper().stream().filter(c -> c.method() == Method.SB_NOISE).findFirst()
            .orElseThrow();
        Table2Claim.Verdict v = claim.test(runs);
        assertEquals(Table2Claim.Outcome.HOLDS, v.outcome());
        assertEquals("“SB+Noise is less accurate than SB”: holds with 95% confidence: SB+Noise is less accurate than "
            + "SB in 2 of 2 replications (sign test, one-sided p = 0.250); SB+Noise − SB = -4.75 pp (95% CI -7.93 "
            + "to -1.57), which excludes 0.", v.sentence());
        assertEquals(1, Table2Claim.paper().stream().filter(c -> c.method() == Method.SB_NOISE).count(),
            "its sharpness against SB goes either way in the paper's tasks: no claim");
    }

    static Table2Job job(Method m, int rep) {
        return new Table2Job(Task.FMNIST_LENET, m, rep, 2 + 1000L * rep, IterationSchedule.of(1000, 500),
            Path.of("runs", m.cliName(), "rep" + rep));
    }

    static Table2Run run(Method m, int rep, double testAccuracy, double expected) {
        return Table2Run.finished(job(m, rep), new Table2Run.Training(testAccuracy, 1, 1, 0.01, 0, 1),
            new Table2Run.Measures(expected, 0, 1, 1, 1, 1, 1), new Table2Course(300, 500, 500, 3, 1.0, 0));
    }
}
