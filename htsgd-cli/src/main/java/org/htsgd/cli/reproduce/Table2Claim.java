package org.htsgd.cli.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.htsgd.train.method.Method;

/**
 * One ordering claim of the paper's Table 2 (paper.md §4.5), stated as a method against SB: accuracy order
 * Our 1/2 &gt; SB &gt; LB, SB+Noise and sharpness order Our 1/2 &lt; SB &lt; LB, i.e. Our 1 and Our 2 more accurate
 * and flatter than SB, LB less accurate and sharper than SB, and SB+Noise (Our 2 without the truncation) less accurate
 * than SB, in all three of the paper's tasks (by 4.8 to 47 pp). SB+Noise's sharpness is not a claim: against SB's it
 * is higher on Fashion-MNIST and CIFAR-10 and lower on SVHN. A run tests a claim with the {@link PairedDifference} of the method's
 * replications against SB's (same seed), and says so in plain words ({@link Verdict#sentence()}).
 *
 * @param method the method compared with SB
 * @param quantity what is compared
 * @param higher whether the paper has the method's value above SB's
 */
record Table2Claim(Method method, Quantity quantity, boolean higher) {
    /** Validates. */
    Table2Claim {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(quantity, "quantity");
    }

    /** What a claim compares, per run. */
    enum Quantity {
        /** Final test accuracy in percent; differences in percentage points. */
        TEST_ACCURACY("test accuracy", "more accurate", "less accurate", 2, " pp",
            r -> 100 * r.training().testAccuracy()),
        /** Expected sharpness E|L(θ+ν) − L(θ)| (paper.md §4.4). */
        EXPECTED_SHARPNESS("expected sharpness", "sharper", "flatter", 4, "", r -> r.sharpness().expected());

        /** Name in the report. */
        final String label;
        /** The comparative of a higher value. */
        final String higherWord;
        /** The comparative of a lower value. */
        final String lowerWord;
        /** Decimals of a difference. */
        final int digits;
        /** Unit of a difference, e.g. {@code " pp"}. */
        final String unit;
        /** The value of a run. */
        final ToDoubleFunction<Table2Run> value;

        Quantity(String label, String higherWord, String lowerWord, int digits, String unit,
                 ToDoubleFunction<Table2Run> value) {
            this.label = label;
            this.higherWord = higherWord;
            this.lowerWord = lowerWord;
            this.digits = digits;
            this.unit = unit;
            this.value = value;
        }
    }

    /** How a run answers a claim. */
    enum Outcome {
        /** The 95% interval of the paired difference lies on the claimed side of 0. */
        HOLDS,
        /** The 95% interval lies on the other side of 0. */
        CONTRADICTED,
        /** The 95% interval includes 0. */
        INCONCLUSIVE,
        /** One pair: a direction, no confidence statement. */
        ONE_REPLICATION,
        /** No pair (not run, or diverged). */
        NO_DATA
    }

    /**
     * @return the claims of Table 2 a run can test, in report order: Our 1, Our 2, LB and SB+Noise against SB in test
     *     accuracy, then Our 1, Our 2 and LB against SB in expected sharpness
     */
    static List<Table2Claim> paper() {
        List<Table2Claim> claims = new ArrayList<>();
        for (Quantity q : Quantity.values()) {
            boolean accuracy = q == Quantity.TEST_ACCURACY;
            claims.add(new Table2Claim(Method.OUR1, q, accuracy));
            claims.add(new Table2Claim(Method.OUR2, q, accuracy));
            claims.add(new Table2Claim(Method.LB, q, !accuracy));
            if (accuracy) {
                claims.add(new Table2Claim(Method.SB_NOISE, q, false));
            }
        }
        return claims;
    }

    /** @return e.g. "Our 2 is flatter than SB" */
    String statement() {
        return method.label() + " is " + (higher ? quantity.higherWord : quantity.lowerWord) + " than SB";
    }

    /**
     * @param method a method
     * @param quantity a quantity
     * @param taskRuns the runs of one task
     * @return the paired difference (method − SB) over the replications where both finished without diverging
     */
    static PairedDifference paired(Method method, Quantity quantity, List<Table2Run> taskRuns) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Table2Run r : taskRuns) {
            if (r.method() != method || r.hasDiverged()) {
                continue;
            }
            Optional<Table2Run> sb = taskRuns.stream().filter(s -> s.method() == Method.SB && !s.hasDiverged()
                && s.replication() == r.replication()).findFirst();
            if (sb.isPresent()) {
                x.add(quantity.value.applyAsDouble(r));
                y.add(quantity.value.applyAsDouble(sb.get()));
            }
        }
        return PairedDifference.of(x.stream().mapToDouble(Double::doubleValue).toArray(),
            y.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * @param taskRuns the runs of one task
     * @return how they answer this claim
     */
    Verdict test(List<Table2Run> taskRuns) {
        return Verdict.of(this, paired(method, quantity, taskRuns));
    }

    /**
     * A claim and its answer.
     *
     * @param claim the claim
     * @param difference the paired difference (method − SB)
     * @param outcome the answer
     */
    record Verdict(Table2Claim claim, PairedDifference difference, Outcome outcome) {
        /**
         * @param claim the claim
         * @param d the paired difference (method − SB)
         * @return the answer: the side of 0 the 95% interval lies on, measured against the claimed side (the rule
         *     the report states before any run; the sign test of {@link #sentence()} is given beside it, not used)
         */
        static Verdict of(Table2Claim claim, PairedDifference d) {
            Outcome o;
            if (d.n() == 0) {
                o = Outcome.NO_DATA;
            } else if (d.n() == 1) {
                o = Outcome.ONE_REPLICATION;
            } else if (claim.higher() ? d.aboveZero() : d.belowZero()) {
                o = Outcome.HOLDS;
            } else if (claim.higher() ? d.belowZero() : d.aboveZero()) {
                o = Outcome.CONTRADICTED;
            } else {
                o = Outcome.INCONCLUSIVE;
            }
            return new Verdict(claim, d, o);
        }

        /** @return the answer in plain words, with the numbers it rests on */
        String sentence() {
            Table2Claim c = claim;
            Quantity q = c.quantity();
            String m = c.method().label();
            String diff = m + " − SB = " + difference.format(q.digits, q.unit);
            int claimed = c.higher() ? difference.positive() : difference.negative();
            int opposite = c.higher() ? difference.negative() : difference.positive();
            String of = " of " + difference.n() + " replications";
            String claimedSign = sign(difference.signTest(c.higher()));
            String oppositeSign = sign(difference.signTest(!c.higher()));
            String other = (c.higher() ? q.lowerWord : q.higherWord) + " than SB";
            String said = (c.higher() ? q.higherWord : q.lowerWord) + " than SB";
            return "“" + c.statement() + "”: " + switch (outcome) {
                case HOLDS -> "holds with 95% confidence: " + m + " is " + said + " in " + claimed + of
                    + claimedSign + "; " + diff + ", which excludes 0.";
                case CONTRADICTED -> "contradicted with 95% confidence: " + m + " is " + other + " in " + opposite
                    + of + oppositeSign + "; " + diff + ", which excludes 0 on the opposite side.";
                case INCONCLUSIVE -> "not shown: " + m + " is " + said + " in " + claimed + of + claimedSign
                    + ", but " + diff + " includes 0.";
                case ONE_REPLICATION -> "one replication: no confidence statement possible (" + diff + ": "
                    + (claimed == 1 ? said : opposite == 1 ? other : "equal to SB") + " in this replication).";
                case NO_DATA -> "not tested: no replication where both " + m + " and SB finished without diverging.";
            };
        }

        /** @return e.g. {@code " (sign test, one-sided p = 0.031)"} */
        private static String sign(double p) {
            return " (sign test, one-sided p = " + Fmt.f(p, 3) + ")";
        }
    }
}
