package org.htsgd.train.method;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.htsgd.core.validation.Require;

/**
 * A learning-rate schedule as a strategy object: maps the base rate \(\eta_0\) and the iteration index
 * \(t \ge 0\) to the rate \(\eta_t\) used at that iteration. Immutable. In a run's {@code config.json} it is
 * written with a {@code "type"} of {@code constant} or {@code step}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = LearningRateSchedule.Constant.class, name = "constant"),
    @JsonSubTypes.Type(value = LearningRateSchedule.StepDecay.class, name = "step")})
public sealed interface LearningRateSchedule permits LearningRateSchedule.Constant, LearningRateSchedule.StepDecay {

    /**
     * @param baseRate the base learning rate \(\eta_0\)
     * @param iteration the iteration index, {@code >= 0}
     * @return \(\eta_t\)
     */
    double learningRate(double baseRate, long iteration);

    /** @return the constant schedule \(\eta_t = \eta_0\) (Table 1 runs) */
    static LearningRateSchedule constant() {
        return Constant.INSTANCE;
    }

    /**
     * The S1 App. A.4 schedule: constant for the first {@code after} iterations, then halved at {@code after} and
     * again every {@code every} iterations.
     *
     * @param every halving period (k), {@code > 0}
     * @param after iterations at the base rate (m), {@code >= 0}
     * @return \(\eta_t = \eta_0\) for \(t < m\), else \(\eta_0 2^{-(1 + \lfloor (t-m)/k \rfloor)}\)
     * @throws IllegalArgumentException if {@code every <= 0} or {@code after < 0}
     */
    static LearningRateSchedule halveEvery(long every, long after) {
        return StepDecay.of(after, every, 0.5);
    }

    /** \(\eta_t = \eta_0\). */
    record Constant() implements LearningRateSchedule {
        /** The single instance. */
        static final Constant INSTANCE = new Constant();

        /** {@inheritDoc} */
        @Override
        public double learningRate(double baseRate, long iteration) {
            return baseRate;
        }

        @Override
        public String toString() {
            return "constant";
        }
    }

    /**
     * Step decay: \(\eta_t = \eta_0\) for \(t < m\), else \(\eta_0 \gamma^{1 + \lfloor (t-m)/k \rfloor}\).
     * The first decay happens at iteration m ("constant for the first 200 epochs, then halved every 30": S1 App.
     * A.4 leaves open whether the first halving is at epoch 200 or 230; we read it as 200).
     *
     * @param after m, iterations at the base rate, {@code >= 0}
     * @param every k, the decay period in iterations, {@code > 0}
     * @param factor \(\gamma \in (0, 1]\)
     */
    record StepDecay(long after, long every, double factor) implements LearningRateSchedule {
        /**
         * @throws IllegalArgumentException if {@code after < 0}, {@code every <= 0} or {@code factor} not in (0, 1]
         */
        public StepDecay {
            if (after < 0) {
                throw new IllegalArgumentException("after is not >= 0: " + after);
            }
            if (every <= 0) {
                throw new IllegalArgumentException("every is not > 0: " + every);
            }
            Require.inHalfOpenUnit(factor, "factor");
        }

        /**
         * @param after m
         * @param every k
         * @param factor \(\gamma\)
         * @return the schedule
         */
        public static StepDecay of(long after, long every, double factor) {
            return new StepDecay(after, every, factor);
        }

        /** {@inheritDoc} */
        @Override
        public double learningRate(double baseRate, long iteration) {
            if (iteration < after) {
                return baseRate;
            }
            return baseRate * Math.pow(factor, 1 + (iteration - after) / every);
        }

        @Override
        public String toString() {
            return "step(after=" + after + ", every=" + every + ", factor=" + factor + ")";
        }
    }
}
