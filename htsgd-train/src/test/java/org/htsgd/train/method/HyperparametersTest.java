package org.htsgd.train.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import org.htsgd.core.truncation.Truncation;
import org.htsgd.train.loop.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HyperparametersTest {
    static final Hyperparameters BASE = Hyperparameters.of(0.05, 100, 1200, 5, 0.5, 1.4, 5000, 10000);

    static void rejects(String field, UnaryOperator<Hyperparameters> change) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> change.apply(BASE));
        assertTrue(e.getMessage().startsWith(field + " is not"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"NaN", "0", "-0.1", "Infinity", "-Infinity"})
    void lrIsPositiveFinite(double v) {
        rejects("lr", h -> h.withLr(v));
    }

    @ParameterizedTest
    @CsvSource({"0", "-1"})
    void batchSizesArePositive(int v) {
        rejects("batch", h -> h.withBatch(v));
        rejects("lbBatch", h -> h.withLbBatch(v));
    }

    @ParameterizedTest
    @CsvSource({"NaN", "0", "-1"})
    void bIsPositive(double v) {
        rejects("b", h -> h.withB(v));
    }

    @ParameterizedTest
    @CsvSource({"NaN", "-1e-300", "Infinity"})
    void cIsNonNegativeFinite(double v) {
        rejects("c", h -> h.withC(v));
    }

    @ParameterizedTest
    @CsvSource({"NaN", "1", "0.5", "-2", "Infinity"})
    void alphaIsAboveOne(double v) {
        rejects("alpha", h -> h.withAlpha(v));
    }

    @Test
    void alphaJustAboveOneIsAccepted() {
        assertEquals(Math.nextUp(1.0), BASE.withAlpha(Math.nextUp(1.0)).alpha());
    }

    @Test
    void iterationsAndNoiseOff() {
        rejects("totalIterations", h -> h.withTotalIterations(0));
        rejects("noiseOffLast", h -> h.withNoiseOffLast(-1));
        rejects("noiseOffLast", h -> h.withNoiseOffLast(10001));
        rejects("noiseOffLast", h -> h.withTotalIterations(4999));
        assertEquals(10000, BASE.withNoiseOffLast(10000).noiseOffLast());
    }

    @ParameterizedTest
    @CsvSource({"NaN", "-0.1", "1", "1.5"})
    void momentumInUnitInterval(double v) {
        rejects("momentum", h -> h.withMomentum(v));
    }

    @ParameterizedTest
    @CsvSource({"NaN", "-1e-4", "Infinity"})
    void weightDecayNonNegativeFinite(double v) {
        rejects("weightDecay", h -> h.withWeightDecay(v));
    }

    @ParameterizedTest
    @CsvSource({"NaN", "0", "-0.05", "Infinity"})
    void samRhoPositiveFinite(double v) {
        rejects("samRho", h -> h.withSamRho(v));
    }

    @ParameterizedTest
    @CsvSource({"0", "-1", "-Infinity"})
    void weightClipPositive(double v) {
        rejects("weightLinfClip", h -> h.withWeightLinfClip(v));
    }

    @Test
    void weightClipNaNMeansOff() {
        assertEquals(Double.POSITIVE_INFINITY, BASE.withWeightLinfClip(Double.NaN).weightLinfClip());
        assertEquals(BASE, BASE.withWeightLinfClip(1).withWeightLinfClip(Double.NaN));
    }

    @Test
    void nullsAreRejected() {
        assertThrows(NullPointerException.class, () -> BASE.withB((Truncation) null));
        assertThrows(NullPointerException.class, () -> BASE.withSchedule(null));
        assertThrows(NullPointerException.class, () -> BASE.withParetoVariant(null));
        assertThrows(NullPointerException.class, () -> BASE.withNoiseOffPhase(null));
    }

    @Test
    void noiseOnBeforeTheLastK() {
        assertTrue(BASE.noiseOn(4999));
        assertTrue(!BASE.noiseOn(5000));
        assertTrue(BASE.withNoiseOffLast(0).noiseOn(9999));
    }

    @Test
    void scaledToKeepsTheRunShape() {
        Hyperparameters s = BASE.scaledTo(2000);
        assertEquals(2000, s.totalIterations());
        assertEquals(1000, s.noiseOffLast());
        assertEquals(BASE.withNoiseOffLast(1000).withTotalIterations(2000), s);
        Hyperparameters c = Task.CIFAR100_VGG16.hyperparameters().scaledTo(1173);
        assertEquals(391, c.noiseOffLast());
        assertEquals(LearningRateSchedule.StepDecay.of(782, 117, 0.5), c.schedule());
        assertThrows(IllegalArgumentException.class, () -> BASE.scaledTo(0));
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "3, 2", "7, 4", "9999, 5000", "20000, 10000"})
    void scaledNoiseOffIsHalfRoundedUpForTheHalfShape(long t, long k) {
        // K * T' / T exactly: K = T / 2 gives T' / 2 rounded half up at every odd T'
        assertEquals(k, BASE.scaledTo(t).noiseOffLast());
        assertEquals(IterationSchedule.of(t, k), BASE.iterationSchedule().scaledTo(t));
    }

    @Test
    void iterationScheduleIsTAndK() {
        assertEquals(IterationSchedule.of(10000, 5000), BASE.iterationSchedule());
        assertEquals(BASE.withTotalIterations(20000).withNoiseOffLast(7000),
            BASE.withIterationSchedule(IterationSchedule.of(20000, 7000)));
        assertThrows(IllegalArgumentException.class, () -> IterationSchedule.of(10, 11));
        assertThrows(IllegalArgumentException.class, () -> IterationSchedule.of(0, 0));
    }

    @Test
    void toStringNamesEveryField() {
        String s = BASE.toString();
        for (String f : new String[] {"lr=", "batch=", "lbBatch=", "b=", "c=", "alpha=", "paretoVariant=",
            "noiseOffLast=", "totalIterations=", "weightLinfClip=", "momentum=", "weightDecay=", "samRho=",
            "schedule=", "noiseOffPhase="}) {
            assertTrue(s.contains(f), f);
        }
    }
}
